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
  8. worker memory after boot and after 10,000 events.
Each figure is the median of several runs with min-max. Timings are never pass/fail (machines are noisy),
but a scenario that breaks (a page that does not boot, a missing final value, a dropped click) fails the
run with exit status 1. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from wasmblocks_build.chromium import CHROMIUM_ARGS, ensure_chromium  # noqa: E402
from wasmblocks_build.common import BUILD_DIR, log, python, run  # noqa: E402

BENCH_DIR = ROOT / "bench"
WORK = BUILD_DIR / "bench"
VENV = BUILD_DIR / "bench-venv"
RESULTS = BENCH_DIR / "results.json"
DOCS = ROOT / "docs" / "performance.md"
HELLO = ROOT / "examples" / "hello.py"
BENCH_APP = BENCH_DIR / "apps" / "bench_app.py"
READY = '#wasmblocks-app[data-state="ready"], #wasmblocks-app[data-state="error"]'
HELLO_SELECTOR = 'textarea[placeholder="What is your name?"], input[placeholder="What is your name?"]'
STREAM_STEPS = 2000
RENDER_BOXES = 1000
MEMORY_EVENTS = 10_000

TARGETS = {
    "tti_cold_ratio": "≤ 0.35 × bare Pyodide",
    "tti_warm": "< 1.0 s",
    "event_p50": "< 5 ms",
    "event_p99": "< 25 ms",
    "event_vs_gradio": "≥ 9× faster",
    "stream_rate": "≥ 500 updates/s",
    "render_1000": "< 1 s",
    "bytes_ratio": "≤ 1.6 × bare core",
    "own_js_wheel_gz": "< 150 KB",
}


class ScenarioError(RuntimeError):
    """A scenario broke (not merely slow): the run fails loudly."""


# ---------------------------------------------------------------- statistics

def summary(values: list[float]) -> dict[str, float] | None:
    """median with min-max of several runs."""
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# ---------------------------------------------------------------- setup

def ensure_playwright() -> None:
    if importlib.util.find_spec("playwright") is None:
        log("installing playwright (pip) …")
        run([python(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "playwright"], what="pip install playwright")


def build_sites(no_snapshot: bool = False) -> Path:
    """Build the runtime once and export hello + the bench app (+ the bare-Pyodide baseline page)."""
    from wasmblocks_build.export import export
    from wasmblocks_build.site import build_runtime

    runtime = build_runtime(snapshot=not no_snapshot)
    www = WORK / "www"
    if www.exists():
        shutil.rmtree(www)
    www.mkdir(parents=True)
    export(HELLO, www / "hello", runtime_dir=runtime, build=False, snapshot=not no_snapshot)
    export(BENCH_APP, www / "app", runtime_dir=runtime, build=False, snapshot=not no_snapshot)
    # Same server, same Pyodide files: the baseline reads ../pyodide/ of the hello site.
    shutil.copytree(BENCH_DIR / "baseline", www / "hello" / "bench-baseline")
    return www


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_gradio_venv() -> tuple[Path | None, str]:
    """(python of build/bench-venv with Gradio, version) or (None, reason). Installs once, then reuses it."""
    py = VENV / "bin" / "python"
    check = [str(py), "-c", "import gradio; print(gradio.__version__)"]
    if py.exists():
        proc = subprocess.run(check, capture_output=True, text=True)
        if proc.returncode == 0:
            return py, proc.stdout.strip()
    log("creating build/bench-venv and installing Gradio for the peer (once; this takes a while) …")
    try:
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, text=True)
        proc = subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "gradio"],
            capture_output=True, text=True, timeout=1800,
        )
    except subprocess.TimeoutExpired:
        return None, "pip install gradio timed out after 30 min"
    except (OSError, subprocess.CalledProcessError) as exc:
        return None, f"cannot create the virtual environment: {exc}"
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
        return None, f"pip install gradio failed: {tail[0][:200]}"
    proc = subprocess.run(check, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, "gradio installed but does not import"
    return py, proc.stdout.strip()


class GradioServer:
    """bench/gradio_peer.py APP on 127.0.0.1:<free port>, in the bench venv."""

    def __init__(self, venv_python: Path, app: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "NO_PROXY": "127.0.0.1,localhost"}
        self.log_path = WORK / f"gradio-{app.stem}.log"
        self.log_file = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [str(venv_python), str(BENCH_DIR / "gradio_peer.py"), str(app), str(self.port)],
            stdout=self.log_file, stderr=subprocess.STDOUT, env=env, cwd=str(WORK),
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ScenarioError(f"the Gradio server exited ({self.proc.returncode}); see {self.log_path}")
            if "READY" in self.log_path.read_text(errors="replace"):
                return
            time.sleep(0.2)
        self.close()
        raise ScenarioError(f"the Gradio server did not start within 180 s; see {self.log_path}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log_file.close()


# ---------------------------------------------------------------- page helpers

# Records when an element first matches window.__benchSelector (set per page), for the peer's first render.
FIRST_RENDER_SCRIPT = """
(() => {
  const sel = %s;
  const check = () => {
    if (window.__firstRender === undefined && document.querySelector(sel)) {
      window.__firstRender = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})();
""" % json.dumps(HELLO_SELECTOR)

# Wait until the site's service worker (if any) finished installing, i.e. its precache is done, so it
# does not compete with what is measured next.
SETTLE_JS = """
async (timeout) => {
  if (!navigator.serviceWorker) return "no service worker";
  const reg = await Promise.race([navigator.serviceWorker.getRegistration(), new Promise((r) => setTimeout(r, 2000))]);
  if (!reg) return "none registered";
  const deadline = performance.now() + timeout;
  while ((reg.installing || reg.waiting) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  return reg.active ? "active" : "not active";
}
"""

CLICKS_JS = """
async ({ n, warmup, timeout }) => {
  const button = document.querySelector("#echo button, button#echo");
  const out = document.querySelector("#out");
  if (!button || !out) throw new Error("no #echo button or #out element");
  const count = () => { const m = /echo (\\d+)/.exec(out.textContent || ""); return m ? Number(m[1]) : 0; };
  const times = [];
  for (let i = 0; i < warmup + n; i++) {
    const want = count() + 1;
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`click ${i}: no "echo ${want}" within ${timeout} ms (shows ${JSON.stringify(out.textContent)})`)); }, timeout);
      const obs = new MutationObserver(() => {
        if (count() >= want) { obs.disconnect(); clearTimeout(timer); resolve(); }
      });
      obs.observe(out, { childList: true, subtree: true, characterData: true });
      button.click();
    });
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return times;
}
"""

STREAM_JS = """
async ({ steps, timeout }) => {
  const button = document.querySelector("#stream button, button#stream");
  const box = document.querySelector("#streamed textarea, #streamed input");
  if (!button || !box) throw new Error("no #stream button or #streamed box");
  const last = String(steps - 1);
  const seen = new Set();
  const t0 = performance.now();
  button.click();
  return await new Promise((resolve, reject) => {
    let first = null;
    const tick = () => {
      const v = box.value;
      if (v !== "" && !seen.has(v)) { seen.add(v); if (first === null) first = performance.now(); }
      const now = performance.now();
      if (v === last) {
        // The last value must stay: wait a moment and look again (a late stale update would replace it).
        setTimeout(() => resolve({ elapsed: now - t0, first: first - t0, frames: seen.size, final: box.value }), 300);
      } else if (now - t0 > timeout) {
        reject(new Error(`the last value ${last} was not shown within ${timeout} ms (shows ${JSON.stringify(v)})`));
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
"""

RENDER_JS = """
async ({ n, timeout }) => {
  const button = document.querySelector("#render-go button, button#render-go");
  if (!button) throw new Error("no #render-go button");
  const count = () => document.querySelectorAll(".rendered-box").length;
  const t0 = performance.now();
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`only ${count()} of ${n} Textboxes after ${timeout} ms`)); }, timeout);
    const obs = new MutationObserver(() => {
      if (count() >= n) { obs.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
    });
    obs.observe(document.body, { childList: true, subtree: true });
    button.click();
  });
}
"""

WORKER_MEMORY_JS = """
() => {
  const py = self.__wasmblocks.py;
  const objects = py.runPython("import gc\\ngc.collect()\\nlen(gc.get_objects())");
  return { wasm: py._module.HEAP8.length, objects, fromSnapshot: self.__wasmblocks.fromSnapshot };
}
"""


class Bench:
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
        """gzip -9 sizes of what we ship on every first load: page JS, worker JS, the package (CSS apart)."""
        site = WORK / "www" / "hello"
        info = json.loads((site / "runtime.json").read_text())
        files = {"wasmblocks.js": site / "assets" / "wasmblocks.js", "worker.js": site / "assets" / "worker.js",
                 # What the worker downloads: the package as one .tar.gz when the site has it, else the wheel.
                 "wheel": site / info.get("sources", info["wheel"])}
        sizes = {name: len(gzip.compress(path.read_bytes(), 9)) for name, path in files.items() if path.exists()}
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
        www = build_sites(self.args.no_snapshot)
        if self.args.no_peer:
            self.gradio_python, self.gradio_reason, self.gradio_version = None, "skipped: --no-peer", ""
        else:
            py, text = ensure_gradio_venv()
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
            self.results["config"] = {k: v for k, v in vars(self.args).items()}
            self.scenario("startup", self.startup)
            self.scenario("peer_startup", self.peer_startup)
            self.scenario("events", self.events)
            self.scenario("peer_events", self.peer_events)
            self.scenario("streaming", self.streaming)
            self.scenario("render", self.render)
            self.scenario("memory", self.memory)
        finally:
            self.browser.close()
            playwright.stop()
            server.shutdown()
            server.server_close()
        self.results["errors"] = self.failures
        self.results["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.results["seconds"] = round(time.monotonic() - started, 1)
        table = render_table(self.results)
        RESULTS.write_text(json.dumps(self.results, indent=2) + "\n", encoding="utf-8")
        print()
        print(table)
        print(f"\nwrote {RESULTS.relative_to(ROOT)}")
        if self.args.docs:
            write_docs(self.results, table)
            print(f"wrote {DOCS.relative_to(ROOT)}")
        if self.failures:
            print("\nBROKEN SCENARIOS:\n  " + "\n  ".join(self.failures), file=sys.stderr)
            return 1
        return 0


# ---------------------------------------------------------------- helpers

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


def machine_info(chromium: str, gradio: str) -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("node") else ""
    pyodide = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": platform.platform(), "chromium": chromium,
            "python": platform.python_version(), "node": node, "pyodide": pyodide, "gradio_peer": gradio or None}


def _ms(s: dict | None, scale: float = 1.0, unit: str = "ms", digits: int = 0) -> str:
    if not s:
        return "—"
    f = f"{{:.{digits}f}}"
    return f"{f.format(s['median'] * scale)} {unit} ({f.format(s['min'] * scale)}–{f.format(s['max'] * scale)})"


def _status(ok: bool | None) -> str:
    return "—" if ok is None else ("✓" if ok else "✗")


def render_table(results: dict[str, Any]) -> str:
    """The Markdown table printed at the end and put into docs/performance.md."""
    sc = results["scenarios"]
    st, ps, ev, pe = sc.get("startup", {}), sc.get("peer_startup", {}), sc.get("events", {}), sc.get("peer_events", {})
    stm, rn, mem = sc.get("streaming", {}), sc.get("render", {}), sc.get("memory", {})
    rows: list[tuple[str, str, str, str]] = []

    def err(d: dict) -> str | None:
        return d.get("error") and f"BROKEN: {d['error'][:120]}"

    def med(d: dict | None, key: str) -> float | None:
        return (d or {}).get(key, {}).get("median") if isinstance((d or {}).get(key), dict) else None

    # start-up
    if err(st):
        rows.append(("1–2, 7 start-up", err(st), "", "✗"))
    else:
        ratio = med(st, "tti_cold_ratio")
        rows.append(("1. TTI cold (hello)", _ms(st.get("tti_cold_ms")), TARGETS["tti_cold_ratio"] + f" → {ratio:.2f}×" if ratio else "", _status(ratio is not None and ratio <= 0.35)))
        warm = med(st, "tti_warm_ms")
        rows.append(("1. TTI warm (hello)", _ms(st.get("tti_warm_ms")), TARGETS["tti_warm"], _status(warm is not None and warm < 1000)))
        rows.append(("2. bare Pyodide boot, cold", _ms(st.get("bare_pyodide_cold_ms")), "baseline", ""))
        rows.append(("2. bare Pyodide boot, warm", _ms(st.get("bare_pyodide_warm_ms")), "baseline", ""))
        rows.append(("2. TTI / bare Pyodide, cold", _ms(st.get("tti_cold_ratio"), unit="×", digits=2), "≤ 0.35×", _status(ratio is not None and ratio <= 0.35)))
        rows.append(("2. TTI / bare Pyodide, warm", _ms(st.get("tti_warm_ratio"), unit="×", digits=2), "", ""))
    if ps.get("unavailable") or err(ps):
        rows.append(("3. Gradio server: first render", f"unavailable: {ps.get('unavailable') or err(ps)}", "", ""))
    else:
        rows.append((f"3. Gradio {ps.get('gradio_version')} server: first render, cold", _ms(ps.get("first_render_cold_ms")), "peer", ""))
        rows.append((f"3. Gradio {ps.get('gradio_version')} server: first render, warm", _ms(ps.get("first_render_warm_ms")), "peer", ""))
    # events
    if err(ev):
        rows.append(("4. event round trip", err(ev), "", "✗"))
    else:
        p50, p99 = med(ev, "p50_ms"), med(ev, "p99_ms")
        n = ev.get("clicks_per_run")
        rows.append((f"4. click → DOM, p50 ({n} clicks)", _ms(ev.get("p50_ms"), digits=1), TARGETS["event_p50"], _status(p50 is not None and p50 < 5)))
        rows.append(("4. click → DOM, p95", _ms(ev.get("p95_ms"), digits=1), "", ""))
        rows.append(("4. click → DOM, p99", _ms(ev.get("p99_ms"), digits=1), TARGETS["event_p99"], _status(p99 is not None and p99 < 25)))
    if pe.get("unavailable") or err(pe):
        rows.append(("3. Gradio server: click → output", f"unavailable: {pe.get('unavailable') or err(pe)}", "", ""))
    else:
        gp50 = med(pe, "p50_ms")
        rows.append((f"3. Gradio server: click → output, p50 ({pe.get('clicks_per_run')} clicks)", _ms(pe.get("p50_ms"), digits=1), "peer", ""))
        rows.append(("3. Gradio server: click → output, p99", _ms(pe.get("p99_ms"), digits=1), "peer", ""))
        p50 = med(ev, "p50_ms")
        if p50 and gp50:
            rows.append(("3. speed-up over the Gradio server (p50)", f"{gp50 / p50:.1f}×", TARGETS["event_vs_gradio"], _status(gp50 / p50 >= 9)))
    # streaming
    if err(stm):
        rows.append(("5. streaming 2,000 updates", err(stm), "", "✗"))
    else:
        rate = med(stm, "updates_per_s")
        rows.append(("5. streamed updates rendered per second", _ms(stm.get("updates_per_s"), unit="/s"), TARGETS["stream_rate"], _status(rate is not None and rate >= 500)))
        rows.append(("5. … all 2,000 in / last value shown", f"{_ms(stm.get('elapsed_ms'))} / {'yes' if stm.get('last_value_shown') else 'NO'}", "last value shown", _status(bool(stm.get("last_value_shown")))))
    # render
    if rn.get("skipped"):
        rows.append(("6. @gr.render of 1,000 Textboxes", f"skipped: {rn['skipped'].removeprefix('skipped: ')}", TARGETS["render_1000"], "—"))
    elif err(rn):
        rows.append(("6. @gr.render of 1,000 Textboxes", err(rn), "", "✗"))
    else:
        ms = med(rn, "ms")
        rows.append(("6. @gr.render of 1,000 Textboxes", _ms(rn.get("ms")), TARGETS["render_1000"], _status(ms is not None and ms < 1000)))
    # bytes
    if not err(st) and st.get("first_load_bytes"):
        b = st["first_load_bytes"]
        kb = lambda n: f"{n / 1000:,.0f} KB"  # noqa: E731
        parts = ", ".join(f"{k.replace('_', ' ')} {kb(v)}" for k, v in b.items()
                          if k not in ("total", "bare_pyodide_core", "ratio_to_core", "service_worker_precache"))
        ratio = b.get("ratio_to_core")
        rows.append(("7. first-load bytes", f"{kb(b['total'])} ({parts})", "", ""))
        if b.get("service_worker_precache"):
            rows.append(("7. … plus the offline service worker's precache", kb(b["service_worker_precache"]), "", ""))
        rows.append(("7. … vs bare Pyodide core", f"{ratio:.2f}× of {kb(b['bare_pyodide_core'])}" if ratio else "—", TARGETS["bytes_ratio"], _status(ratio is not None and ratio <= 1.6)))
        own = st.get("own_js_wheel_gzip", {})
        parts = ", ".join(f"{k} {v / 1000:.0f}" for k, v in own.items() if k not in ("total", "css_not_counted"))
        rows.append(("7. our JS + wheel, gzipped", f"{own.get('total', 0) / 1000:.0f} KB ({parts}; CSS {own.get('css_not_counted', 0) / 1000:.0f} more)",
                     TARGETS["own_js_wheel_gz"], _status(own.get("total", 10**9) < 150_000)))
    # memory
    if err(mem):
        rows.append(("8. worker memory", err(mem), "", "✗"))
    elif mem:
        mb = lambda n: f"{n / 2**20:.1f} MiB"  # noqa: E731
        rows.append(("8. worker wasm memory after boot", f"{mb(mem['after_boot']['wasm'])}; {mem['after_boot']['objects']:,} Python objects", "", ""))
        rows.append((f"8. … after {mem['events']:,} events", f"{mb(mem['after_events']['wasm'])}; {mem['after_events']['objects']:,} Python objects ({mem['python_objects_growth']:+,})", "", ""))

    lines = ["| scenario | result: median (min–max) | target | |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def write_docs(results: dict[str, Any], table: str) -> None:
    """Replace the generated part of docs/performance.md (between the markers) with this run."""
    m = results["machine"]
    cfg = results["config"]
    block = "\n".join([
        "<!-- bench:begin (written by `python3 bench/run.py --docs`) -->",
        f"Run {results['finished']} ({results['seconds']:.0f} s), {cfg['runs']} runs per figure, "
        f"{cfg['clicks']} clicks per run ({cfg['peer_clicks']} on the Gradio server).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; {m['os']}; Chromium {m['chromium']} (headless); "
        f"Pyodide {m['pyodide']}; Python {m['python']}; Node {m['node']}; peer Gradio {m['gradio_peer'] or 'unavailable'}; "
        f"Chromium's omnibox WebUI {'built in every context (--browser-ui)' if cfg.get('browser_ui') else 'off'}.",
        "",
        table,
        "<!-- bench:end -->",
    ])
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Performance\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
    text = re.sub(r"<!-- bench:begin.*?<!-- bench:end -->", lambda _: block, text, flags=re.S)
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5, help="runs per figure (median, min-max); default 5")
    p.add_argument("--clicks", type=int, default=500, help="clicks per event round-trip run; default 500")
    p.add_argument("--peer-clicks", type=int, default=200, help="clicks per run on the Gradio server; default 200")
    p.add_argument("--memory-events", type=int, default=MEMORY_EVENTS, help="events before the second memory reading")
    p.add_argument("--no-peer", action="store_true", help="skip the Gradio server (no virtual environment)")
    p.add_argument("--no-snapshot", action="store_true", help="measure sites built without the memory snapshot")
    p.add_argument("--no-service-worker", action="store_true",
                   help="block the site's offline service worker (its precache competes with the first load)")
    p.add_argument("--browser-ui", action="store_true",
                   help="let Chromium build its omnibox WebUI in every new context, as it does by default")
    p.add_argument("--quick", action="store_true", help="smoke run: 1 run, 50 clicks, 500 memory events")
    p.add_argument("--docs", action="store_true", help="also rewrite the table in docs/performance.md")
    args = p.parse_args(argv)
    if args.quick:
        args.runs, args.clicks, args.peer_clicks, args.memory_events = 1, 50, 30, 500
    ensure_playwright()
    WORK.mkdir(parents=True, exist_ok=True)
    return Bench(args).run()


if __name__ == "__main__":
    sys.exit(main())
