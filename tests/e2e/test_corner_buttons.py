"""Gradio 6's buttons=: built-in corner buttons (copy, download, reset, …) and gr.Button entries in a
component's toolbar, which fire that button's Python and js listeners; Chatbot's copy with watermark=,
like_user_message=; Dataframe's column_limits/row_limits in the cell menu."""

import re
import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        refresh = gr.Button("Refresh")
        clear = gr.Button("🗑️")
        box = gr.Textbox(value="Sample text", label="Sample Text", lines=3, buttons=["copy", refresh, clear],
                         interactive=True)
        refresh.click(lambda: "refreshed by Python", outputs=box)
        clear.click(None, inputs=[], outputs=box, js="() => ''")
        plain = gr.Textbox(value="no buttons", label="Plain")
        bot = gr.Chatbot(
            value=[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello there"}],
            watermark="(made by a bot)", like_user_message=True, label="Chat",
        )
        liked = gr.Textbox(label="Liked")

        def on_like(data: gr.LikeData):
            return f"{data.index} {data.liked}"

        bot.like(on_like, None, liked)
        gr.Code(value="print(1)", language="python", label="Snippet")
        gr.Slider(0, 10, value=3, label="No reset", buttons=[])
        gr.Slider(0, 10, value=3, label="With reset")
        gr.Dataframe(value=[[1, 2], [3, 4]], headers=["a", "b"], column_count=2, column_limits=(2, 2),
                     row_limits=(None, 2), interactive=True, type="array", label="Fixed grid")
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("corner_buttons.py", APP))
    # Record what the copy buttons write (the test browser's clipboard is not readable without a grant).
    page.evaluate("() => { window.__copied = []; navigator.clipboard.writeText = async (t) => { window.__copied.push(t); }; }")
    yield page
    page.context.close()


def block_of(page, label):
    return page.locator(".block").filter(has=page.get_by_label(label, exact=True)).first


def test_custom_buttons_sit_in_the_toolbar_and_run_their_listeners(page):
    box = page.get_by_label("Sample Text", exact=True)
    block = block_of(page, "Sample Text")
    # The buttons left the layout: they are drawn only inside the textbox's toolbar.
    expect(page.get_by_role("button", name="Refresh")).to_have_count(1)
    expect(block.locator(".corner-buttons .custom-button")).to_have_count(2)
    block.get_by_role("button", name="Refresh").click()
    expect(box).to_have_value("refreshed by Python")
    block.get_by_role("button", name="🗑️").click()
    expect(box).to_have_value("")
    box.fill("copy me")
    block.get_by_role("button", name="Copy").click()
    expect(block.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("window.__copied.at(-1)") == "copy me"
    expect(block_of(page, "Plain").get_by_role("button")).to_have_count(0)


def test_chatbot_copies_with_the_watermark_and_likes_user_messages(page):
    chat = page.locator(".wb-chatbot")
    chat.get_by_role("button", name="Copy message").last.click()
    assert page.evaluate("window.__copied.at(-1)") == "Hello there\n\n(made by a bot)"
    chat.get_by_role("button", name="Copy conversation").click()
    assert page.evaluate("window.__copied.at(-1)") == "user: Hi\n\nassistant: Hello there\n\n(made by a bot)"
    # like_user_message=True: the user's message has the feedback buttons too.
    user_like = chat.locator(".message-buttons-right").get_by_role("button", name="Like", exact=True)
    user_like.click()
    expect(page.get_by_role("textbox", name="Liked")).to_have_value("0 True")


def test_code_copy_and_download_by_default(page):
    block = page.locator(".wb-code")
    block.get_by_role("button", name="Copy").click()
    assert page.evaluate("window.__copied.at(-1)") == "print(1)"
    with page.expect_download() as download:
        block.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename == "file.py"
    assert open(download.value.path()).read() == "print(1)"


def test_slider_reset_only_when_asked(page):
    expect(block_of(page, "number input for No reset").get_by_test_id("reset-button")).to_have_count(0)
    expect(block_of(page, "number input for With reset").get_by_test_id("reset-button")).to_have_count(1)


def test_dataframe_limits_keep_the_menu_from_growing_the_table(page):
    df = page.locator(".wb-dataframe")
    expect(df.get_by_role("button", name="Copy table data")).to_be_visible()
    expect(df.get_by_role("button", name="Fullscreen")).to_be_visible()
    df.locator("tbody td").first.click()
    df.locator("tbody .cell-menu-button").first.click()
    menu = page.get_by_role("menu")
    expect(menu).to_be_visible()
    names = menu.get_by_role("menuitem").all_inner_texts()
    # 2 rows (the maximum) and 2 columns (min = max = 2): nothing may be added; a row may still go.
    assert not any(re.search("Add (row|column)", n) for n in names), names
    assert "Delete row" in names and "Delete column" not in names


SELECT_ALL_APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        group = gr.CheckboxGroup(["a", "b", "c"], label="Letters", show_select_all=True)
        got = gr.Textbox(label="Got")
        group.input(lambda v: ",".join(v), group, got)
''')


def test_select_all_checks_every_choice_then_none(app_opener, source_url):
    page = app_opener(source_url("select_all.py", SELECT_ALL_APP))
    toggle = page.get_by_title("Select/Deselect All")
    toggle.click()
    expect(page.get_by_label("Got")).to_have_value("a,b,c")
    toggle.click()
    expect(page.get_by_label("Got")).to_have_value("")
    page.get_by_label("b", exact=True).check()
    expect(toggle).to_have_js_property("indeterminate", True)
    page.context.close()
