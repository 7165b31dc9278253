"""The shaped-link scenario: first paint, time to interactive and critical-path bytes over real-world links.

For each profile (bench/shaping.py: loopback, 100 Mbit/20 ms, 20 Mbit/40 ms, 5 Mbit/80 ms), in turn and
alternating within each run: our hello app, bare Pyodide (bench/baseline, 1+1), our showcase, and the same two
apps on the Gradio server behind the same shaping. Each load is cold (a fresh browser context: empty HTTP
cache, no service worker), then a repeat visit in the same context (warm HTTP cache, the offline service
worker installed). Critical-path bytes are the bytes the server had sent on the link when the app answered its
first event. Timings never fail the run; a page that does not boot or does not answer does.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from common import HELLO, ROOT, ScenarioError, summary
from page_js import SETTLE_JS
from peer import GradioServer
from shaped_js import PAGE_CODE_JS, init_script
from shaping import PROFILES, Link, Transfer, bytes_before, proxy_handler, start_server, static_handler
from wasmblocks_build.common import log

SHOWCASE = ROOT / "examples" / "showcase.py"
TIMEOUT_MS = 180_000


class ShapedLinks:
    """Runs the scenario with the suite's browser (bench.new_context) on its own shaped servers."""

    def __init__(self, bench: Any, www: Path) -> None:
        self.bench = bench
        self.args = bench.args
        self.link = Link()
        self.site = start_server(static_handler(www, self.link))
        self.url = f"http://127.0.0.1:{self.site.server_address[1]}/"
        self.peers: dict[str, tuple[GradioServer, Any]] = {}

    def close(self) -> None:
        self.site.shutdown()
        self.site.server_close()
        for server, proxy in self.peers.values():
            proxy.shutdown()
            proxy.server_close()
            server.close()

    def _peer_url(self, app: str) -> str | None:
        if self.bench.gradio_python is None:
            return None
        if app not in self.peers:
            server = GradioServer(self.bench.gradio_python, HELLO if app == "hello" else SHOWCASE)
            proxy = start_server(proxy_handler(f"127.0.0.1:{server.port}", self.link))
            self.peers[app] = (server, proxy)
        return f"http://127.0.0.1:{self.peers[app][1].server_address[1]}/"

    # ------------------------------------------------------------ one load
    def _visit(self, context: Any, url: str, app: str | None, console: list[str]) -> dict[str, Any]:
        """One navigation; returns its times (ms after navigation start) and the bytes sent meanwhile."""
        transfers: list[Transfer] = []
        self.link.recording = transfers
        page = context.new_page()
        page.on("console", lambda m: console.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: console.append(f"[pageerror] {e}"))
        try:
            page.goto(url, timeout=TIMEOUT_MS)
            if app is None:  # bare Pyodide: ready when 1+1 is answered on the page
                page.wait_for_selector('#wasmblocks-app[data-state="ready"], #wasmblocks-app[data-state="error"]',
                                       timeout=TIMEOUT_MS)
                if page.get_attribute("#wasmblocks-app", "data-state") != "ready":
                    raise ScenarioError(f"bare Pyodide failed: {page.inner_text('#wasmblocks-app')[:300]}")
                tti = page.evaluate("performance.getEntriesByName('wasmblocks:ready')[0].startTime")
                times: dict[str, Any] = {"tti": tti}
            else:
                try:
                    page.wait_for_function("() => window.__bench && (window.__bench.answered !== null || window.__bench.error"
                                           " || document.querySelector('#wasmblocks-app[data-state=error]'))",
                                           timeout=TIMEOUT_MS)
                except Exception as exc:
                    raise ScenarioError(f"{url}: no answer within {TIMEOUT_MS} ms: {page.evaluate('window.__bench')}\n"
                                        + "\n".join(console[-15:])) from exc
                b = page.evaluate("window.__bench")
                if b["error"] or b["answered"] is None:
                    raise ScenarioError(f"{url}: no answer ({b['error'] or 'data-state=error'})\n" + "\n".join(console[-15:]))
                times = {"paint": b["paint"], "ready": b["ready"], "tti": b["answered"],
                         "page_code": page.evaluate(PAGE_CODE_JS)}
            origin = page.evaluate("performance.timeOrigin") / 1000
            critical = bytes_before(transfers, origin + times["tti"] / 1000)
            times["critical_bytes"] = sum(critical.values())
            times["critical"] = critical
            page.evaluate(SETTLE_JS, TIMEOUT_MS)  # the offline precache finishes before the repeat visit
            # A file sent in full twice in one visit: a preload hint its user could not take from the cache.
            sent = [t.url.split("?")[0] for t in transfers if t.status == 200]
            times["twice"] = sorted({u for u in sent if sent.count(u) > 1})
            return times
        finally:
            self.link.recording = None
            page.close()

    def _cold_and_warm(self, url: str, app: str | None) -> dict[str, dict[str, Any]]:
        context = self.bench.new_context()
        if app is not None:
            context.add_init_script(init_script(app))
        console: list[str] = []
        try:
            cold = self._visit(context, url, app, console)
            warm = self._visit(context, url, app, console)
        finally:
            context.close()
        return {"cold": cold, "warm": warm}

    # ------------------------------------------------------------ one profile
    def profile(self, key: str) -> dict[str, Any]:
        profile = PROFILES[key]
        self.link.set(profile)
        peers = {"ours_hello": (self.url + "hello/", "hello"), "bare": (self.url + "hello/bench-baseline/", None),
                 "ours_showcase": (self.url + "showcase/", "showcase")}
        for app in ("hello", "showcase"):
            peer = self._peer_url(app)
            if peer:
                peers[f"gradio_{app}"] = (peer, app)
        runs: dict[str, list[dict[str, dict[str, Any]]]] = {name: [] for name in peers}
        for i in range(self.args.shaped_runs):
            for name, (url, app) in peers.items():  # alternating: ours, bare, ours, the Gradio server
                runs[name].append(self._cold_and_warm(url, app))
            line = ", ".join(f"{n} {r[-1]['cold']['tti']:.0f}/{r[-1]['warm']['tti']:.0f}" for n, r in runs.items())
            log(f"bench:   {profile.name} run {i + 1}/{self.args.shaped_runs} (TTI cold/warm ms): {line}")
        out: dict[str, Any] = {"profile": profile.name, "bits_per_s": profile.bits_per_s, "rtt_ms": profile.rtt_ms}
        for name, loads in runs.items():
            out[name] = {visit: _summarise([load[visit] for load in loads]) for visit in ("cold", "warm")}
        for app in ("hello", "showcase"):
            ours = runs[f"ours_{app}"]
            for visit in ("cold", "warm"):
                ratios = [o[visit]["tti"] / b[visit]["tti"] for o, b in zip(ours, runs["bare"])]
                out[f"ours_{app}"][visit]["tti_ratio_to_bare"] = summary(ratios)
        hello_bytes = out["ours_hello"]["cold"]["critical_bytes"]["median"]
        out["ours_hello"]["cold"]["bytes_ratio_to_bare"] = hello_bytes / out["bare"]["cold"]["critical_bytes"]["median"]
        return out

    def run(self) -> dict[str, Any]:
        results: dict[str, Any] = {"runs": self.args.shaped_runs, "profiles": {}}
        for key in self.args.profiles.split(","):
            if key not in PROFILES:
                raise ScenarioError(f"unknown link profile {key!r} (choose from {', '.join(PROFILES)})")
            results["profiles"][key] = self.profile(key)
        return results


def _summarise(loads: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians with min-max of each figure; the critical path's per-file bytes of the median load."""
    out: dict[str, Any] = {}
    for key in ("paint", "ready", "tti", "page_code", "critical_bytes"):
        values = [load[key] for load in loads if load.get(key) is not None]
        if values:
            out[key] = summary(values)
    tti = statistics.median_low([load["tti"] for load in loads])
    median_load = next(load for load in loads if load["tti"] == tti)
    out["critical_files"] = dict(sorted(median_load["critical"].items(), key=lambda kv: -kv[1]))
    out["downloaded_twice"] = sorted({u for load in loads for u in load.get("twice", [])})
    return out
