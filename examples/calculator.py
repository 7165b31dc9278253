"""Seed 7: several inputs and outputs — Numbers and a Dropdown in, a tuple out to two components."""

import gradio as gr


def calculate(a, b, operation):
    if operation == "add":
        result = a + b
    else:
        result = a * b
    return result, f"{a} {'+' if operation == 'add' else '×'} {b} = {result}"


with gr.Blocks(title="Calculator") as demo:
    with gr.Row():
        a = gr.Number(label="First Number", value=0)
        b = gr.Number(label="Second Number", value=0)
        op = gr.Dropdown(["add", "multiply"], label="Operation")
    btn = gr.Button("Calculate", variant="primary")
    result = gr.Number(label="Result")
    description = gr.Textbox(label="Description")
    btn.click(calculate, inputs=[a, b, op], outputs=[result, description])

if __name__ == "__main__":
    demo.launch()
