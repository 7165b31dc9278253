"""Several apps exported into one site share one runtime: the second app a visitor opens loads Pyodide, the
bundles and the package from the browser's cache (wasmblocks_build/many_apps.py, docs/publishing.md)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from wasmblocks_build.common import ROOT
from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread
from wasmblocks_build.many_apps import export_apps

EXAMPLES_DIR = ROOT / "examples"
SHOTS = ROOT / "tests" / "screenshots"


class PagesLikeHandler(StaticHandler):
    """Caches like GitHub Pages (max-age=600) and records every request's path and status."""

    quiet = True
    log: list[tuple[str, int]] = []  # noqa: RUF012 - replaced per server below
    lock = threading.Lock()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        with self.lock:
            self.log.append((self.path.split("?", 1)[0], int(code)))
        super().send_response(code, message)


@pytest.fixture(scope="module")
def site(runtime_built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("many") / "site"
    return export_apps([EXAMPLES_DIR / "hello.py", EXAMPLES_DIR / "counter.py"], out,
                       runtime_dir=runtime_built, build=False)


@pytest.fixture
def server(site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    log: list[tuple[str, int]] = []
    handler: Any = type("Handler", (PagesLikeHandler,), {"log": log})
    httpd = make_server(site, handler=handler)
    serve_in_thread(httpd)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", log
    httpd.shutdown()
    httpd.server_close()


def test_one_runtime_and_a_folder_per_app(site: Path) -> None:
    for name in ("hello", "counter"):
        assert (site / name / "index.html").is_file() and (site / name / "app" / "manifest.json").is_file()
        info = json.loads((site / name / "runtime.json").read_text(encoding="utf-8"))
        assert info["pyodide"] == "../pyodide/" and info["sources"].startswith("../wheels/")
        assert (site / name / info["snapshot"]["url"]).is_file()
        assert not (site / name / "pyodide").exists() and not (site / name / "assets").exists()
    assert not (site / "app").exists()
    assert (site / "pyodide" / "pyodide.asm.wasm").is_file()


def _visit_both(page: Any, url: str, log: list[tuple[str, int]], between: Any = None) -> tuple[list[str], list[str]]:
    """Open the index, follow the link to hello, use it; (between); open counter, use it. Paths per visit."""
    page.goto(url)
    expect(page.locator("#wasmblocks-apps a")).to_have_count(2)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "many-apps-index.png"))
    expect(page.get_by_role("link", name="Hello")).to_have_attribute("href", "hello/")
    page.get_by_role("link", name="Hello").click()
    expect(page.locator('#wasmblocks-app[data-state="ready"]')).to_be_attached(timeout=60_000)
    page.get_by_label("Name").fill("Ada")
    expect(page.get_by_label("Greeting")).to_have_value("Welcome to Gradio, Ada!")
    if between:
        between()
    first_visit = len(log)
    page.goto(url + "counter/")
    expect(page.locator('#wasmblocks-app[data-state="ready"]')).to_be_attached(timeout=60_000)
    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_label("Counter")).to_have_value("Count: 1")
    return [path for path, _ in log[:first_visit]], [path for path, _ in log[first_visit:]]


RUNTIME = ("/assets/", "/pyodide/", "/wheels/", "/snapshot/")


def test_second_app_is_served_from_the_offline_cache(browser: Any, server: tuple[str, list[tuple[str, int]]],
                                                      site: Path) -> None:
    url, log = server
    context = browser.new_context()
    try:
        page = context.new_page()
        # The site's one service worker (scope: the site) precaches the runtime once the first app is ready.
        ready = "navigator.serviceWorker.ready.then((r) => !!r.active)"
        first, second = _visit_both(page, url, log, between=lambda: page.wait_for_function(ready, timeout=120_000))
    finally:
        context.close()
    assert "/pyodide/pyodide.asm.wasm" in first and "/hello/app/manifest.json" in first
    assert [p for p in second if p.startswith(RUNTIME)] == [], "the second app fetched runtime files again"
    # Its own page, runtime.json and files were precached with the site too: nothing reached the server.
    assert [p for p in second if p.startswith("/counter/")] == [], second


def test_second_app_takes_the_runtime_from_the_http_cache(browser: Any, server: tuple[str, list[tuple[str, int]]],
                                                         site: Path) -> None:
    url, log = server
    context = browser.new_context(service_workers="block")  # the HTTP cache alone, as on a first visit
    try:
        first, second = _visit_both(context.new_page(), url, log)
    finally:
        context.close()
    assert "/pyodide/pyodide.asm.wasm" in first
    again = [p for p in second if p.startswith(RUNTIME)]
    # Chromium's in-memory HTTP cache (this test's fresh context; an incognito window) keeps no entry over
    # 1/8 of its 50 MB: the 9.6 MB wasm comes again there. A profile's disk cache keeps it.
    too_big = {p for p in again if (site / p.lstrip("/")).stat().st_size > 50 * 2**20 // 8}
    assert set(again) == too_big, again
    assert "/counter/app/manifest.json" in second and "/counter/runtime.json" in second
    snapshots = {json.loads((site / n / "runtime.json").read_text(encoding="utf-8"))["snapshot"]["url"]
                 for n in ("hello", "counter")}
    assert len(snapshots) == 1  # the same imports, the same content-hashed snapshot file
