"""Data and plots (examples/data_plots.py): Dataframe select and edit events reaching Python, a virtualised
10,000-row table, and a LinePlot drawn by vega-embed from a dict of columns."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("data_plots"))
    yield page
    page.context.close()


def cell(table, row, col):
    return table.locator(f'td[data-row="{row}"][data-col="{col}"]')


def test_select_sends_index_value_and_row(page):
    table = page.locator("#inventory")
    cell(table, 1, 0).click()
    expect(page.get_by_label("Selected cell")).to_have_value("cell [1, 0] = 'pear'; row ['pear', 5, 0.75]")
    # Arrow keys move the selection and fire select again.
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Selected cell")).to_have_value("cell [1, 1] = 5; row ['pear', 5, 0.75]")


def test_edit_cell_with_enter_reaches_python(page):
    table = page.locator("#inventory")
    cell(table, 2, 1).dblclick()
    editor = table.get_by_role("textbox", name="Edit cell 3, qty")
    expect(editor).to_be_focused()
    editor.fill("20")
    editor.press("Enter")
    expect(cell(table, 2, 1)).to_have_text("20")
    expect(page.get_by_label("Edit log")).to_have_value("edited [2, 1]: 12 -> 20")
    # The Python side got the edited table: 3*0.5 + 5*0.75 + 20*0.2 + 7*1.25
    expect(page.get_by_label("Stock value")).to_have_value("18")
    # Enter on a selected cell opens it too; Escape leaves it unchanged.
    cell(table, 0, 0).click()
    page.keyboard.press("Enter")
    editor = table.get_by_role("textbox", name="Edit cell 1, item")
    editor.fill("banana")
    editor.press("Escape")
    expect(cell(table, 0, 0)).to_have_text("apple")
    assert not page.wasmblocks_errors


def test_search_filters_rows(page):
    table = page.locator("#inventory")
    table.get_by_role("searchbox", name="Search").fill("um")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(cell(table, 2, 0)).to_have_text("plum")
    table.get_by_role("searchbox", name="Search").fill("")
    expect(table.locator("tbody tr")).to_have_count(4)


def test_ten_thousand_rows_are_virtualised(page):
    page.get_by_role("tab", name="Big table").click()
    big = page.locator("#big-table")
    expect(cell(big, 0, 0)).to_have_text("0")
    rows = big.locator("tbody tr:not(.spacer)").count()
    assert 5 < rows < 60, f"{rows} rows in the DOM for a 10,000-row table"
    scroller = big.locator(".table-wrap")
    scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    last = cell(big, 9999, 9)
    expect(last).to_have_text("99999")
    expect(last).to_be_in_viewport()
    assert big.locator("tbody tr:not(.spacer)").count() < 60
    expect(cell(big, 0, 0)).to_have_count(0)


def test_line_plot_from_dict_renders_svg_with_title(page):
    page.get_by_role("tab", name="Plots").click()
    plot = page.locator("#line-plot")
    svg = plot.locator("svg.marks")
    expect(svg).to_be_visible(timeout=20_000)
    expect(plot.locator("svg text", has_text="Daily visits")).to_have_count(1)
    # 60 points, two series coloured by "site" (a legend with both names).
    expect(plot.locator("svg text", has_text="docs")).to_have_count(1)
    expect(plot.locator("svg text", has_text="blog")).to_have_count(1)
    expect(page.locator("#bar-plot svg text", has_text="Fruit sold")).to_have_count(1)
    expect(page.locator("#scatter-plot svg text", has_text="Height vs weight")).to_have_count(1)
    assert not page.wasmblocks_errors


@pytest.mark.skip(reason="matplotlib/plotly/altair/pandas come from the Pyodide CDN, which the test browser cannot reach")
def test_matplotlib_plot_renders_image(page):
    page.get_by_role("button", name="Draw with matplotlib").click()
    expect(page.locator(".wb-plot img.matplotlib")).to_be_visible()


SORTABLE = '''
import gradio as gr

def shape(rows):
    return f"{len(rows)}x{len(rows[0]) if rows else 0}"

def picked(evt: gr.SelectData):
    return f"{evt.index} {evt.value}"

with gr.Blocks() as demo:
    table = gr.Dataframe([["pear", 5], ["apple", 12], ["fig", 3], ["", 7]], headers=["item", "qty"],
                         datatype=["str", "number"], type="array", interactive=True,
                         row_count=(4, "dynamic"), col_count=(2, "dynamic"), elem_id="t")
    size = gr.Textbox(label="Shape")
    pick = gr.Textbox(label="Picked")
    table.change(shape, table, size)
    table.select(picked, None, pick)
    gr.Dataframe([[1, 2], [3, 4]], headers=["a", "b"], row_count=(2, "fixed"), col_count=(2, "fixed"),
                 interactive=True, elem_id="fixed")
'''


def _shown(table, col=0):
    """The column's texts in the order the rows are shown."""
    return table.locator(f'tbody td[data-col="{col}"]').all_inner_texts()


def test_sorting_is_a_view_and_the_cell_menu_adds_and_deletes(open_app, source_url):
    page = open_app(source_url("sortable.py", SORTABLE))
    table = page.locator("#t")
    qty = table.get_by_role("columnheader", name="qty")
    qty.get_by_role("button", name="qty").click()
    expect(qty).to_have_attribute("aria-sort", "ascending")
    assert _shown(table) == ["fig", "pear", "", "apple"]
    qty.get_by_role("button", name="qty").click()
    expect(qty).to_have_attribute("aria-sort", "descending")
    assert _shown(table) == ["apple", "", "pear", "fig"]
    qty.get_by_role("button", name="qty").click()
    expect(qty).to_have_attribute("aria-sort", "none")
    assert _shown(table) == ["pear", "apple", "fig", ""]

    # The header's cell menu sorts too (Gradio's item names); empty cells go last.
    item = table.get_by_role("columnheader", name="item")
    item.hover()
    item.get_by_role("button", name="Open cell menu").click()
    page.get_by_role("menuitem", name="Sort ascending").click()
    expect(item).to_have_attribute("aria-sort", "ascending")
    assert _shown(table) == ["apple", "fig", "pear", ""]
    # Sorting changes the view, not the value: the first row shown is row 1 of the value.
    table.locator('td[data-row="1"][data-col="0"]').click()
    expect(page.get_by_label("Picked")).to_have_value("[1, 0] apple")

    # Rows and columns are added and deleted from the selected cell's menu; Python sees each new shape.
    table.get_by_role("button", name="Open cell menu").last.click()
    page.get_by_role("menuitem", name="Add row below").click()
    expect(page.get_by_label("Shape")).to_have_value("5x2")
    expect(item).to_have_attribute("aria-sort", "none")  # a new row lands where it was put
    assert _shown(table) == ["pear", "apple", "", "fig", ""]
    table.locator('td[data-row="0"][data-col="1"]').click()
    table.get_by_role("button", name="Open cell menu").last.click()
    page.get_by_role("menuitem", name="Add column to the right").click()
    expect(page.get_by_label("Shape")).to_have_value("5x3")
    expect(table.get_by_role("columnheader", name="3")).to_be_visible()
    table.locator('td[data-row="0"][data-col="2"]').click()
    table.get_by_role("button", name="Open cell menu").last.click()
    page.get_by_role("menuitem", name="Delete column").click()
    expect(page.get_by_label("Shape")).to_have_value("5x2")
    table.locator('td[data-row="2"][data-col="0"]').click()
    table.get_by_role("button", name="Open cell menu").last.click()
    page.keyboard.press("Escape")  # closes without doing anything
    expect(page.get_by_role("menu")).to_have_count(0)
    table.get_by_role("button", name="Open cell menu").last.click()
    page.get_by_role("menuitem", name="Delete row").click()
    expect(page.get_by_label("Shape")).to_have_value("4x2")
    assert _shown(table) == ["pear", "apple", "fig", ""]

    # A table of fixed size offers sorting only.
    fixed = page.locator("#fixed")
    fixed.locator('td[data-row="0"][data-col="0"]').click()
    expect(fixed.locator("td").get_by_role("button", name="Open cell menu")).to_have_count(0)
    header = fixed.get_by_role("columnheader", name="a")
    header.hover()
    header.get_by_role("button", name="Open cell menu").click()
    expect(page.get_by_role("menuitem")).to_have_text(["Sort ascending", "Sort descending", "Clear sort"])
    page.keyboard.press("Escape")
    assert not page.wasmblocks_errors



ZOOM = '''
import gradio as gr

points = {"weight": [50 + i for i in range(50)], "height": [150 + (i * 7) % 40 for i in range(50)]}

def bins(selection: gr.SelectData):
    return f"bins {selection.index[0]:.0f}..{selection.index[1]:.0f}"

def zoom(selection: gr.SelectData):
    low, high = selection.index
    return f"{low:.1f}..{high:.1f}", gr.LinePlot(x_lim=[low, high])

with gr.Blocks() as demo:
    plot = gr.LinePlot(points, x="weight", y="height", elem_id="zoomable")
    bars = gr.BarPlot({"kind": ["a", "b"], "n": [1, 2]}, x="kind", y="n", elem_id="bars")
    picked = gr.Textbox(label="Range")
    selections = gr.Number(label="Selections", value=0)
    plot.select(zoom, None, [picked, plot])
    plot.select(lambda n: n + 1, selections, selections)
    plot.double_click(lambda: ("reset", gr.LinePlot(x_lim=None)), None, [picked, plot])
    bars.select(lambda: "bars", None, picked)
    binned = gr.BarPlot(points, x="weight", y="height", x_bin=10, y_aggregate="sum", elem_id="binned")
    binned.select(bins, None, picked)
'''


def _drag_across(page, chart, start, end):
    """Press at `start` and release at `end` (fractions of the chart's width), halfway down."""
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * end, y, steps=5)
    page.mouse.up()


def test_native_plot_select_is_an_x_range_and_double_click_resets(open_app, source_url):
    page = open_app(source_url("zoom.py", ZOOM))
    chart = page.locator("#zoomable svg").first
    expect(chart).to_be_visible()
    # A resize redraws the chart into the same element; the old drawing's listeners must not fire too.
    page.set_viewport_size({"width": 1000, "height": 720})
    page.wait_for_timeout(600)
    _drag_across(page, page.locator("#zoomable svg").first, 0.3, 0.7)
    expect(page.get_by_label("Range")).to_have_value(re.compile(r"^\d+\.\d\.\.\d+\.\d$"))
    page.wait_for_timeout(300)
    expect(page.get_by_label("Selections")).to_have_value("1")
    low, high = (float(v) for v in page.get_by_label("Range").input_value().split(".."))
    assert 50 <= low < high <= 99, (low, high)
    chart = page.locator("#zoomable svg").first
    box = chart.bounding_box()
    page.mouse.dblclick(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    expect(page.get_by_label("Range")).to_have_value("reset")
    # Categories on x: no range to select, so the bar plot draws no brush and fires nothing.
    _drag_across(page, page.locator("#bars svg").first, 0.3, 0.7)
    page.wait_for_timeout(500)
    expect(page.get_by_label("Range")).to_have_value("reset")
    # Binned numbers (Gradio's zoom demo uses a BarPlot with x_bin) are a range again.
    _drag_across(page, page.locator("#binned svg").first, 0.2, 0.6)
    expect(page.get_by_label("Range")).to_have_value(re.compile(r"^bins \d+\.\.\d+$"))
    assert not page.wasmblocks_errors
