"""Shared fixtures: build the runtime once per session, export apps into temp dirs, mark e2e tests."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wasmblocks_build.common import ROOT
from wasmblocks_build.export import export
from wasmblocks_build.site import build_runtime

# wasmblocks_testing (the wasmblocks_app fixture, docs/testing.md) from the source tree; where wasmblocks is
# pip-installed pytest already loads it through its pytest11 entry point, and naming it twice is an error.
if not any(ep.name == "wasmblocks" for ep in importlib.metadata.entry_points(group="pytest11")):
    pytest_plugins = ["wasmblocks_testing.plugin"]

E2E_DIR = ROOT / "tests" / "e2e"
EXAMPLES_DIR = ROOT / "examples"
# wasmblocks_testing's fixtures that start Chromium.
BROWSER_FIXTURES = {"wasmblocks_app", "wasmblocks_launcher", "wasmblocks_browser"}


@pytest.hookimpl(tryfirst=True)  # before -m filtering, so `-m "not e2e"` sees the marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e/ as e2e, and every test that opens an app with the testing kit's
    fixtures (examples/testing/), so `pytest -m "not e2e"` runs only unit tests."""
    for item in items:
        uses_browser = BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if uses_browser or Path(str(item.path)).resolve().is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
    # Browser tests last: sync Playwright keeps an asyncio loop running in this thread for the rest of the
    # session, and unit tests that call asyncio.run() after it would fail on "a running event loop".
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def runtime_built() -> Path:
    """Build build/runtime/ once per session (each stage is skipped when already up to date)."""
    return build_runtime()


@pytest.fixture(scope="session")
def export_app(runtime_built: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Factory export_app(app, outdir=None, **export options) -> site dir; app = example name or path; once
    per (app, outdir, options)."""
    cache: dict[tuple[Path, Path | None, str], Path] = {}

    def _export(app: str | Path, outdir: Path | None = None, **options: Any) -> Path:
        app_path = resolve_app(app)
        key = (app_path, outdir, repr(sorted(options.items())))
        if key not in cache:
            out = outdir or tmp_path_factory.mktemp(f"export-{app_path.stem}")
            cache[key] = export(app_path, out, runtime_dir=runtime_built, build=False, **options)
        return cache[key]

    return _export


def resolve_app(app: str | Path) -> Path:
    """An example name ("showcase" -> examples/showcase.py or examples/showcase/) or a path, resolved."""
    path = Path(app)
    if isinstance(app, str) and len(path.parts) == 1 and not path.suffix:
        for candidate in (EXAMPLES_DIR / f"{app}.py", EXAMPLES_DIR / app):
            if candidate.exists():
                return candidate.resolve()
    if not path.is_absolute():
        path = ROOT / path if (ROOT / path).exists() else path
    if not path.exists():
        raise FileNotFoundError(f"no app {app!r} (looked in {EXAMPLES_DIR} and at the path)")
    return path.resolve()

