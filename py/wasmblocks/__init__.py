"""wasmblocks: Gradio's Blocks API in the browser. `import wasmblocks as gr` (or `import gradio as gr` in the page)."""

# pyscript_entry sets Blocks.page_launcher: what demo.launch() does on a PyScript page.
from . import mcp, pyscript_entry, themes, validators
from .alerts import Error, Info, Success, Warning
from .api_endpoint import api
from .blocks import VERSION as __version__
from .blocks import Blocks
from .chat_interface import ChatInterface
from .client import Client
from .component import Component
from .components import fallback as _fallback  # gradio.components.Fallback, found as a subclass once imported
from .components.annotated_image import AnnotatedImage
from .components.audio import Audio, WaveformOptions
from .components.browser_state import BrowserState
from .components.button import Button, ClearButton, DeepLinkButton, DuplicateButton
from .components.chatbot import Chatbot, ChatMessage, MessageDict
from .components.checkbox import Checkbox
from .components.checkbox_group import CheckboxGroup
from .components.code import Code
from .components.color_picker import ColorPicker
from .components.dataframe import Dataframe
from .components.dataset import Dataset
from .components.datetime import DateTime
from .components.dialogue import Dialogue
from .components.download_button import DownloadButton
from .components.dropdown import Dropdown
from .components.examples import Examples
from .components.file import File
from .components.file_explorer import FileExplorer
from .components.gallery import Gallery
from .components.highlighted_text import HighlightedText
from .components.html import HTML
from .components.html_attributes import InputHTMLAttributes
from .components.image import Image
from .components.image_editor import ImageEditor, ImageMask, Paint, Sketchpad
from .components.image_options import Brush, Eraser, LayerOptions, WatermarkOptions, WebcamOptions
from .components.image_slider import ImageSlider
from .components.json import JSON
from .components.label import Label
from .components.login_button import LoginButton
from .components.markdown import Markdown
from .components.model3d import Model3D
from .components.multimodal_textbox import MultimodalTextbox
from .components.native_plot import BarPlot, LinePlot, ScatterPlot
from .components.navbar import Navbar
from .components.number import Number
from .components.paramviewer import ParamViewer
from .components.plot import Plot
from .components.radio import Radio
from .components.slider import Slider
from .components.state import State
from .components.textbox import Textbox
from .components.timer import Timer
from .components.upload_button import UploadButton
from .components.video import Video
from .data_classes import FileData
from .event_data import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    KeyUpData,
    LikeData,
    RetryData,
    SelectData,
    UndoData,
)
from .external import load, load_chat
from .flagging import ClassicCSVLogger, CSVLogger, FlaggingCallback, SimpleCSVLogger
from .i18n import I18n
from .interface import Interface, TabbedInterface
from .layouts import form as _form  # gradio.layouts.Form, likewise
from .layouts.accordion import Accordion
from .layouts.column import Column
from .layouts.draggable import Draggable
from .layouts.group import Group
from .layouts.row import Row
from .layouts.sidebar import Sidebar
from .layouts.tabs import Tab, TabItem, Tabs
from .layouts.walkthrough import Step, Walkthrough
from .listeners import on
from .media import get_audio, get_file, get_image, get_model3d, get_video
from .oauth import OAuthProfile, OAuthToken
from .progress import Progress
from .render import render
from .session import Header, Request
from .templates import Files, List, Matrix, Microphone, Numpy, PlayableVideo, TextArea
from .updates import skip, update
from .utils import NO_RELOAD, FileSize, set_static_paths
from .validators import validate

# Gradio's other spellings of the same classes.
DataFrame = Dataframe
Text = Textbox
Json = JSON
Highlight = Highlightedtext = HighlightedText
Checkboxgroup = CheckboxGroup
Annotatedimage = AnnotatedImage
Mic = Microphone
Theme = themes.Base

# gr.cache and gr.component are functions in Gradio; binding them here hides the submodules of the same
# name (wasmblocks/cache.py, component.py) from attribute access only: `from .cache import …` still works.
from .caching import Cache, cache
from .component_lookup import component

__all__ = [
    "BarPlot", "ChatInterface", "ChatMessage", "Chatbot", "Dataframe", "DataFrame", "EditData", "LikeData",
    "DeletedFileData", "LinePlot", "MultimodalTextbox", "Plot", "RetryData", "ScatterPlot", "UndoData",
    "AnnotatedImage", "Audio",
    "DownloadButton", "File", "Gallery", "ImageSlider", "Model3D", "UploadButton", "Video", "render", "Interface",
    "TabbedInterface", "themes", "Sidebar", "JSON", "CheckboxGroup", "Code", "ColorPicker", "CopyData", "Dataset",
    "DateTime", "DeepLinkButton", "Examples", "HighlightedText", "KeyUpData", "Label", "HTML", "Accordion",
    "Blocks", "BrowserState", "Button", "Client", "Checkbox", "ClearButton", "Column", "Dropdown",
    "DuplicateButton", "Error", "EventData", "Group", "Image", "Info", "Markdown", "Number", "Progress", "Radio",
    "Request", "Row", "SelectData", "Slider", "State", "Success", "Tab", "TabItem", "Tabs", "Textbox", "Timer",
    "Warning", "__version__", "on", "skip", "update",
    "Brush", "Eraser", "ImageEditor", "ImageMask", "LayerOptions", "Paint", "Sketchpad", "WatermarkOptions",
    "WaveformOptions", "WebcamOptions",
    "Draggable", "FileExplorer", "ParamViewer",
    "Dialogue", "LoginButton", "Navbar", "OAuthProfile", "OAuthToken", "Step", "Walkthrough",
    "CSVLogger", "ClassicCSVLogger", "FlaggingCallback", "SimpleCSVLogger", "load", "load_chat",
    "Annotatedimage", "Cache", "Checkboxgroup", "Component", "DownloadData", "FileData",
    "FileSize", "Files", "Header", "Highlight", "Highlightedtext", "I18n", "InputHTMLAttributes", "Json", "List",
    "Matrix", "MessageDict", "Mic", "Microphone", "NO_RELOAD", "Numpy", "PlayableVideo", "Text", "TextArea",
    "Theme", "api", "cache", "component", "get_audio", "get_file", "get_image", "get_model3d", "get_video",
    "mcp", "set_static_paths", "validate", "validators",
]
