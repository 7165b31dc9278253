"""gr.load and gr.load_chat: apps whose work is done by another server, called from the browser.

gr.load("http(s)://…" or "spaces/owner/name") reads a Gradio app's config over HTTP and builds an
Interface whose function calls that app's REST API (POST …/call/<api_name>, then its event stream).
The browser makes these requests itself, so the other app must allow cross-origin requests (CORS);
when it cannot be reached the error says which URL and why. gr.load("models/…") runs a model on
Hugging Face's inference servers through their Python client and a secret token: that needs a server,
and the error says so.

gr.load_chat(base_url, model) is a ChatInterface streaming from an OpenAI-compatible
/chat/completions endpoint (server-sent events), again with the browser's fetch.
"""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import AsyncIterator, Callable
from typing import Any

from . import runtime
from .alerts import Error
from .chat_interface import ChatInterface
from .component import Component
from .components.chatbot import Chatbot
from .components.multimodal_textbox import MultimodalTextbox
from .interface import Interface, component_classes

TEXT_FILE_EXTENSIONS = (
    ".doc", ".docx", ".rtf", ".epub", ".odt", ".odp", ".pptx", ".txt", ".md", ".py", ".ipynb", ".js", ".jsx",
    ".html", ".css", ".java", ".cs", ".php", ".c", ".cc", ".cpp", ".cxx", ".cts", ".h", ".hh", ".hpp", ".rs",
    ".R", ".Rmd", ".swift", ".go", ".rb", ".kt", ".kts", ".ts", ".tsx", ".m", ".mm", ".mts", ".scala", ".dart",
    ".lua", ".pl", ".pm", ".t", ".sh", ".bash", ".zsh", ".bat", ".coffee", ".csv", ".log", ".ini", ".cfg",
    ".config", ".json", ".proto", ".yaml", ".yml", ".toml", ".sql",
)
IMAGE_FILE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_HF_API = "https://huggingface.co/api/spaces"


# ---- gr.load ----
def load(name: str, src: Any = None, token: str | None = None, accept_token: Any = False, provider: Any = None,
         **kwargs: Any) -> Interface:
    """A Gradio app elsewhere, as an Interface here: `gr.load("spaces/owner/name")` or a URL."""
    if callable(src):
        return src(name, token, **kwargs)  # type: ignore[no-any-return]
    kind, target = _resolve(name, src)
    if kind in ("models", "huggingface"):
        raise ValueError(
            f"gr.load({name!r}) cannot run in a browser: a Hugging Face model is run by Hugging Face's inference "
            "servers through their Python client and a secret access token, which needs a server (a token in a "
            "page is visible to every visitor). Call a model's HTTP API from your own function instead, or load "
            "a Gradio app that serves it (gr.load('spaces/…') or its URL)."
        )
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    root = _space_host(target, headers) if kind == "spaces" else target.rstrip("/")
    config = _remote_config(name, root, headers)
    return _interface_from(config, root, headers, name, **kwargs)


load.BROWSER_NOTES = {  # type: ignore[attr-defined]
    "provider": "no effect: it picks Hugging Face's inference provider for models, which need a server",
    "accept_token": "differs: no sign-in button, since models (what it is for) cannot load in a browser; "
                    "a Space or app URL gets token= as its Authorization header",
    "src": "differs: 'models'/'huggingface' raise a clear error (they need a server); 'spaces' and app URLs "
           "are read and called from the browser, so the app must allow cross-origin requests",
}


def _resolve(name: str, src: Any) -> tuple[str, str]:
    """("models" | "spaces" | "url", what to load) from Gradio's forms of name and src."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"gr.load needs a name such as 'spaces/owner/app' or an app's URL, not {name!r}")
    name = name.strip()
    if name.startswith(("http://", "https://")):
        return "url", name
    if src in ("models", "spaces", "huggingface"):
        return src, name
    if src is not None:
        raise ValueError(f"gr.load src must be 'models', 'spaces', 'huggingface' or a function, not {src!r}")
    kind, _, rest = name.partition("/")
    if kind in ("models", "spaces", "huggingface") and rest:
        return kind, rest
    raise ValueError(f"gr.load({name!r}): say what to load, e.g. 'spaces/{name}', 'models/{name}' or an app's URL")


def _get(what: str, url: str, headers: dict[str, str]) -> Any:
    try:
        return json.loads(runtime.http_get_sync(url, headers))
    except runtime.HttpError as exc:
        reason = exc.detail if exc.status == 0 else f"HTTP {exc.status} {exc.detail}".rstrip()
        raise ConnectionError(
            f"gr.load({what!r}) could not read {url} from the browser: {reason}. The page calls that app "
            "directly, so it must be online and allow cross-origin requests (CORS)."
        ) from None
    except ValueError:
        raise ConnectionError(f"gr.load({what!r}): {url} did not answer with JSON; is it a Gradio app?") from None


def _space_host(space: str, headers: dict[str, str]) -> str:
    """Where a Space's app is served (Hugging Face's API answers with its *.hf.space host)."""
    answer = _get(f"spaces/{space}", f"{_HF_API}/{space}/host", headers)
    host = answer.get("host") if isinstance(answer, dict) else None
    if not isinstance(host, str) or not host.startswith("http"):
        raise ConnectionError(f"gr.load('spaces/{space}'): Hugging Face did not say where the Space runs")
    return host.rstrip("/")


def _remote_config(what: str, root: str, headers: dict[str, str]) -> dict[str, Any]:
    config = _get(what, f"{root}/config", headers)
    if not isinstance(config, dict) or "components" not in config or "dependencies" not in config:
        raise ConnectionError(f"gr.load({what!r}): {root}/config is not a Gradio app's config")
    return config


def _component(spec: dict[str, Any]) -> Component:
    """A local component like the remote one: its type, with the props its constructor takes."""
    classes = component_classes()
    kind = str(spec.get("type", "")).lower()
    if kind not in classes:
        raise ValueError(f"gr.load: the app uses a {spec.get('type')!r} component, which wasmblocks does not have")
    cls = classes[kind]
    # Parameters taken by name anywhere up the class chain (subclasses pass the rest on in **kwargs).
    accepted = {name for klass in cls.__mro__ if "__init__" in vars(klass)
                for name in inspect.signature(vars(klass)["__init__"]).parameters}
    props = {k: v for k, v in (spec.get("props") or {}).items()
             if k in accepted and k not in ("render", "elem_id", "key") and not k.startswith("_")}
    try:
        return cls(render=False, **props)
    except (TypeError, ValueError):  # a prop in a form this version takes differently: keep the label only
        label = props.get("label")
        return cls(render=False, label=label if isinstance(label, str) else None)


def _interface_from(config: dict[str, Any], root: str, headers: dict[str, str], what: str,
                    **kwargs: Any) -> Interface:
    by_id = {c["id"]: c for c in config["components"] if isinstance(c, dict) and "id" in c}
    endpoints = [d for d in config["dependencies"] if isinstance(d.get("api_name"), str)
                 and d.get("backend_fn", True) and d.get("api_visibility", "public") != "private"
                 and d.get("show_api", True)]
    if not endpoints:
        raise ValueError(f"gr.load({what!r}): the app has no API endpoint to call")
    endpoint = endpoints[0]
    inputs = [_component(by_id[i]) for i in endpoint.get("inputs", []) if i in by_id]
    outputs = [_component(by_id[i]) for i in endpoint.get("outputs", []) if i in by_id]
    prefix = str(config.get("api_prefix") or "/gradio_api").rstrip("/")
    call = remote_function(f"{root}{prefix}/call/{endpoint['api_name']}", headers, len(outputs))
    call.__name__ = str(endpoint["api_name"])
    kwargs.setdefault("title", config.get("title") if config.get("title") not in (None, "Gradio") else None)
    kwargs.setdefault("flagging_mode", "never")
    return Interface(call, inputs, outputs, **kwargs)


def remote_function(url: str, headers: dict[str, str], n_outputs: int) -> Callable[..., Any]:
    """A function that runs a Gradio endpoint: POST its data, then read the event's result stream."""

    async def call(*values: Any) -> Any:
        if any(runtime_file(v) for v in values):
            raise Error("This loaded app's inputs include a file: sending files to another app is not supported")
        body = json.dumps({"data": list(values)})
        try:
            answer = json.loads(await runtime.http_request(
                url, method="POST", headers={**headers, "Content-Type": "application/json"}, body=body))
            event_id = answer["event_id"]
            data = None
            async for event, payload in sse_events(runtime.http_stream(f"{url}/{event_id}", headers=headers)):
                if event == "error":
                    raise Error(f"The loaded app failed: {payload or 'no reason given'}")
                if event == "complete":
                    data = json.loads(payload)
        except runtime.HttpError as exc:
            raise Error(f"Could not reach the loaded app: {exc}") from None
        if not isinstance(data, list):
            raise Error("The loaded app ended without a result")
        return data[0] if n_outputs == 1 else tuple(data[:n_outputs])

    return call


def runtime_file(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("meta"), dict) and "path" in value


async def sse_events(chunks: AsyncIterator[str]) -> AsyncIterator[tuple[str, str]]:
    """(event name, data) of each server-sent event in a text stream ("message" when unnamed)."""
    buffer = ""
    async for chunk in chunks:
        buffer += chunk.replace("\r\n", "\n")
        while "\n\n" in buffer:
            block, buffer = buffer.split("\n\n", 1)
            event, data = "message", []
            for line in block.split("\n"):
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())
            if data or event != "message":
                yield event, "\n".join(data)
    if buffer.strip():
        data_lines = [ln[5:].lstrip() for ln in buffer.split("\n") if ln.startswith("data:")]
        if data_lines:
            yield "message", "\n".join(data_lines)


# ---- gr.load_chat ----
def load_chat(base_url: str, model: str, token: str | None = None, *, file_types: Any = "text_encoded",
              system_message: str | None = None, streaming: bool = True, **kwargs: Any) -> ChatInterface:
    """A ChatInterface talking to an OpenAI-compatible endpoint (e.g. "http://localhost:11434/v1/")."""
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ValueError(f"gr.load_chat base_url must be an http(s) URL such as 'http://localhost:11434/v1/', "
                         f"not {base_url!r}")
    kinds = [] if file_types is None else [file_types] if isinstance(file_types, str) else list(file_types)
    extensions: list[str] = []
    for kind in kinds:
        if kind == "text_encoded":
            extensions += TEXT_FILE_EXTENSIONS
        elif kind == "image":
            extensions += IMAGE_FILE_EXTENSIONS
        else:
            raise ValueError(f"Invalid file type: {kind}. Must be 'text_encoded' or 'image'.")
    url = base_url.rstrip("/") + "/chat/completions"
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token or '***'}"}
    start = [{"role": "system", "content": system_message}] if system_message else []

    def request(messages: list[dict[str, Any]], stream: bool) -> AsyncIterator[str]:
        body = json.dumps({"model": model, "messages": messages, **({"stream": True} if stream else {})})
        chunks: AsyncIterator[str] = runtime.http_stream(url, method="POST", headers=headers, body=body)
        return chunks

    async def chat_stream(message: Any, history: list[Any]) -> AsyncIterator[str]:
        reply = ""
        try:
            async for _, data in sse_events(request(start + conversation(history, message), True)):
                if data.strip() == "[DONE]":
                    break
                delta = _delta(data)
                if delta:
                    reply += delta
                    yield reply
        except runtime.HttpError as exc:
            raise Error(f"The chat endpoint could not be reached: {exc}") from None

    async def chat(message: Any, history: list[Any]) -> str:
        try:
            text = ""
            async for chunk in request(start + conversation(history, message), False):
                text += chunk
            answer = json.loads(text)
            return str(answer["choices"][0]["message"]["content"])
        except runtime.HttpError as exc:
            raise Error(f"The chat endpoint could not be reached: {exc}") from None
        except (ValueError, KeyError, IndexError, TypeError):
            raise Error("The chat endpoint's answer is not an OpenAI chat completion") from None

    kwargs.setdefault("chatbot", Chatbot(scale=1, allow_tags=True))
    textbox = kwargs.pop("textbox", None)
    if textbox is None and extensions:
        textbox = MultimodalTextbox(file_types=extensions, show_label=False, label="Message",
                                    placeholder="Type a message...", scale=7, file_count="multiple",
                                    submit_btn=False, render=False)
    return ChatInterface(chat_stream if streaming else chat, multimodal=bool(extensions), textbox=textbox,
                         **kwargs)


def _delta(data: str) -> str:
    """The text a streamed chat.completion.chunk adds ("" for role-only or empty chunks)."""
    try:
        chunk = json.loads(data)
    except ValueError:
        return ""
    if isinstance(chunk, dict) and "error" in chunk:
        raise Error(f"The chat endpoint failed: {chunk['error']}")
    choices = chunk.get("choices") if isinstance(chunk, dict) else None
    if not choices:
        return ""
    content = (choices[0].get("delta") or {}).get("content")
    return content if isinstance(content, str) else ""


def _file_text(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f"\n## {os.path.basename(path)}\n{f.read()}"


def _image_url(path: str) -> str:
    import base64
    import mimetypes

    mime = mimetypes.guess_type(path)[0] or "image/png"
    with open(path, "rb") as f:
        return f"data:{mime};base64,{base64.b64encode(f.read()).decode()}"


def _is_text_file(path: str) -> bool:
    return path.lower().endswith(tuple(e.lower() for e in TEXT_FILE_EXTENSIONS))


def conversation(history: list[Any], message: Any) -> list[dict[str, Any]]:
    """The chat so far and the new message as OpenAI chat messages: text files inlined in the prompt,
    images as data URLs (Gradio's format_conversation, for wasmblocks' message shapes)."""
    out: list[dict[str, Any]] = []
    for turn in history or []:
        role = turn.get("role") if isinstance(turn, dict) else None
        if role not in ("user", "assistant", "system"):
            continue
        content = turn.get("content")
        parts: list[dict[str, Any]] = []
        # Gradio 6's history: content is a list of typed parts ({"type": "text"} / {"type": "file"}).
        for item in content if isinstance(content, list) else [content]:
            path = (item["file"].get("path") if isinstance(item, dict) and isinstance(item.get("file"), dict)
                    else item.get("path") if isinstance(item, dict) else None)
            if isinstance(path, str):
                parts.append({"type": "text", "text": _file_text(path)} if _is_text_file(path)
                             else {"type": "image_url", "image_url": {"url": _image_url(path)}})
            elif isinstance(item, str):
                parts.append({"type": "text", "text": item})
            elif isinstance(item, dict) and item.get("type") == "text":
                parts.append({"type": "text", "text": item.get("text", "")})
        if parts:
            out.append({"role": role, "content": parts})
    text, files = (message.get("text") or "", list(message.get("files") or [])) if isinstance(message, dict) \
        else (str(message or ""), [])
    paths = [f if isinstance(f, str) else f.get("path", "") for f in files]
    for path in paths:
        if path and not _is_text_file(path):
            out.append({"role": "user", "content": [{"type": "image_url", "image_url": {"url": _image_url(path)}}]})
    inlined = "".join(_file_text(p) for p in paths if p and _is_text_file(p))
    if text or inlined:
        out.append({"role": "user", "content": text + inlined})
    return out
