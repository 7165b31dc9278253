"""App: an exported wasmblocks app open in a browser page, and the way in to its controllers.

`App.open(browser, url)` waits until the app is ready (`data-state="ready"`) and idle; a boot error fails with
the app's own message and traceback. `wait_idle()` waits on the page's `data-busy` attribute, which counts
the events queued or running, the uploads on their way and the streamed updates not yet drawn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import controllers as c
from .retry import ExpectationError, expect_until

if TYPE_CHECKING:  # playwright is imported only when a browser test runs
    from playwright.sync_api import Browser, Locator, Page

ROOT = "#wasmblocks-app"
# Two quiet frames in a row: an event a component starts a frame after the user's action (a deferred
# change) is counted before the wait returns.
IDLE_FRAMES = 2
IDLE_JS = f"""(root) => {{
  if (root.dataset.busy !== "0") {{ root.__wbQuiet = 0; return false; }}
  root.__wbQuiet = (root.__wbQuiet || 0) + 1;
  return root.__wbQuiet >= {IDLE_FRAMES};
}}"""


class AppStartError(AssertionError):
    """The app did not start: the message is what the page shows (the Python error and its traceback)."""


class App:
    """One app page. Controllers find components by their label, as a user sees them."""

    def __init__(self, page: Page, url: str, timeout: float) -> None:
        self.page = page
        self.url = url
        self.timeout = timeout  # seconds, for every expectation and wait unless given
        self.root: Locator = page.locator(ROOT)
        self.console: list[str] = []  # every console line and page error, for failure messages
        self.errors: list[str] = []  # console errors and uncaught exceptions only
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self._record("pageerror", str(error), error=True))

    @classmethod
    def open(cls, browser: Browser, url: str, timeout: float = 20.0, start_timeout: float = 90.0) -> App:
        """A new browser context on `url`; returns once the app is ready and idle (AppStartError if it failed)."""
        context = browser.new_context()
        app = cls(context.new_page(), url, timeout)
        try:
            app.page.goto(url)
            app._wait_started(start_timeout)
            app.wait_idle(start_timeout)  # load events (demo.load) have run
        except BaseException:
            context.close()
            raise
        return app

    def _on_console(self, message: Any) -> None:
        self._record(message.type, message.text, error=message.type == "error")

    def _record(self, kind: str, text: str, *, error: bool) -> None:
        self.console.append(f"[{kind}] {text}")
        if error:
            self.errors.append(text)

    def _wait_started(self, timeout: float) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        final = f'{ROOT}[data-state="ready"], {ROOT}[data-state="error"]'
        try:
            self.page.wait_for_selector(final, state="attached", timeout=timeout * 1000)
        except PlaywrightTimeout:
            raise AppStartError(f"the app at {self.url} did not start within {timeout:g} s\n"
                                f"{self.describe()}") from None
        if self.root.get_attribute("data-state") == "error":
            raise AppStartError(f"the app at {self.url} failed to start:\n{self.root.inner_text()}")

    def describe(self) -> str:
        """State, text and recent console lines of the page, for a failure message."""
        try:
            state, text = self.root.get_attribute("data-state"), self.root.inner_text(timeout=2000)
        except Exception as exc:  # a crashed page still gets reported
            state, text = None, f"<cannot read the page: {exc}>"
        console = "\n".join(self.console[-30:]) or "(empty)"
        return f"data-state: {state}\n--- page text ---\n{text[:3000]}\n--- console ---\n{console}"

    def close(self) -> None:
        """Close the page and its browser context (its worker, and so its Python, ends)."""
        self.page.context.close()

    # ---- waiting ----
    def wait_idle(self, timeout: float | None = None) -> None:
        """Return once no event is queued or running, no upload is on its way and no streamed update waits.

        Backed by `data-busy` on the app's root ("0" when idle, docs/testing.md), held for two frames.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        limit = self.timeout if timeout is None else timeout
        try:
            self.page.wait_for_function(IDLE_JS, arg=self.root.element_handle(), polling="raf",
                                        timeout=limit * 1000)
        except PlaywrightTimeout:
            busy = self.root.get_attribute("data-busy")
            raise ExpectationError(f"the app is still busy after {limit:g} s (data-busy={busy!r})") from None

    def _wait(self, ms: float) -> None:
        self.page.wait_for_timeout(ms)

    # ---- controllers ----
    def textbox(self, label: str) -> c.Textbox:
        return c.Textbox(self, label)

    def number(self, label: str) -> c.Number:
        return c.Number(self, label)

    def slider(self, label: str) -> c.Slider:
        return c.Slider(self, label)

    def dropdown(self, label: str) -> c.Dropdown:
        return c.Dropdown(self, label)

    def checkbox(self, label: str) -> c.Checkbox:
        return c.Checkbox(self, label)

    def checkbox_group(self, label: str) -> c.CheckboxGroup:
        return c.CheckboxGroup(self, label)

    def radio(self, label: str) -> c.Radio:
        return c.Radio(self, label)

    def file(self, label: str) -> c.File:
        return c.File(self, label)

    def button(self, text: str) -> c.Button:
        return c.Button(self, text)

    def chatbot(self, label: str | None = None) -> c.Chatbot:
        return c.Chatbot(self, label)

    def dataframe(self, label: str | None = None) -> c.Dataframe:
        return c.Dataframe(self, label)

    def tab(self, label: str) -> c.Tab:
        return c.Tab(self, label)

    def block(self, label: str) -> Locator:
        """The block (component box) whose label is `label`, as a Playwright Locator, for anything else."""
        return c.block_by_label(self, label, "component")

    # ---- toasts ----
    def toasts(self) -> list[tuple[str, str]]:
        """(level, text) of every toast on screen, oldest first."""
        found = self.root.locator('[data-testid="toast-body"]').evaluate_all(
            "els => els.map(e => [e.dataset.level || '', "
            "(e.querySelector('[data-testid=toast-text]') || e).innerText.trim()])")
        return [(str(level), str(text)) for level, text in found]

    def expect_toast(self, level: str, text: str | re.Pattern[str], timeout: float | None = None) -> None:
        """A toast of this level ("error", "warning", "info", "success") whose text contains `text` shows."""
        def holds(toasts: list[tuple[str, str]]) -> bool:
            return any(lv == level and c.text_matches(text, shown, partial=True) for lv, shown in toasts)

        expect_until(self.toasts, holds, expected=(level, text), what="a toast", wait=self._wait,
                     timeout=self.timeout if timeout is None else timeout)

    # ---- the app's events as an API (window.wasmblocks, docs/embedding.md) ----
    def predict(self, endpoint: str | int, data: list[Any] | dict[str, Any] | None = None) -> list[Any]:
        """Run an endpoint through the page's JS API; returns its outputs (the page's components stay as they are)."""
        return list(self.page.evaluate("([e, d]) => window.wasmblocks.predict(e, d).then((r) => r.data)",
                                       [endpoint, data if data is not None else []]))

    def view_api(self) -> dict[str, Any]:
        """The app's endpoints, as gradio_client's view_api(return_format="dict")."""
        info: dict[str, Any] = self.page.evaluate("() => window.wasmblocks.view_api()")
        return info
