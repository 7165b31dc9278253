"""Tests of app.py (docs/testing.md): in Chromium with the wasmblocks_app fixture, and its logic with Client."""

from pathlib import Path

import wasmblocks

APP = Path(__file__).with_name("app.py")


def test_greets_by_name(wasmblocks_app):
    app = wasmblocks_app("app.py")
    app.textbox("Name").fill("Ada")
    app.slider("Enthusiasm").set(3)
    app.button("Greet").click()
    app.textbox("Greeting").expect_value("Hello, Ada!!!")


def test_an_empty_name_shows_an_error(wasmblocks_app):
    app = wasmblocks_app("app.py")
    app.button("Greet").click()
    app.expect_toast("error", "Please enter a name")


def test_the_name_is_spelled_out(wasmblocks_app):
    app = wasmblocks_app("app.py")
    app.textbox("Name").fill("Ada")
    app.button("Spell").click()
    app.wait_idle()  # the generator has finished and its last value is drawn
    assert app.textbox("Spelled").value == "Ada"


def test_greet_logic_without_a_browser():
    client = wasmblocks.Client(APP)
    assert client.predict("Ada", 2, api_name="/greet") == "Hello, Ada!!"
    assert list(client.submit("Bo", api_name="/spell")) == ["B", "Bo"]
