"""The benchmark app: an echo button, a 2,000-step generator and a @gr.render of many Textboxes.

The same file runs on wasmblocks and on a real Gradio server (bench/gradio_peer.py), so the peer answers
the very same clicks. Element ids are what bench/run.py drives: #echo/#out (round trip), #stream/#streamed
(generator), #render-count/#render-go/#rendered (gr.render), #has-render says whether gr.render exists.
"""

import gradio as gr

STREAM_STEPS = 2000


def echo(text, n):
    n = (n or 0) + 1
    return f"{text} {n}", n


def stream():
    for i in range(STREAM_STEPS):
        yield str(i)


with gr.Blocks(title="bench") as demo:
    has_render = hasattr(gr, "render")
    gr.Markdown("render: yes" if has_render else "render: no", elem_id="has-render")
    inp = gr.Textbox(value="echo", label="Input", elem_id="inp")
    count = gr.State(0)
    btn = gr.Button("Echo", elem_id="echo")
    out = gr.Markdown("ready", elem_id="out")
    # "multiple": the next click may come as soon as the DOM shows the answer, before the event's
    # "complete" status has arrived (with the default "once" such a click would be ignored).
    btn.click(echo, [inp, count], [out, count], trigger_mode="multiple")

    go = gr.Button("Stream", elem_id="stream")
    streamed = gr.Textbox(label="Streamed", elem_id="streamed")
    go.click(stream, None, streamed)

    if has_render:
        n_boxes = gr.Number(0, label="How many", elem_id="render-count", precision=0)
        render_go = gr.Button("Render", elem_id="render-go")

        @gr.render(inputs=n_boxes, triggers=[render_go.click])
        def boxes(n):
            with gr.Column(elem_id="rendered"):
                for i in range(int(n or 0)):
                    gr.Textbox(value=f"box {i}", show_label=False, container=False, elem_classes=["rendered-box"])

if __name__ == "__main__":
    demo.launch()
