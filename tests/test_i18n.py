"""gr.I18n (i18n.py): keys become markers, and a page session translates them for its browser's languages."""

import pytest

import wasmblocks as gr
from wasmblocks import protocol
from wasmblocks.i18n import I18nData, localize, translator
from wasmblocks.page_session import PageSession

I18N = gr.I18n(en={"hi": "Hello", "name": "Your Name"}, es={"hi": "Hola", "name": "Tu Nombre"},
               **{"pt-BR": {"hi": "Olá"}})


def test_a_key_is_a_marker_that_survives_string_operations():
    data = I18N("hi")
    assert isinstance(data, I18nData) and data.to_dict() == {"__type__": "translation_metadata", "key": "hi"}
    assert str(data).startswith("__i18n__") and ("Say: " + data).startswith("Say: __i18n__")
    assert data.strip() is data  # string methods keep the key, as in Gradio


@pytest.mark.parametrize(("languages", "expected"), [
    (["es-ES", "en"], "Hola"), (["pt-BR"], "Olá"), (["pt-PT", "es"], "Hola"), (["ja"], "Hello"), ([], "Hello"),
])
def test_the_best_language_is_picked_then_its_base_then_english(languages, expected):
    assert translator(I18N.translations, languages)("hi") == expected


def test_a_missing_key_falls_back_to_english_then_to_the_key():
    translate = translator(I18N.translations, ["pt-BR"])
    assert translate("name") == "Your Name" and translate("nope") == "nope"


def test_localize_translates_markers_inside_texts_and_containers_and_keeps_the_rest():
    translate = translator(I18N.translations, ["es"])
    value = {"label": I18N("name"), "choices": [[str(I18N("hi")), "hi"]], "n": 1, "text": "A " + I18N("hi") + "!"}
    assert localize(value, translate) == {"label": "Tu Nombre", "choices": [["Hola", "hi"]], "n": 1, "text": "A Hola!"}
    plain = {"a": ["b", 1]}
    assert localize(plain, translate) is plain


def test_bad_translations_are_refused_and_odd_locales_warned():
    with pytest.raises(TypeError, match="dict of key"):
        gr.I18n(en=["hi"])
    with pytest.warns(UserWarning, match="Invalid locale"):
        gr.I18n(English={"hi": "Hello"})


def _page(languages):
    with gr.Blocks() as demo:
        name = gr.Textbox(label=I18N("name"), value=I18N("hi"))
        out = gr.Textbox()
        gr.Button(I18N("hi")).click(lambda n: I18N("hi"), name, out, api_name="greet")
    demo.launch(i18n=I18N)
    sent = []
    page = PageSession(demo, lambda message, paths: sent.append(message))
    page.handle(protocol.init_message("s1", languages=languages))
    return page, sent, name, out


def test_the_tree_and_updates_reach_the_page_in_its_language():
    page, sent, name, out = _page(["es-MX", "en"])
    tree = sent[-1]
    assert tree["type"] == "tree"
    text = str(tree["config"])
    assert "Tu Nombre" in text and "Hola" in text and "__i18n__" not in text
    assert page.session.languages == ["es-MX", "en"]


def test_a_page_with_no_languages_gets_english_and_bad_languages_are_refused():
    _page_, sent, _, _ = _page([])
    assert "Your Name" in str(sent[-1]["config"])
    page, sent, _, _ = _page(["en"])
    page.handle({**protocol.init_message("s2"), "languages": "es"})
    assert sent[-1]["type"] == "error" and "languages" in sent[-1]["message"]


def test_launch_takes_only_an_i18n():
    with gr.Blocks() as demo:
        pass
    with pytest.raises(TypeError, match="gr.I18n"):
        demo.launch(i18n={"en": {}})


def test_a_returned_key_arrives_translated():
    from wasmblocks.session import Session

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(lambda: I18N("hi"), None, out, api_name="greet")
    demo.launch(i18n=I18N)
    client = gr.Client(demo, Session(languages=["es"]))
    assert client.predict(api_name="/greet") == "Hola"
