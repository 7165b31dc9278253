"""Seed 1: a Textbox's change listener updates the output as the user types; title and ready signal."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("hello"))
    yield page
    page.context.close()


def test_greeting_follows_typing(page):
    page.get_by_label("Name").press_sequentially("Ada", delay=30)
    expect(page.get_by_label("Greeting")).to_have_value("Welcome to Gradio, Ada!")


def test_page_shows_markdown_placeholder_and_title(page):
    expect(page.get_by_role("heading", name="Hello World!")).to_be_visible()
    expect(page.get_by_placeholder("What is your name?")).to_be_visible()
    assert page.title() == "Hello"
    marks = page.evaluate("performance.getEntriesByName('wasmblocks:ready').length")
    assert marks == 1


def test_output_only_textbox_is_read_only(page):
    expect(page.get_by_label("Greeting")).not_to_be_editable()
    expect(page.get_by_label("Name")).to_be_editable()
    assert not page.wasmblocks_errors
