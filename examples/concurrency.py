"""Seeds 9 and 13: demo.queue() with concurrency_limit=3, and a Stop button that cancels a running event."""

import time

import gradio as gr

timeline = []  # "start 1", "end 1", …: when each slow run began and ended, in order


def slow_function(text):
    run = sum(1 for mark in timeline if mark.startswith("start")) + 1
    timeline.append(f"start {run}")
    time.sleep(3)
    timeline.append(f"end {run}")
    return f"done: {text}"


def count_up():
    for i in range(1, 101):
        time.sleep(0.2)
        yield str(i)


with gr.Blocks(title="Concurrency") as demo:
    inp = gr.Textbox(label="Input", value="x")
    out = gr.Textbox(label="Slow output")
    runs = gr.Textbox(label="Timeline")
    slow = gr.Button("Slow")
    # trigger_mode="multiple": each click runs, instead of Gradio's default of ignoring clicks while one is pending.
    # With three clicks the timeline reads "start 1, start 2, start 3, end 1, …": the runs overlap.
    slow.click(slow_function, inp, out, concurrency_limit=3, trigger_mode="multiple").then(
        lambda: ", ".join(timeline), None, runs, trigger_mode="multiple"
    )

    counter = gr.Textbox(label="Counter")
    start = gr.Button("Start counting")
    stop = gr.Button("Stop")
    click_event = start.click(count_up, None, counter)
    stop.click(fn=None, inputs=None, outputs=None, cancels=[click_event])

demo.queue()

if __name__ == "__main__":
    demo.launch()
