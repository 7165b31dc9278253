"""gr.Chatbot: a conversation as a list of {"role", "content"} messages, with like/retry/undo/edit events."""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component
from ..files import FILE_MARK, file_data
from .buttons import corner_buttons
from .chat_messages import (  # noqa: F401 - Gradio's names, importable from gradio.components.chatbot
    ChatbotDataMessages,
    ComponentMessage,
    ComponentMessageDict,
    ExampleMessage,
    FileDataDict,
    FileMessage,
    FileMessageDict,
    Message,
    MessageDict,
    MetadataDict,
    NormalizedMessageDict,
    OptionDict,
    TextMessage,
    TextMessageDict,
)

ROLES = ("user", "assistant", "system")
# Avatars travel inside the tree's props (which carry no file bytes), so a local file becomes a data: URL.
MAX_AVATAR_BYTES = 512 * 1024


@dataclass
class ChatMessage:
    """`gr.ChatMessage`: one message; metadata={"title": …} shows it as a collapsible thought / tool call."""

    content: Any
    role: str = "assistant"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)


def _is_file_message(content: Any) -> bool:
    return isinstance(content, dict) and isinstance(content.get("file"), dict)


def _file_content(path: str, alt_text: str | None = None) -> dict[str, Any]:
    if not os.path.exists(path):
        raise Error(f"Chatbot: no file at {path}")
    return {"file": file_data(os.path.abspath(path)), "alt_text": alt_text}


def normalise_content(content: Any) -> Any:
    """Message content as the page shows it: text, or {"file": FileData, "alt_text"}."""
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, (tuple, list)) and content and isinstance(content[0], (str, os.PathLike)):
        return _file_content(os.fspath(content[0]), content[1] if len(content) > 1 else None)
    if isinstance(content, dict):
        if _is_file_message(content):
            return content
        meta = content.get("meta")
        if isinstance(meta, dict) and meta.get("_type") == FILE_MARK:
            return {"file": content, "alt_text": content.get("alt_text")}
        if isinstance(content.get("path"), str):
            return _file_content(content["path"], content.get("alt_text"))
    # A component as content (gr.Image(value=…), gr.File(…)): show its file.
    value = getattr(content, "value", None)
    if isinstance(value, dict) and isinstance(value.get("path"), str):
        return {"file": value, "alt_text": getattr(content, "label", None)}
    if isinstance(value, str) and os.path.exists(value):
        return _file_content(value)
    if isinstance(content, (int, float)):
        return str(content)
    raise Error(f"Chatbot cannot show message content of type {type(content).__name__}")


def normalise_message(message: Any, index: int) -> dict[str, Any]:
    """One message (dict or gr.ChatMessage) in the page's form; bad messages raise a clear error."""
    if isinstance(message, ChatMessage):
        role, content, metadata, options = message.role, message.content, message.metadata, message.options
    elif isinstance(message, dict):
        if "role" not in message or "content" not in message:
            raise Error(f'Chatbot message {index} needs "role" and "content" keys, got {sorted(message)}')
        role, content = message["role"], message["content"]
        metadata, options = message.get("metadata") or {}, message.get("options") or []
    else:
        raise Error(
            f"Chatbot(type='messages') expects dicts with 'role' and 'content' (or gr.ChatMessage); "
            f"message {index} is {type(message).__name__}"
        )
    if role not in ROLES:
        raise Error(f"Chatbot message {index} has role {role!r}; expected one of {', '.join(ROLES)}")
    return {
        "role": role,
        "content": normalise_content(content),
        "metadata": dict(metadata or {}),
        "options": list(options or []),
    }


def _avatar(image: Any) -> str | None:
    """An avatar as a URL the page can load: http(s)/data URLs as they are, local files inlined."""
    if image is None:
        return None
    path = str(os.fspath(image))
    if path.startswith(("http://", "https://", "data:", "blob:")):
        return path
    if not os.path.exists(path):
        raise ValueError(f"avatar image {path!r} does not exist")
    if os.path.getsize(path) > MAX_AVATAR_BYTES:
        raise ValueError(f"avatar image {path!r} is larger than {MAX_AVATAR_BYTES // 1024} KB")
    mime = mimetypes.guess_type(path)[0] or "image/png"
    with open(path, "rb") as handle:
        return f"data:{mime};base64,{base64.b64encode(handle.read()).decode()}"


class Chatbot(Component):
    """Shows a conversation; `type="messages"` (Gradio's default) or the legacy `"tuples"` pairs."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy", "edit")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "buttons": 'differs: "share" (a post to a Hugging Face Spaces discussion) needs a server, so it draws no '
                   'button; the other built-in buttons and gr.Button entries work',
    }
    PROPS = ("type", "height", "max_height", "min_height", "autoscroll", "rtl", "buttons",
             "avatar_images", "sanitize_html", "render_markdown", "line_breaks",
             "layout", "placeholder", "examples", "feedback_options", "feedback_value", "editable",
             "group_consecutive_messages", "resizable", "allow_tags", "latex_delimiters", "watermark",
             "allow_file_downloads", "like_user_message")

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "messages",  # noqa: A002 - Gradio's parameter name
        height: int | str | None = 400,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        autoscroll: bool = True,
        rtl: bool = False,
        avatar_images: tuple[Any, Any] | None = None,
        sanitize_html: bool = True,
        render_markdown: bool = True,
        line_breaks: bool = True,
        layout: str | None = None,
        placeholder: str | None = None,
        examples: list[dict[str, Any]] | None = None,
        feedback_options: list[str] | tuple[str, ...] | None = ("Like", "Dislike"),
        feedback_value: list[str | None] | None = None,
        editable: str | None = None,
        group_consecutive_messages: bool = True,
        resizable: bool = False,
        allow_tags: bool | list[str] = True,
        buttons: list[Any] | None = None,
        latex_delimiters: list[dict[str, Any]] | None = None,
        watermark: str | None = None,
        allow_file_downloads: bool = True,
        reasoning_tags: list[tuple[str, str]] | None = None,
        like_user_message: bool = False,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("messages", "tuples"):
            raise ValueError(f"Chatbot type must be 'messages' or 'tuples', not {type!r}")
        if editable not in (None, "user", "all"):
            raise ValueError(f"Chatbot editable must be None, 'user' or 'all', not {editable!r}")
        self.type = type
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.autoscroll = autoscroll
        self.rtl = rtl
        self.buttons = corner_buttons(buttons, ("share", "copy", "copy_all"), ("share", "copy", "copy_all"),
                                      owner="Chatbot")
        pair = list(avatar_images) if avatar_images else [None, None]
        self.avatar_images = [_avatar(pair[0]), _avatar(pair[1] if len(pair) > 1 else None)]
        self.sanitize_html = sanitize_html
        self.render_markdown = render_markdown
        self.line_breaks = line_breaks
        self.layout = layout or "bubble"
        self.placeholder = placeholder
        self.examples = [dict(e) for e in examples] if examples else None
        self.feedback_options = list(feedback_options) if feedback_options else []
        self.feedback_value = feedback_value
        self.editable = editable
        self.group_consecutive_messages = group_consecutive_messages
        self.resizable = resizable
        self.allow_tags = allow_tags
        # Gradio's default renders only $$…$$ (display math); [] turns LaTeX off.
        self.latex_delimiters = [{"left": "$$", "right": "$$", "display": True}] if latex_delimiters is None \
            else list(latex_delimiters)
        self.watermark = watermark
        self.allow_file_downloads = allow_file_downloads
        self.reasoning_tags = [_tag_pair(t) for t in reasoning_tags] if reasoning_tags else None
        self.like_user_message = like_user_message
        super().__init__(value, min_width=min_width, **kwargs)

    def display_name(self) -> str:
        # postprocess runs inside Component.__init__, before the block has an id.
        return super().display_name() if hasattr(self, "_id") else type(self).__name__

    def get_props(self) -> dict[str, Any]:
        """Like Gradio, retry/undo/like buttons appear only when a listener exists for them."""
        props = super().get_props()
        listened = {name for fn in getattr(self.root, "fns", {}).values() for bid, name in fn.targets if bid == self.id}
        props.update(_retryable="retry" in listened, _undoable="undo" in listened, likeable="like" in listened)
        return props

    # ---- values ----
    def preprocess(self, payload: Any) -> list[Any]:
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise Error(f"{self.display_name()} expects a list of messages, got {type(payload).__name__}")
        messages = []
        for i, message in enumerate(payload):
            if not isinstance(message, dict) or "role" not in message:
                raise Error(f"{self.display_name()}: message {i} is not a {{role, content}} dict")
            messages.append(self._preprocess_message(message))
        return messages_to_tuples(messages) if self.type == "tuples" else messages

    @staticmethod
    def _preprocess_message(message: dict[str, Any]) -> dict[str, Any]:
        content: Any = message.get("content")
        if _is_file_message(content):
            file = content["file"]
            content = {
                "path": file.get("path"),
                "alt_text": content.get("alt_text"),
                "mime_type": file.get("mime_type"),
            }
        out = {"role": message["role"], "content": content}
        if message.get("metadata"):
            out["metadata"] = message["metadata"]
        if message.get("options"):
            out["options"] = message["options"]
        return out

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise Error(f"{self.display_name()} expects a list of messages, got {type(value).__name__}")
        if self.type == "tuples":
            value = tuples_to_messages(value)
        messages = [normalise_message(m, i) for i, m in enumerate(value)]
        if self.reasoning_tags:
            messages = [part for m in messages for part in split_reasoning(m, self.reasoning_tags)]
        return messages

    def empty_value(self) -> list[Any]:
        return []

    def api_example(self) -> list[dict[str, str]]:
        return [{"role": "user", "content": "Hello!"}, {"role": "assistant", "content": "Hi!"}]


def _tag_pair(tags: Any) -> tuple[str, str]:
    if not isinstance(tags, (list, tuple)) or len(tags) != 2 or not all(isinstance(t, str) and t for t in tags):
        raise ValueError(f"Chatbot reasoning_tags are (open, close) string pairs, not {tags!r}")
    return tags[0], tags[1]


def split_reasoning(message: dict[str, Any], tags: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """reasoning_tags: a text message cut at its tagged spans, in order; each span becomes a collapsible
    "Reasoning" message (status "pending" while its closing tag has not arrived, as in a stream).

    Same behaviour as Gradio's Chatbot._extract_thinking_blocks; whitespace around each part is trimmed.
    """
    text = message.get("content")
    if not isinstance(text, str):
        return [message]
    alternatives = "|".join(f"{re.escape(o)}(.*?)(?:{re.escape(c)}|$)" for o, c in tags)
    parts: list[dict[str, Any]] = []

    def prose(chunk: str) -> None:
        if chunk.strip():
            parts.append({**message, "content": chunk.strip()})

    end = 0
    for match in re.finditer(alternatives, text, re.DOTALL):
        prose(text[end:match.start()])
        inner = next((g for g in match.groups() if g is not None), "").strip()
        if inner:
            closed = any(match.group(0).endswith(close) for _, close in tags)
            parts.append({"role": message["role"], "content": inner,
                          "metadata": {"title": "Reasoning", "status": "done" if closed else "pending"}})
        end = match.end()
    prose(text[end:])
    return parts


def tuples_to_messages(pairs: Any) -> list[dict[str, Any]]:
    """Legacy [[user, bot], …] pairs as messages (None halves are left out)."""
    messages = []
    for i, pair in enumerate(pairs):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise Error(f"Chatbot(type='tuples') expects [user, bot] pairs; item {i} is {pair!r}")
        for role, content in zip(("user", "assistant"), pair):
            if content is not None:
                messages.append({"role": role, "content": content})
    return messages


def messages_to_tuples(messages: list[dict[str, Any]]) -> list[list[Any]]:
    """Messages as legacy [user, bot] pairs: each user message opens a pair."""
    pairs: list[list[Any]] = []
    for message in messages:
        content = message["content"]
        if isinstance(content, dict) and "path" in content:
            content = (content["path"], content.get("alt_text"))
        if message["role"] == "user" or not pairs or pairs[-1][1] is not None:
            pairs.append([content, None] if message["role"] == "user" else [None, content])
        else:
            pairs[-1][1] = content
    return pairs
