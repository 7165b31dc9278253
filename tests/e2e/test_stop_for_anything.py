"""Stop for anything: a handler Python cannot interrupt (`while True: pass`, a sleep loop that swallows the
cancel, a time_limit it cannot honour) is ended with its worker; a fresh worker takes over from the memory
snapshot with every value the page shows and every gr.State kept, and waiting events still run."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import time
    import gradio as gr

    def add(text, count):
        count = count + 1
        return count, f"{text} #{count}"

    def spin(text):
        while True:
            pass

    def nap_loop(text):
        while True:
            time.sleep(0.1)

    def stubborn(text):
        while True:
            try:
                time.sleep(0.1)
            except BaseException:
                pass

    def ticker():
        for i in range(100000):
            time.sleep(0.1)
            yield str(i)

    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        draft = gr.Textbox(label="Draft")
        result = gr.Textbox(label="Result")
        tick = gr.Textbox(label="Tick")
        count = gr.State(0)
        gr.Button("Add").click(add, [name, count], [count, result])
        spinning = gr.Button("Spin").click(spin, name, result)
        gr.Button("Cancel spin").click(None, None, None, cancels=[spinning])
        gr.Button("Sleep loop").click(nap_loop, name, result)
        gr.Button("Stubborn").click(stubborn, name, result)
        gr.Button("Tick").click(ticker, None, tick)
        gr.Button("Limited").click(spin, name, result, time_limit=2)

    demo.launch(stop_notice_after=2)
''')

RESTARTS = "() => performance.getEntriesByName('wasmblocks:restart').map((e) => Math.round(e.duration))"
STOPS = "() => performance.getEntriesByName('wasmblocks:stop').map((e) => Math.round(e.duration))"


@pytest.fixture(scope="module")
def app_url(source_url):
    return source_url("stop_for_anything.py", APP)


def _open(open_app, app_url):
    page = open_app(app_url)
    page.get_by_label("Name").fill("Ada")
    for expected in ("Ada #1", "Ada #2"):
        page.get_by_role("button", name="Add", exact=True).click()
        expect(page.get_by_label("Result")).to_have_value(expected)
    page.get_by_label("Draft").fill("typed, never sent")
    return page


def _toast(page, text):
    return page.get_by_test_id("toast-body").filter(has_text=text)


def test_interrupt_ends_a_busy_loop_and_the_app_goes_on_with_values_and_state(open_app, app_url):
    page = _open(open_app, app_url)
    page.get_by_role("button", name="Spin", exact=True).click()
    notice = page.get_by_test_id("stop-notice")
    expect(notice).to_contain_text('"spin" has been running for', timeout=20_000)
    # Sent while the worker is stuck: it never saw this event, so the fresh worker runs it.
    page.get_by_role("button", name="Add", exact=True).click()
    notice.get_by_role("button", name="Interrupt").click()
    expect(_toast(page, '"spin" was stopped')).to_be_visible(timeout=30_000)
    expect(notice).to_have_count(0)
    expect(page.get_by_label("Result")).to_have_value("Ada #3")  # the State went on from 2
    expect(page.get_by_label("Draft")).to_have_value("typed, never sent")
    expect(page.get_by_label("Name")).to_have_value("Ada")
    page.get_by_label("Name").fill("Bo")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_label("Result")).to_have_value("Bo #4")
    # The run the restart ended stopped counting too: nothing is left in flight (Gradio's testing fixture
    # waits for data-busy="0").
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-busy", "0")
    ((restart_ms,), (stop_ms,)) = page.evaluate(RESTARTS), page.evaluate(STOPS)
    print(f"\nInterrupt: worker replaced in {restart_ms} ms, {stop_ms} ms after the click")
    assert not page.wasmblocks_errors


def test_the_app_s_own_cancel_button_ends_a_worker_that_cannot_obey(open_app, app_url):
    page = _open(open_app, app_url)
    page.get_by_role("button", name="Spin", exact=True).click()
    expect(page.get_by_test_id("status-tracker").first).to_be_visible()
    page.get_by_role("button", name="Cancel spin").click()
    expect(_toast(page, '"spin" was stopped')).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_label("Result")).to_have_value("Ada #3")
    expect(page.get_by_label("Draft")).to_have_value("typed, never sent")
    ((restart_ms,), (stop_ms,)) = page.evaluate(RESTARTS), page.evaluate(STOPS)
    print(f"\nthe app's cancels=: worker replaced in {restart_ms} ms, {stop_ms} ms after the click")


def test_a_sleep_loop_stops_without_a_restart_and_one_that_swallows_the_cancel_with_one(open_app, app_url):
    page = _open(open_app, app_url)
    notice = page.get_by_test_id("stop-notice")
    page.get_by_role("button", name="Sleep loop").click()
    expect(notice).to_contain_text('"nap_loop" has been running for', timeout=20_000)
    notice.get_by_role("button", name="Interrupt").click()
    expect(notice).to_have_count(0)
    expect(page.get_by_test_id("status-tracker")).to_have_count(0)
    assert page.evaluate(RESTARTS) == []  # the interrupted time.sleep ended it: the worker stayed
    page.get_by_role("button", name="Stubborn").click()
    expect(notice).to_contain_text('"stubborn" has been running for', timeout=20_000)
    notice.get_by_role("button", name="Interrupt").click()
    expect(_toast(page, '"stubborn" was stopped')).to_be_visible(timeout=30_000)
    assert len(page.evaluate(RESTARTS)) == 1
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_label("Result")).to_have_value("Ada #3")


def test_time_limit_ends_a_handler_that_cannot_be_interrupted(open_app, app_url):
    page = _open(open_app, app_url)
    page.get_by_role("button", name="Limited").click()
    # Its endpoint is "spin_1": the Spin button's listener took "spin" first (Gradio numbers repeated names).
    expect(_toast(page, '"spin_1" took longer than its time limit of 2 s')).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_label("Result")).to_have_value("Ada #3")


def test_an_event_running_beside_the_stuck_one_is_reported_not_lost(open_app, app_url):
    page = _open(open_app, app_url)
    page.get_by_role("button", name="Tick").click()
    expect(page.get_by_label("Tick")).not_to_have_value("")
    page.get_by_role("button", name="Spin", exact=True).click()
    expect(page.get_by_test_id("stop-notice")).to_contain_text("has been running for", timeout=20_000)
    page.get_by_role("button", name="Cancel spin").click()  # Stop for the stuck one only
    expect(_toast(page, '"ticker" was still running when Python restarted')).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Tick").click()  # and it can run again
    ticked = page.get_by_label("Tick").input_value()
    expect(page.get_by_label("Tick")).not_to_have_value(ticked)


RENDERED = textwrap.dedent('''
    import gradio as gr

    def spin():
        while True:
            pass

    with gr.Blocks() as demo:
        count = gr.Number(label="Boxes", value=2, precision=0)

        @gr.render(inputs=count)
        def boxes(n):
            for i in range(int(n)):
                box = gr.Textbox(label=f"Box {i}")
                gr.Button(f"Shout {i}").click(lambda text: text.upper(), box, box)

        gr.Button("Spin").click(spin)

    demo.launch(stop_notice_after=2)
''')


def test_rendered_components_keep_their_values_and_listeners(open_app, source_url):
    page = open_app(source_url("stop_rendered.py", RENDERED))
    page.get_by_label("Box 1").fill("hello")
    page.get_by_role("button", name="Spin").click()
    notice = page.get_by_test_id("stop-notice")
    notice.get_by_role("button", name="Interrupt").click(timeout=20_000)
    expect(_toast(page, '"spin" was stopped')).to_be_visible(timeout=30_000)
    expect(page.get_by_label("Box 1")).to_have_value("hello")
    # The fresh worker knows the render's listeners again (it ran the render once more).
    page.get_by_role("button", name="Shout 1").click()
    expect(page.get_by_label("Box 1")).to_have_value("HELLO")
    page.get_by_label("Boxes").fill("3")
    page.get_by_label("Boxes").press("Enter")
    expect(page.get_by_label("Box 2")).to_be_visible()
    assert not page.wasmblocks_errors


SHARED = textwrap.dedent('''
    import gradio as gr

    def spin(text):
        while True:
            pass

    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name", value="Ada")
        out = gr.Textbox(label="Out")
        spinning = gr.Button("Spin").click(spin, name, out)
        gr.Button("Stop").click(None, None, None, cancels=[spinning])
        gr.Button("Echo").click(lambda t: t.upper(), name, out)
''')


def test_a_shared_app_in_the_sandbox_gets_a_fresh_worker_too(app_opener, app_url):
    # The sandboxed player's workers read the site's files through the hosting page's one file port; the
    # fresh worker gets a port of its own onto it (pages/sandbox.ts), so it boots like the first.
    from wasmblocks_build.share import encode_payload

    page = app_opener(f"{app_url}player.html#code={encode_payload({'app.py': SHARED}, 'app.py')}", wait_for=None)
    try:
        expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "ready", timeout=60_000)
        frame = page.frame_locator("iframe.wb-sandbox-frame")
        frame.get_by_role("button", name="Spin").click()
        expect(frame.get_by_test_id("status-tracker").first).to_be_visible()
        frame.get_by_role("button", name="Stop").click()
        expect(frame.get_by_test_id("toast-body").filter(has_text='"spin" was stopped')).to_be_visible(timeout=60_000)
        frame.get_by_label("Name").fill("Bo")
        frame.get_by_role("button", name="Echo").click()
        expect(frame.get_by_label("Out")).to_have_value("BO")
        assert not page.wasmblocks_errors
    finally:
        page.context.close()


SIGNED_IN = textwrap.dedent('''
    import gradio as gr

    def spin(text):
        while True:
            pass

    def whoami(request: gr.Request):
        return request.username

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        spinning = gr.Button("Spin").click(spin, out, out)
        gr.Button("Stop").click(None, None, None, cancels=[spinning])
        gr.Button("Who").click(whoami, None, out)

    demo.launch(auth=("ada", "secret"))
''')


def test_a_signed_in_session_stays_signed_in_after_a_restart(open_app, source_url):
    page = open_app(source_url("stop_signed_in.py", SIGNED_IN), wait_for="login")
    page.get_by_label("username").fill("ada")
    page.get_by_label("password").fill("secret")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("button", name="Spin").click()
    expect(page.get_by_test_id("status-tracker").first).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    expect(_toast(page, '"spin" was stopped')).to_be_visible(timeout=60_000)
    # The fresh worker refuses events until a login: it was sent the accepted one again.
    page.get_by_role("button", name="Who").click()
    expect(page.get_by_label("Out")).to_have_value("ada")
    expect(page.get_by_role("heading", name="Login")).to_have_count(0)
