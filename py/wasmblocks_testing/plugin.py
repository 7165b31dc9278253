"""The pytest side: options, and the fixtures `wasmblocks_app` (per test) and `wasmblocks_launcher` (per session).

playwright is imported when a fixture first needs the browser, so loading the plugin costs nothing to test
suites that never ask for one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .app import App
from .browser import chromium_path, launch
from .sites import AppSource, Sites

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("wasmblocks", "wasmblocks apps in a browser")
    group.addoption("--wasmblocks-chromium", metavar="PATH",
                    help="the Chromium to drive (default: $WASMBLOCKS_CHROMIUM, a system chromium, else "
                         "Playwright's own)")
    group.addoption("--wasmblocks-headed", action="store_true", help="show the browser window")
    group.addoption("--wasmblocks-timeout", type=float, default=20.0, metavar="SECONDS",
                    help="how long expect_* and wait_idle wait (default 20)")


class Launcher:
    """Exports apps (once per content) and opens them in the session's browser."""

    def __init__(self, browser: Browser, sites: Sites, timeout: float) -> None:
        self.browser = browser
        self.sites = sites
        self.timeout = timeout

    def url(self, app: AppSource, near: Path | None = None, **export_options: Any) -> str:
        """Where the exported app is served (it is exported first if this content was not yet)."""
        return self.sites.site_url(app, near, **export_options)

    def open(self, app: AppSource, near: Path | None = None, **export_options: Any) -> App:
        """The app in a new browser context, ready and idle; close it with app.close()."""
        return App.open(self.browser, self.url(app, near, **export_options), timeout=self.timeout)


@pytest.fixture(scope="session")
def wasmblocks_browser(pytestconfig: pytest.Config) -> Iterator[Browser]:
    """Headless Chromium for the session (override this fixture to bring your own Browser)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path(pytestconfig.getoption("wasmblocks_chromium"))
    with sync_playwright() as playwright:
        browser = launch(playwright, path, headless=not pytestconfig.getoption("wasmblocks_headed"))
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def wasmblocks_launcher(wasmblocks_browser: Browser, tmp_path_factory: pytest.TempPathFactory,
                        pytestconfig: pytest.Config) -> Iterator[Launcher]:
    """Session-wide: `wasmblocks_launcher.open("app.py")` for an App a module-scoped fixture shares."""
    sites = Sites(tmp_path_factory.mktemp("wasmblocks"))
    yield Launcher(wasmblocks_browser, sites, pytestconfig.getoption("wasmblocks_timeout"))
    sites.close()


@pytest.fixture
def wasmblocks_app(wasmblocks_launcher: Launcher, request: pytest.FixtureRequest) -> Iterator[Callable[..., App]]:
    """`wasmblocks_app(app, **export_options)`: app is a .py file or folder (relative to the test file) or
    source text; returns its App, ready and idle. Its page closes when the test ends."""
    opened: list[App] = []
    near = Path(str(request.path)).parent

    def open_app(app: AppSource, **export_options: Any) -> App:
        opened.append(wasmblocks_launcher.open(app, near, **export_options))
        return opened[-1]

    yield open_app
    for app in opened:
        app.close()
