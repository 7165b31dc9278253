"""Issue 3's behaviours in the page: listener forms, progress display, trigger modes, js-only events,
time limits, queue size, return-value forms, alerts, streaming, timers, BrowserState, Request, SelectData."""


import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def url(site_url):
    return site_url("event_engine")


@pytest.fixture(scope="module")
def page(app_opener, url):
    page = app_opener(url + "?name=Zed")
    yield page
    page.context.close()


def block_of(page, label):
    return page.locator(".block").filter(has=page.get_by_label(label, exact=True))


def test_show_progress_full_minimal_hidden(page):
    page.get_by_role("button", name="Run full").click()
    tracker = block_of(page, "Full progress").get_by_test_id("status-tracker")
    expect(tracker).to_be_visible()
    expect(tracker).to_contain_text("Halfway")
    expect(tracker).to_contain_text("s")
    expect(page.get_by_label("Full progress")).to_have_value("ABC", timeout=10_000)
    expect(tracker).to_be_hidden()

    page.get_by_role("button", name="Run minimal").click()
    minimal = block_of(page, "Minimal progress").get_by_test_id("status-tracker")
    expect(minimal).to_have_class("wb-status minimal")
    expect(page.get_by_label("Minimal progress")).to_have_value("ABC", timeout=10_000)

    page.get_by_role("button", name="Run hidden").click()
    page.wait_for_timeout(500)  # the event is running (it sleeps 1.5 s) …
    expect(block_of(page, "Hidden progress").get_by_test_id("status-tracker")).to_have_count(0)  # … with no tracker
    expect(page.get_by_label("Hidden progress")).to_have_value("ABC", timeout=10_000)


def test_decorator_and_gr_on_forms(page):
    page.get_by_role("button", name="Decorated").click()
    expect(page.get_by_label("Decorated")).to_have_value("cba")
    page.get_by_role("button", name="On button").click()
    expect(page.get_by_label("On output")).to_have_value("on: abc")
    page.get_by_label("Text", exact=True).fill("hello")
    expect(page.get_by_label("Live length")).to_have_value("5")  # triggers=None: any input's change
    page.get_by_label("Text", exact=True).press("Enter")
    expect(page.get_by_label("On output")).to_have_value("on: hello")
    page.get_by_label("Text", exact=True).fill("abc")


def test_js_only_event_runs_without_python(page):
    page.get_by_role("button", name="Shout in JS").click()
    expect(page.get_by_label("JS output")).to_have_value("ABC!")


def test_trigger_modes_once_and_multiple(page):
    # Three clicks on each in one task of the page: the second and third come while the first one runs,
    # however slow the machine (no answer can arrive in between).
    page.evaluate("""() => {
        const button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
        for (let i = 0; i < 3; i++) { button('Once').click(); button('Multiple').click(); }
    }""")
    expect(page.get_by_label("Multiple count")).to_have_value("3", timeout=20_000)  # every click ran
    # Queued behind every Once run there is (one concurrency group): it answers once they have all ended.
    page.get_by_role("button", name="Count Once runs").click()
    expect(page.get_by_label("Once runs")).to_have_value("1", timeout=20_000)  # the clicks during the run were dropped
    expect(page.get_by_label("Once count")).to_have_value("1")


def test_time_limit_shows_error(page):
    page.get_by_role("button", name="Too slow").click()
    toast = page.get_by_test_id("toast-body").filter(has_text="time limit of 0.5 s")
    expect(toast).to_be_visible(timeout=5000)


def test_queue_full_is_refused_visibly(page):
    button = page.get_by_role("button", name="Queue up")
    for _ in range(4):
        button.click()
    expect(page.get_by_test_id("toast-body").filter(has_text="This application is currently busy. Please try again.")).to_be_visible()
    expect(page.get_by_label("Queued")).to_have_value("abc", timeout=10_000)


def test_update_skip_and_component_returns(page):
    page.get_by_role("button", name="Update outputs").click()
    expect(page.get_by_label("Relabelled")).to_have_value("new value")
    expect(page.get_by_label("Vanishing")).to_have_count(0)
    expect(page.get_by_label("Kept")).to_have_value("unchanged")


def test_info_warning_success_toasts(page):
    page.get_by_role("button", name="Alerts").click()
    expect(page.get_by_label("Alerts")).to_have_value("alerts sent")
    for text in ("Just so you know", "Careful now", "All good"):
        expect(page.get_by_test_id("toast-body").filter(has_text=text)).to_be_visible()


def test_generator_yields_arrive_as_they_happen(page):
    page.evaluate("""() => {
        const box = [...document.querySelectorAll('label')].find(l => l.textContent.includes('Streamed'));
        const input = box.querySelector('input, textarea') || document.getElementById(box.htmlFor);
        window.__seen = [];
        const poll = () => {
            const last = window.__seen[window.__seen.length - 1];
            if (!last || last[1] !== input.value) window.__seen.push([performance.now(), input.value]);
            if (input.value !== '10') requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
    }""")
    page.get_by_role("button", name="Stream").click()
    expect(page.get_by_label("Streamed")).to_have_value("10", timeout=10_000)
    seen = page.evaluate("window.__seen")
    values = [v for _, v in seen if v]
    assert len(set(values)) >= 8, f"yields arrived in bursts: {values}"
    assert values == sorted(set(values), key=int), f"yields arrived out of order or twice: {values}"


def test_timer_ticks_until_stopped_and_every(page, value_at_rest):
    ticks = page.get_by_label("Ticks")
    expect(ticks).not_to_have_value("0")
    first_clock = page.get_by_label("Clock").input_value()
    expect(page.get_by_label("Clock")).not_to_have_value(first_clock)
    page.get_by_role("button", name="Stop timer").click()
    stopped = value_at_rest(ticks)  # five tick periods without a tick; ticks already sent have landed
    page.wait_for_timeout(800)
    assert ticks.input_value() == stopped


def test_request_and_select_data(page):
    expect(page.get_by_label("From URL")).to_have_value("Hello Zed")
    page.get_by_role("tab", name="Second").click()
    expect(page.get_by_label("Selected tab")).to_have_value("selected 1: Second")


def test_browser_state_survives_reload(open_app, url):
    page = open_app(url)
    expect(page.get_by_label("Restored")).to_have_value("nothing saved")
    page.get_by_label("To save").fill("remember me")
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("localStorage.getItem('wasmblocks-event-engine') === JSON.stringify('remember me')")
    page.reload()
    page.wait_for_selector("#wasmblocks-app[data-state='ready']", timeout=60_000)
    expect(page.get_by_label("Restored")).to_have_value("remember me")
