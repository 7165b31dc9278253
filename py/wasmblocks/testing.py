"""`wasmblocks.testing`: the testing kit's public names (docs/testing.md) — App, the controllers, the errors.

CPython only: the wasmblocks-runtime wheel ships this module beside wasmblocks_testing and the pytest plugin
(which pytest loads by its pytest11 entry point); the browser's wheel leaves it out (wheel.CPYTHON_ONLY).
"""

from wasmblocks_testing import (
    App,
    AppStartError,
    Button,
    Chatbot,
    Checkbox,
    CheckboxGroup,
    Controller,
    Dataframe,
    Dropdown,
    ExpectationError,
    File,
    Number,
    Radio,
    Slider,
    Tab,
    Textbox,
)

__all__ = [
    "App", "AppStartError", "Button", "Chatbot", "Checkbox", "CheckboxGroup", "Controller", "Dataframe",
    "Dropdown", "ExpectationError", "File", "Number", "Radio", "Slider", "Tab", "Textbox",
]
