"""Running an app file: finding its Blocks, the gradio alias, and boot errors that name file and line."""

import sys
import textwrap

import pytest

from wasmblocks.aliases import install_gradio_alias
from wasmblocks.blocks import Blocks
from wasmblocks.loader import AppLoadError, load_app


@pytest.fixture
def app_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    install_gradio_alias()
    yield tmp_path
    for name in [m for m in sys.modules if m == "gradio" or m.startswith("gradio.")]:
        del sys.modules[name]


def write(directory, name, text):
    (directory / name).write_text(textwrap.dedent(text))


def test_gradio_import_resolves_to_wasmblocks_and_helpers_import(app_dir):
    write(app_dir, "helpers.py", "GREETING = 'hi'\n")
    write(app_dir, "main_app.py", """
        import gradio as gr
        from gradio.components.textbox import Textbox
        import helpers
        with gr.Blocks(title=helpers.GREETING) as ui:
            Textbox()
        ui.launch()
    """)
    app = load_app("main_app.py", str(app_dir))
    assert isinstance(app, Blocks) and app.title == "hi" and app.launched
    import wasmblocks
    assert sys.modules["gradio"] is wasmblocks


def test_demo_name_or_last_blocks_is_found_without_launch(app_dir):
    write(app_dir, "app.py", """
        import gradio as gr
        with gr.Blocks(title="first") as one:
            pass
        with gr.Blocks(title="second") as two:
            pass
    """)
    assert load_app("app.py", str(app_dir)).title == "second"


def test_exception_names_file_and_line(app_dir):
    write(app_dir, "app.py", "import gradio as gr\n\nx = 1\nraise ValueError('broken app')\n")
    with pytest.raises(AppLoadError) as info:
        load_app("app.py", str(app_dir))
    assert (info.value.file, info.value.line) == ("app.py", 4)
    assert "ValueError: broken app" in info.value.message and "Traceback" in info.value.traceback


def test_syntax_error_names_file_and_line(app_dir):
    write(app_dir, "app.py", "import gradio as gr\nwith gr.Blocks() as demo\n    pass\n")
    with pytest.raises(AppLoadError) as info:
        load_app("app.py", str(app_dir))
    assert (info.value.file, info.value.line) == ("app.py", 2)


def test_file_without_app_is_an_error(app_dir):
    write(app_dir, "app.py", "x = 1\n")
    with pytest.raises(AppLoadError, match="defines no gr.Blocks"):
        load_app("app.py", str(app_dir))
