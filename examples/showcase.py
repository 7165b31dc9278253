"""The showcase: a tour of what runs in the browser with no Python server."""

import time

import gradio as gr


def greet(name, enthusiasm):
    if not name:
        raise gr.Error("Please type a name first")
    return f"Hello, {name}{'!' * int(enthusiasm)}"


def calculate(a, b, operation):
    result = a + b if operation == "add" else a * b
    return result, f"{a:g} {'+' if operation == 'add' else '×'} {b:g} = {result:g}"


def count(n, progress=gr.Progress()):
    for i in progress.tqdm(range(int(n)), desc="Counting"):
        time.sleep(0.2)  # suspends only this event: the page and other events keep going
        yield f"{i + 1} of {int(n)}"


def remember(item, items):
    items = items + [item] if item else items
    return items, "\n".join(f"- {i}" for i in items) or "Nothing yet", ""


with gr.Blocks(title="wasmblocks showcase") as demo:
    gr.Markdown(
        """
        # wasmblocks showcase
        Everything on this page runs in **your browser**: Python in a Web Worker, no server.
        """
    )
    with gr.Tab("Greeting"):
        with gr.Row():
            with gr.Column():
                name = gr.Textbox(label="Name", placeholder="What is your name?")
                with gr.Accordion("Advanced Settings", open=False):
                    enthusiasm = gr.Slider(0, 5, value=1, step=1, label="Enthusiasm")
                with gr.Row():
                    greet_btn = gr.Button("Greet", variant="primary")
                    gr.ClearButton([name])
            greeting = gr.Textbox(label="Greeting")
        greet_btn.click(greet, [name, enthusiasm], greeting)
        name.submit(greet, [name, enthusiasm], greeting)
    with gr.Tab("Calculator"):
        with gr.Row():
            a = gr.Number(label="First Number", value=3)
            b = gr.Number(label="Second Number", value=4)
            op = gr.Dropdown(["add", "multiply"], label="Operation")
        calc = gr.Button("Calculate", variant="primary")
        with gr.Row():
            result = gr.Number(label="Result")
            description = gr.Textbox(label="Description")
        calc.click(calculate, [a, b, op], [result, description])
    with gr.Tab("Streaming"):
        steps = gr.Slider(1, 20, value=10, step=1, label="Steps")
        with gr.Row():
            start = gr.Button("Count", variant="primary")
            stop = gr.Button("Stop", variant="stop")
        progress_out = gr.Textbox(label="Progress")
        run = start.click(count, steps, progress_out)
        stop.click(None, None, None, cancels=[run])
    with gr.Tab("Memory"):
        items = gr.State([])
        item = gr.Textbox(label="Remember this", placeholder="Type and press Enter")
        listing = gr.Markdown("Nothing yet")
        item.submit(remember, [item, items], [items, listing, item])
    status = gr.Markdown()
    demo.load(lambda: "*Python is ready.*", None, status)

if __name__ == "__main__":
    demo.launch()
