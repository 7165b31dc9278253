"""One controller per kind of component, found by its label as a user sees it: `app.textbox("Name")`.

Actions (`fill`, `set`, `select`, `click`, `upload`) do what a user does in the page. Every `expect_*` retries
until it holds or the app's timeout passes, and then fails with the expected and the actual value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .retry import ExpectationError, expect_until

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from .app import App

# The title every component draws: Gradio's BlockTitle (form controls) or BlockLabel (the corner chip).
TITLE = '[data-testid="block-info"], [data-testid="block-label"]'
BLOCK = "xpath=ancestor::div[@data-block-id][1]"


def text_matches(expected: str | re.Pattern[str], actual: str, *, partial: bool = False) -> bool:
    """Whether the shown text is the expected one (a regex searches; partial=True: a substring will do)."""
    if isinstance(expected, re.Pattern):
        return expected.search(actual) is not None
    return expected in actual if partial else " ".join(expected.split()) == " ".join(actual.split())


def _exact(label: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(label)}\s*$")


def labels_on_page(app: App) -> list[str]:
    """Every component title the app shows, for a helpful "not found" message."""
    titles = app.root.locator(TITLE).all_inner_texts()
    return sorted({" ".join(t.split()) for t in titles if t.strip()})


def _one(app: App, candidates: Locator, what: str, timeout: float | None = None) -> Locator:
    """The single element `candidates` matches once it shows; fails naming what the page has instead."""
    limit = app.timeout if timeout is None else timeout
    count = expect_until(candidates.count, lambda n: n > 0, expected="one", what=what, timeout=limit,
                         wait=app._wait) if candidates.count() == 0 else candidates.count()
    if count > 1:
        raise ExpectationError(f"{count} elements match {what}; give a label only one component has")
    return candidates.first


def block_by_label(app: App, label: str, kind: str) -> Locator:
    """The component block titled `label` (its exact text)."""
    titles = app.root.locator(TITLE).filter(has_text=_exact(label))
    try:
        return _one(app, titles, f"the {kind} labelled {label!r}").locator(BLOCK)
    except ExpectationError:
        raise ExpectationError(f"no {kind} labelled {label!r}; the labels on the page are {labels_on_page(app)}"
                               ) from None


class Controller:
    """The parts every controller shares: the app, what it is called, how to wait."""

    kind = "component"

    def __init__(self, app: App, label: str) -> None:
        self.app = app
        self.label = label

    def _timeout(self, timeout: float | None) -> float:
        return self.app.timeout if timeout is None else timeout

    def _expect(self, read: Any, holds: Any, expected: Any, what: str, timeout: float | None) -> Any:
        return expect_until(read, holds, expected=expected, what=f"{what} of the {self.kind} {self.label!r}",
                            timeout=self._timeout(timeout), wait=self.app._wait)

    @property
    def block(self) -> Locator:
        """The component's box (a Playwright Locator), for what the controller does not cover."""
        return block_by_label(self.app, self.label, self.kind)

    def expect_visible(self, visible: bool = True, timeout: float | None = None) -> None:
        """The component shows (or, with visible=False, does not)."""
        titles = self.app.root.locator(TITLE).filter(has_text=_exact(self.label))
        self._expect(lambda: titles.count() > 0 and titles.first.locator(BLOCK).is_visible(),
                     lambda shown: shown == visible, visible, "visibility", timeout)


class _Field(Controller):
    """What a text box and a number box share: the input, its value, typing and Enter."""

    @property
    def input(self) -> Locator:
        return self.block.locator("input, textarea").first

    @property
    def value(self) -> str:
        return self.input.input_value()

    def fill(self, text: str) -> _Field:
        """Type the text in as a user would (the `input` and `change` events fire)."""
        self.input.fill(text)
        return self

    def submit(self) -> None:
        """Press Enter in the box (a one-line textbox's `submit` event)."""
        self.input.press("Enter")


class Textbox(_Field):
    """gr.Textbox (one line or several): fill, submit with Enter, read the value."""

    kind = "textbox"

    def set(self, text: str) -> Textbox:
        """py-shiny's name for fill()."""
        self.fill(text)
        return self

    def expect_value(self, expected: str | re.Pattern[str], timeout: float | None = None) -> None:
        self._expect(lambda: self.value, lambda v: text_matches(expected, v), expected, "the value", timeout)


class Number(_Field):
    """gr.Number: a number box."""

    kind = "number"

    @property
    def input(self) -> Locator:
        return self.block.locator('input[type="number"]').first

    def set(self, value: float) -> Number:
        self.input.fill(_number_text(value))
        self.input.press("Enter")
        return self

    def expect_value(self, expected: float | str | re.Pattern[str], timeout: float | None = None) -> None:
        self._expect(lambda: self.value, lambda v: _same_number(expected, v), expected, "the value", timeout)


class Slider(Number):
    """gr.Slider: set moves the range input (the `change` and `release` events fire), read by its number box."""

    kind = "slider"

    @property
    def input(self) -> Locator:
        return self.block.locator('input[type="number"]').first

    def set(self, value: float) -> Slider:
        self.block.locator('input[type="range"]').first.fill(_number_text(value))
        return self


class Checkbox(Controller):
    """gr.Checkbox, found by the text beside the box."""

    kind = "checkbox"

    @property
    def input(self) -> Locator:
        return _one(self.app, self.app.root.get_by_role("checkbox", name=self.label, exact=True),
                    f"the checkbox {self.label!r}")

    @property
    def block(self) -> Locator:
        return self.input.locator(BLOCK)

    def check(self, checked: bool = True) -> Checkbox:
        self.input.set_checked(checked)
        return self

    def uncheck(self) -> Checkbox:
        return self.check(False)

    def set(self, checked: bool) -> Checkbox:
        """py-shiny's name: check (True) or uncheck (False)."""
        return self.check(checked)

    def expect_checked(self, checked: bool = True, timeout: float | None = None) -> None:
        self._expect(self.input.is_checked, lambda v: v == checked, checked, "the state", timeout)

    expect_value = expect_checked


class CheckboxGroup(Controller):
    """gr.CheckboxGroup: set exactly these choices."""

    kind = "checkbox group"

    def _boxes(self) -> Locator:
        return self.block.get_by_role("checkbox")

    @property
    def value(self) -> list[str]:
        return [str(v) for v in self._boxes().evaluate_all(
            "els => els.filter(e => e.checked).map(e => e.closest('label').innerText.trim())")]

    def select(self, choices: Sequence[str]) -> CheckboxGroup:
        wanted = set(choices)
        names = self._boxes().evaluate_all("els => els.map(e => e.closest('label').innerText.trim())")
        missing = wanted - set(names)
        if missing:
            raise ExpectationError(f"the {self.kind} {self.label!r} has no choice {sorted(missing)}; it has {names}")
        for i, name in enumerate(names):
            self._boxes().nth(i).set_checked(name in wanted)
        return self

    set = select  # py-shiny's name

    def expect_value(self, expected: Sequence[str], timeout: float | None = None) -> None:
        self._expect(lambda: self.value, lambda v: v == list(expected), list(expected), "the choices", timeout)


class Radio(Controller):
    """gr.Radio: pick a choice by its text."""

    kind = "radio"

    @property
    def group(self) -> Locator:
        return _one(self.app, self.app.root.get_by_role("radiogroup", name=self.label, exact=True),
                    f"the radio group {self.label!r}")

    @property
    def value(self) -> str | None:
        chosen = self.group.get_by_role("radio", checked=True)
        return chosen.first.evaluate("e => e.closest('label').innerText.trim()") if chosen.count() else None

    def select(self, choice: str) -> Radio:
        self.group.get_by_role("radio", name=choice, exact=True).check()
        return self

    set = select  # py-shiny's name

    def expect_value(self, expected: str | None, timeout: float | None = None) -> None:
        self._expect(lambda: self.value, lambda v: v == expected, expected, "the choice", timeout)


class Dropdown(Controller):
    """gr.Dropdown (single or multiselect): open it and click the choices, as a user does."""

    kind = "dropdown"

    @property
    def input(self) -> Locator:
        return self.block.get_by_role("combobox").first

    @property
    def value(self) -> str | list[str]:
        """The chosen choice's text; for a multiselect dropdown with choices, their texts (see `tokens`)."""
        return self.tokens or self.input.input_value()

    @property
    def tokens(self) -> list[str]:
        """The chosen choices of a multiselect dropdown."""
        return [" ".join(t.split()) for t in self.block.locator(".token > span").all_inner_texts()]

    def select(self, choice: str | Sequence[str]) -> Dropdown:
        """Pick one choice (or, for a multiselect dropdown, each of a list) from the open list."""
        for one in [choice] if isinstance(choice, str) else list(choice):
            self.input.click()
            listbox = self.app.page.locator(f"#{self.input.get_attribute('aria-controls')}")
            option = listbox.get_by_role("option", name=one, exact=True)
            if not option.count():
                shown = listbox.get_by_role("option").all_inner_texts()
                raise ExpectationError(f"the {self.kind} {self.label!r} has no choice {one!r}; it offers {shown}")
            option.click()
        # A multiselect list stays open after a choice (as Gradio's does) and would cover what is below it.
        if self.app.page.locator(f"#{self.input.get_attribute('aria-controls')}").is_visible():
            self.input.press("Escape")
        return self

    set = select  # py-shiny's name

    def expect_value(self, expected: str | Sequence[str], timeout: float | None = None) -> None:
        """The choice shown (a str), or for a multiselect dropdown the chosen ones (a list)."""
        want: str | list[str] = expected if isinstance(expected, str) else list(expected)
        read = (lambda: self.input.input_value()) if isinstance(want, str) else (lambda: self.tokens)
        self._expect(read, lambda v: v == want, want, "the value", timeout)


class File(Controller):
    """Any component that takes an upload (gr.File, gr.Image, gr.Audio, gr.Video, …), by its label."""

    kind = "file component"

    def upload(self, *paths: str | Path) -> File:
        """Choose files in its file input, as the system file chooser would."""
        field = self.block.locator('input[type="file"]')
        if not field.count():
            raise ExpectationError(f"the {self.kind} {self.label!r} takes no upload now (no file input): "
                                   "clear its value first, or is it interactive=False?")
        field.first.set_input_files([str(p) for p in paths])
        return self

    @property
    def names(self) -> list[str]:
        """The file names it lists (gr.File's table)."""
        # The cell's aria-label is the whole name; its text splits the extension off to truncate the stem.
        cells = self.block.locator(".filename").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        return [str(name) for name in cells]

    def expect_files(self, names: Sequence[str], timeout: float | None = None) -> None:
        self._expect(lambda: self.names, lambda v: v == list(names), list(names), "the files", timeout)


class Button(Controller):
    """A button, by its text (or aria-label for an icon button)."""

    kind = "button"

    @property
    def block(self) -> Locator:
        return _one(self.app, self.app.root.get_by_role("button", name=self.label, exact=True),
                    f"the button {self.label!r}")

    def click(self) -> None:
        self.block.click()

    def expect_enabled(self, enabled: bool = True, timeout: float | None = None) -> None:
        self._expect(self.block.is_enabled, lambda v: v == enabled, enabled, "enabled", timeout)


Message = str | tuple[str, str] | dict[str, Any]


class Chatbot(Controller):
    """gr.Chatbot: the messages it shows, by role ("user" / "assistant") and text."""

    kind = "chatbot"

    def __init__(self, app: App, label: str | None) -> None:
        super().__init__(app, label or "")

    @property
    def block(self) -> Locator:
        if self.label:
            return super().block
        return _one(self.app, self.app.root.locator('[data-block-id]:has(> .wb-chatbot)'), "a chatbot")

    @property
    def messages(self) -> list[tuple[str, str]]:
        """(role, text) of every message shown, oldest first; role is "user" or "assistant"."""
        found = self.block.locator('[data-testid="user"], [data-testid="bot"]').evaluate_all(
            "els => els.map(e => [e.dataset.testid, e.innerText.trim()])")
        return [("user" if role == "user" else "assistant", " ".join(str(text).split())) for role, text in found]

    def expect_messages(self, expected: Sequence[Message], timeout: float | None = None) -> None:
        """Exactly these messages show: texts ("Hi"), (role, text) pairs, or {"role", "content"} dicts."""
        want = [_message(m) for m in expected]

        def holds(shown: list[tuple[str, str]]) -> bool:
            return len(shown) == len(want) and all(
                (role is None or role == got_role) and text_matches(text, got_text)
                for (role, text), (got_role, got_text) in zip(want, shown))

        self._expect(lambda: self.messages, holds, expected, "the messages", timeout)


def _message(message: Message) -> tuple[str | None, str]:
    if isinstance(message, str):
        return None, message
    if isinstance(message, tuple):
        return message[0], message[1]
    return message.get("role"), str(message.get("content", ""))


Cell = str | int | float | bool | None


class Dataframe(Controller):
    """gr.Dataframe: its headers and rows as shown (after sorting or filtering in the page)."""

    kind = "dataframe"

    def __init__(self, app: App, label: str | None) -> None:
        super().__init__(app, label or "")

    @property
    def block(self) -> Locator:
        if self.label:
            return super().block
        return _one(self.app, self.app.root.locator('[data-block-id]:has(table[role="grid"])'), "a dataframe")

    @property
    def headers(self) -> list[str]:
        return [" ".join(t.split()) for t in self.block.locator("thead .header-text").all_inner_texts()]

    @property
    def rows(self) -> list[list[Cell]]:
        """Each row's cells: their text, or True/False for a boolean column's checkbox."""
        found = self.block.locator("tbody tr:not(.spacer)").evaluate_all(
            "rows => rows.map(r => [...r.querySelectorAll('td[data-col]')].map(td => {"
            " const box = td.querySelector('input[type=checkbox]');"
            " return box ? box.checked : td.innerText.trim(); }))")
        return [list(row) for row in found]

    def expect_rows(self, expected: Sequence[Sequence[Cell]], timeout: float | None = None) -> None:
        """Exactly these rows show; numbers compare by value ("0.5" is 0.5), other cells by their text."""
        want = [list(row) for row in expected]

        def holds(rows: list[list[Cell]]) -> bool:
            return len(rows) == len(want) and all(
                len(a) == len(b) and all(_same_cell(x, y) for x, y in zip(a, b)) for a, b in zip(want, rows))

        self._expect(lambda: self.rows, holds, want, "the rows", timeout)

    def expect_headers(self, expected: Sequence[str], timeout: float | None = None) -> None:
        self._expect(lambda: self.headers, lambda v: v == list(expected), list(expected), "the headers", timeout)


class Tab(Controller):
    """A gr.Tab, by the text on its button."""

    kind = "tab"

    @property
    def block(self) -> Locator:
        return _one(self.app, self.app.root.get_by_role("tab", name=self.label, exact=True),
                    f"the tab {self.label!r}")

    def select(self) -> Tab:
        self.block.click()
        return self

    def expect_selected(self, selected: bool = True, timeout: float | None = None) -> None:
        self._expect(lambda: self.block.get_attribute("aria-selected") == "true", lambda v: v == selected,
                     selected, "selected", timeout)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and not isinstance(value, float) else repr(float(value))


def _same_number(expected: Any, shown: str) -> bool:
    if isinstance(expected, (str, re.Pattern)):
        return text_matches(expected, shown)
    try:
        return float(shown) == float(expected)
    except ValueError:
        return False


def _same_cell(expected: Cell, shown: Cell) -> bool:
    if isinstance(expected, bool) or isinstance(shown, bool):
        return expected == shown
    if isinstance(expected, (int, float)):
        return _same_number(expected, str(shown))
    return text_matches("" if expected is None else str(expected), str(shown))
