"""gr.Code highlights every language in gr.Code.languages (CodeMirror packages or legacy stream modes)."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        gr.Code("SELECT name FROM users;", language="sql-pgSQL", label="Query")
        gr.Code("key: value", language="yaml", label="Config")
        gr.Code("int main() { return 0; }", language="cpp", label="Program")
        gr.Code("SELECT name FROM users;", language=None, label="Plain")
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("code_languages.py", APP))
    yield page
    page.context.close()


def tokens(page, label):
    """The highlighted spans CodeMirror drew for the code block labelled `label`."""
    block = page.locator(".wb-code").filter(has=page.get_by_text(label, exact=True))
    expect(block.locator(".cm-line").first).to_be_visible()
    return block.locator(".cm-line span")


@pytest.mark.parametrize(("label", "word"), [("Query", "SELECT"), ("Config", "key"), ("Program", "int")])
def test_each_language_is_highlighted(page, label, word):
    expect(tokens(page, label).filter(has_text=word).first).to_be_visible()


def test_no_language_is_plain_text(page):
    expect(tokens(page, "Plain")).to_have_count(0)
