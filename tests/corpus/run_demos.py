#!/usr/bin/env python3
"""Run Gradio's demos on wasmblocks, unmodified, and compare what each shows with what Gradio shows.

    python3 tests/corpus/run_demos.py                 # the whole corpus (resumes: fresh results are kept)
    python3 tests/corpus/run_demos.py --only hello_world,blocks_flipper --fresh
    python3 tests/corpus/run_demos.py --limit 40 --jobs 2

For each demo that needs only gradio and the standard library (demos.py sorts them), it exports the demo,
serves every export from one loopback server, opens it in Chromium (one browser, --jobs pages at a time),
waits for `#wasmblocks-app[data-state="ready"]` (or "login": launch(auth=…)'s form, checked against Gradio's
login page) or the boot error, lets load events run for a second, and
records: started / boot error (first line) / error toasts / unsupported components, and which labels and
buttons that Gradio shows for the same demo (gradio_view.py, run under the Gradio venv) are missing from the
page (matched by aria-label, accessible button name or text). Demos that need other packages are listed.

What each page showed is kept in build/corpus/results/ keyed by the runtime and the demo's sources (the
comparison with Gradio's view is made again at every summary), so an interrupted run resumes, and runs with
disjoint --only sets can go side by side. A whole-corpus pass writes the summary to
tests/corpus/results/demos.json and demos.md (and docs/compatibility.md); a pass with --only or --limit
writes build/corpus/demos-partial.md instead. Not collected by pytest (no test_*.py here).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

import demos as corpus

from wasmblocks_build.chromium import CHROMIUM_ARGS, ensure_chromium
from wasmblocks_build.site import build_runtime

GRADIO_CACHE = corpus.WORK / "gradio"
# Gradio's views are made again when gradio_view.py changes.
VIEW_VERSION = hashlib.sha256(Path(__file__).with_name("gradio_view.py").read_bytes()).hexdigest()[:8]
RESULT_CACHE = corpus.WORK / "results"
READY = ('#wasmblocks-app[data-state="ready"], #wasmblocks-app[data-state="error"], '
         '#wasmblocks-app[data-state="login"]')
# launch(auth=…): Gradio's first page is its login form, whatever the app behind it shows.
LOGIN_VIEW = {"labels": [["login", "username"], ["login", "password"]], "buttons": [["login", "Login"]]}
SETTLE_MS = 1000  # after ready: demo.load() handlers run and may raise (a toast)

# What the page shows, gathered in one evaluate: the app's text (hidden tab panels and closed accordions
# included: they stay mounted), aria-labels, button names, toasts, boot error, unsupported placeholders.
PAGE_FACTS_JS = """() => {
  const norm = (s) => (s || "").replace(/\\s+/g, " ").trim();
  const root = document.querySelector("#wasmblocks-app");
  const q = (sel) => Array.from(document.querySelectorAll(sel));
  const name = (el) => norm(el.getAttribute("aria-label") || el.textContent || el.value || el.getAttribute("title"));
  return {
    state: root ? root.dataset.state : null,
    text: norm(root ? root.textContent : ""),
    aria: q("#wasmblocks-app [aria-label]").map((el) => norm(el.getAttribute("aria-label"))),
    buttons: q("#wasmblocks-app button, #wasmblocks-app [role=button], #wasmblocks-app input[type=button], "
      + "#wasmblocks-app input[type=submit], #wasmblocks-app a").map(name),
    toasts: q("[data-testid=toast-body]").map((el) => ({
      level: el.dataset.level || "", text: norm((el.querySelector("[data-testid=toast-text]") || el).textContent) })),
    boot_error: norm((document.querySelector("[data-testid=boot-error] .wb-boot-error-message") || {}).textContent),
    unsupported: q("[data-testid=unsupported-component]").map((el) => norm(el.firstChild && el.firstChild.textContent)
      .replace(/^Unsupported component:\\s*/, "") || norm(el.textContent)),
  };
}"""


# ---- Gradio's side ----

def gradio_expectations(demos: list[corpus.Demo], fresh: bool) -> subprocess.Popen[str] | None:
    """Start gradio_view.py for the demos whose expectation is missing or stale; None when all are fresh."""
    todo = []
    for demo in demos:
        path = GRADIO_CACHE / f"{demo.key}.json"
        digest = f"{corpus.source_digest(demo)}-{VIEW_VERSION}"
        if fresh or not path.is_file() or json.loads(path.read_text(encoding="utf-8")).get("digest") != digest:
            todo.append({"key": demo.key, "dir": str(demo.folder), "entry": demo.entry, "digest": digest})
    if not todo:
        return None
    tmp = corpus.WORK / "gradio-tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    env = {"GRADIO_ANALYTICS_ENABLED": "False", "GRADIO_TEMP_DIR": str(tmp), "HF_HUB_OFFLINE": "1",
           "GRADIO_REPO": str(corpus.GRADIO_REPO), "PYTHONDONTWRITEBYTECODE": "1",
           "PATH": "/usr/bin:/bin", "HOME": str(corpus.WORK), "MPLBACKEND": "Agg", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([corpus.GRADIO_PYTHON, str(Path(__file__).with_name("gradio_view.py")), str(GRADIO_CACHE)],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=str(corpus.WORK))
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(todo))
    proc.stdin.close()
    return proc


def load_expectation(demo: corpus.Demo) -> dict[str, Any] | None:
    path = GRADIO_CACHE / f"{demo.key}.json"
    view = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    return view if view and view.get("digest") == f"{corpus.source_digest(demo)}-{VIEW_VERSION}" else None


# ---- our side ----

def first_line(text: str) -> str:
    return (text or "").strip().splitlines()[0][:300] if (text or "").strip() else ""


def compare_view(facts: dict[str, Any], expected: dict[str, Any] | None) -> dict[str, Any]:
    """Gradio's labels and buttons that the page does not show (by aria-label, button name, or text)."""
    if expected is None or expected.get("error"):
        return {"gradio_error": expected.get("error") if expected else "no Gradio view"}
    aria = set(facts["aria"])
    names = facts["buttons"]
    text = facts["text"]
    missing_labels = sorted({f"{kind}: {label}" for kind, label in expected["labels"]
                             if label not in aria and label not in text})
    missing_buttons = sorted({f"{kind}: {value}" for kind, value in expected["buttons"]
                              if not any(value == n or value in n for n in names)})
    return {"labels": len({tuple(x) for x in expected["labels"]}),
            "buttons": len({tuple(x) for x in expected["buttons"]}),
            "missing_labels": missing_labels, "missing_buttons": missing_buttons}


async def check_demo(browser: Any, url: str, timeout_ms: int) -> dict[str, Any]:
    """Open one exported demo in a fresh context; what the page shows once ready (or why it never was)."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    context = await browser.new_context(service_workers="block")
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(first_line(str(e))))
    started = time.monotonic()
    try:
        await page.goto(url)
        with contextlib.suppress(PlaywrightTimeout):
            await page.wait_for_selector(READY, timeout=timeout_ms)
        facts = await page.evaluate(PAGE_FACTS_JS)
        boot_seconds = round(time.monotonic() - started, 1)
        if facts["state"] == "ready":
            await page.wait_for_timeout(SETTLE_MS)
            facts = await page.evaluate(PAGE_FACTS_JS)
        facts["boot_seconds"] = boot_seconds
        facts["page_errors"] = errors[:5]
        return facts
    finally:
        await context.close()


def outcome(demo: corpus.Demo, facts: dict[str, Any] | None, export_error: str | None,
            expected: dict[str, Any] | None) -> dict[str, Any]:
    """The per-demo record: status and, for a started demo, toasts, unsupported parts and the label check."""
    record: dict[str, Any] = {"demo": demo.name, "entry": demo.entry}
    if export_error is not None:
        return {**record, "status": "export error", "error": export_error}
    assert facts is not None
    if facts["state"] == "error":
        return {**record, "status": "boot error", "error": facts["boot_error"] or first_line(facts["text"]),
                "seconds": facts["boot_seconds"]}
    if facts["state"] == "login":
        expected = LOGIN_VIEW if expected is not None and not expected.get("error") else expected
    elif facts["state"] != "ready":
        return {**record, "status": "timeout", "error": f"data-state stayed {facts['state']!r}",
                "page_errors": facts["page_errors"], "seconds": facts["boot_seconds"]}
    record.update(status="started", seconds=facts["boot_seconds"])
    error_toasts = [t["text"] for t in facts["toasts"] if t["level"] == "error"]
    if error_toasts:
        record["error_toasts"] = error_toasts
    if facts["unsupported"]:
        record["unsupported"] = sorted(set(facts["unsupported"]))
    if facts["page_errors"]:
        record["page_errors"] = facts["page_errors"]
    record.update(compare_view(facts, expected))
    return record


def is_clean(r: dict[str, Any]) -> bool:
    return (r["status"] == "started" and not r.get("error_toasts") and not r.get("unsupported")
            and not r.get("missing_labels") and not r.get("missing_buttons") and not r.get("page_errors"))


# ---- summary ----

def cause_of(message: str) -> str:
    """Group messages that differ only in the callable or value they name."""
    message = re.sub(r"^(\w+(?:Error|Exception)): [\w.]+\(\) (got an unexpected keyword argument '\w+')", r"\1: \2",
                     message)
    message = re.sub(r"^(\w+(?:Error|Exception)): [\w.]+\(\) (takes|missing|got multiple)", r"\1: \2", message)
    message = re.sub(r"0x[0-9a-f]+", "0x…", message)
    return message[:160]


def summarize(records: list[dict[str, Any]], everything: list[corpus.Demo], not_run: list[str]) -> dict[str, Any]:
    statuses = Counter(r["status"] for r in records)
    started = [r for r in records if r["status"] == "started"]
    compared = [r for r in started if "gradio_error" not in r]
    causes: dict[str, list[str]] = defaultdict(list)
    for r in records:
        name = r["demo"] if r["entry"] == "run.py" else f"{r['demo']}/{r['entry']}"
        if r["status"] != "started":
            causes[cause_of(r.get("error") or r["status"])].append(name)
            continue
        for toast in r.get("error_toasts", []):
            causes["error toast: " + cause_of(first_line(toast))].append(name)
        for part in r.get("unsupported", []):
            causes[f"unsupported component: {part}"].append(name)
        for err in r.get("page_errors", []):
            causes["page error: " + cause_of(err)].append(name)
        for kind in {m.split(":")[0] for m in r.get("missing_labels", [])}:
            causes[f"a {kind}'s label that Gradio shows is missing"].append(name)
        for missing in r.get("missing_buttons", []):
            kind, _, value = missing.partition(": ")
            causes[f"{kind} {value!r} that Gradio shows is missing"].append(name)
    ranked = sorted(((c, sorted(set(ds))) for c, ds in causes.items()), key=lambda x: (-len(x[1]), x[0]))
    by_category = Counter(d.category for d in everything)
    total_run = len(records)
    clean = sum(is_clean(r) for r in records)
    headline = (f"{len(started)} of {total_run} demos that need only gradio and the standard library start "
                f"({statuses['boot error']} boot errors, {statuses['timeout']} timeouts, "
                f"{statuses['export error']} export errors); {clean} start with no error toast, no unsupported "
                f"component, and every label and button Gradio shows.")
    lines = [
        f"demos in Gradio's demo/: {len(everything)}; only gradio + stdlib: {by_category['runs']}; "
        f"need the Pyodide package index (offline here): {by_category['pyodide']}; "
        f"need packages Pyodide does not have: {by_category['other']}",
        f"started with an error toast: {sum(bool(r.get('error_toasts')) for r in started)}; "
        f"with an unsupported component: {sum(bool(r.get('unsupported')) for r in started)}; "
        f"with a label or button Gradio shows missing: "
        f"{sum(bool(r.get('missing_labels') or r.get('missing_buttons')) for r in compared)} "
        f"of {len(compared)} compared",
    ]
    if not_run:
        lines.append(f"not run in this pass (no fresh result): {len(not_run)}")
    return {"headline": headline, "lines": lines, "causes": [[c, len(ds)] for c, ds in ranked],
            "cause_demos": dict(ranked)}


def write_markdown(path: Path, summary: dict[str, Any], records: list[dict[str, Any]],
                   listed: list[corpus.Demo]) -> None:
    out = ["# Gradio's demos on wasmblocks", "",
           "Written by `python3 tests/corpus/run_demos.py`; see tests/corpus/README.md.", "", summary["headline"], ""]
    out += [f"- {line}" for line in summary["lines"]]
    out += ["", "## Causes, most common first", "", "| Demos | Cause | Some of them |", "|---|---|---|"]
    for cause, n in summary["causes"]:
        some = ", ".join(summary["cause_demos"][cause][:6])
        out.append(f"| {n} | {cause.replace('|', '/')} | {some} |")
    out += ["", "## Every demo run", "", "| Demo | Result | Detail |", "|---|---|---|"]
    for r in records:
        name = r["demo"] if r["entry"] == "run.py" else f"{r['demo']}/{r['entry']}"
        if r["status"] != "started":
            detail = r.get("error", "")
        else:
            parts = [f"error toast: {t}" for t in r.get("error_toasts", [])[:2]]
            parts += [f"unsupported: {', '.join(r['unsupported'])}"] if r.get("unsupported") else []
            parts += [f"missing: {', '.join((r.get('missing_labels', []) + r.get('missing_buttons', []))[:6])}"] \
                if r.get("missing_labels") or r.get("missing_buttons") else []
            parts += [f"(Gradio itself: {r['gradio_error']})"] if r.get("gradio_error") else []
            detail = "; ".join(parts)
        result = "ok" if is_clean(r) else r["status"]
        out.append(f"| {name} | {result} | {detail.replace('|', '/')[:300]} |")
    for category, title in (("pyodide", "Need the Pyodide package index (offline here): not run"),
                            ("other", "Need packages Pyodide does not have: not run")):
        group = [d for d in listed if d.category == category]
        out += ["", f"## {title} ({len(group)})", ""]
        out += [f"- {d.name}: {', '.join(d.needs)}" for d in group]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ---- the run ----

async def browse(todo: list[tuple[corpus.Demo, str]], base: str, jobs: int, timeout_ms: int,
                 on_result: Any) -> None:
    from playwright.async_api import async_playwright

    queue: asyncio.Queue[tuple[corpus.Demo, str]] = asyncio.Queue()
    for item in todo:
        queue.put_nowait(item)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(ensure_chromium()), args=CHROMIUM_ARGS, headless=True)

        async def worker() -> None:
            while not queue.empty():
                demo, stamp = queue.get_nowait()
                try:
                    facts = await check_demo(browser, f"{base}{demo.key}/", timeout_ms)
                except Exception as exc:  # the page crashed: record it, go on with the next demo
                    facts = {"state": "crashed", "text": "", "boot_error": "", "boot_seconds": 0, "toasts": [],
                             "page_errors": [first_line(str(exc))], "aria": [], "buttons": [], "unsupported": []}
                on_result(demo, stamp, facts)

        await asyncio.gather(*(worker() for _ in range(max(1, jobs))))
        await browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated demo names")
    parser.add_argument("--limit", type=int, help="the first N runnable demos (alphabetical)")
    parser.add_argument("--jobs", type=int, default=2, help="pages open at once (default 2)")
    parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for data-state (default 90)")
    parser.add_argument("--fresh", action="store_true", help="ignore earlier results and Gradio views")
    args = parser.parse_args(argv)

    build_runtime()
    runtime = corpus.runtime_id()
    everything = corpus.discover()
    chosen = everything
    if args.only:
        wanted = set(args.only.split(","))
        chosen = [d for d in everything if d.name in wanted]
        if unknown := wanted - {d.name for d in chosen}:
            raise SystemExit(f"no such demo(s): {', '.join(sorted(unknown))}")
    runnable = [d for d in chosen if d.category == "runs"][: args.limit]

    gradio_proc = gradio_expectations(runnable, args.fresh)
    todo: list[tuple[corpus.Demo, str]] = []
    for demo in runnable:
        stamp = f"{runtime} {corpus.source_digest(demo)} staging-{corpus.STAGING}"
        cached = RESULT_CACHE / f"{demo.key}.json"
        seen = json.loads(cached.read_text(encoding="utf-8")) if cached.is_file() and not args.fresh else {}
        if seen.get("stamp") == stamp and ("facts" in seen or "export_error" in seen):
            continue
        try:
            corpus.export_demo(demo, runtime)
        except (Exception, SystemExit) as exc:
            corpus.write_json(cached, {"stamp": stamp, "export_error": first_line(str(exc))})
            continue
        todo.append((demo, stamp))
    if gradio_proc is not None:
        print(f"waiting for Gradio's view of {len(runnable)} demos …", flush=True)
        gradio_proc.wait()

    server, base = corpus.serve_sites()
    done = 0

    def on_result(demo: corpus.Demo, stamp: str, facts: dict[str, Any]) -> None:
        nonlocal done
        done += 1
        corpus.write_json(RESULT_CACHE / f"{demo.key}.json", {"stamp": stamp, "facts": facts})
        record = outcome(demo, facts, None, load_expectation(demo))
        mark = "ok" if is_clean(record) else record["status"]
        print(f"[{done}/{len(todo)}] {demo.key}: {mark} {record.get('error', '')}", flush=True)

    started = time.monotonic()
    try:
        asyncio.run(browse(todo, base, args.jobs, int(args.timeout * 1000), on_result))
    finally:
        server.shutdown()
    print(f"browser pass: {len(todo)} demos in {time.monotonic() - started:.0f} s", flush=True)

    # The summary covers every runnable demo of the corpus with a fresh result (this run's and earlier ones).
    records, not_run = [], []
    for demo in (d for d in everything if d.category == "runs"):
        cached = RESULT_CACHE / f"{demo.key}.json"
        seen = json.loads(cached.read_text(encoding="utf-8")) if cached.is_file() else None
        stamp = f"{runtime} {corpus.source_digest(demo)} staging-{corpus.STAGING}"
        if seen is None or seen.get("stamp") != stamp or not ("facts" in seen or "export_error" in seen):
            not_run.append(demo.name)
            continue
        records.append(outcome(demo, seen.get("facts"), seen.get("export_error"), load_expectation(demo)))
    summary = summarize(records, everything, not_run)
    export_errors = sum(r["status"] == "export error" for r in records)
    if export_errors > len(records) // 10:  # the runner, not the demos: keep the baseline
        print(f"{export_errors} of {len(records)} exports failed; results left as they were "
              f"(first: {next(r['error'] for r in records if r['status'] == 'export error')})")
        return 1
    if args.only or args.limit:  # a partial pass: the committed baseline stays as it is
        partial = corpus.WORK / "demos-partial.md"
        write_markdown(partial, summary, [r for r in records if r["demo"] in {d.name for d in runnable}], [])
        print(f"{summary['headline']}\n(partial pass: summary in {partial}; tests/corpus/results/ unchanged)")
        return 0
    corpus.write_json(corpus.RESULTS / "demos.json", {
        "measured_on": corpus.measured_on(),
        "summary": {k: v for k, v in summary.items() if k != "cause_demos"},
        "causes": summary["cause_demos"],
        "demos": records,
        "not_run": {d.name: {"category": d.category, "needs": d.needs} for d in everything if d.category != "runs"},
    })
    write_markdown(corpus.RESULTS / "demos.md", summary, records, [d for d in everything if d.category != "runs"])
    print(summary["headline"])
    _refresh_doc()
    return 0


def _refresh_doc() -> None:
    """docs/compatibility.md carries the summary: rewrite it (its test compares it with a fresh rendering)."""
    from wasmblocks_build.compat_doc import write_doc
    from wasmblocks_build.conformance import find_gaps, load_manifest

    manifest = load_manifest()
    print(f"wrote {write_doc(manifest, find_gaps(manifest))}")


if __name__ == "__main__":
    sys.exit(main())
