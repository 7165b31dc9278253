"""gr.I18n: the page shows an app's texts in the browser's language (navigator.languages), English otherwise."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

i18n = gr.I18n(
    en={"name_label": "Your Name", "greet": "Greet", "title": "Welcome!", "john": "John English", "bold": "Bold"},
    es={"name_label": "Tu Nombre", "greet": "Saludar", "title": "¡Bienvenido!", "john": "John Spanish",
        "bold": "Negrita"},
    fr={"name_label": "Votre Nom", "greet": "Saluer", "title": "Bienvenue !"},
)

with gr.Blocks() as demo:
    gr.Markdown(i18n("title"))
    name = gr.Textbox(label=i18n("name_label"), value=i18n("john"))
    style = gr.Radio([(i18n("bold"), "bold"), ("Italic", "italic")], value="bold", label="Style")
    out = gr.Textbox(label="Result")
    gr.Button(i18n("greet")).click(lambda n, s: f"hello {n} ({s})", [name, style], out)
    gr.Button("Reset").click(lambda: i18n("john"), None, name)

demo.launch(i18n=i18n)
"""


@pytest.fixture(scope="module")
def url(source_url):
    return source_url("i18n_app.py", APP)


def test_a_spanish_browser_sees_the_spanish_texts(app_opener, url):
    page = app_opener(url, locale="es-ES")
    try:
        expect(page.get_by_text("¡Bienvenido!")).to_be_visible()
        name = page.get_by_label("Tu Nombre")
        expect(name).to_have_value("John Spanish")
        expect(page.get_by_label("Negrita")).to_be_checked()
        page.get_by_role("button", name="Saludar").click()
        # The function gets the text the visitor saw (and the choice's value, not its label).
        expect(page.get_by_label("Result")).to_have_value("hello John Spanish (bold)")
        name.fill("Ana")
        page.get_by_role("button", name="Reset").click()
        expect(name).to_have_value("John Spanish")
        assert "__i18n__" not in page.content() and not page.wasmblocks_errors
    finally:
        page.context.close()


def test_a_missing_translation_falls_back_to_english_and_an_unknown_language_gets_english(app_opener, url):
    page = app_opener(url, locale="fr-CA")
    try:
        expect(page.get_by_label("Votre Nom")).to_have_value("John English")  # fr has no "john"
        expect(page.get_by_role("button", name="Saluer")).to_be_visible()
    finally:
        page.context.close()
    page = app_opener(url, locale="ja-JP")
    try:
        expect(page.get_by_text("Welcome!")).to_be_visible()
        expect(page.get_by_role("button", name="Greet")).to_be_visible()
    finally:
        page.context.close()
