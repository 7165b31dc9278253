"""Playwright fixtures for end-to-end tests: a static server, exported sites, Chromium, booted app pages.

Every site is served from a sub-path (http://127.0.0.1:<port>/sites/<name>/), so every e2e test also
proves that an export works away from the server root. Tests here are auto-marked `e2e`.

Boot an app once per module and reuse its page (booting Pyodide takes seconds):

    @pytest.fixture(scope="module")
    def page(app_opener, site_url):
        page = app_opener(site_url("showcase"))      # waits for data-state="ready"
        yield page
        page.context.close()

    def test_greet(page):
        page.get_by_label("Name").fill("Ada")
        assert not page.wasmblocks_errors

Or one fresh page per test: `page = open_app(site_url("showcase"))` (closed after the test).
On failure, screenshots of open pages go to tests/e2e/artifacts/<test>.png.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread

if TYPE_CHECKING:  # playwright is imported lazily so `pytest -m "not e2e"` works without it
    from playwright.sync_api import Browser, Locator, Page

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
APP_SELECTOR = "#wasmblocks-app"
READY_TIMEOUT_MS = 60_000
# Pages opened by app_opener/open_app and not yet closed; screenshotted when a test fails.
_LIVE_PAGES: list[Page] = []
# Pages whose boot check raised: nobody else holds them, so they close after the test's screenshot.
_ORPHAN_PAGES: list[Page] = []
_artifacts_cleared = False


class QuietHandler(StaticHandler):
    """Static handler without request logging, so pytest output stays readable."""

    quiet = True


class StaticServer:
    """A running test HTTP server: `root` on disk is served at `url` (ends with '/')."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.httpd = make_server(root, "127.0.0.1", 0, handler=QuietHandler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        serve_in_thread(self.httpd)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def static_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    """ThreadingHTTPServer on 127.0.0.1:<free port> serving a temp root (sites live in root/sites/)."""
    server = StaticServer(tmp_path_factory.mktemp("www"))
    yield server
    server.close()


@pytest.fixture(scope="session")
def site_url(static_server: StaticServer, export_app: Callable[..., Path]) -> Callable[[str | Path], str]:
    """Factory: site_url("showcase" | path) exports the app once and returns its URL under /sites/<name>/."""
    urls: dict[str, str] = {}
    used: set[str] = set()

    def _site_url(app: str | Path) -> str:
        key = str(app)
        if key not in urls:
            stem = re.sub(r"[^A-Za-z0-9_.-]", "_", Path(key.rstrip("/")).stem) or "app"
            name, n = stem, 1
            while name in used:  # two different apps with the same file name
                n += 1
                name = f"{stem}-{n}"
            used.add(name)
            export_app(app, static_server.root / "sites" / name)
            urls[key] = f"{static_server.url}sites/{name}/"
        return urls[key]

    return _site_url


@pytest.fixture(scope="session")
def source_url(site_url: Callable[[str | Path], str], tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], str]:
    """Factory: source_url("my_app.py", source) writes an app the test defines inline and returns its URL."""

    def _source_url(name: str, source: str) -> str:
        app = tmp_path_factory.mktemp(Path(name).stem) / name
        app.write_text(textwrap.dedent(source))
        return site_url(app)

    return _source_url


@pytest.fixture(scope="session")
def browser(wasmblocks_browser: Browser) -> Browser:
    """Headless system Chromium (/usr/bin/chromium): the testing kit's (wasmblocks_testing), because one
    process can run only one sync Playwright, and the kit's own tests and examples/testing use it too."""
    return wasmblocks_browser


def _app_state(page: Page) -> tuple[str | None, str]:
    """(data-state, visible text) of the app root, without waiting."""
    try:
        return tuple(page.evaluate(
            "(sel) => { const el = document.querySelector(sel);"
            " return el ? [el.dataset.state ?? null, el.innerText] : [null, '<no ' + sel + ' element>']; }",
            APP_SELECTOR,
        ))
    except Exception as exc:  # page crashed or navigated away; still report something
        return None, f"<cannot read page: {exc}>"


def describe_page(page: Page) -> str:
    """Readable dump for failure messages: URL, data-state, the app's text and the console log."""
    state, text = _app_state(page)
    console = "\n".join(page.wasmblocks_console[-60:]) or "(empty)"
    return (
        f"url: {page.url}\ndata-state: {state}\n--- app text ---\n{text[:3000]}\n"
        f"--- console (last 60) ---\n{console}"
    )


def _open(browser: Browser, url: str, wait_for: str | None, timeout: float, **context_options: Any) -> Page:
    """New context (context_options: Playwright's, e.g. service_workers="block") + page with error
    collection; navigate and wait for data-state == wait_for."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(**context_options)
    page = context.new_page()
    page.wasmblocks_errors = []  # console errors + uncaught exceptions, as strings
    page.wasmblocks_console = []  # every console message and failed request, for failure reports

    def on_console(msg: Any) -> None:
        line = f"[{msg.type}] {msg.text}"
        page.wasmblocks_console.append(line)
        if msg.type == "error":
            page.wasmblocks_errors.append(msg.text)

    def on_page_error(error: Any) -> None:
        text = getattr(error, "stack", None) or str(error)
        page.wasmblocks_console.append(f"[pageerror] {text}")
        page.wasmblocks_errors.append(text)

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("requestfailed", lambda r: page.wasmblocks_console.append(f"[requestfailed] {r.url} {r.failure}"))
    _LIVE_PAGES.append(page)
    page.on("close", lambda _: _LIVE_PAGES.remove(page) if page in _LIVE_PAGES else None)

    page.goto(url)
    if wait_for is None:
        return page
    # Wait for either final state, so a boot error fails at once instead of after the timeout.
    selector = f'{APP_SELECTOR}[data-state="{wait_for}"], {APP_SELECTOR}[data-state="error"]'
    try:
        page.wait_for_selector(selector, timeout=timeout)
        state, _ = _app_state(page)
        if state == wait_for:
            return page
        problem = f"app reached data-state={state!r}, expected {wait_for!r}"
    except PlaywrightTimeout:
        problem = f"app did not reach data-state={wait_for!r} within {timeout / 1000:.0f} s"
    _ORPHAN_PAGES.append(page)
    raise AssertionError(f"{problem}\n{describe_page(page)}")


@pytest.fixture(scope="session")
def app_opener(browser: Browser) -> Callable[..., Page]:
    """Factory app_opener(url, wait_for="ready", timeout=60_000) -> Page; the caller closes page.context."""
    # Session-scoped so module-scoped fixtures can use it. wait_for: "ready", "error" (expect a boot
    # error) or None (return right after navigation).

    def _opener(url: str, wait_for: str | None = "ready", timeout: float = READY_TIMEOUT_MS, **context: Any) -> Page:
        return _open(browser, url, wait_for, timeout, **context)

    return _opener


@pytest.fixture(scope="session")
def value_at_rest() -> Callable[..., str]:
    """Factory value_at_rest(field, quiet_ms=1000) -> its value once it has not changed for quiet_ms.

    For "nothing more arrives after Stop": answers already on their way when the stop took effect land
    first, however slow the machine is today; the wait adapts instead of guessing a fixed delay.
    """

    def _value_at_rest(field: Locator, quiet_ms: int = 1000, timeout: float = 20_000) -> str:
        field.page.wait_for_function(
            """([el, quiet]) => {
                const now = performance.now();
                if (el.__wbSeen !== el.value) { el.__wbSeen = el.value; el.__wbSince = now; }
                return now - el.__wbSince >= quiet;
            }""",
            arg=[field.element_handle(), quiet_ms], timeout=timeout, polling=50,
        )
        return field.input_value()

    return _value_at_rest


@pytest.fixture
def open_app(app_opener: Callable[..., Page]) -> Iterator[Callable[..., Page]]:
    """Per-test factory, same signature as app_opener; its pages are closed when the test ends."""
    pages: list[Page] = []

    def _open_app(url: str, wait_for: str | None = "ready", timeout: float = READY_TIMEOUT_MS, **context: Any) -> Page:
        page = app_opener(url, wait_for, timeout, **context)
        pages.append(page)
        return page

    yield _open_app
    for page in pages:
        page.context.close()


def _screenshot_live_pages(item: pytest.Item) -> None:
    """Save a screenshot of each open page as artifacts/<test>[-N].png."""
    global _artifacts_cleared
    if not _artifacts_cleared:  # artifacts/ shows this run's failures only
        shutil.rmtree(ARTIFACTS, ignore_errors=True)
        _artifacts_cleared = True
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.name).strip("_")
    ARTIFACTS.mkdir(exist_ok=True)
    # Newest first: the page the failing test opened last gets the plain <test>.png name.
    for i, page in enumerate(reversed(_LIVE_PAGES)):
        target = ARTIFACTS / (f"{name}.png" if i == 0 else f"{name}-{i + 1}.png")
        try:
            page.screenshot(path=str(target), full_page=True, timeout=10_000)
        except Exception as exc:  # a crashed page must not hide the real failure
            print(f"wasmblocks: could not screenshot {page.url}: {exc}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """On a failed setup or test, screenshot the pages that are still open; then close orphaned pages."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and report.when in ("setup", "call") and _LIVE_PAGES:
        _screenshot_live_pages(item)
    if report.when == "teardown":
        while _ORPHAN_PAGES:
            page = _ORPHAN_PAGES.pop()
            try:
                page.context.close()
            except Exception:  # the browser fixture may already have shut Playwright down
                pass
