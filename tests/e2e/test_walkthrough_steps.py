"""gr.Walkthrough / gr.Step: one step at a time, moved forward by the app, back by the step headers."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

GRADIO_DEMOS = Path(__file__).resolve().parents[1] / "data" / "gradio_demos"  # vendored: see its README.md


def gradio_demo(name: str) -> Path:
    return GRADIO_DEMOS / name / "run.py"


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("studio"))
    yield page
    page.context.close()


def first_line(page):
    return page.get_by_role("group", name="Script", exact=True).get_by_role("textbox", name="Line 1")


def header(page, step_id):
    return page.locator(f'[role="tab"][data-tab-id="{step_id}"]')


def test_steps_show_one_at_a_time_with_later_headers_locked(page):
    expect(page.get_by_label("Show title")).to_be_visible()
    expect(page.get_by_label("Script as text")).to_be_hidden()
    expect(header(page, 0)).to_have_attribute("aria-selected", "true")
    expect(header(page, 1)).to_be_disabled()
    expect(header(page, 2)).to_be_disabled()
    assert page.get_by_role("tab").all_inner_texts() == ["1\nShow", "2\nScript", "3\nReview"]


def test_the_app_moves_forward_and_the_headers_move_back(page):
    page.get_by_label("Show title").fill("The Wasm Hour")
    page.get_by_role("button", name="Write the script").click()
    expect(first_line(page)).to_be_visible()
    expect(page.get_by_label("Show title")).to_be_hidden()
    expect(header(page, 1)).to_have_attribute("aria-selected", "true")
    # The step left behind is done: a check mark instead of its number, and it can be reopened.
    expect(header(page, 0).locator("svg")).to_be_visible()
    expect(page.get_by_label("Step changes")).to_have_value("1")
    expect(page.get_by_label("Script step opened")).to_have_value("1")

    header(page, 0).click()
    expect(page.get_by_label("Show title")).to_have_value("The Wasm Hour")  # hidden steps keep their values
    expect(page.get_by_label("Step picked from the headers")).to_have_value("Show (step 1)")
    expect(page.get_by_label("Step changes")).to_have_value("2")
    expect(header(page, 1)).to_be_disabled()  # now ahead of the open step again

    # Gradio's regression: after going back with a header, the app can move forward to the same step again.
    page.get_by_role("button", name="Write the script").click()
    expect(first_line(page)).to_be_visible()
    expect(page.get_by_label("Step changes")).to_have_value("3")
    expect(page.get_by_label("Script step opened")).to_have_value("2")
    assert not page.wasmblocks_errors


def test_submitting_the_script_opens_review_and_start_over_returns(page):
    if not first_line(page).is_visible():
        page.get_by_role("button", name="Write the script").click()
    page.get_by_role("button", name="Use script").click()
    expect(page.get_by_label("Summary")).to_have_value("The Wasm Hour: 2 lines")
    expect(header(page, 2)).to_have_attribute("aria-selected", "true")
    page.get_by_role("button", name="Start over").click()  # gr.update(selected=0)
    expect(page.get_by_label("Show title")).to_be_visible()
    expect(header(page, 2)).to_be_disabled()


def test_narrow_walkthrough_shows_the_open_step_by_name(open_app, site_url):
    page = open_app(site_url("studio"))
    page.set_viewport_size({"width": 300, "height": 700})
    expect(page.get_by_text("Step 1/3:")).to_be_visible()
    expect(header(page, 0)).to_have_attribute("aria-label", "Step 1: Show")


def test_gradio_walkthrough_demo(open_app, site_url):
    page = open_app(site_url(gradio_demo("walkthrough")))
    expect(page.get_by_role("button", name="go to prompt")).to_be_visible()
    page.get_by_role("button", name="go to prompt").click()
    expect(page.get_by_role("button", name="generate")).to_be_visible()
    page.locator('[role="tab"][data-tab-id="0"]').click()
    expect(page.get_by_role("button", name="go to prompt")).to_be_visible()
    page.get_by_role("button", name="go to prompt").click()
    expect(page.get_by_role("button", name="generate")).to_be_visible()
    page.get_by_role("button", name="generate").click()
    expect(page.get_by_label("result")).to_be_visible()
    assert not page.wasmblocks_errors


def test_gradio_walkthrough_many_demo(open_app, site_url):
    page = open_app(site_url(gradio_demo("walkthrough_many")))
    texts = ["This is the introduction step.", "Enter your basic information.", "Set your preferences.",
             "Configure advanced settings.", "Review your choices.", "Confirm and submit.",
             "Additional options if needed.", "This is the final step!"]
    for number, text in enumerate(texts, start=1):
        expect(page.get_by_text(text)).to_be_visible()
        expect(page.get_by_label(f"Step {number} Output")).to_be_visible()
        if number < len(texts):
            page.get_by_role("button", name="Next Step").first.click()
    expect(page.get_by_role("button", name="Complete")).to_be_visible()
    assert not page.wasmblocks_errors
