"""Stop (cancels=[…]) on a sync handler that sleeps: its output never shows, and the sleep ends at once.

The first app is the Blocks guide's cancel example as Gradio users write it: before the fix the
uppercased text arrived 3 s after Stop, because the cancel landed only when the sync call returned.
"""

import textwrap

from playwright.sync_api import expect

SEED = textwrap.dedent('''
    import time
    import gradio as gr

    def slow_function(text):
        time.sleep(3)
        return text.upper()

    with gr.Blocks() as demo:
        input_text = gr.Textbox(label="Input")
        output_text = gr.Textbox(label="Output")
        run_btn = gr.Button("Run")
        stop_btn = gr.Button("Stop")
        click_event = run_btn.click(slow_function, input_text, output_text)
        stop_btn.click(None, None, None, cancels=[click_event])

    demo.launch()
''')

# A sleep far longer than any test waits, and a handler that would report finishing it.
LONG_SLEEP = textwrap.dedent('''
    import time
    import gradio as gr

    def nap(text):
        time.sleep(600)
        return "woke up"

    def loop(text):
        while True:
            time.sleep(0.05)

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Input", value="x")
        out = gr.Textbox(label="Output")
        nap_btn = gr.Button("Nap")
        loop_btn = gr.Button("Loop")
        naps = nap_btn.click(nap, box, out)
        loops = loop_btn.click(loop, box, out)
        gr.Button("Stop").click(None, None, None, cancels=[naps, loops])
        gr.Button("Echo").click(lambda t: t.upper(), box, out)
''')


RESTARTS = "() => performance.getEntriesByName('wasmblocks:restart').length ? ['restarted'] : []"

# Every value the page writes into a textarea or input, in order (Preact sets the `value` property).
RECORD_VALUES = """() => {
  window.__assigned = [];
  for (const proto of [HTMLTextAreaElement.prototype, HTMLInputElement.prototype]) {
    const own = Object.getOwnPropertyDescriptor(proto, "value");
    Object.defineProperty(proto, "value", {
      configurable: true,
      get() { return own.get.call(this); },
      set(v) { window.__assigned.push(String(v)); own.set.call(this, v); },
    });
  }
}"""


def test_the_guide_s_stop_button_discards_the_slow_result(open_app, source_url):
    page = open_app(source_url("cancel_guide.py", SEED))
    page.evaluate(RECORD_VALUES)
    page.get_by_label("Input").fill("hello")
    page.get_by_role("button", name="Run").click()
    status = page.get_by_test_id("status-tracker")
    expect(status.first).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    expect(status).to_have_count(0)
    # Order, not seconds: the listener's concurrency slot (Gradio's default limit of 1) frees only when the
    # cancelled call has ended, so a result it emitted late would be written before this run's result.
    page.get_by_label("Input").fill("again")
    page.get_by_role("button", name="Run").click()
    expect(page.get_by_label("Output")).to_have_value("AGAIN", timeout=15_000)
    assigned = page.evaluate("window.__assigned")
    assert "HELLO" not in assigned, assigned
    # Stopped inside the worker (the sleep woke and raised): the page never had to replace the worker,
    # which it does for a call still running a second after its cancel (test_stop_for_anything.py).
    assert page.evaluate(RESTARTS) == []
    assert not page.wasmblocks_errors


def test_stop_ends_a_long_sleep_and_a_sleep_loop_at_once(open_app, source_url):
    page = open_app(source_url("cancel_long_sleep.py", LONG_SLEEP))
    status = page.get_by_test_id("status-tracker")
    for name in ("Nap", "Loop"):
        page.get_by_role("button", name=name).click()
        expect(status.first).to_be_visible()
        page.get_by_role("button", name="Stop").click()
        # Ten minutes of sleep (or an endless loop) would still be running at this expect's timeout.
        expect(status).to_have_count(0, timeout=10_000)
    assert page.evaluate(RESTARTS) == []  # woken in the worker, not ended with it
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Output")).to_have_value("X")
    assert page.get_by_label("Output").input_value() != "woke up"
    assert not page.wasmblocks_errors
