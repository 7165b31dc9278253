"""Seeds 2, 3, 4, 10, 14: Row/Column, Button and ClearButton, Tabs with an Image, an Accordion with a
Slider, render=False then .render(), and the Blocks options (title, fill_height, …)."""

import gradio as gr


def process(text, scale):
    return f"{text.upper()} ×{scale}"


with gr.Blocks(title="Layout demo", analytics_enabled=False, fill_height=True, fill_width=False, delete_cache=(60, 3600)) as demo:
    late = gr.Textbox(label="Rendered later", value="I was placed in the right column", render=False)
    with gr.Row():
        with gr.Column(scale=2):
            inp = gr.Textbox(label="Input text")
            with gr.Row():
                btn = gr.Button("Process", variant="primary")
                clear = gr.ClearButton(value="Clear")
        with gr.Column(scale=1):
            out = gr.Textbox(label="Output text")
            late.render()
    with gr.Tabs():
        with gr.Tab("Text"):
            gr.Markdown("Text tab content")
        with gr.Tab("Image"):
            gr.Image(label="Picture", type="filepath")
    with gr.Accordion("Advanced Settings", open=False):
        scale = gr.Slider(0, 2, value=1, step=0.5, label="Scale")
    clear.add([inp, out])
    btn.click(fn=process, inputs=[inp, scale], outputs=out)

if __name__ == "__main__":
    demo.launch()
