"""The event engine tour: listener forms, show_progress, trigger modes, js-only events, time limits,
queue size, return-value forms, alerts, streaming, timers, BrowserState, gr.Request and SelectData."""

import asyncio
import time

import gradio as gr


def slow_with_progress(text, progress=gr.Progress()):
    progress(0.5, desc="Halfway")
    time.sleep(1.5)
    return text.upper()


def stream_ten():
    for i in range(1, 11):
        yield str(i)
        time.sleep(0.2)  # a real pause: each yield must reach the page as it happens


def slow_echo(text):
    time.sleep(1)
    return text


async def too_slow():
    await asyncio.sleep(5)
    return "never"


def alerts():
    gr.Info("Just so you know")
    gr.Warning("Careful now")
    gr.Success("All good")
    return "alerts sent"


def returns():
    return gr.update(visible=False), gr.skip(), gr.Textbox(label="Relabelled", value="new value")


def greet_from_url(request: gr.Request):
    return f"Hello {request.query_params.get('name', 'stranger')}"


def on_tab(evt: gr.SelectData):
    return f"selected {evt.index}: {evt.value}"


with gr.Blocks(title="Event engine") as demo:
    text = gr.Textbox(label="Text", value="abc")
    with gr.Row():
        full = gr.Textbox(label="Full progress")
        minimal = gr.Textbox(label="Minimal progress")
        hidden = gr.Textbox(label="Hidden progress")
    with gr.Row():
        gr.Button("Run full").click(slow_with_progress, text, full, show_progress="full")
        gr.Button("Run minimal").click(slow_with_progress, text, minimal, show_progress="minimal")
        gr.Button("Run hidden").click(slow_with_progress, text, hidden, show_progress="hidden")

    # Decorator form and gr.on with several triggers.
    decorated = gr.Textbox(label="Decorated")
    deco_btn = gr.Button("Decorated")

    @deco_btn.click(inputs=text, outputs=decorated)
    def reverse(value):
        return value[::-1]

    on_out = gr.Textbox(label="On output")
    on_btn = gr.Button("On button")
    gr.on(triggers=[on_btn.click, text.submit], fn=lambda v: f"on: {v}", inputs=text, outputs=on_out)
    live_len = gr.Textbox(label="Live length")
    gr.on(triggers=None, fn=lambda v: str(len(v)), inputs=text, outputs=live_len)

    # js-only event: no Python runs.
    js_out = gr.Textbox(label="JS output")
    gr.Button("Shout in JS").click(None, text, js_out, js="(v) => v.toUpperCase() + '!'")

    # Trigger modes: "once" ignores clicks while running, "multiple" runs each one.
    once_count = gr.Textbox(label="Once count", value="0")
    multi_count = gr.Textbox(label="Multiple count", value="0")

    runs = {"once": 0, "multiple": 0}

    def counter(mode):
        def bump():
            time.sleep(0.6)
            runs[mode] += 1
            return str(runs[mode])
        return bump

    once_runs = gr.Textbox(label="Once runs")
    gr.Button("Once").click(counter("once"), None, once_count, trigger_mode="once", concurrency_id="once")
    # One concurrency group with Once, so it waits behind every Once run and reports after they all ended.
    gr.Button("Count Once runs").click(lambda: str(runs["once"]), None, once_runs, concurrency_id="once")
    gr.Button("Multiple").click(counter("multiple"), None, multi_count, trigger_mode="multiple", concurrency_limit=None)

    # Time limit, queue size, return-value forms, alerts.
    limited = gr.Textbox(label="Limited")
    gr.Button("Too slow").click(too_slow, None, limited, time_limit=0.5)
    queued = gr.Textbox(label="Queued")
    gr.Button("Queue up").click(slow_echo, text, queued, trigger_mode="multiple")
    with gr.Row():
        vanish = gr.Textbox(label="Vanishing", value="here")
        keep = gr.Textbox(label="Kept", value="unchanged")
        relabel = gr.Textbox(label="To relabel")
    gr.Button("Update outputs").click(returns, None, [vanish, keep, relabel])
    alert_out = gr.Textbox(label="Alerts")
    gr.Button("Alerts").click(alerts, None, alert_out)

    # Streaming with real sleeps between yields.
    streamed = gr.Textbox(label="Streamed")
    gr.Button("Stream").click(stream_ten, None, streamed)

    # Timer: ticks until stopped.
    ticks = gr.Textbox(label="Ticks", value="0")
    timer = gr.Timer(0.2)
    timer.tick(lambda n: str(int(n) + 1), ticks, ticks)
    gr.Button("Stop timer").click(lambda: gr.Timer(active=False), None, timer)
    clock = gr.Textbox(label="Clock", value=lambda: f"{time.monotonic():.3f}", every=0.3)

    # BrowserState survives a reload; gr.Request sees the page URL; SelectData from tabs.
    saved = gr.BrowserState("nothing saved", storage_key="wasmblocks-event-engine")
    to_save = gr.Textbox(label="To save")
    gr.Button("Save").click(lambda v: v, to_save, saved)
    restored = gr.Textbox(label="Restored")
    demo.load(lambda v: v, saved, restored)
    from_url = gr.Textbox(label="From URL")
    demo.load(greet_from_url, None, from_url)
    selected = gr.Textbox(label="Selected tab")
    with gr.Tabs():
        with gr.Tab("First") as first:
            gr.Markdown("first tab")
        with gr.Tab("Second") as second:
            gr.Markdown("second tab")
    first.select(on_tab, None, selected)
    second.select(on_tab, None, selected)

demo.queue(max_size=2)

if __name__ == "__main__":
    demo.launch()
