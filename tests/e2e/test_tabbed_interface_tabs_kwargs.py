"""gr.TabbedInterface(tabs_kwargs=…) reaches its gr.Tabs: here the page opens on the tab `selected` names,
and each tab's Interface works with its own Flag button."""

import textwrap

from playwright.sync_api import expect

APP = textwrap.dedent('''
    import gradio as gr

    upper = gr.Interface(lambda s: s.upper(), gr.Textbox(label="To upper"), gr.Textbox(label="Upper"))
    lower = gr.Interface(lambda s: s.lower(), gr.Textbox(label="To lower"), gr.Textbox(label="Lower"))
    demo = gr.TabbedInterface([upper, lower], ["Upper", "Lower"], tabs_kwargs={"selected": 1})
''')


def test_tabs_kwargs_pick_the_open_tab(open_app, source_url):
    page = open_app(source_url("tabbed_kwargs.py", APP))
    expect(page.get_by_role("tab", name="Lower")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_label("To lower")).to_be_visible()
    expect(page.get_by_label("To upper")).to_be_hidden()
    page.get_by_label("To lower").fill("LOUD")
    page.get_by_role("button", name="Submit").locator("visible=true").click()
    expect(page.get_by_role("textbox", name="Lower", exact=True)).to_have_value("loud")
    expect(page.get_by_role("button", name="Flag").locator("visible=true")).to_have_count(1)
    assert not page.wasmblocks_errors
