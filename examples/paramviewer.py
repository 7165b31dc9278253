"""Parameter viewer: a function's parameters documented the way Gradio's own docs show them."""

import gradio as gr

PYTHON = {
    "text": {"type": "str", "description": "What to **wrap**; see [textwrap](https://docs.python.org/3/library/"
             "textwrap.html).", "default": None},
    "width": {"type": "int", "description": "The longest line, in characters.", "default": "70"},
    "style": {"type": "Literal['plain', 'markdown'] | None", "description": "How the lines are marked.",
              "default": "'plain'"},
    "on_long_word": {"type": "Splitter | None", "description": "Splits a word longer than `width`; `None` "
                     "breaks it anywhere.", "default": "None"},
}
TYPESCRIPT = {
    "text": {"type": "string", "description": "What to **wrap**.", "default": None},
    "width": {"type": "number", "description": "The longest line, in characters.", "default": "70"},
    "style": {"type": '"plain" | "markdown" | null', "description": "How the lines are marked.",
              "default": '"plain"'},
}

with gr.Blocks(title="Parameter viewer") as demo:
    gr.Markdown("# wrap()\nClick a parameter to open it; the arrow at the top opens them all. "
                "Straight to one: [width](#param-wrap-width).")
    language = gr.Radio(["python", "typescript"], value="python", label="Language")
    params = gr.ParamViewer(PYTHON, linkify=["Splitter"], anchor_links="wrap", header="wrap() parameters")
    language.change(lambda lang: gr.ParamViewer(PYTHON if lang == "python" else TYPESCRIPT, language=lang),
                    language, params)
    with gr.Row():
        count = gr.Button("Which parameters?")
        names = gr.Textbox(label="Parameters the function got")
    count.click(lambda docs: ", ".join(f"{name}: {p['type']}" for name, p in docs.items()), params, names)
    gr.HTML("<h3 id='h-splitter'>Splitter</h3><p>A function from a word to its pieces.</p>")

if __name__ == "__main__":
    demo.launch()
