"""Seed 8: gr.State is per page session — two pages keep separate counters."""

from playwright.sync_api import expect


def test_two_pages_keep_separate_counters(open_app, site_url):
    url = site_url("counter")
    first, second = open_app(url), open_app(url)
    for _ in range(2):
        first.get_by_role("button", name="Increment").click()
        expect(first.get_by_label("Counter")).not_to_have_value("Count: 0")
    expect(first.get_by_label("Counter")).to_have_value("Count: 2")
    second.get_by_role("button", name="Increment").click()
    expect(second.get_by_label("Counter")).to_have_value("Count: 1")
    expect(first.get_by_label("Counter")).to_have_value("Count: 2")
