"""Seeds 9 and 13: concurrency_limit=3 runs three sleeping handlers at once; cancels= stops a generator."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("concurrency"))
    yield page
    page.context.close()


def test_three_slow_clicks_overlap(page):
    # Three clicks in one task of the page: all three events are on their way before any answer can come.
    page.get_by_role("button", name="Slow").evaluate("(button) => { for (let i = 0; i < 3; i++) button.click(); }")
    timeline = page.get_by_label("Timeline")
    expect(timeline).to_have_value(re.compile(r"(end \d.*){3}"), timeout=30_000)
    marks = timeline.input_value().split(", ")
    assert sorted(marks) == ["end 1", "end 2", "end 3", "start 1", "start 2", "start 3"], marks
    # concurrency_limit=3: every run started before the first one ended (one at a time reads start, end, …).
    first_end = next(i for i, mark in enumerate(marks) if mark.startswith("end"))
    assert first_end == 3, f"the slow runs did not overlap: {marks}"
    expect(page.get_by_label("Slow output")).to_have_value("done: x")


def test_stop_cancels_running_generator(page):
    counter = page.get_by_label("Counter")
    page.get_by_role("button", name="Start counting").click()
    # "at least 3": one value shows for 0.2 s, which expect's back-off polling can step over.
    page.wait_for_function(
        "(el) => Number(el.value) >= 3", arg=counter.element_handle(), timeout=10_000, polling=50
    )
    page.get_by_role("button", name="Stop").click()
    # The generator's event has ended (cancelled) once its output stops showing it streams; every value it
    # sent came before that, so from here on the counter holds still.
    counter_block = page.locator(".block").filter(has=counter)
    expect(counter_block.get_by_test_id("status-tracker")).to_have_count(0, timeout=10_000)
    stopped_at = int(counter.input_value())
    page.wait_for_timeout(1000)  # five of the generator's 0.2 s steps
    assert int(counter.input_value()) == stopped_at < 100
    assert not page.wasmblocks_errors
