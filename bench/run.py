#!/usr/bin/env python3
"""wasmblocks benchmark suite: `python3 bench/run.py` builds once, drives headless Chromium, prints a table
and writes bench/results.json (add --docs to rewrite the table in docs/performance.md).

In one run, on one loopback server and one Chromium:
  1. time to interactive (navigation start -> data-state="ready") of examples/hello.py, cold and warm cache;
  2. the baseline: a page whose worker loads bare Pyodide (same files, same server) and runs 1+1;
  3. the peer: the same apps on a real Gradio server (pip install gradio into build/bench-venv, once):
     time to first render and click -> output latency;
  4. event round trip, echo function, click -> DOM updated (p50/p95/p99);
  5. a generator yielding 2,000 small updates: updates rendered per second, last value shown;
  6. @gr.render of 1,000 Textboxes: time until all are in the DOM ("skipped" without gr.render);
  7. bytes transferred on first load by kind, against the bare Pyodide core;
  8. worker memory after boot and after 10,000 events;
  9. shaped links (bench/shaped.py): first paint, time to interactive and critical-path bytes of hello and
     the showcase, bare Pyodide and the Gradio server, on loopback, 100 Mbit/20 ms, 20 Mbit/40 ms and
     5 Mbit/80 ms through a CDN-like static server (gzip, GitHub Pages' caching headers), cold and repeat visit.
Each figure is the median of several runs with min-max. Timings are never pass/fail (machines are noisy),
but a scenario that breaks (a page that does not boot, a missing final value, a dropped click) fails the
run with exit status 1. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import shutil
import statistics
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

# The sibling modules are imported by plain name: `python3 bench/run.py` puts bench/ first on sys.path; this
# line covers loading run.py by path too (runpy, importlib).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402  (also puts py/ on sys.path for wasmblocks_build)
    BENCH_APP, BENCH_DIR, DOCS, HELLO, HELLO_SELECTOR, MEMORY_EVENTS, READY, RENDER_BOXES, RESULTS, ROOT,
    STREAM_STEPS, WORK, ScenarioError, ensure_playwright, percentile, summary,
)
from page_js import CLICKS_JS, RENDER_JS, SETTLE_JS, STREAM_JS, WORKER_MEMORY_JS  # noqa: E402
from peer import FIRST_RENDER_SCRIPT, GradioServer, ensure_gradio_venv  # noqa: E402
from report import machine_info, render_shaped, render_table, write_docs  # noqa: E402
from shaped import SHOWCASE, ShapedLinks  # noqa: E402
from wasmblocks_build.chromium import CHROMIUM_ARGS, ensure_chromium  # noqa: E402
from wasmblocks_build.common import log  # noqa: E402


def build_sites(no_snapshot: bool = False, draw_early: bool = True) -> Path:
    """Build the runtime once and export hello + the bench app (+ the bare-Pyodide baseline page)."""
    from wasmblocks_build.export import export
    from wasmblocks_build.site import build_runtime

    runtime = build_runtime(snapshot=not no_snapshot)
    www = WORK / "www"
    if www.exists():
        shutil.rmtree(www)
    www.mkdir(parents=True)
    export(HELLO, www / "hello", runtime_dir=runtime, build=False, snapshot=not no_snapshot, draw_early=draw_early)
    export(BENCH_APP, www / "app", runtime_dir=runtime, build=False, snapshot=not no_snapshot, draw_early=draw_early)
    export(SHOWCASE, www / "showcase", runtime_dir=runtime, build=False, snapshot=not no_snapshot, draw_early=draw_early)
    # Same server, same Pyodide files: the baseline reads ../pyodide/ of the hello site.
    shutil.copytree(BENCH_DIR / "baseline", www / "hello" / "bench-baseline")
    return www


class Bench:
    """The scenarios, run on one static server and one Chromium; run() fills self.results and prints the table."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.results: dict[str, Any] = {"scenarios": {}, "errors": []}
        self.failures: list[str] = []
        self.recording: list[dict[str, Any]] | None = None  # bytes the static server sent, while set

    # ------------------------------------------------------------ plumbing
    def new_context(self) -> Any:
        """A fresh browser context: an empty HTTP cache, no service worker from an earlier page."""
        return self.browser.new_context(service_workers="block" if self.args.no_service_worker else "allow")

    def scenario(self, name: str, func: Callable[[], Any]) -> None:
        log(f"bench: {name} …")
        started = time.monotonic()
        try:
            self.results["scenarios"][name] = func()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the run fails
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.failures.append(f"{name}: {detail}")
            self.results["scenarios"][name] = {"error": detail}
            print(traceback.format_exc(), file=sys.stderr)
        log(f"bench: {name} done in {time.monotonic() - started:.0f} s")

    def open(self, url: str, *, context: Any = None, wait_ready: bool = True, console: list[str] | None = None) -> Any:
        context = context or self.new_context()
        page = context.new_page()
        lines = console if console is not None else []
        page.on("console", lambda m: lines.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: lines.append(f"[pageerror] {e}"))
        page.goto(url)
        if wait_ready:
            self.wait_ready(page, lines)
            page.evaluate(SETTLE_JS, 60_000)  # measure the steady state, not the first visit's precache
        return page

    def wait_ready(self, page: Any, console: list[str]) -> None:
        page.wait_for_selector(READY, timeout=120_000)
        state = page.get_attribute("#wasmblocks-app", "data-state")
        if state != "ready":
            text = page.inner_text("#wasmblocks-app")[:500]
            raise ScenarioError(f"{page.url} reached data-state={state}: {text}\n" + "\n".join(console[-20:]))

    # ------------------------------------------------------------ 1-3, 7: start-up
    def load_once(self, url: str, warm: bool, *, peer: bool = False, count_bytes: bool = False) -> dict[str, Any]:
        """One navigation in a fresh context (cold) or a second one in the same context (warm)."""
        context = self.new_context()
        try:
            if peer:
                context.add_init_script(FIRST_RENDER_SCRIPT)
            console: list[str] = []
            if warm:
                first = self.open(url, context=context, wait_ready=not peer, console=console)
                if peer:
                    first.wait_for_selector(HELLO_SELECTOR, timeout=120_000)
                first.wait_for_timeout(300)  # let caches settle (wasm code cache is written after compile)
                first.close()
            page = context.new_page()
            console.clear()
            page.on("console", lambda m: console.append(f"[{m.type}] {m.text}"))
            transfers: list[dict[str, Any]] = []
            if count_bytes:
                self.recording = transfers
            page.goto(url)
            if peer:
                page.wait_for_selector(HELLO_SELECTOR, timeout=120_000)
                page.wait_for_function("window.__firstRender !== undefined", timeout=10_000)
                ms = page.evaluate("window.__firstRender")
            else:
                self.wait_ready(page, console)
                ms = page.evaluate("performance.getEntriesByName('wasmblocks:ready')[0].startTime")
            if count_bytes:
                # Everything the first visit downloads, the offline service worker's precache included.
                page.wait_for_timeout(500)
                page.evaluate(SETTLE_JS, 60_000)
                self.recording = None
            snapshot = any("restored from the memory snapshot" in line for line in console)
            warned = [line for line in console if "could not start from the memory snapshot" in line]
            marks = {} if peer or not page.workers else _worker_marks(page)
            return {"ms": ms, "snapshot": snapshot, "warnings": warned, "transfers": transfers, "marks": marks}
        finally:
            context.close()

    def startup(self) -> dict[str, Any]:
        runs = self.args.runs
        hello = self.www_url + "hello/"
        baseline = hello + "bench-baseline/"
        ours: dict[str, list[float]] = {"cold": [], "warm": []}
        bare: dict[str, list[float]] = {"cold": [], "warm": []}
        marks: dict[str, dict[str, list[float]]] = {"cold": {}, "warm": {}}
        bytes_ours: list[dict[str, Any]] = []
        bytes_bare: list[dict[str, Any]] = []
        for i in range(runs):
            for warm in (False, True):
                kind = "warm" if warm else "cold"
                r = self.load_once(hello, warm, count_bytes=not warm and i == 0)
                if not r["snapshot"] and not self.args.no_snapshot:
                    raise ScenarioError(f"hello did not boot from the snapshot: {r['warnings'] or 'no restore message'}")
                ours[kind].append(r["ms"])
                for name, at in r["marks"].items():
                    marks[kind].setdefault(name, []).append(at)
                if r["transfers"]:
                    bytes_ours = r["transfers"]
                b = self.load_once(baseline, warm, count_bytes=not warm and i == 0)
                bare[kind].append(b["ms"])
                if b["transfers"]:
                    bytes_bare = b["transfers"]
            log(f"bench:   run {i + 1}/{runs}: ours cold {ours['cold'][-1]:.0f} ms, warm {ours['warm'][-1]:.0f} ms; "
                f"bare Pyodide cold {bare['cold'][-1]:.0f} ms, warm {bare['warm'][-1]:.0f} ms")
        ratio_cold = [o / b for o, b in zip(ours["cold"], bare["cold"])]
        ratio_warm = [o / b for o, b in zip(ours["warm"], bare["warm"])]
        by_kind = _bytes_by_kind([t for t in bytes_ours if not t["precache"]])
        precache = sum(t["bytes"] for t in bytes_ours if t["precache"])
        core = sum(t["bytes"] for t in bytes_bare if "/pyodide/" in t["url"] and not t["precache"])
        return {
            "tti_cold_ms": summary(ours["cold"]),
            "tti_warm_ms": summary(ours["warm"]),
            "bare_pyodide_cold_ms": summary(bare["cold"]),
            "bare_pyodide_warm_ms": summary(bare["warm"]),
            "tti_cold_ratio": summary(ratio_cold),
            "tti_warm_ratio": summary(ratio_warm),
            "first_load_bytes": {**by_kind, "total": sum(by_kind.values()), "bare_pyodide_core": core,
                                 "ratio_to_core": sum(by_kind.values()) / core if core else None,
                                 "service_worker_precache": precache},
            "first_load_requests": bytes_ours,
            # When each boot step ended, in ms after navigation start (medians): where the time goes.
            "breakdown_ms": {kind: {name: statistics.median(v) for name, v in sorted(m.items(), key=lambda kv: statistics.median(kv[1]))}
                             for kind, m in marks.items()},
            "own_js_wheel_gzip": self.own_sizes(),
        }

    def own_sizes(self) -> dict[str, int]:
        """gzip -9 sizes of what we ship on every first load: page JS (the entry and the shared chunks it
        imports statically, which load with it), worker JS, the package (CSS apart). Each file is gzipped on
        its own, as a server sends it."""
        site = WORK / "www" / "hello"
        info = json.loads((site / "runtime.json").read_text())
        entry = site / "assets" / "wasmblocks.js"

        def gz(path: Path) -> int:
            return len(gzip.compress(path.read_bytes(), 9))

        sizes = {"wasmblocks.js": gz(entry), "its chunks": sum(gz(c) for c in _static_imports(entry)),
                 "worker.js": gz(site / "assets" / "worker.js"),
                 # What the worker downloads: the package as one .tar.gz when the site has it, else the wheel.
                 "wheel": gz(site / (info.get("sources") or info["wheel"]))}
        sizes["total"] = sum(sizes.values())
        sizes["css_not_counted"] = len(gzip.compress((site / "assets" / "wasmblocks.css").read_bytes(), 9))
        return sizes

    def peer_startup(self) -> dict[str, Any]:
        if self.gradio_python is None:
            return {"unavailable": self.gradio_reason}
        server = GradioServer(self.gradio_python, HELLO)
        try:
            cold, warm = [], []
            for i in range(self.args.runs):
                cold.append(self.load_once(server.url, False, peer=True)["ms"])
                warm.append(self.load_once(server.url, True, peer=True)["ms"])
                log(f"bench:   run {i + 1}/{self.args.runs}: Gradio first render cold {cold[-1]:.0f} ms, warm {warm[-1]:.0f} ms")
            return {"gradio_version": self.gradio_version, "first_render_cold_ms": summary(cold),
                    "first_render_warm_ms": summary(warm)}
        finally:
            server.close()

    # ------------------------------------------------------------ 4: events
    def clicks(self, url: str, n: int, *, wait_ready: bool = True, selector: str | None = None) -> list[list[float]]:
        out = []
        for _ in range(self.args.runs):
            context = self.new_context()
            try:
                page = self.open(url, context=context, wait_ready=wait_ready)
                if selector:
                    page.wait_for_selector(selector, timeout=120_000)
                out.append(page.evaluate(CLICKS_JS, {"n": n, "warmup": 20, "timeout": 10_000}))
            finally:
                context.close()
        return out

    def events(self) -> dict[str, Any]:
        runs = self.clicks(self.www_url + "app/", self.args.clicks)
        return _latency(runs)

    def peer_events(self) -> dict[str, Any]:
        if self.gradio_python is None:
            return {"unavailable": self.gradio_reason}
        server = GradioServer(self.gradio_python, BENCH_APP)
        try:
            runs = self.clicks(server.url, self.args.peer_clicks, wait_ready=False, selector="#echo")
            return {"gradio_version": self.gradio_version, **_latency(runs)}
        finally:
            server.close()

    # ------------------------------------------------------------ 5: streaming
    def streaming(self) -> dict[str, Any]:
        rates, frames, elapsed = [], [], []
        for _ in range(self.args.runs):
            context = self.new_context()
            try:
                page = self.open(self.www_url + "app/", context=context)
                r = page.evaluate(STREAM_JS, {"steps": STREAM_STEPS, "timeout": 60_000})
                if r["final"] != str(STREAM_STEPS - 1):
                    raise ScenarioError(f"the final value was replaced: shows {r['final']!r}")
                rates.append(STREAM_STEPS / (r["elapsed"] / 1000))
                frames.append(r["frames"])
                elapsed.append(r["elapsed"])
            finally:
                context.close()
        return {"updates": STREAM_STEPS, "updates_per_s": summary(rates), "elapsed_ms": summary(elapsed),
                "distinct_values_painted": summary(frames), "last_value_shown": True}

    # ------------------------------------------------------------ 6: gr.render
    def render(self) -> dict[str, Any]:
        times = []
        for _ in range(self.args.runs):
            context = self.new_context()
            try:
                page = self.open(self.www_url + "app/", context=context)
                if "render: yes" not in page.inner_text("#has-render"):
                    return {"skipped": "gr.render not available"}
                page.fill("#render-count input", str(RENDER_BOXES))
                page.locator("#render-count input").blur()
                page.wait_for_timeout(100)
                times.append(page.evaluate(RENDER_JS, {"n": RENDER_BOXES, "timeout": 60_000}))
            finally:
                context.close()
        return {"textboxes": RENDER_BOXES, "ms": summary(times)}

    # ------------------------------------------------------------ 8: memory
    def memory(self) -> dict[str, Any]:
        context = self.new_context()
        try:
            page = self.open(self.www_url + "app/", context=context)
            worker = page.workers[0]
            page.wait_for_timeout(200)
            before = worker.evaluate(WORKER_MEMORY_JS)
            times = page.evaluate(CLICKS_JS, {"n": self.args.memory_events, "warmup": 0, "timeout": 10_000})
            after = worker.evaluate(WORKER_MEMORY_JS)
            return {"events": len(times), "after_boot": before, "after_events": after,
                    "wasm_growth_bytes": after["wasm"] - before["wasm"],
                    "python_objects_growth": after["objects"] - before["objects"],
                    "event_p50_ms_during": percentile(times, 50)}
        finally:
            context.close()

    # ------------------------------------------------------------ 9: shaped links
    def shaped(self) -> dict[str, Any]:
        links = ShapedLinks(self, WORK / "www")
        try:
            return links.run()
        finally:
            links.close()

    # ------------------------------------------------------------ run
    def run(self) -> int:
        from playwright.sync_api import sync_playwright

        from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread

        bench = self

        class Counting(StaticHandler):
            """Static files, and the bytes of each response body while the bench records (first load)."""

            quiet = True

            def copyfile(self, source: Any, outputfile: Any) -> None:
                sent = 0
                while chunk := source.read(1 << 16):
                    outputfile.write(chunk)
                    sent += len(chunk)
                if bench.recording is not None:
                    # The offline service worker labels its precache requests (web/src/sw.ts).
                    precache = self.headers.get("X-Wasmblocks-Precache") == "1"
                    bench.recording.append({"url": self.path, "bytes": sent, "precache": precache})

        started = time.monotonic()
        www = build_sites(self.args.no_snapshot, draw_early=not self.args.no_draw_early)
        if self.args.no_peer:
            self.gradio_python, self.gradio_reason, self.gradio_version = None, "skipped: --no-peer", ""
        else:
            py, text = ensure_gradio_venv(self.args.gradio_python)
            self.gradio_python = py
            self.gradio_reason = "" if py else text
            self.gradio_version = text if py else ""
        server = make_server(www, "127.0.0.1", 0, handler=Counting)
        serve_in_thread(server)
        self.www_url = f"http://127.0.0.1:{server.server_address[1]}/"
        playwright = sync_playwright().start()
        args = CHROMIUM_ARGS
        if self.args.browser_ui:  # put back what CHROMIUM_ARGS turns off: the omnibox WebUI in every context
            args = [a for a in CHROMIUM_ARGS if not a.startswith("--disable-features=WebUIOmnibox")]
        self.browser = playwright.chromium.launch(executable_path=str(ensure_chromium()), args=args, headless=True)
        try:
            self.results["machine"] = machine_info(self.browser.version, self.gradio_version)
            self.results["config"] = {k: str(v) if isinstance(v, Path) else v for k, v in vars(self.args).items()}
            chosen = self.args.only.split(",") if self.args.only else SCENARIOS
            for name in chosen:
                if name not in SCENARIOS:
                    raise SystemExit(f"unknown scenario {name!r} (choose from {', '.join(SCENARIOS)})")
                self.scenario(name, getattr(self, name))
        finally:
            self.browser.close()
            playwright.stop()
            server.shutdown()
            server.server_close()
        self.results["errors"] = self.failures
        self.results["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.results["seconds"] = round(time.monotonic() - started, 1)
        ran = self.results["scenarios"]
        table = render_table(self.results) if set(ran) - {"shaped"} else ""
        shaped_table = render_shaped(ran["shaped"]) if "shaped" in ran else ""
        RESULTS.write_text(json.dumps(self.results, indent=2) + "\n", encoding="utf-8")
        print()
        print("\n\n".join(t for t in (table, shaped_table) if t))
        print(f"\nwrote {RESULTS.relative_to(ROOT)}")
        if self.args.docs:
            write_docs(self.results, table, shaped_table)
            print(f"wrote {DOCS.relative_to(ROOT)}")
        if self.failures:
            print("\nBROKEN SCENARIOS:\n  " + "\n  ".join(self.failures), file=sys.stderr)
            return 1
        return 0


SCENARIOS = ["startup", "peer_startup", "events", "peer_events", "streaming", "render", "memory", "shaped"]


# ---------------------------------------------------------------- helpers

def _static_imports(module: Path) -> list[Path]:
    """The files an ES module imports statically (`import … from "./x.js"`, `import "./x.js"`), and theirs:
    the browser loads them before the module runs. Dynamic import("…") chunks are not among them."""
    found: list[Path] = []
    todo = [module]
    while todo:
        current = todo.pop()
        for match in re.finditer(r'(?:\bfrom|\bimport)\s*"(\.{1,2}/[^"]+\.js)"', current.read_text(encoding="utf-8")):
            dep = (current.parent / match.group(1)).resolve()
            if dep not in found:
                found.append(dep)
                todo.append(dep)
    return found


def _worker_marks(page: Any) -> dict[str, float]:
    """The worker's wasmblocks:* performance marks, moved onto the page's clock (ms after navigation)."""
    page_origin = page.evaluate("performance.timeOrigin")
    data = page.workers[0].evaluate(
        "({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark')"
        ".filter((m) => m.name.startsWith('wasmblocks:')).map((m) => [m.name, m.startTime]) })"
    )
    shift = data["origin"] - page_origin
    marks = {name.removeprefix("wasmblocks:"): at + shift for name, at in data["marks"]}
    marks["worker-created"] = shift
    marks["page-ready"] = page.evaluate("performance.getEntriesByName('wasmblocks:ready')[0].startTime")
    return marks


def _bytes_by_kind(transfers: list[dict[str, Any]]) -> dict[str, int]:
    kinds = {"pyodide_runtime": 0, "snapshot": 0, "our_js_css": 0, "wheel": 0, "app_and_page": 0}
    for t in transfers:
        path = re.sub(r"^(https?://[^/]+)?/[^/]+/", "", t["url"].split("?")[0])
        if path.startswith("pyodide/"):
            kinds["pyodide_runtime"] += t["bytes"]
        elif path.startswith("snapshot/"):
            kinds["snapshot"] += t["bytes"]
        elif path.startswith("assets/"):
            kinds["our_js_css"] += t["bytes"]
        elif path.startswith("wheels/"):
            kinds["wheel"] += t["bytes"]
        else:
            kinds["app_and_page"] += t["bytes"]
    return kinds


def _latency(runs: list[list[float]]) -> dict[str, Any]:
    per_run = [{"p50": percentile(r, 50), "p95": percentile(r, 95), "p99": percentile(r, 99)} for r in runs]
    return {
        "clicks_per_run": len(runs[0]) if runs else 0,
        "p50_ms": summary([r["p50"] for r in per_run]),
        "p95_ms": summary([r["p95"] for r in per_run]),
        "p99_ms": summary([r["p99"] for r in per_run]),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5, help="runs per figure (median, min-max); default 5")
    p.add_argument("--clicks", type=int, default=500, help="clicks per event round-trip run; default 500")
    p.add_argument("--peer-clicks", type=int, default=200, help="clicks per run on the Gradio server; default 200")
    p.add_argument("--memory-events", type=int, default=MEMORY_EVENTS, help="events before the second memory reading")
    p.add_argument("--no-peer", action="store_true", help="skip the Gradio server (no virtual environment)")
    p.add_argument("--no-snapshot", action="store_true", help="measure sites built without the memory snapshot")
    p.add_argument("--no-draw-early", action="store_true",
                   help="measure sites exported without the tree drawn before Python starts (export --no-draw-early)")
    p.add_argument("--no-service-worker", action="store_true",
                   help="block the site's offline service worker (its precache competes with the first load)")
    p.add_argument("--browser-ui", action="store_true",
                   help="let Chromium build its omnibox WebUI in every new context, as it does by default")
    p.add_argument("--shaped-runs", type=int, default=3,
                   help="cold + repeat visits per peer and link profile in the shaped-link scenario; default 3")
    p.add_argument("--profiles", default="loopback,100mbit,20mbit,5mbit",
                   help="link profiles of the shaped-link scenario, comma-separated (see bench/shaping.py)")
    p.add_argument("--only", default="", help=f"run only these scenarios, comma-separated ({', '.join(SCENARIOS)})")
    p.add_argument("--gradio-python", type=Path, default=None,
                   help="a Python with Gradio installed, for the peer (instead of creating build/bench-venv)")
    p.add_argument("--quick", action="store_true", help="smoke run: 1 run, 50 clicks, 500 memory events")
    p.add_argument("--docs", action="store_true", help="also rewrite the table in docs/performance.md")
    args = p.parse_args(argv)
    if args.quick:
        args.runs, args.clicks, args.peer_clicks, args.memory_events, args.shaped_runs = 1, 50, 30, 500, 1
    ensure_playwright()
    WORK.mkdir(parents=True, exist_ok=True)
    return Bench(args).run()


if __name__ == "__main__":
    sys.exit(main())
