"""Draggable dashboard: cards you reorder by dragging their ⋮⋮ handle (hover a card to see it), in a row and in
a column; the order is the page's own, so the functions work whatever it is."""

import gradio as gr

with gr.Blocks(title="Draggable dashboard") as demo:
    gr.Markdown("# Draggable dashboard\nDrag a card by its handle onto another to swap them.")
    with gr.Draggable(orientation="row"):
        gr.Label({"sunny": 0.7, "cloudy": 0.2, "rain": 0.1}, label="Weather")
        gr.Number(21.5, label="Temperature (°C)")
        gr.Markdown("### Notes\nFerry at 9:40, market after lunch.")
        gr.JSON({"wind": "4 m/s", "humidity": "61 %"}, label="Details")
    with gr.Draggable(orientation="column"):
        first = gr.Textbox(label="First name", value="Ada")
        last = gr.Textbox(label="Last name", value="Lovelace")
        nickname = gr.Textbox(label="Nickname", value="Enchantress of Numbers", visible=False)
        with gr.Row():
            city = gr.Textbox(label="City", value="London")
            year = gr.Number(1843, label="Year")
        gr.State("kept in the worker")
    with gr.Row():
        greet = gr.Button("Greet", variant="primary")
        show = gr.Button("Show the nickname")
    out = gr.Textbox(label="Greeting")
    greet.click(lambda f, la, c, y: f"{f} {la}, {c}, {int(y)}", [first, last, city, year], out)
    show.click(lambda: gr.Textbox(visible=True), None, nickname)

if __name__ == "__main__":
    demo.launch()
