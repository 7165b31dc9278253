"""gr.LoginButton (components/login_button.py), gr.OAuthProfile/OAuthToken (oauth.py) and launch(auth=…)."""

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.components.login_button import HF_LOGO
from wasmblocks.config import app_config


def test_login_button_defaults_are_gradios():
    b = gr.LoginButton(render=False)
    props = b.get_props()
    assert (b.value, b.logout_value) == ("Sign in with Hugging Face", "Logout ({})")
    assert (b.variant, b.size) == ("huggingface", "lg")
    assert b.get_block_name() == "loginbutton" and b.EVENTS == ("click", "change")
    # The default logo is a package file (as Gradio's default), drawn by the page rather than sent.
    assert HF_LOGO.endswith("icons/huggingface-logo.svg") and props["hf_logo"] is True and props["icon"] is None
    custom = gr.LoginButton("Log in", icon="https://example.com/i.png", render=False)
    assert custom.get_props()["icon"] == "https://example.com/i.png" and custom.hf_logo is False


def test_oauth_parameters_get_none_and_required_ones_fail():
    def optional(profile: gr.OAuthProfile | None, token: gr.OAuthToken | None):
        return f"{profile} {token}"

    def required(profile: gr.OAuthProfile):
        return profile.name

    with gr.Blocks() as demo:
        out = gr.Textbox()
        a = demo.load(optional, None, out)
        b = demo.load(required, None, out)
    h = Client(demo)
    assert h.run(a.id) == ["None None"]
    status = h.settle(h.fire(b.id))
    assert status["stage"] == "error"
    assert status["message"] == "This action requires a logged in user. Please sign in and retry."


def test_auth_accepts_gradios_forms():
    with gr.Blocks() as demo:
        gr.Textbox()
    assert app_config(demo)["auth_required"] is False
    demo.launch(auth=("admin", "pw"), auth_message="Hi")
    config = app_config(demo)
    assert config["auth_required"] is True and config["auth_message"] == "Hi"
    assert demo.check_auth("admin", "pw") and not demo.check_auth("admin", "x") and not demo.check_auth("x", "pw")
    demo.launch(auth=[("a", "1"), ("b", "2")])
    assert demo.check_auth("b", "2") and not demo.check_auth("a", "2")
    demo.launch(auth=lambda user, password: user == password)
    assert demo.check_auth("z", "z")
    with pytest.raises(ValueError, match="pair, a list of them, or a function"):
        demo.launch(auth="admin:pw")


def test_events_wait_for_a_login():
    def name(request: gr.Request):
        return request.username

    with gr.Blocks() as demo:
        out = gr.Textbox()
        who = demo.load(name, None, out)
    demo.launch(auth=("admin", "pw"))
    h = Client(demo)
    refused = h.settle(h.fire(who.id))
    assert refused["type"] == "error" and "Log in first" in refused["message"]
    h.send({"type": "login", "call_id": "l1", "username": "admin", "password": "nope"})
    h.send({"type": "login", "call_id": "l2", "username": "admin", "password": "pw"})
    replies = h.wait_until(lambda: len(h.of_type("server_result")) == 2 and h.of_type("server_result"))
    assert {r["call_id"]: r["value"] for r in replies} == {"l1": False, "l2": True}
    assert h.run(who.id) == ["admin"]  # gr.Request.username: who logged in
