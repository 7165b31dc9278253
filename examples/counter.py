"""Seed 8: gr.State is per page session — two pages keep separate counters."""

import gradio as gr


def increment(count):
    count += 1
    return count, f"Count: {count}"


with gr.Blocks(title="Counter") as demo:
    count = gr.State(value=0)
    shown = gr.Textbox(label="Counter", value="Count: 0")
    gr.Button("Increment").click(increment, inputs=count, outputs=[count, shown])

if __name__ == "__main__":
    demo.launch()
