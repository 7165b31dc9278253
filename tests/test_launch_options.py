"""launch() as in Gradio 6.31 (blocks.py, launch_options.py): what a page can use, and what only a server does."""

import base64
import inspect

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.config import app_config
from wasmblocks.launch_options import LAUNCH_NOTES


def test_launch_takes_gradios_parameters_in_gradios_order():
    params = list(inspect.signature(gr.Blocks.launch).parameters)
    assert params[1:12] == ["inline", "inbrowser", "share", "debug", "max_threads", "auth", "auth_message",
                            "prevent_thread_lock", "show_error", "server_name", "server_port"]
    with gr.Blocks() as demo:
        gr.Textbox()
    # Positional, as Gradio takes them: auth is the sixth.
    demo.launch(None, False, None, False, 40, ("ada", "pw"))
    assert demo.check_auth("ada", "pw") and not demo.check_auth("ada", "no")


def test_every_server_only_parameter_is_accepted_and_documented():
    with gr.Blocks() as demo:
        gr.Textbox()
    given = {name.removeprefix("launch."): None for name in LAUNCH_NOTES}
    given.update(height=300, width="50%", max_threads=4, state_session_capacity=5, ssl_verify=False)
    result = demo.launch(**given)
    assert result[0] is demo and result[2] is None
    documented = {name.removeprefix("launch.") for name in LAUNCH_NOTES}
    assert documented <= set(inspect.signature(gr.Blocks.launch).parameters)
    assert all(note.startswith("no effect: ") for note in LAUNCH_NOTES.values())


def test_css_and_head_files_follow_the_strings_as_gradio_joins_them(tmp_path):
    (tmp_path / "a.css").write_text(".a { color: red; }")
    (tmp_path / "b.css").write_text(".b { color: blue; }")
    (tmp_path / "h.html").write_text("<meta name='from-file'>")
    with gr.Blocks() as demo:
        gr.Textbox()
    demo.launch(css=".first {}", css_paths=[tmp_path / "a.css", str(tmp_path / "b.css")],
                head="<meta name='inline'>", head_paths=tmp_path / "h.html", js="() => 1")
    config = app_config(demo)
    assert config["css"] == ".first {}\n.a { color: red; }\n.b { color: blue; }"
    assert config["head"] == "<meta name='inline'>\n<meta name='from-file'>" and config["js"] == "() => 1"
    demo.launch()  # launched again: the files are not appended a second time
    assert app_config(demo)["css"] == config["css"]


def test_a_css_path_that_cannot_be_read_is_a_clear_error(tmp_path):
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(ValueError, match=r"launch\(css_paths=…\) cannot read .*missing.css"):
        demo.launch(css_paths=tmp_path / "missing.css")


def test_blocks_constructor_settings_still_apply_unless_launch_gives_its_own():
    with pytest.warns(UserWarning, match="theme, css"):
        demo = gr.Blocks(theme="soft", css=".old {}")
    with demo:
        gr.Textbox()
    demo.launch()
    assert (app_config(demo)["css"], app_config(demo)["theme"]) == (".old {}", "soft")
    demo.launch(css=".new {}", theme=gr.themes.Ocean())
    assert (app_config(demo)["css"], app_config(demo)["theme"]) == (".new {}", "ocean")


def test_favicon_goes_to_the_page_as_a_data_url(tmp_path):
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    with gr.Blocks() as demo:
        gr.Textbox()
    demo.launch(favicon_path=icon)
    url = app_config(demo)["favicon"]
    assert url == "data:image/png;base64," + base64.b64encode(icon.read_bytes()).decode()
    assert demo.favicon_path == str(icon)
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ValueError, match="takes an image"):
        demo.launch(favicon_path=tmp_path / "notes.txt")
    with pytest.raises(ValueError, match="cannot read"):
        demo.launch(favicon_path=tmp_path / "gone.ico")


def test_footer_links_are_checked_and_default_to_all_of_gradios():
    with gr.Blocks() as demo:
        gr.Textbox()
    demo.launch()
    assert app_config(demo)["footer_links"] == ["api", "gradio", "settings", "runs"]
    demo.launch(footer_links=["gradio"])
    assert app_config(demo)["footer_links"] == ["gradio"]
    with pytest.raises(ValueError, match="footer_links takes"):
        demo.launch(footer_links=["api", "docs"])


def test_auth_and_auth_dependency_together_are_refused():
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(ValueError, match="auth or auth_dependency"):
        demo.launch(auth=("a", "b"), auth_dependency=lambda request: "a")
    demo.launch(auth=[("a", "b")], auth_message="<b>Staff</b>", max_file_size="1kb")
    config = app_config(demo)
    assert (config["auth_required"], config["auth_message"], config["max_file_size"]) == (True, "<b>Staff</b>", 1024)


def test_show_error_false_keeps_an_exceptions_text_from_the_page_but_not_a_gr_error():
    def broken():
        raise ValueError("secret detail")

    def refused():
        raise gr.Error("Say something")

    with gr.Blocks() as demo:
        crash = gr.Button().click(broken, None, None)
        error = gr.Button().click(refused, None, None)
    demo.launch()  # Gradio's default: show_error=False
    client = Client(demo)
    client.settle(client.fire(crash.id))
    (toast,) = client.of_type("toast")
    assert (toast["title"], toast["message"]) == ("Error", "")
    client.settle(client.fire(error.id))
    assert client.of_type("toast")[-1]["message"] == "Say something"
    demo.launch(show_error=True)
    shown = Client(demo)
    shown.settle(shown.fire(crash.id))
    assert shown.of_type("toast")[0]["message"] == "ValueError: secret detail"


def test_a_blocks_that_was_never_launched_shows_errors():
    with gr.Blocks() as demo:
        crash = gr.Button().click(lambda: 1 / 0, None, None)
    client = Client(demo)
    client.settle(client.fire(crash.id))
    assert "ZeroDivisionError" in client.of_type("toast")[0]["message"]


def test_i18n_must_be_a_gr_i18n():
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(TypeError, match="takes a gr.I18n"):
        demo.launch(i18n={"en": {}})  # type: ignore[arg-type]
