"""`wasmblocks.testing`: the testing kit's public names (docs/testing.md) — App, the controllers, the errors.

CPython only, with wasmblocks-runtime installed (it holds wasmblocks_testing and the pytest plugin, which
pytest loads by its pytest11 entry point). Nothing in the package imports this module, so the browser,
which has no wasmblocks_testing, never does.
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
