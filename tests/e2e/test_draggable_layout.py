"""gr.Draggable in the browser: a visitor drags a card by its handle onto another and the two swap (row and column
orientation; a Row inside moves as one), or moves one with the arrow keys; what the functions receive does not
depend on the order; children that draw nothing get no place, and one made visible later gets its handle."""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("draggable"))
    yield page
    page.context.close()


def items(page, orientation: str):
    """The cards the page shows (an item whose child draws nothing is not shown)."""
    return page.locator(f".draggable.{orientation} > .draggable-item:visible")


def labels(page, orientation: str) -> list[str]:
    """Each card's first line, in the order the page shows them."""
    return [text.split("\n")[0].strip() for text in items(page, orientation).all_inner_texts()]


def test_the_region_and_its_handles_are_as_in_gradio(page):
    row = page.get_by_role("region", name="Draggable items container").first
    assert "horizontal" in (row.get_attribute("class") or "")
    handles = row.locator(".drag-handle")
    assert handles.count() == 4 and handles.first.get_attribute("draggable") == "true"
    assert handles.first.get_attribute("aria-grabbed") == "false"
    # The handle shows when the card is hovered.
    card = items(page, "horizontal").first
    assert float(card.locator(".drag-handle").evaluate("h => getComputedStyle(h).opacity")) == 0
    card.hover()
    page.wait_for_function("h => getComputedStyle(h).opacity === '1'", arg=card.locator(".drag-handle").element_handle())


def test_dragging_a_card_onto_another_swaps_them(page):
    assert labels(page, "horizontal") == ["Weather", "Temperature (°C)", "Notes", "Details"]
    first = items(page, "horizontal").nth(0)
    first.hover()
    first.locator(".drag-handle").drag_to(items(page, "horizontal").nth(2))
    # Gradio's drop swaps the two cards; the others keep their places.
    assert labels(page, "horizontal") == ["Notes", "Temperature (°C)", "Weather", "Details"]
    assert [h.get_attribute("data-index") for h in items(page, "horizontal").locator(".drag-handle").all()] == [
        "0", "1", "2", "3"]
    # Nothing is left marked as dragged or as a drop target.
    assert page.locator(".draggable-item.dragging, .draggable-item.drop-target").count() == 0


def test_reordered_inputs_still_reach_the_function_by_name(page):
    column = items(page, "vertical")
    # gr.State and the hidden Nickname box take no place: three cards, the Row of City and Year is one.
    assert labels(page, "vertical") == ["First name", "Last name", "City"]
    last = column.nth(1)
    last.hover()
    last.locator(".drag-handle").drag_to(column.nth(0))
    row = column.nth(2)
    row.hover()
    row.locator(".drag-handle").drag_to(column.nth(0))
    assert labels(page, "vertical") == ["City", "First name", "Last name"]
    assert column.nth(0).get_by_label("Year").is_visible()  # the Row moved with both its boxes
    page.get_by_label("First name").fill("Grace")
    page.get_by_label("Last name").fill("Hopper")
    page.get_by_label("City").fill("New York")
    page.get_by_role("button", name="Greet").click()
    out = page.get_by_label("Greeting")
    page.wait_for_function("el => el.value !== ''", arg=out.element_handle())
    assert out.input_value() == "Grace Hopper, New York, 1843"


def test_the_arrow_keys_move_a_card(page):
    before = labels(page, "vertical")
    handle = items(page, "vertical").nth(0).locator(".drag-handle")
    handle.focus()
    page.keyboard.press("ArrowDown")
    assert labels(page, "vertical") == [before[1], before[0], before[2]]
    # The handle keeps the focus as its card moves, so the next key moves the same card.
    page.keyboard.press("ArrowDown")
    assert labels(page, "vertical") == [before[1], before[2], before[0]]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert labels(page, "vertical") == before


def test_a_child_made_visible_gets_its_place_and_handle(page):
    assert items(page, "vertical").count() == 3
    assert page.locator(".draggable.vertical > .draggable-item").count() == 5  # Nickname and the State draw nothing
    page.get_by_role("button", name="Show the nickname").click()
    page.get_by_label("Nickname").wait_for()
    assert labels(page, "vertical").count("Nickname") == 1 and items(page, "vertical").count() == 4
    nick = items(page, "vertical").filter(has=page.get_by_label("Nickname"))
    assert nick.locator(".drag-handle").count() == 1 and nick.is_visible()
    assert not page.wasmblocks_errors


def test_screenshots_light_and_dark(open_app, site_url):
    for mode in ("light", "dark"):
        page = open_app(f"{site_url('draggable')}?__theme={mode}")
        page.set_viewport_size({"width": 1000, "height": 700})
        card = items(page, "horizontal").nth(1)
        card.hover()
        page.wait_for_function("h => getComputedStyle(h).opacity === '1'", arg=card.locator(".drag-handle").element_handle())
        SHOTS.mkdir(exist_ok=True)
        page.locator(".draggable.horizontal").screenshot(path=str(SHOTS / f"draggable-{mode}.png"), caret="hide")
        assert not page.wasmblocks_errors
