"""wasmblocks: Gradio's Blocks API in the browser. `import wasmblocks as gr` (or `import gradio as gr` in the page)."""

from .alerts import Error, Info, Success, Warning
from .blocks import VERSION as __version__
from .blocks import Blocks
from .client import Client
from .components.browser_state import BrowserState
from .components.button import Button, ClearButton, DuplicateButton
from .components.checkbox import Checkbox
from .components.dropdown import Dropdown
from .components.image import Image
from .components.markdown import HTML, Markdown
from .components.number import Number
from .components.radio import Radio
from .components.slider import Slider
from .components.state import State
from .components.textbox import Textbox
from .components.timer import Timer
from .events import EventData, SelectData, on
from .layouts.accordion import Accordion
from .layouts.column import Column, Group
from .layouts.row import Row
from .layouts.tabs import Tab, TabItem, Tabs
from .progress import Progress
from .session import Request
from .updates import skip, update

__all__ = [
    "HTML", "Accordion", "Blocks", "BrowserState", "Button", "Client", "Checkbox", "ClearButton", "Column", "Dropdown", "DuplicateButton",
    "Error", "EventData", "Group", "Image", "Info", "Markdown", "Number", "Progress", "Radio", "Request", "Row",
    "SelectData", "Slider", "State", "Success", "Tab", "TabItem", "Tabs", "Textbox", "Timer", "Warning", "__version__",
    "on", "skip", "update",
]
