"""Gallery of the form and display components (issue 4, "Components I"), each with its events wired.

Every input echoes what reached Python into a "… got" box (as repr()), so you can see the values the
functions receive; "Set every value from Python" shows values going the other way.
"""

import os
import tempfile

import gradio as gr

# A small icon written as a file, to show that Button(icon=<path>) works without a file server.
ICON = os.path.join(tempfile.gettempdir(), "gallery-star.svg")
with open(ICON, "w") as handle:
    handle.write(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#f97316" '
        'd="M12 2l3 7h7l-5.5 4.5 2 7.5L12 17l-6.5 4 2-7.5L2 9h7z"/></svg>'
    )

MARKDOWN = r"""
## Markdown
**Bold**, _italic_, `code`, a [link](https://gradio.app) and a table:

| Component | Kind |
| --- | --- |
| Textbox | form |
| Label | display |

```python
def greet(name):
    return f"Hello {name}"
```

Inline math $e^{i\pi} + 1 = 0$ and a display formula:

$$\int_0^1 x^2\,dx = \frac{1}{3}$$
"""

STARS = """
<div class="stars">${'★'.repeat(value)}${'☆'.repeat(5 - value)}</div>
<ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>
"""


def echo(value):
    return repr(value)


def set_everything():
    return (
        "Set from Python", 42.5, 7.5, True, ["ham"], "L", "banana", "#00ff00", "2024-02-29",
        "x = 1\nprint(x)", {"set": True, "nested": {"list": [1, 2, 3]}},
        {"dog": 0.7, "cat": 0.2, "fox": 0.1}, [("Python", "lang"), (" sets ", None), ("this", "pron")],
        "## Set from **Python**", "<p id='set-html'>HTML set from <b>Python</b></p>",
    )


with gr.Blocks(title="wasmblocks gallery") as demo:
    gr.Markdown("# Component gallery\nForm and display components; every event echoes what Python received.")

    # ---------------------------------------------------------------- text
    gr.Markdown("## Text")
    with gr.Row():
        with gr.Column():
            text = gr.Textbox(
                label="Text", info="Type, select, press Enter or the send button", placeholder="Write here",
                submit_btn=True, stop_btn="Stop", buttons=["copy"], max_length=40,
            )
            password = gr.Textbox(label="Password", type="password")
            email = gr.Textbox(label="Email", type="email", placeholder="you@example.com")
            notes = gr.Textbox(label="Notes", lines=3, max_lines=6, text_align="right")
        with gr.Column():
            text_got = gr.Textbox(label="Text got")
            text_event = gr.Textbox(label="Text event")
            password_got = gr.Textbox(label="Password got")
    text.change(echo, text, text_got)
    text.submit(lambda v: f"submit {v!r}", text, text_event)
    text.stop(lambda: "stop", None, text_event)
    text.focus(lambda: "focus", None, text_event)
    text.blur(lambda: "blur", None, text_event)

    @text.copy(inputs=None, outputs=text_event)
    def copied(evt: gr.CopyData):
        return f"copy {evt.value!r}"

    @text.select(inputs=None, outputs=text_event)
    def selected(evt: gr.SelectData):
        return f"select {evt.index} {evt.value!r}"

    gr.on([password.change, email.change], lambda p, e: f"{p!r} {e!r}", [password, email], password_got)

    # ---------------------------------------------------------------- numbers
    gr.Markdown("## Numbers")
    with gr.Row():
        number = gr.Number(label="Number", value=3.14159, precision=2, minimum=0, maximum=100, step=0.5,
                           info="0 to 100, two decimals")
        slider = gr.Slider(0, 10, value=4, step=0.5, label="Slider", info="Release to send")
        random_slider = gr.Slider(0, 100, step=10, randomize=True, label="Random slider")
    with gr.Row():
        number_got = gr.Textbox(label="Number got")
        slider_got = gr.Textbox(label="Slider got")
    number.change(echo, number, number_got)
    slider.release(lambda v: f"release {v!r}", slider, slider_got)

    # ---------------------------------------------------------------- choices
    gr.Markdown("## Choices")
    with gr.Row():
        checkbox = gr.Checkbox(label="Checkbox", info="A single boolean")
        toppings = gr.CheckboxGroup([("Cheese", "cheese"), ("Ham", "ham"), "Olives"], label="Toppings",
                                    info="Any number")
        size = gr.Radio(["S", "M", "L"], type="index", label="Size", info="type='index'")
    with gr.Row():
        fruit = gr.Dropdown([("Apple", "apple"), ("Banana", "banana"), ("Cherry", "cherry")], label="Fruit")
        tags = gr.Dropdown(["red", "green", "blue"], multiselect=True, max_choices=2, allow_custom_value=True,
                           label="Tags", info="At most two; type your own")
        new_choices = gr.Button("New fruit choices")
    with gr.Row():
        checkbox_got = gr.Textbox(label="Checkbox got")
        toppings_got = gr.Textbox(label="Toppings got")
        size_got = gr.Textbox(label="Size got")
    with gr.Row():
        fruit_got = gr.Textbox(label="Fruit got")
        tags_got = gr.Textbox(label="Tags got")
        key_got = gr.Textbox(label="Key got")
    checkbox.change(echo, checkbox, checkbox_got)
    toppings.change(echo, toppings, toppings_got)
    size.change(echo, size, size_got)
    fruit.change(echo, fruit, fruit_got)
    tags.change(echo, tags, tags_got)

    @tags.key_up(inputs=None, outputs=key_got)
    def key(evt: gr.KeyUpData):
        return f"{evt.key} {evt.input_value!r}"

    new_choices.click(lambda: gr.Dropdown(choices=["date", "elderberry"], value="date", label="Fruit (new)"),
                      None, fruit)

    # ---------------------------------------------------------------- colour and time
    gr.Markdown("## Colour and time")
    with gr.Row():
        color = gr.ColorPicker(value="#ff0000", label="Color", info="Click the swatch")
        day = gr.DateTime(value="2024-01-15", include_time=False, type="string", label="Day")
        moment = gr.DateTime(value=0, type="timestamp", timezone="UTC", label="Moment (UTC)")
    with gr.Row():
        color_got = gr.Textbox(label="Color got")
        day_got = gr.Textbox(label="Day got")
        moment_got = gr.Textbox(label="Moment got")
    color.change(echo, color, color_got)
    day.change(echo, day, day_got)
    moment.change(echo, moment, moment_got)

    # ---------------------------------------------------------------- buttons
    gr.Markdown("## Buttons")
    with gr.Row():
        primary = gr.Button("Primary", variant="primary")
        secondary = gr.Button("Secondary", icon=ICON)
        stop = gr.Button("Stop", variant="stop", size="sm")
        link = gr.Button("Gradio website", link="https://www.gradio.app")
        clear = gr.ClearButton([text, number, toppings], value="Clear text, number, toppings")
        gr.DuplicateButton()
        gr.DeepLinkButton()
    button_got = gr.Textbox(label="Button got")
    primary.click(echo, primary, button_got)
    secondary.click(echo, secondary, button_got)
    stop.click(echo, stop, button_got)

    # ---------------------------------------------------------------- display
    gr.Markdown("## Display")
    with gr.Row():
        markdown = gr.Markdown(MARKDOWN, header_links=True,
                               latex_delimiters=[{"left": "$$", "right": "$$", "display": True},
                                                 {"left": "$", "right": "$", "display": False}])
        with gr.Column():
            html = gr.HTML("<p>Plain <b>HTML</b><script>window.__pwned = 1</script>"
                           "<img alt='' src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' onerror=\"window.__pwned = 2\"></p>")
            stars = gr.HTML(3, html_template=STARS, css_template=".stars { color: ${color}; font-size: 24px; }",
                            color="#f59e0b", items=["templated", "with props"], label="Stars")
            rating = gr.Slider(0, 5, value=3, step=1, label="Rating")
    rating.change(lambda v: int(v), rating, stars)
    with gr.Row():
        json = gr.JSON({"name": "wasmblocks", "components": ["Textbox", "Label"], "nested": {"deep": {"deeper": {"x": 1}}}},
                       label="JSON")
        label = gr.Label({"cat": 0.8, "dog": 0.15, "fox": 0.04, "owl": 0.01}, num_top_classes=3, label="Label")
        highlighted = gr.HighlightedText(
            {"text": "Ada Lovelace lived in London", "entities": [
                {"entity": "PER", "start": 0, "end": 12}, {"entity": "LOC", "start": 22, "end": 28}]},
            color_map={"PER": "#3b82f6", "LOC": "#22c55e"}, show_legend=True, label="Entities",
        )
    with gr.Row():
        code = gr.Code("def add(a, b):\n    return a + b", language="python", label="Code", interactive=True)
        with gr.Column():
            code_got = gr.Textbox(label="Code got", lines=3)
            label_got = gr.Textbox(label="Label got")
    code.change(echo, code, code_got)
    code.focus(lambda: "focus", None, label_got)

    @label.select(inputs=None, outputs=label_got)
    def picked(evt: gr.SelectData):
        return f"selected {evt.value!r}"

    set_all = gr.Button("Set every value from Python", variant="primary")
    set_all.click(set_everything, None, [text, number, slider, checkbox, toppings, size, fruit, color, day, code,
                                         json, label, highlighted, markdown, html])
    show_hide = gr.Checkbox(label="Show the colour picker", value=True)
    show_hide.change(lambda v: gr.update(visible=v), show_hide, color)

    # ---------------------------------------------------------------- examples
    gr.Markdown("## Examples")
    with gr.Row():
        ex_word = gr.Textbox(label="Word")
        ex_times = gr.Number(label="Times", precision=0)
        ex_out = gr.Textbox(label="Repeated")
    gr.Examples([["ha", 3], ["wasm", 2]], [ex_word, ex_times], ex_out, fn=lambda w, n: w * int(n or 0),
                run_on_click=True, label="Repeat examples")
    gr.Examples(["#0000ff", "#ffa500"], color, label="Colour examples")

if __name__ == "__main__":
    demo.launch()
