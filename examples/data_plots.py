"""Data and plots: an editable gr.Dataframe with select/edit events, a 10,000-row table, and Line/Bar/Scatter
plots drawn from plain dicts of columns (no pandas needed). gr.Plot shows matplotlib when it is installed."""

import math

import gradio as gr

inventory = {
    "headers": ["item", "qty", "price"],
    "data": [["apple", 3, 0.5], ["pear", 5, 0.75], ["plum", 12, 0.2], ["fig", 7, 1.25]],
}


def describe_selection(evt: gr.SelectData):
    return f"cell {evt.index} = {evt.value!r}; row {evt.row_value}"


def describe_edit(rows, evt: gr.EditData):
    total = sum(float(r[1]) * float(r[2]) for r in rows if str(r[1]).strip() and str(r[2]).strip())
    return f"edited {evt.index}: {evt.previous_value!r} -> {evt.value!r}", round(total, 2)


days = list(range(1, 31))
visits = {
    "day": days * 2,
    "visits": [round(100 + 40 * math.sin(d / 4)) for d in days] + [round(80 + 3 * d) for d in days],
    "site": ["docs"] * 30 + ["blog"] * 30,
}
sales = {"fruit": ["apple", "pear", "plum", "fig"], "sold": [30, 18, 42, 9]}
points = {"height": [150 + (i * 7) % 40 for i in range(40)], "weight": [50 + (i * 13) % 45 for i in range(40)],
          "group": ["a" if i % 3 else "b" for i in range(40)]}


def matplotlib_figure(freq):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise gr.Error('matplotlib is not installed: add "matplotlib" to requirements.txt') from None
    fig, ax = plt.subplots(figsize=(6, 3))
    xs = [i / 20 for i in range(200)]
    ax.plot(xs, [math.sin(freq * x) for x in xs])
    ax.set_title(f"sin({freq}x)")
    return fig


with gr.Blocks(title="Data and plots") as demo:
    with gr.Tab("Table"):
        table = gr.Dataframe(inventory, type="array", label="Inventory", interactive=True,
                             datatype=["str", "number", "number"], show_search="search", elem_id="inventory")
        selected = gr.Textbox(label="Selected cell")
        edit_log = gr.Textbox(label="Edit log")
        total = gr.Number(label="Stock value", value=13.6)
        table.select(describe_selection, None, selected)
        table.edit(describe_edit, table, [edit_log, total])
    with gr.Tab("Big table"):
        big = gr.Dataframe([[r * 10 + c for c in range(10)] for r in range(10_000)],
                           headers=[f"col{c}" for c in range(10)], label="10,000 rows", max_height=400,
                           type="array", elem_id="big-table", show_row_numbers=True)
    with gr.Tab("Plots"):
        gr.LinePlot(visits, x="day", y="visits", color="site", title="Daily visits", elem_id="line-plot",
                    y_lim=[0, 200], tooltip=["day", "visits", "site"])
        with gr.Row():
            gr.BarPlot(sales, x="fruit", y="sold", title="Fruit sold", elem_id="bar-plot")
            gr.ScatterPlot(points, x="height", y="weight", color="group", title="Height vs weight", elem_id="scatter-plot")
        freq = gr.Slider(1, 10, value=3, step=1, label="Frequency")
        draw = gr.Button("Draw with matplotlib")
        figure = gr.Plot(label="matplotlib")
        draw.click(matplotlib_figure, freq, figure)

if __name__ == "__main__":
    demo.launch()
