# The sample app of docs/testing.md: a greeting, an error for a missing name, and a streamed reply.
import time

import gradio as gr


def greet(name, enthusiasm):
    if not name.strip():
        raise gr.Error("Please enter a name")
    return f"Hello, {name}" + "!" * int(enthusiasm)


def spell(name):
    """Stream the name one letter at a time."""
    shown = ""
    for letter in name:
        time.sleep(0.05)
        shown += letter
        yield shown


with gr.Blocks(title="Greeter") as demo:
    name = gr.Textbox(label="Name")
    enthusiasm = gr.Slider(1, 5, value=1, step=1, label="Enthusiasm")
    greeting = gr.Textbox(label="Greeting")
    spelled = gr.Textbox(label="Spelled")
    gr.Button("Greet").click(greet, [name, enthusiasm], greeting)
    gr.Button("Spell").click(spell, name, spelled)
