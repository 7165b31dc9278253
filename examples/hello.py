"""Seed 1: Markdown, a Textbox with a placeholder, and a change listener that updates as you type."""

import gradio as gr


def welcome(name):
    return f"Welcome to Gradio, {name}!"


with gr.Blocks(title="Hello") as demo:
    gr.Markdown(
        """
        # Hello World!
        Start typing below to see the output.
        """
    )
    inp = gr.Textbox(placeholder="What is your name?", label="Name")
    out = gr.Textbox(label="Greeting")
    inp.change(welcome, inp, out)

if __name__ == "__main__":
    demo.launch()
