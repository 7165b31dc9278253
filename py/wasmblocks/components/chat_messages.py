"""The shapes of Chatbot messages, for annotations: `from gradio.components.chatbot import MessageDict, Message`.

Gradio defines these next to its Chatbot (TypedDicts for what apps write, models for what the page gets);
they are re-exported by components/chatbot.py under the same names. Values stay plain dicts and lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, TypedDict

from ..protocol import FileData as FileDataDict

Role = Literal["user", "assistant", "system"]


class MetadataDict(TypedDict):
    """A message's metadata: a title shows it as a collapsible thought; id/parent_id nest thoughts."""

    title: NotRequired[str]
    id: NotRequired[int | str]
    parent_id: NotRequired[int | str]
    log: NotRequired[str]
    duration: NotRequired[float]
    status: NotRequired[Literal["pending", "done"]]


class OptionDict(TypedDict):
    """A choice shown under a message: the value sent back, and its label when it differs."""

    value: str
    label: NotRequired[str]


class TextMessageDict(TypedDict):
    text: str
    type: Literal["text"]


class FileMessageDict(TypedDict):
    file: FileDataDict
    alt_text: NotRequired[str | None]
    type: Literal["file"]


class ComponentMessageDict(TypedDict):
    component: str
    value: Any
    constructor_args: dict[str, Any]
    props: dict[str, Any]
    type: Literal["component"]


class MessageDict(TypedDict):
    """One message as apps write it: {"role": "user", "content": "Hello"}."""

    content: Any
    role: Role
    metadata: NotRequired[MetadataDict]
    options: NotRequired[list[OptionDict]]


class NormalizedMessageDict(TypedDict):
    """One message as the page gets it: content is always a list of typed parts."""

    content: list[TextMessageDict | FileMessageDict | ComponentMessageDict]
    role: Role
    metadata: NotRequired[MetadataDict]
    options: NotRequired[list[OptionDict]]


class ExampleMessage(TypedDict):
    """A chat example: what its box shows (icon, display_text) and what clicking it sends (text, files)."""

    icon: NotRequired[str | FileDataDict]
    display_text: NotRequired[str]
    text: NotRequired[str]
    files: NotRequired[Sequence[str | FileDataDict]]


@dataclass
class TextMessage:
    text: str
    type: Literal["text"] = "text"


@dataclass
class FileMessage:
    file: FileDataDict
    alt_text: str | None = None
    type: Literal["file"] = "file"


@dataclass
class ComponentMessage:
    component: str
    value: Any
    constructor_args: dict[str, Any]
    props: dict[str, Any]
    type: Literal["component"] = "component"


@dataclass
class Message:
    """A normalised message: role, typed content parts, metadata and options."""

    role: str
    content: list[TextMessage | FileMessage | ComponentMessage] = field(default_factory=list)
    metadata: MetadataDict | None = None
    options: list[OptionDict] | None = None


@dataclass
class ChatbotDataMessages:
    """A Chatbot's whole value as the page gets it (Gradio's root model over the message list)."""

    root: list[Message] = field(default_factory=list)
