"""wasmblocks' pytest plugin: test an app in a real browser, by its labels (docs/testing.md).

    def test_greet(wasmblocks_app):
        app = wasmblocks_app("app.py")          # exported once, served on loopback, ready and idle
        app.textbox("Name").fill("Ada")
        app.button("Greet").click()
        app.textbox("Greeting").expect_value("Hello, Ada!")

pytest loads it through the `pytest11` entry point of the wasmblocks-runtime wheel (`pip install
"wasmblocks[test]"`). It runs on CPython only and is never part of what the browser downloads.
"""

from .app import App, AppStartError
from .controllers import (
    Button,
    Chatbot,
    Checkbox,
    CheckboxGroup,
    Controller,
    Dataframe,
    Dropdown,
    File,
    Number,
    Radio,
    Slider,
    Tab,
    Textbox,
)
from .retry import ExpectationError

__all__ = [
    "App", "AppStartError", "Button", "Chatbot", "Checkbox", "CheckboxGroup", "Controller", "Dataframe",
    "Dropdown", "ExpectationError", "File", "Number", "Radio", "Slider", "Tab", "Textbox",
]
