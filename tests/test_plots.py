"""gr.Plot and gr.LinePlot/BarPlot/ScatterPlot postprocess on CPython: Vega-Lite specs from columns."""

import sys

import pytest

import wasmblocks as gr
from wasmblocks.alerts import Error

DATA = {"day": [1, 2, 3], "visits": [10, 20, 15], "site": ["a", "b", "a"]}


def test_line_plot_spec_from_dict():
    plot = gr.LinePlot(DATA, x="day", y="visits", color="site", title="Visits", y_lim=[0, 30], tooltip="all")
    value = plot.value
    assert value["type"] == "vega"
    spec = value["spec"]
    assert spec["title"] == "Visits"
    assert spec["mark"]["type"] == "line"
    assert spec["data"]["values"][0] == {"day": 1, "visits": 10, "site": "a"}
    assert spec["encoding"]["x"]["field"] == "day" and spec["encoding"]["x"]["type"] == "quantitative"
    assert spec["encoding"]["y"]["scale"] == {"domain": [0, 30]}
    assert spec["encoding"]["color"] == {"field": "site", "type": "nominal", "title": "site"}
    assert [t["field"] for t in spec["encoding"]["tooltip"]] == ["day", "visits", "site"]


def test_bar_and_scatter_marks_and_types():
    bar = gr.BarPlot({"fruit": ["a", "b"], "n": [1, 2]}, x="fruit", y="n", y_aggregate="sum")
    assert bar.value["spec"]["mark"]["type"] == "bar"
    assert bar.value["spec"]["encoding"]["x"]["type"] == "nominal"
    assert bar.value["spec"]["encoding"]["y"]["aggregate"] == "sum"
    scatter = gr.ScatterPlot({"t": ["2024-01-01", "2024-01-02"], "v": [1, 2]}, x="t", y="v")
    assert scatter.value["spec"]["mark"]["type"] == "point"
    assert scatter.value["spec"]["encoding"]["x"]["type"] == "temporal"
    assert gr.LinePlot().get_block_name() == "lineplot"


def test_binned_bars_are_a_number_line_aggregated_per_bin():
    data = {"w": [50, 51, 62, 75], "h": [1, 2, 3, 4], "note": ["a", "b", "c", "d"]}
    spec = gr.BarPlot(data, x="w", y="h", x_bin=10, y_aggregate="sum", tooltip="all").value["spec"]
    x, y = spec["encoding"]["x"], spec["encoding"]["y"]
    assert x["type"] == "quantitative" and x["bin"] == {"step": 10} and y["aggregate"] == "sum"
    # The tooltip shows the bin and the sum; a raw column there would make one bar per row, not per bin.
    assert spec["encoding"]["tooltip"] == [
        {"field": "w", "type": "quantitative", "bin": {"step": 10}},
        {"field": "h", "type": "quantitative", "aggregate": "sum"},
    ]
    # Without x_bin, numbers under bars stay categories.
    assert gr.BarPlot(data, x="w", y="h").value["spec"]["encoding"]["x"]["type"] == "ordinal"


def test_native_plot_errors():
    with pytest.raises(Error, match="not a column"):
        gr.LinePlot(DATA, x="nope", y="visits")
    with pytest.raises(Error, match="different lengths"):
        gr.LinePlot({"x": [1, 2], "y": [1]}, x="x", y="y")
    with pytest.raises(Error, match="pandas DataFrame or a dict"):
        gr.ScatterPlot([[1, 2]], x="x", y="y")
    with pytest.raises(ValueError, match="x_lim"):
        gr.LinePlot(x_lim=[1])


def test_native_plot_preprocess_returns_columns():
    plot = gr.ScatterPlot(DATA, x="day", y="visits")
    assert plot.preprocess(plot.value) == DATA


def test_native_plot_module_never_imports_pandas():
    import wasmblocks.components.native_plot as mod

    assert "import pandas" not in open(mod.__file__).read()


def test_plot_rejects_unknown_figures_and_passes_specs():
    plot = gr.Plot()
    assert plot.postprocess(None) is None
    assert plot.postprocess({"type": "plotly", "plot": "{}"}) == {"type": "plotly", "plot": "{}"}
    with pytest.raises(Error, match="matplotlib, plotly and altair"):
        plot.postprocess(object())


def test_matplotlib_figure_is_rendered_in_python():
    pytest.importorskip("matplotlib", reason="matplotlib is not installed for CPython here")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    value = gr.Plot().postprocess(fig)
    assert value["type"] == "matplotlib" and value["plot"].startswith("data:image/png;base64,")
    assert "matplotlib" in sys.modules


def test_axis_formats_and_colors_in_legend_are_in_the_spec():
    data = {"day": [1, 2, 3, 4], "visits": [1000, 2000, 1500, 3000], "site": ["a", "b", "c", "a"]}
    plot = gr.LinePlot(x="day", y="visits", color="site", x_axis_format="d", y_axis_format=".2e",
                       colors_in_legend=["a", "b"], render=False)
    spec = plot.postprocess(data)["spec"]
    assert spec["encoding"]["x"]["axis"]["format"] == "d" and spec["encoding"]["y"]["axis"]["format"] == ".2e"
    assert spec["encoding"]["color"]["legend"] == {"values": ["a", "b"]}
    plain = gr.ScatterPlot(x="day", y="visits", color="site", render=False).postprocess(data)["spec"]
    assert "format" not in plain["encoding"]["y"]["axis"] and "legend" not in plain["encoding"]["color"]
