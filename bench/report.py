"""What a run produces for people: the targets, the machine it ran on, the Markdown table, docs/performance.md."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from common import DOCS, ROOT

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


def write_docs(results: dict[str, Any], table: str, shaped_table: str = "") -> None:
    """Replace the generated parts of docs/performance.md (between the markers) with this run: the main
    table when its scenarios ran, the shaped-link tables when that scenario ran."""
    m = results["machine"]
    cfg = results["config"]
    machine = (
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; {m['os']}; Chromium {m['chromium']} (headless); "
        f"Pyodide {m['pyodide']}; Python {m['python']}; Node {m['node']}; peer Gradio {m['gradio_peer'] or 'unavailable'}; "
        f"Chromium's omnibox WebUI {'built in every context (--browser-ui)' if cfg.get('browser_ui') else 'off'}."
    )
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Performance\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
    if table:
        block = "\n".join([
            "<!-- bench:begin (written by `python3 bench/run.py --docs`) -->",
            f"Run {results['finished']} ({results['seconds']:.0f} s), {cfg['runs']} runs per figure, "
            f"{cfg['clicks']} clicks per run ({cfg['peer_clicks']} on the Gradio server).",
            "", machine, "", table, "<!-- bench:end -->",
        ])
        text = re.sub(r"<!-- bench:begin.*?<!-- bench:end -->", lambda _: block, text, flags=re.S)
    if shaped_table:
        block = "\n".join([
            "<!-- bench-shaped:begin (written by `python3 bench/run.py --docs`) -->",
            f"Run {results['finished']}, {cfg['shaped_runs']} cold + repeat visits per peer and link (medians).",
            "", machine, "", shaped_table, "<!-- bench-shaped:end -->",
        ])
        if "<!-- bench-shaped:begin" not in text:
            text += "\n## Shaped links\n\n<!-- bench-shaped:begin -->\n<!-- bench-shaped:end -->\n"
        text = re.sub(r"<!-- bench-shaped:begin.*?<!-- bench-shaped:end -->", lambda _: block, text, flags=re.S)
    DOCS.write_text(text, encoding="utf-8")


def render_shaped(shaped: dict[str, Any]) -> str:
    """The shaped-link tables (scenario 9): hello, the showcase, and what drawing before Python would save."""
    if not shaped or shaped.get("error"):
        return f"Shaped links: BROKEN: {shaped.get('error', '')[:200]}" if shaped else ""

    def s(d: dict | None, key: str, scale: float = 1e-3, digits: int = 2, unit: str = " s") -> str:
        v = (d or {}).get(key)
        if not isinstance(v, dict):
            return "—"
        return f"{v['median'] * scale:.{digits}f}{unit}"

    def ratio(d: dict | None, key: str) -> str:
        v = (d or {}).get(key)
        return f"{v['median']:.2f}×" if isinstance(v, dict) else "—"

    kb = {"scale": 1e-3, "digits": 0, "unit": " KB"}
    out = [
        "Hello app (cold = first visit, repeat = second visit with the HTTP cache and the offline service worker "
        "warm; ratio = ours / bare Pyodide in the same run; critical path = bytes sent before the first answer):",
        "",
        "| link | first paint | TTI cold | bare Pyodide cold | ratio | TTI repeat | bare repeat | ratio | critical path | bare's | ratio | Gradio server: paint / TTI cold |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in shaped["profiles"].values():
        o, b, g = p.get("ours_hello", {}), p.get("bare", {}), p.get("gradio_hello", {})
        br = o.get("cold", {}).get("bytes_ratio_to_bare")
        out.append(
            f"| {p['profile']} | {s(o.get('cold'), 'paint')} | {s(o.get('cold'), 'tti')} | {s(b.get('cold'), 'tti')} | "
            f"{ratio(o.get('cold'), 'tti_ratio_to_bare')} | {s(o.get('warm'), 'tti')} | {s(b.get('warm'), 'tti')} | "
            f"{ratio(o.get('warm'), 'tti_ratio_to_bare')} | {s(o.get('cold'), 'critical_bytes', **kb)} | "
            f"{s(b.get('cold'), 'critical_bytes', **kb)} | {f'{br:.2f}×' if br else '—'} | "
            f"{s(g.get('cold'), 'paint')} / {s(g.get('cold'), 'tti')} |"
        )
    out += [
        "",
        "Showcase:",
        "",
        "| link | first paint | TTI cold | ratio to bare | TTI repeat | ratio | critical path | Gradio server: paint / TTI cold | repeat |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in shaped["profiles"].values():
        o, g = p.get("ours_showcase", {}), p.get("gradio_showcase", {})
        out.append(
            f"| {p['profile']} | {s(o.get('cold'), 'paint')} | {s(o.get('cold'), 'tti')} | {ratio(o.get('cold'), 'tti_ratio_to_bare')} | "
            f"{s(o.get('warm'), 'tti')} | {ratio(o.get('warm'), 'tti_ratio_to_bare')} | {s(o.get('cold'), 'critical_bytes', **kb)} | "
            f"{s(g.get('cold'), 'paint')} / {s(g.get('cold'), 'tti')} | {s(g.get('warm'), 'paint')} / {s(g.get('warm'), 'tti')} |"
        )
    out += [
        "",
        "Drawing before Python: the page's own code (HTML, CSS, page bundle) has arrived at *page code*; the app is "
        "drawn at *first paint* (from the tree `export` made under CPython, or, with `--no-draw-early`, the worker's).",
        "",
        "| link | hello: page code → first paint | showcase: page code → first paint |",
        "| --- | --- | --- |",
    ]
    for p in shaped["profiles"].values():
        cells = []
        for app in ("hello", "showcase"):
            c = p.get(f"ours_{app}", {}).get("cold", {})
            cells.append(f"{s(c, 'page_code')} → {s(c, 'paint')}")
        out.append(f"| {p['profile']} | {' | '.join(cells)} |")
    return "\n".join(out)
