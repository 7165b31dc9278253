"""Seeds 5, 6, 11, 12: click/change/submit, .then/.success/.failure chains, js before Python, demo.load."""

import gradio as gr


def initialize():
    return "App loaded"


def process(text):
    return f"Processed: {text}"


def risky(text):
    if text == "fail":
        raise gr.Error("Cannot process 'fail'")
    return f"Risky ok: {text}"


with gr.Blocks(title="Events demo") as demo:
    status = gr.Textbox(label="Status")
    inp = gr.Textbox(label="Input")
    out = gr.Textbox(label="Output")
    changes = gr.Textbox(label="Change count", value="0")
    chain = gr.Textbox(label="Chain")
    then_count = gr.Textbox(label="Then count", value="0")
    btn = gr.Button("Process")
    risky_btn = gr.Button("Risky")
    js_btn = gr.Button("Alert then process")

    btn.click(fn=process, inputs=inp, outputs=out)
    inp.submit(lambda t: f"Submitted: {t}", inp, out)
    out.change(lambda c: str(int(c) + 1), changes, changes)
    risky_event = risky_btn.click(risky, inp, out)
    risky_event.success(lambda: "succeeded", None, chain)
    risky_event.failure(lambda: "failed", None, chain)
    risky_event.then(lambda n: str(int(n) + 1), then_count, then_count)
    js_btn.click(process, inp, out, js="() => alert('Processing started!')")
    demo.load(fn=initialize, inputs=None, outputs=status)

if __name__ == "__main__":
    demo.launch()
