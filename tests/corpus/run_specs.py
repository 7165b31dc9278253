#!/usr/bin/env python3
"""Run Gradio's own browser tests (js/spa/test/*.spec.ts) against wasmblocks exports of their demos.

    python3 tests/corpus/run_specs.py                       # every spec whose demo can run here
    python3 tests/corpus/run_specs.py --only hello_blocks,blocks_flipper --workers 1

The specs import `test`/`expect`/helpers from `@self/tootils`; tests/corpus/tootils/ is our stand-in, whose
fixture opens the demo's export (demo/<spec name>/run.py, or a `<case>_testcase.py` named by the test's title)
instead of starting Gradio. The specs run unmodified, copied next to our package.json so that
`@playwright/test` (pinned in tests/corpus/package.json, installed on first use with `npm ci`, no browser
download: the system Chromium is used) and the stand-in resolve; the working directory is Gradio's js/spa, as
in Gradio's CI, so the files the specs upload are found. Not run: the *.reload specs and the others that start
Gradio themselves, and specs whose demo needs packages this machine cannot give a browser.

Results: tests/corpus/results/specs.json and specs.md (per spec and per test), and docs/compatibility.md;
with --only, build/corpus/specs/specs-partial.md instead.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import demos as corpus  # noqa: E402

from wasmblocks_build.chromium import CHROMIUM_ARGS, ensure_chromium  # noqa: E402
from wasmblocks_build.site import build_runtime  # noqa: E402

SPEC_SOURCE = corpus.GRADIO_REPO / "js" / "spa" / "test"
SPEC_COPIES = HERE / ".specs"  # resolution of @playwright/test and @self/tootils starts next to the spec file
OUTPUT = corpus.WORK / "specs"
TOOTILS_IMPORT = re.compile(r"""from\s+["']@self/tootils["']""")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def ensure_playwright_test() -> Path:
    """tests/corpus/node_modules from the pinned lock (npm ci), once; returns the playwright CLI."""
    cli = HERE / "node_modules" / "@playwright" / "test" / "cli.js"
    lock = HERE / "package-lock.json"
    stamp = HERE / "node_modules" / ".package-lock.json"
    if not cli.is_file() or not stamp.is_file() or stamp.stat().st_mtime < lock.stat().st_mtime:
        print("installing @playwright/test for the spec run (npm ci in tests/corpus) …", flush=True)
        env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, env=env, check=True)
    return cli


def plan(only: set[str] | None) -> tuple[list[str], dict[str, str], list[corpus.Demo]]:
    """(specs to run, {spec: why it is not run}, demos to export: each spec's demo and its testcases)."""
    by_name: dict[str, list[corpus.Demo]] = defaultdict(list)
    for demo in corpus.discover(testcases=True):
        by_name[demo.name].append(demo)
    run, skipped, exports = [], {}, []
    for path in sorted(SPEC_SOURCE.glob("*.spec.ts")):
        name = path.name.removesuffix(".spec.ts")
        if only and name not in only:
            continue
        if name.endswith(".reload") or not TOOTILS_IMPORT.search(path.read_text(encoding="utf-8")):
            skipped[path.name] = "starts Gradio's server itself (not through @self/tootils)"
            continue
        demos = by_name.get(name)
        if not demos:
            skipped[path.name] = "no demo of that name"
            continue
        main = next(d for d in demos if d.entry == "run.py")
        if main.category != "runs":
            where = ("the Pyodide package index (offline here)" if main.category == "pyodide"
                     else "packages Pyodide lacks")
            skipped[path.name] = f"its demo needs {where}: {', '.join(main.needs)}"
            continue
        run.append(path.name)
        exports += [d for d in demos if d.category == "runs"]
    return run, skipped, exports


def collect(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Flatten Playwright's JSON report: one record per test (spec file, title path, status, first error)."""
    tests: list[dict[str, Any]] = []

    def walk(suite: dict[str, Any], file: str, titles: list[str]) -> None:
        file = suite.get("file", file)
        here = titles + ([suite["title"]] if suite.get("title") and suite["title"] != file else [])
        for spec in suite.get("specs", []):
            for test in spec.get("tests", []):
                results = test.get("results", [])
                last = results[-1] if results else {}
                status = last.get("status", "skipped")
                message = ANSI.sub("", (last.get("error") or {}).get("message", "")).strip()
                record = {"spec": Path(file).name, "title": " › ".join([*here, spec["title"]]),
                          "status": status}
                if message and status != "passed":
                    record["error"] = _error_summary(message)
                tests.append(record)
        for child in suite.get("suites", []):
            walk(child, file, here)

    for suite in report.get("suites", []):
        walk(suite, suite.get("file", ""), [])
    return tests


def _error_summary(message: str) -> str:
    """The error's first line, with the locator line Playwright prints below it when there is one."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    head = lines[0] if lines else ""
    locator = next((line for line in lines[1:6] if line.startswith("Locator:")), "")
    return f"{head} ({' '.join(locator.split())})" if locator else head


def cause_of(error: str) -> str:
    error = re.sub(r"Timeout \d+ms exceeded", "Timeout exceeded", error)
    error = re.sub(r"Test timeout of \d+ms exceeded", "Test timeout exceeded", error)
    error = re.sub(r"\(Locator: .*\)$", "", error).strip()
    return error[:160]


def summarize(tests: list[dict[str, Any]], run: list[str], skipped: dict[str, str]) -> dict[str, Any]:
    statuses = Counter(t["status"] for t in tests)
    per_spec: dict[str, Counter[str]] = defaultdict(Counter)
    for t in tests:
        per_spec[t["spec"]][t["status"]] += 1
    green = sorted(s for s, c in per_spec.items() if c["passed"] and set(c) == {"passed"})
    causes: dict[str, list[str]] = defaultdict(list)
    for t in tests:
        if t["status"] != "passed" and t["status"] != "skipped":
            causes[cause_of(t.get("error") or t["status"])].append(f"{t['spec']}: {t['title']}")
    ranked = sorted(causes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ran = len(tests) - statuses["skipped"]
    headline = (f"{statuses['passed']} of {ran} tests pass in {len(run)} of Gradio's spec files run against wasmblocks "
                f"({statuses['skipped']} more skipped by the specs themselves); {len(green)} spec files pass entirely.")
    lines = [
        f"spec files in js/spa/test: {len(run) + len(skipped)}; run: {len(run)}; not run: {len(skipped)} ("
        + "; ".join(f"{why}: {n}" for why, n in Counter(v.split(':')[0] for v in skipped.values()).most_common()) + ")",
        "tests: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())),
        f"spec files passing entirely: {', '.join(green) if green else 'none'}",
    ]
    return {"headline": headline, "lines": lines, "causes": [[c, len(v)] for c, v in ranked],
            "cause_tests": dict(ranked), "per_spec": {s: dict(c) for s, c in sorted(per_spec.items())}}


def write_markdown(path: Path, summary: dict[str, Any], tests: list[dict[str, Any]], skipped: dict[str, str]) -> None:
    out = ["# Gradio's browser tests on wasmblocks", "",
           "Written by `python3 tests/corpus/run_specs.py`; see tests/corpus/README.md.", "", summary["headline"], ""]
    out += [f"- {line}" for line in summary["lines"]]
    out += ["", "## Failure causes, most common first", "", "| Tests | Cause |", "|---|---|"]
    out += [f"| {n} | {c.replace('|', '/')} |" for c, n in summary["causes"]]
    out += ["", "## Per spec file", "", "| Spec | Passed | Failed | Other |", "|---|---|---|---|"]
    for spec, counts in summary["per_spec"].items():
        other = sum(v for k, v in counts.items() if k not in ("passed", "failed"))
        out.append(f"| {spec} | {counts.get('passed', 0)} | {counts.get('failed', 0)} | {other} |")
    out += ["", "## Per test", "", "| Spec | Test | Result | Error |", "|---|---|---|---|"]
    for t in tests:
        cell = (t.get("error") or "").replace("|", "/")[:240]
        out.append(f"| {t['spec']} | {t['title'].replace('|', '/')} | {t['status']} | {cell} |")
    out += ["", "## Not run", ""] + [f"- {spec}: {why}" for spec, why in sorted(skipped.items())]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated spec names (hello_blocks,blocks_flipper)")
    parser.add_argument("--workers", type=int, default=2, help="Playwright workers (default 2)")
    parser.add_argument("--timeout", type=float, default=45,
                        help="seconds per test, the app's boot included (default 45: Gradio's 30 plus the boot)")
    parser.add_argument("--resummarize", action="store_true",
                        help="rewrite the results from the last run's Playwright report, running nothing")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    report_file = OUTPUT / "report.json"
    if args.resummarize:
        run, skipped, _ = plan(only)
        return write_results(json.loads(report_file.read_text(encoding="utf-8")), run, skipped, only)

    build_runtime()
    ensure_chromium()
    cli = ensure_playwright_test()
    run, skipped, exports = plan(only)
    runtime = corpus.runtime_id()
    sites: dict[str, str] = {}
    server, base = corpus.serve_sites()
    try:
        for demo in exports:
            try:
                corpus.export_demo(demo, runtime)
                sites[demo.key] = f"{base}{demo.key}/"
            except (Exception, SystemExit) as exc:  # the fixture then reports "no export"
                print(f"export of {demo.key} failed: {exc}", flush=True)
        shutil.rmtree(SPEC_COPIES, ignore_errors=True)
        SPEC_COPIES.mkdir()
        for name in run:
            shutil.copy2(SPEC_SOURCE / name, SPEC_COPIES / name)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        sites_file = OUTPUT / "sites.json"
        sites_file.write_text(json.dumps(sites), encoding="utf-8")
        report_file.unlink(missing_ok=True)
        env = {**os.environ, "WASMBLOCKS_SPEC_SITES": str(sites_file), "WASMBLOCKS_SPEC_DIR": str(SPEC_COPIES),
               "WASMBLOCKS_SPEC_OUTPUT": str(OUTPUT / "test-results"), "WASMBLOCKS_SPEC_REPORT": str(report_file),
               "WASMBLOCKS_SPEC_WORKERS": str(args.workers),
               "WASMBLOCKS_TEST_TIMEOUT_MS": str(int(args.timeout * 1000)),
               "WASMBLOCKS_CHROMIUM_ARGS": json.dumps(CHROMIUM_ARGS), "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
        if run:
            subprocess.run(["node", str(cli), "test", "-c", str(HERE / "playwright.config.ts")],
                           cwd=SPEC_SOURCE.parent, env=env, check=False)
    finally:
        server.shutdown()
    report = json.loads(report_file.read_text(encoding="utf-8")) if run and report_file.is_file() else {}
    if run and not report.get("suites"):
        print(f"Playwright wrote no report ({report_file}); results left as they were", flush=True)
        return 1
    return write_results(report, run, skipped, only)


def write_results(report: dict[str, Any], run: list[str], skipped: dict[str, str], only: set[str] | None) -> int:
    """Summarize a Playwright JSON report into results/specs.{json,md} (a partial run: build/corpus/specs/)."""
    tests = collect(report)
    summary = summarize(tests, run, skipped)
    if only:  # a partial pass: the committed baseline stays as it is
        write_markdown(OUTPUT / "specs-partial.md", summary, tests, skipped)
        print(f"{summary['headline']}\n(partial pass: {OUTPUT / 'specs-partial.md'}; tests/corpus/results/ unchanged)")
        return 0
    corpus.write_json(corpus.RESULTS / "specs.json", {
        "measured_on": corpus.measured_on(),
        "summary": {k: summary[k] for k in ("headline", "lines", "causes")},
        "per_spec": summary["per_spec"], "causes": summary["cause_tests"], "tests": tests, "not_run": skipped,
    })
    write_markdown(corpus.RESULTS / "specs.md", summary, tests, skipped)
    print(summary["headline"])
    from run_demos import _refresh_doc

    _refresh_doc()
    return 0


if __name__ == "__main__":
    sys.exit(main())
