"""Seed 7: Numbers and a Dropdown in, a tuple out to two outputs; bad values are refused clearly."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("calculator"))
    yield page
    page.context.close()


def test_multiply(page):
    page.get_by_label("First Number").fill("3")
    page.get_by_label("Second Number").fill("4")
    _pick(page, "Operation", "multiply")
    page.get_by_role("button", name="Calculate").click()
    expect(page.get_by_label("Result")).to_have_value("12")
    expect(page.get_by_label("Description")).to_have_value("3 × 4 = 12")


def test_add_is_the_default_choice(page):
    page.get_by_label("First Number").fill("3")
    page.get_by_label("Second Number").fill("4")
    _pick(page, "Operation", "add")
    page.get_by_role("button", name="Calculate").click()
    expect(page.get_by_label("Result")).to_have_value("7")


def _pick(page, label, value):
    control = page.get_by_label(label)
    if control.evaluate("el => el.tagName") == "SELECT":
        control.select_option(value)
    else:
        control.click()
        page.get_by_role("option", name=value, exact=True).click()
