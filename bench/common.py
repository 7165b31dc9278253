"""Paths, sizes and small shared pieces of the benchmark: statistics, a free port, Playwright on demand."""

from __future__ import annotations

import importlib.util
import socket
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))  # wasmblocks_build, for this module and the ones importing it

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
