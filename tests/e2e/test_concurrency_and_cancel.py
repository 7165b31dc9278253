"""Seeds 9 and 13: concurrency_limit=3 runs three sleeping handlers at once; cancels= stops a generator."""

import time

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("concurrency"))
    yield page
    page.context.close()


def test_three_slow_clicks_overlap(page):
    button = page.get_by_role("button", name="Slow")
    started = time.monotonic()
    for _ in range(3):
        button.click()
        # Apart enough that each `.then` (finished + 1) reads the previous one's result: three answers
        # landing in the same instant would all read the same value.
        page.wait_for_timeout(150)
    expect(page.get_by_label("Finished")).to_have_value("3", timeout=20_000)
    elapsed = time.monotonic() - started
    # Three 3 s sleeps one after another take ≥ 9 s; overlapping they take about 3 s (target 4.5 s).
    assert elapsed < 8, f"three slow events took {elapsed:.1f} s: they did not run concurrently"
    expect(page.get_by_label("Slow output")).to_have_value("done: x")


def test_stop_cancels_running_generator(page):
    counter = page.get_by_label("Counter")
    page.get_by_role("button", name="Start counting").click()
    # "at least 3": one value shows for 0.2 s, which expect's back-off polling can step over.
    page.wait_for_function(
        "(el) => Number(el.value) >= 3", arg=counter.element_handle(), timeout=10_000, polling=50
    )
    page.get_by_role("button", name="Stop").click()
    page.wait_for_timeout(300)
    stopped_at = int(counter.input_value())
    page.wait_for_timeout(1000)
    assert int(counter.input_value()) == stopped_at < 100
    assert not page.wasmblocks_errors
