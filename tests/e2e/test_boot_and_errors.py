"""Loading stages, boot errors that name file and line, and apps whose entry file is not app.py."""

from playwright.sync_api import expect


def test_broken_app_shows_file_line_and_message(open_app, site_url, tmp_path):
    app = tmp_path / "broken_app.py"
    app.write_text("import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Textbox()\n    raise RuntimeError('kaboom')\n")
    page = open_app(site_url(app), wait_for="error")
    root = page.locator("#wasmblocks-app")
    expect(root).to_have_attribute("data-state", "error")
    alert = root.get_by_role("alert")
    expect(alert).to_contain_text("kaboom")
    expect(alert).to_contain_text("broken_app.py")
    expect(alert).to_contain_text("5")


def test_loading_screen_names_a_stage(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url("hello"))
        stages = page.locator("#wasmblocks-app[data-state='loading']")
        expect(stages).to_contain_text("…")
        expect(page.locator("#wasmblocks-app")).to_have_attribute("data-state", "ready", timeout=60_000)
    finally:
        page.close()


def test_launch_options_and_other_entry_names_work(open_app, site_url, tmp_path):
    app = tmp_path / "my_demo.py"
    app.write_text(
        "import gradio as gr\n"
        "with gr.Blocks(title='Custom entry', analytics_enabled=True) as ui:\n"
        "    gr.Markdown('entry ok')\n"
        "ui.queue().launch(share=True, server_name='0.0.0.0', show_error=True)\n"
    )
    page = open_app(site_url(app))
    expect(page.get_by_text("entry ok")).to_be_visible()
    assert page.title() == "Custom entry"
