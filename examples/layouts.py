"""Layouts, dynamic UI and look: a Sidebar, Row/Column options, @gr.render with key=, updates to components
inside hidden tabs and accordions, an Interface rendered inside Blocks, a second page and a theme."""

import gradio as gr


def shout(text):
    return f"{text.upper()}!"


shouter = gr.Interface(shout, "text", "text", title="Shouter", description="An Interface rendered inside Blocks.",
                       examples=[["hello"], ["wasm"]], api_name="shout")

with gr.Blocks(
    title="Layouts",
    theme=gr.themes.Soft(),
    css=".wb-layouts-note { font-style: italic; }",
    js="() => { document.body.dataset.appJs = 'ran'; }",
    head="<meta name='wb-head-test' content='yes'>",
) as demo:
    with gr.Sidebar(label="Sidebar", open=False):
        gr.Markdown("Settings live here.")
        side_name = gr.Textbox(label="Sidebar name", value="Ada")

    gr.Markdown("# Layouts demo", elem_classes="wb-layouts-note")
    with gr.Row(equal_height=True, variant="panel"):
        with gr.Column(scale=2, min_width=200):
            count = gr.Slider(0, 4, step=1, value=2, label="How many boxes")
        with gr.Column(scale=1, min_width=120):
            echo = gr.Textbox(label="Echo")

    @gr.render(inputs=count)
    def boxes(n):
        with gr.Row():
            for i in range(int(n)):
                box = gr.Textbox(label=f"Box {i}", key=f"box-{i}")
                box.submit(lambda text, i=i: f"box {i} says {text}", box, echo)
        if int(n) == 0:
            gr.Markdown("No boxes")

    with gr.Row():
        select_b = gr.Button("Select tab B", size="sm")
        hide_b = gr.Button("Hide tab B", size="sm")
        show_b = gr.Button("Show tab B", size="sm")
        disable_c = gr.Button("Disable tab C", size="sm")
        open_acc = gr.Button("Open accordion", size="sm")
        update_hidden = gr.Button("Update hidden", size="sm")
    events = gr.Textbox(label="Layout events", value="")

    with gr.Tabs(selected="a") as tabs:
        with gr.Tab("Tab A", id="a"):
            gr.Markdown("Content of tab A")
        with gr.Tab("Tab B", id="b") as tab_b:
            hidden_box = gr.Textbox(label="Hidden box", value="initial")
            hidden_drop = gr.Dropdown(choices=["x", "y"], value="x", label="Hidden dropdown", interactive=True)
            hidden_num = gr.Number(label="Hidden number", value=1, interactive=False)
        with gr.Tab("Tab C", id="c") as tab_c:
            gr.Markdown("Content of tab C")

    with gr.Accordion("More settings", open=False) as acc:
        acc_box = gr.Textbox(label="Accordion box", value="inside", visible=False)

    select_b.click(lambda: gr.Tabs(selected="b"), None, tabs)
    hide_b.click(lambda: gr.Tab(visible=False), None, tab_b)
    show_b.click(lambda: gr.update(visible=True), None, tab_b)
    disable_c.click(lambda: gr.Tab(interactive=False), None, tab_c)
    open_acc.click(lambda: gr.Accordion(open=True, label="More settings (opened)"), None, acc)
    update_hidden.click(
        lambda: (gr.Textbox(value="updated while hidden", label="Renamed box"),
                 gr.Dropdown(choices=["p", "q", "r"], value="q"),
                 gr.Number(value=42, interactive=True),
                 gr.Textbox(visible=True, value="now visible")),
        None, [hidden_box, hidden_drop, hidden_num, acc_box],
    )
    tabs.change(lambda log: f"{log} change".strip(), events, events)
    acc.expand(lambda log: f"{log} expand".strip(), events, events)
    acc.collapse(lambda log: f"{log} collapse".strip(), events, events)

    gr.Markdown("## Interface inside Blocks")
    shouter.render()

with demo.route("Second page"):
    gr.Markdown("This is the second page.")
    second_in = gr.Textbox(label="Second input")
    second_out = gr.Textbox(label="Second output")
    gr.Button("Reverse").click(lambda s: s[::-1], second_in, second_out)

if __name__ == "__main__":
    demo.launch()
