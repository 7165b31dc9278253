"""Seeds 5, 6, 11, 12: click, submit, change, .then/.success/.failure, js before Python, demo.load; errors."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("events"))
    yield page
    page.context.close()


def test_load_fills_output(page):
    expect(page.get_by_label("Status")).to_have_value("App loaded")


def test_click_and_submit(page):
    box = page.get_by_label("Input", exact=True)
    box.fill("abc")
    page.get_by_role("button", name="Process", exact=True).click()
    expect(page.get_by_label("Output", exact=True)).to_have_value("Processed: abc")
    box.press("Enter")
    expect(page.get_by_label("Output", exact=True)).to_have_value("Submitted: abc")


def test_output_change_fires_change_listener(page):
    before = int(page.get_by_label("Change count").input_value())
    page.get_by_label("Input", exact=True).fill(f"n{before}")
    page.get_by_role("button", name="Process", exact=True).click()
    expect(page.get_by_label("Change count")).to_have_value(str(before + 1))


def test_success_chain(page):
    runs = int(page.get_by_label("Then count").input_value())
    page.get_by_label("Input", exact=True).fill("fine")
    page.get_by_role("button", name="Risky").click()
    expect(page.get_by_label("Chain")).to_have_value("succeeded")
    expect(page.get_by_label("Then count")).to_have_value(str(runs + 1))
    expect(page.get_by_label("Output", exact=True)).to_have_value("Risky ok: fine")


def test_failure_chain_shows_toast_and_app_keeps_working(page):
    runs = int(page.get_by_label("Then count").input_value())
    page.get_by_label("Input", exact=True).fill("fail")
    page.get_by_role("button", name="Risky").click()
    toast = page.get_by_test_id("toast-body").filter(has_text="Cannot process 'fail'")
    expect(toast).to_be_visible()
    expect(toast).to_have_attribute("role", "alert")
    expect(page.get_by_label("Chain")).to_have_value("failed")
    expect(page.get_by_label("Then count")).to_have_value(str(runs + 1))
    page.get_by_label("Input", exact=True).fill("again")
    page.get_by_role("button", name="Process", exact=True).click()
    expect(page.get_by_label("Output", exact=True)).to_have_value("Processed: again")


def test_js_runs_in_page_before_python(page):
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.get_by_label("Input", exact=True).fill("typed")
    page.get_by_role("button", name="Alert then process").click()
    expect(page.get_by_label("Output", exact=True)).to_have_value("Processed: typed")
    assert dialogs == ["Processing started!"]
    page.remove_listener("dialog", accept)
