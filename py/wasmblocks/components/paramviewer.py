"""gr.ParamViewer: a table of parameters (name, type, default, description), each row opening like an accordion."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from ..alerts import Error
from ..component import Component

LANGUAGES = ("python", "typescript")


class Parameter(TypedDict):
    type: str
    description: str
    default: str | None


def check_language(language: Any) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    return str(language)


def check_linkify(linkify: Any) -> list[str] | None:
    if linkify is None:
        return None
    if isinstance(linkify, str) or not all(isinstance(word, str) for word in linkify):
        raise ValueError(f"linkify must be a list of strings, not {linkify!r}")
    return list(linkify)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


class ParamViewer(Component):
    """Parameters with their types and defaults syntax-highlighted and their descriptions as Markdown."""

    EVENTS = ("change", "upload")
    PROPS = ("language", "linkify", "header", "anchor_links", "max_height")
    def __init__(
        self,
        value: Mapping[str, Parameter] | None = None,
        language: str = "python",
        linkify: list[str] | None = None,
        every: Any = None,
        inputs: Any = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        header: str | None = "Parameters",
        anchor_links: bool | str = False,
        max_height: int | str | None = None,
    ) -> None:
        self.language = check_language(language)
        self.linkify = check_linkify(linkify)
        self.header = header
        self.anchor_links = anchor_links
        self.max_height = max_height
        super().__init__(value, every=every, inputs=inputs, render=render, key=key, preserved_by_key=preserved_by_key)

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        props = {**props}
        try:
            if "language" in props:
                props["language"] = check_language(props["language"])
            if "linkify" in props:
                props["linkify"] = check_linkify(props["linkify"])
        except ValueError as exc:  # a bad update is the function's error: shown as a toast
            raise Error(f"{self.display_name()}: {exc}") from exc
        return props

    def preprocess(self, payload: Any) -> dict[str, Any]:
        """The parameters as the page holds them (rarely an input)."""
        return payload or {}

    def postprocess(self, value: Any) -> dict[str, dict[str, str | None]]:
        """{name: {"type", "description", "default"}} → the same, each field a string or None."""
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise Error(f"{self.display_name()} expects a dict of {{name: {{type, description, default}}}}, "
                        f"not {type(value).__name__}")
        out: dict[str, dict[str, str | None]] = {}
        for name, param in value.items():
            if not isinstance(param, Mapping):
                raise Error(f"{self.display_name()}: parameter {name!r} must be a dict with type, description "
                            f"and default, not {param!r}")
            # Gradio's page reads these three keys (a missing one shows nothing), in this order.
            out[str(name)] = {"type": _text(param.get("type")), "description": _text(param.get("description")) or "",
                              "default": _text(param.get("default"))}
        return out

    def api_example(self) -> Any:
        return {"array": {"type": "numpy", "description": "any valid json", "default": "None"}}
