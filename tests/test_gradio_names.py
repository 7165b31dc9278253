"""Gradio's other names for our classes, its submodules' names, and the small helpers of gr.*."""

import os

import pytest

import wasmblocks as gr
from wasmblocks import protocol
from wasmblocks.session import Session
from wasmblocks_build.conformance import gradio_alias


def test_aliases_are_the_same_classes():
    assert gr.Text is gr.Textbox and gr.Json is gr.JSON and gr.Highlight is gr.Highlightedtext is gr.HighlightedText
    assert gr.Checkboxgroup is gr.CheckboxGroup and gr.Annotatedimage is gr.AnnotatedImage and gr.Mic is gr.Microphone
    assert gr.Theme is gr.themes.Base


def test_templates_are_drawn_as_their_base_with_gradios_presets():
    with gr.Blocks():
        area, files, mic, video = gr.TextArea(), gr.Files(), gr.Microphone(), gr.PlayableVideo()
        matrix, listing = gr.Matrix(), gr.List()
    assert [c.get_block_name() for c in (area, files, mic, video, matrix)] == ["textbox", "file", "audio", "video",
                                                                               "dataframe"]
    assert (area.lines, area.max_lines, files.file_count, mic.sources, video.format) == (7, 20, "multiple",
                                                                                        ["microphone"], "mp4")
    assert matrix.type == "array" and listing.col_count == (1, "dynamic")
    assert gr.Microphone(sources=["upload", "microphone"]).sources == ["upload", "microphone"]


def test_submodules_apps_import():
    with gradio_alias():
        from gradio.components import Component, Dropdown, Markdown, Text
        from gradio.components.chatbot import Message, MessageDict
        from gradio.data_classes import FileData
        from gradio.events import DeletedFileData, DownloadData, SelectData, api
        from gradio.layouts import Column, Row
        from gradio.themes.utils import colors, fonts, sizes
        from gradio.utils import get_space

        assert Markdown is gr.Markdown and Dropdown is gr.Dropdown and Text is gr.Textbox and Component is gr.Component
        assert Row is gr.Row and Column is gr.Column and FileData is gr.FileData and api is gr.api
        assert DownloadData is gr.DownloadData and DeletedFileData is gr.DeletedFileData and SelectData is gr.SelectData
        assert colors.emerald.c500 and sizes.radius_md.name == "radius_md" and fonts.GoogleFont("Quicksand")
        assert Message(role="user").content == [] and MessageDict(role="user", content="hi")["content"] == "hi"
        assert get_space() is None
        with pytest.raises(ImportError):
            from gradio.components import NoSuchThing  # noqa: F401


def test_component_makes_one_by_name():
    with gr.Blocks():
        box = gr.component("textbox", render=False)
        video = gr.components.get_component_instance({"name": "playable_video", "label": "v"})
    assert type(box) is gr.Textbox and not box.is_rendered
    assert type(video) is gr.PlayableVideo and video.label == "v"
    with pytest.raises(ValueError, match="No such component"):
        gr.component("nope", render=False)


def test_file_data_is_returned_like_a_path(tmp_path):
    path = tmp_path / "report.csv"
    path.write_text("a,b\n")
    with gr.Blocks() as demo:
        out = gr.File()
        gr.Button().click(lambda: gr.FileData(path=str(path), orig_name="r.csv"), None, out, api_name="f")
    value = demo(api_name="/f")
    assert value["path"] == str(path) and value["orig_name"] == "r.csv"
    assert gr.FileData(path="x").model_dump()["meta"] == {"_type": "gradio.FileData"}


def test_download_and_delete_data_carry_the_file():
    data = gr.DownloadData(None, {"index": 0, "value": {"path": "/tmp/a.txt", "orig_name": "a.txt"}})
    assert data.file.path == "/tmp/a.txt" and data.file.orig_name == "a.txt"
    assert gr.DeletedFileData(None, {"file": {"path": "/b"}}).file.path == "/b"


def test_a_header_parameter_gets_the_header_the_page_tells(tmp_path):
    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(lambda accept_language, x_api_token: f"{accept_language}|{x_api_token}", None, out,
                          api_name="h")
    fn = next(iter(demo.fns.values()))
    fn.fn.__annotations__ = {"accept_language": gr.Header, "x_api_token": gr.Header}
    client = gr.Client(demo, Session(languages=["fr-FR", "en"]))
    assert client.predict(api_name="/h") == "fr-FR,en|None"


def test_small_helpers():
    assert gr.NO_RELOAD is True  # every run starts the app afresh, so its NO_RELOAD block must run
    assert gr.FileSize.MB == 1024 * gr.FileSize.KB == 1024 ** 2
    before = len(gr.utils.STATIC_PATHS)
    gr.set_static_paths(["assets", os.getcwd()])
    assert len(gr.utils.STATIC_PATHS) == before + 2
    with pytest.raises(TypeError, match="path or a list"):
        gr.set_static_paths(3)
    assert gr.validate(False, "too short") == {"__type__": "validate", "is_valid": False, "message": "too short"}


def test_validators_measure_lengths():
    assert gr.validators.is_audio_correct_length((8000, [0] * 8000), 2, None)["message"].startswith("Audio is too short")
    assert gr.validators.is_audio_correct_length(gr.get_audio("cantina.wav"), None, 5)["is_valid"]
    assert gr.validators.is_video_correct_length(gr.get_video("world.mp4"), None, 2)["message"].startswith(
        "Video is too long")
    assert gr.validators.is_video_correct_length(gr.get_video("b.mp4"), 1, 3)["is_valid"]


def test_launch_returns_gradios_triple():
    with gr.Blocks() as demo:
        pass
    app, local_url, share_url = demo.launch()
    assert app is demo and share_url is None and repr(demo.launch()) == ""
    assert protocol.init_message("s", languages=["en"])["languages"] == ["en"]


def test_a_failed_validation_stops_the_event_and_marks_the_input():
    runs = []

    def check(name, age):
        return [gr.validate(bool(name.strip()), "Enter a name"), gr.validate(age >= 18, "Must be 18 or older")]

    with gr.Blocks() as demo:
        name, age, out = gr.Textbox(), gr.Number(), gr.Textbox()
        gr.Button().click(lambda n, a: runs.append(n) or f"ok {n}", [name, age], out, validator=check, api_name="go")
    client = gr.Client(demo)
    with pytest.raises(RuntimeError, match="Must be 18 or older"):
        client.predict("Ada", 12, api_name="/go")
    marks = [u for m in client.of_type("update") for u in m["updates"]]
    assert marks == [{"id": name.id, "props": {"validation_error": None}},
                     {"id": age.id, "props": {"validation_error": "Must be 18 or older"}}] and runs == []
    assert client.predict("Ada", 30, api_name="/go") == "ok Ada" and runs == ["Ada"]


def test_a_custom_component_declares_events_gradios_way():
    from wasmblocks.events import EventListener, Events

    class Stars(gr.Component):
        EVENTS = [Events.change, Events.submit, EventListener("rated", doc="a star was picked")]

    assert Events.change == "change" and Events.change.event_name == "change"
    with gr.Blocks() as demo:
        box = Stars()
        out = gr.Textbox()
        box.rated(lambda v: v, box, out)
    fn = next(iter(demo.fns.values()))
    assert fn.targets == [(box.id, "rated")] and callable(box.submit)


def test_gradio_models_are_declared_by_annotations():
    from wasmblocks.data_classes import GradioModel, GradioRootModel

    class Point(GradioModel):
        x: int
        y: int = 0

    class Points(GradioRootModel):
        root: list = None  # type: ignore[assignment]

    assert Point(x=1).model_dump() == {"x": 1, "y": 0} and Point.model_validate({"x": 2, "y": 3}).y == 3
    assert Points.model_validate([1, 2]).model_dump() == [1, 2]
    with pytest.raises(TypeError):
        Point.model_validate(5)


def test_clear_starts_the_layout_again():
    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.change(lambda x: x, box, box)
    with demo.clear():
        gr.Markdown("new")
    assert [type(c) for c in demo.children] == [gr.Markdown] and not demo.fns


def test_a_state_input_that_fails_validation_stops_the_event_with_no_view_update():
    with gr.Blocks() as demo:
        count, out = gr.State(0), gr.Textbox()
        gr.Button().click(lambda c: "ran", count, out, validator=lambda c: gr.validate(c > 0, "Count first"),
                          api_name="go")
    client = gr.Client(demo)
    with pytest.raises(RuntimeError, match="Count first"):
        client.predict(api_name="/go")  # a gr.State input is not an argument: the session holds it
    assert client.of_type("update") == []
