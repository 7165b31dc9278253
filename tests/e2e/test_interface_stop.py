"""An Interface around a generator shows Stop while it streams; Stop cancels it and brings Submit back."""

import re
import textwrap

from playwright.sync_api import expect

APP = textwrap.dedent('''
    import time
    import gradio as gr

    def count(n):
        for i in range(1, int(n) + 1):
            time.sleep(0.2)
            yield str(i)

    demo = gr.Interface(count, gr.Number(label="Up to", value=100), gr.Textbox(label="Count"))
''')


def test_stop_cancels_and_restores_submit(open_app, source_url):
    page = open_app(source_url("stream_interface.py", APP))
    submit = page.get_by_role("button", name="Submit")
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_have_count(0)
    submit.click()
    expect(page.get_by_label("Count")).to_have_value(re.compile(r"^\d+$"), timeout=10_000)
    expect(stop).to_be_visible()
    expect(submit).to_have_count(0)
    stop.click()
    expect(submit).to_be_visible()
    stopped = page.get_by_label("Count").input_value()
    page.wait_for_timeout(800)
    assert page.get_by_label("Count").input_value() == stopped and int(stopped) < 100
