"""Data and plots (examples/data_plots.py): Dataframe select and edit events reaching Python, a virtualised
10,000-row table, and a LinePlot drawn by vega-embed from a dict of columns."""

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
