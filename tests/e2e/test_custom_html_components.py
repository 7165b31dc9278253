"""Components made with gr.HTML (examples/custom_html.py), used as a person would: star ratings drawn from
html_template's `${…}` expressions (nested template literals included), clicked to set the value Python gets,
resized and extended by prop updates; a Handlebars list; a form laid out with @children; a server function;
a custom key event."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("custom_html"))
    yield page
    page.context.close()


def stars(page, which):
    return page.locator(f"#{which} [data-testid=html] img")


def test_templates_draw_value_and_props(page):
    food = page.locator("#food [data-testid=html]")
    expect(food.locator("h3")).to_have_text("Food")  # ${label}
    expect(stars(page, "food")).to_have_count(5)  # ${Array.from({length: max_stars}, …)} with a nested literal
    expect(food.locator("img.faded")).to_have_count(2)
    expect(food.locator(".score")).to_have_text("3 / 5")
    expect(stars(page, "food").first).to_have_css("height", "36px")  # css_template's ${size}px
    expect(page.locator(".error-container")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#food").screenshot(path=str(ARTIFACTS / "star-rating.png"), animations="disabled")


def test_clicking_a_star_sets_the_value_python_receives(page):
    verdict = page.get_by_label("Verdict")
    # js_on_load attached its listener once; re-renders morph the stars in place, so it keeps working.
    page.evaluate("document.querySelector('#food img').wbMarked = 'same node'")
    stars(page, "food").nth(4).click()
    expect(verdict).to_have_value("Food 5, service 4")
    expect(page.locator("#food img.faded")).to_have_count(0)
    stars(page, "food").nth(1).click()
    expect(verdict).to_have_value("Food 2, service 4")
    expect(page.locator("#food .score")).to_have_text("2 / 5")
    assert stars(page, "food").first.evaluate("img => img.wbMarked") == "same node"
    stars(page, "service").nth(0).click()
    expect(verdict).to_have_value("Food 2, service 1")


def test_prop_updates_redraw_and_keep_the_other_props(page):
    page.get_by_label("range slider for Stars").fill("8")
    expect(stars(page, "food")).to_have_count(8)
    expect(stars(page, "service")).to_have_count(8)
    page.get_by_label("range slider for Star size").fill("50")
    expect(stars(page, "food").first).to_have_css("height", "50px")
    # gr.HTML(size=…) changed size only: max_stars (and the value set by clicking) stayed.
    expect(stars(page, "food")).to_have_count(8)
    expect(page.locator("#food .score")).to_have_text("2 / 8")


def test_handlebars_lists_and_values_stay_text(page):
    dishes = page.locator("#dishes")
    expect(dishes.locator("li")).to_have_text(["Soup", "Pie"])
    typed = "`${1+1}` C:\\users <b>x</b>"
    page.get_by_label("Add a dish").fill(typed)
    page.get_by_label("Add a dish").press("Enter")
    expect(dishes.locator("li")).to_have_text(["Soup", "Pie", typed])  # shown as typed: never run, no syntax error
    expect(dishes).to_contain_text("3 dishes:")


def test_children_render_inside_the_template(page):
    review = page.locator("#review [data-testid=html]")
    expect(review).to_have_css("border-top-width", "2px")  # css_template's top-level rules style the element
    order = review.evaluate(
        "el => [...el.querySelectorAll('h3, textarea, input, button.send')].map((n) => n.tagName.toLowerCase())")
    assert order[0] == "h3" and order[-1] == "button" and len(order) == 4, order
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Comment").fill("Lovely")
    review.locator("button.send").click()
    expect(page.get_by_label("Sent")).to_have_value("Ada (2 stars): Lovely")


def test_server_function_lists_the_apps_folder(page):
    page.locator("#folder").get_by_role("button", name="List files").click()
    expect(page.locator("#folder .files li", has_text="custom_html.py")).to_have_count(1)


def test_custom_event_reaches_python_with_its_data(page):
    page.locator("h1").click()  # focus nothing in particular
    page.keyboard.press("q")
    expect(page.get_by_label("Key pressed")).to_have_value("q")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Key pressed")).to_have_value("Enter")
