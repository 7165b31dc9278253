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
from .buttons import corner_buttons
from .chat_content import content_parts, part_text, received_part
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


def normalise_message(message: Any, index: int) -> dict[str, Any] | None:
    """One message (dict or gr.ChatMessage) as the page gets it, Gradio 6's form: role, metadata, content as a
    list of typed parts, options. None when it has nothing to show (Gradio drops those); bad ones raise."""
    if isinstance(message, ChatMessage):
        role, content = message.role, message.content
        metadata: Any = message.metadata
        options: Any = message.options
    elif isinstance(message, dict):
        if "role" not in message or "content" not in message:
            raise Error(f'Chatbot message {index} needs "role" and "content" keys, got {sorted(message)}')
        role, content = message["role"], message["content"]
        # A dict message without metadata/options keeps None there, as Gradio's Message model does.
        metadata, options = message.get("metadata"), message.get("options")
    else:
        raise Error(
            f"Chatbot(type='messages') expects dicts with 'role' and 'content' (or gr.ChatMessage); "
            f"message {index} is {type(message).__name__}"
        )
    if role not in ROLES:
        raise Error(f"Chatbot message {index} has role {role!r}; expected one of {', '.join(ROLES)}")
    parts = content_parts(content)
    if not parts:
        return None
    return {
        "role": role,
        "metadata": dict(metadata) if metadata is not None else None,
        "content": parts,
        "options": list(options) if options is not None else None,
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
        """The page's messages as Gradio 6 gives them to a function: {"role", "metadata", "content": [parts],
        "options"}, a file part carrying every FileData key."""
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise Error(f"{self.display_name()} expects a list of messages, got {type(payload).__name__}")
        messages = []
        for i, message in enumerate(payload):
            if not isinstance(message, dict) or "role" not in message:
                raise Error(f"{self.display_name()}: message {i} is not a {{role, content}} dict")
            messages.append({
                "role": message["role"],
                "metadata": message.get("metadata"),
                "content": [received_part(p) for p in content_parts(message.get("content"))],
                "options": message.get("options"),
            })
        return messages_to_tuples(messages) if self.type == "tuples" else messages

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise Error(f"{self.display_name()} expects a list of messages, got {type(value).__name__}")
        if self.type == "tuples":
            value = tuples_to_messages(value)
        messages = [m for m in (normalise_message(m, i) for i, m in enumerate(value)) if m is not None]
        if self.reasoning_tags:
            messages = [part for m in messages for part in split_reasoning(m, self.reasoning_tags)]
        return messages

    def empty_value(self) -> list[Any]:
        return []

    def api_example(self) -> list[dict[str, Any]]:
        return [{"role": "user", "metadata": None, "content": [{"text": "Hello!", "type": "text"}], "options": None},
                {"role": "assistant", "metadata": None, "content": [{"text": "How can I help you?", "type": "text"}],
                 "options": None}]


def _tag_pair(tags: Any) -> tuple[str, str]:
    if not isinstance(tags, (list, tuple)) or len(tags) != 2 or not all(isinstance(t, str) and t for t in tags):
        raise ValueError(f"Chatbot reasoning_tags are (open, close) string pairs, not {tags!r}")
    return tags[0], tags[1]


def split_reasoning(message: dict[str, Any], tags: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """reasoning_tags: each text part cut at its tagged spans, in order; each span becomes a collapsible
    "Reasoning" message (status "pending" while its closing tag has not arrived, as in a stream), and the
    message's other parts follow in one message.

    Same behaviour as Gradio's Chatbot._extract_thinking_blocks; whitespace around each part is trimmed.
    """
    alternatives = "|".join(f"{re.escape(o)}(.*?)(?:{re.escape(c)}|$)" for o, c in tags)
    out: list[dict[str, Any]] = []

    def add(text: str, thinking: str | None = None) -> None:
        if not text.strip():
            return
        part = [{"text": text.strip(), "type": "text"}]
        if thinking is None:
            out.append({**message, "content": part})
        else:
            out.append({"role": message["role"], "metadata": {"title": "Reasoning", "status": thinking},
                        "content": part, "options": None})

    for item in message["content"]:
        text = part_text(item)
        if text is None:
            continue
        end = 0
        for match in re.finditer(alternatives, text, re.DOTALL):
            add(text[end:match.start()])
            inner = next((g for g in match.groups() if g is not None), "")
            closed = any(match.group(0).endswith(close) for _, close in tags)
            add(inner, "done" if closed else "pending")
            end = match.end()
        add(text[end:])
    others = [p for p in message["content"] if p.get("type") != "text"]
    if others:
        out.append({**message, "content": others})
    return out


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
    """Messages as legacy [user, bot] pairs: each user message opens a pair; a file is (path, alt_text)."""
    pairs: list[list[Any]] = []
    for message in messages:
        parts = message["content"]
        first = parts[0] if parts else {}
        content: Any = ((first["file"]["path"], first.get("alt_text")) if first.get("type") == "file"
                        else "\n".join(t for t in map(part_text, parts) if t is not None))
        if message["role"] == "user" or not pairs or pairs[-1][1] is not None:
            pairs.append([content, None] if message["role"] == "user" else [None, content])
        else:
            pairs[-1][1] = content
    return pairs
