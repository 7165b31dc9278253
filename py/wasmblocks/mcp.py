"""`@gr.mcp.tool()`, `@gr.mcp.resource(…)`, `@gr.mcp.prompt()`: Gradio's marks for its MCP server.

A page has no MCP server (an MCP client cannot reach a browser tab), so nothing is served from these marks;
they are set on the function exactly as Gradio sets them, so an app written for launch(mcp_server=True) runs
here as the web app it also is, and code that reads the marks finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Fn = Callable[..., Any]


def tool(name: str | None = None, description: str | None = None, structured_output: bool = False,
         _meta: dict[str, Any] | None = None) -> Callable[[Fn], Fn]:
    """Mark fn as an MCP tool (Gradio's name, description, structured_output and _meta)."""

    def mark(fn: Fn) -> Fn:
        fn._mcp_type = "tool"  # type: ignore[attr-defined]
        fn._mcp_name = name  # type: ignore[attr-defined]
        fn._mcp_structured_output = structured_output  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        fn._mcp_meta = _meta  # type: ignore[attr-defined]
        return fn

    return mark


def resource(uri_template: str, description: str | None = None, mime_type: str | None = None) -> Callable[[Fn], Fn]:
    """Mark fn as an MCP resource at uri_template (Gradio's default mime_type: text/plain)."""

    def mark(fn: Fn) -> Fn:
        fn._mcp_type = "resource"  # type: ignore[attr-defined]
        fn._mcp_uri_template = uri_template  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        fn._mcp_mime_type = mime_type or "text/plain"  # type: ignore[attr-defined]
        return fn

    return mark


def prompt(name: str | None = None, description: str | None = None) -> Callable[[Fn], Fn]:
    """Mark fn as an MCP prompt."""

    def mark(fn: Fn) -> Fn:
        fn._mcp_type = "prompt"  # type: ignore[attr-defined]
        fn._mcp_name = name or fn.__name__  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        return fn

    return mark
