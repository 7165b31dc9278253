"""What launch() takes that a browser page can use: files read into css/head, the favicon, footer links.

Also the notes docs/compatibility.md gives the launch() parameters that only a server has a use for.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FOOTER_LINKS = ("api", "gradio", "settings", "runs")
# Gradio names these favicon types; a browser takes SVG and the rest as well.
FAVICON_TYPES = {".png": "image/png", ".gif": "image/gif", ".ico": "image/x-icon", ".svg": "image/svg+xml",
                 ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}

_SERVER = "no effect: "
# Blocks.BROWSER_NOTES entries ("launch.<param>") for what only a Python server does.
LAUNCH_NOTES: dict[str, str] = {
    "launch.inline": _SERVER + "shows the app in a notebook's iframe served by Gradio; here the app is the page",
    "launch.inbrowser": _SERVER + "opens a browser tab on the server's address; the app is already in the browser",
    "launch.share": _SERVER + "opens a tunnel to a local server; there is none (build.py share makes a link instead)",
    "launch.debug": _SERVER + "keeps a server's main thread alive; launch() never blocks, and errors go to the console",
    "launch.max_threads": _SERVER + "sizes a server's thread pool; Pyodide runs the app on one thread",
    "launch.prevent_thread_lock": _SERVER + "stops launch() blocking a server's main thread; it never blocks here",
    "launch.server_name": _SERVER + "the address a server listens on; the page is served by whatever hosts the files",
    "launch.server_port": _SERVER + "the port a server listens on; demo.server_port reads the page's own port",
    "launch.height": _SERVER + "the height of the iframe a notebook shows the app in; the page (or PyScript's "
                               "target element) sizes the app here",
    "launch.width": _SERVER + "the width of the iframe a notebook shows the app in; the page (or PyScript's "
                              "target element) sizes the app here",
    "launch.ssl_keyfile": _SERVER + "HTTPS for a local server; the host serving the page sets up HTTPS",
    "launch.ssl_certfile": _SERVER + "HTTPS for a local server; the host serving the page sets up HTTPS",
    "launch.ssl_keyfile_password": _SERVER + "HTTPS for a local server; the host serving the page sets up HTTPS",
    "launch.ssl_verify": _SERVER + "certificate checks of a local HTTPS server; there is none",
    "launch.quiet": _SERVER + "silences a server's start-up messages; launch() prints none in the browser",
    "launch.run_history": _SERVER + "Gradio's run history page is a server route (/gradio_api/runs); none is kept "
                                    "here, so the 'runs' footer link never shows",
    "launch.allowed_paths": _SERVER + "limits which files a server hands out; files go from the worker to the page "
                                      "directly, through no file route",
    "launch.blocked_paths": _SERVER + "limits which files a server hands out; files go from the worker to the page "
                                      "directly, through no file route",
    "launch.root_path": _SERVER + "the mount point of a server behind a proxy; the page's links are relative",
    "launch.app_kwargs": _SERVER + "arguments for the FastAPI app; there is no FastAPI app",
    "launch.state_session_capacity": _SERVER + "caps a server's stored sessions; each tab's worker holds just its "
                                               "own",
    "launch.share_server_address": _SERVER + "the FRP server of share links; there is no server to share",
    "launch.share_server_protocol": _SERVER + "the protocol of share links; there is no server to share",
    "launch.share_server_tls_certificate": _SERVER + "TLS to a custom share server; there is no server to share",
    "launch.auth_dependency": _SERVER + "a function of the FastAPI request; there are no HTTP requests to the app",
    "launch.enable_monitoring": _SERVER + "the server's /monitoring endpoint; there is no server",
    "launch.strict_cors": _SERVER + "CORS checks of a server on localhost; there is no server",
    "launch.node_server_name": _SERVER + "the Node server of server-side rendering; the page renders itself",
    "launch.node_port": _SERVER + "the Node server of server-side rendering; the page renders itself",
    "launch.ssr_mode": _SERVER + "server-side rendering needs a Node server; the page renders itself",
    "launch.num_workers": _SERVER + "background server workers for file traffic (with SSR); there is no server",
    "launch.pwa": _SERVER + "Gradio serves the install manifest and service worker from its server",
    "launch.mcp_server": _SERVER + "an MCP server is an HTTP endpoint on Gradio's server; there is none",
}


def as_paths(paths: str | Path | Sequence[str | Path] | None) -> list[str | Path]:
    """css_paths/head_paths as a list (Gradio takes one path or several)."""
    if paths is None:
        return []
    if isinstance(paths, (str, Path)):
        return [paths]
    return list(paths)


def with_files(text: str | None, paths: str | Path | Sequence[str | Path] | None, param: str) -> str | None:
    """text followed by each file's contents, as Gradio joins css + css_paths (and head + head_paths)."""
    for path in as_paths(paths):
        try:
            with open(path, encoding="utf-8") as handle:
                text = (text or "") + "\n" + handle.read()
        except OSError as exc:
            raise ValueError(f"launch({param}=…) cannot read {os.fspath(path)!r}: {exc.strerror or exc}") from None
    return text


def favicon_url(path: str | Path | None) -> str | None:
    """launch(favicon_path=…) as a data: URL the page can use as its icon (the file lives in the worker)."""
    if path is None:
        return None
    suffix = Path(path).suffix.lower()
    mime = FAVICON_TYPES.get(suffix) or mimetypes.guess_type(os.fspath(path))[0]
    if mime is None or not mime.startswith("image/"):
        raise ValueError(f"launch(favicon_path=…) takes an image (.png, .gif, .ico, .svg), not {os.fspath(path)!r}")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"launch(favicon_path=…) cannot read {os.fspath(path)!r}: {exc.strerror or exc}") from None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def footer_links(links: Any) -> list[str]:
    """launch(footer_links=…) checked: None means all of Gradio's links; [] means no footer."""
    if links is None:
        return list(FOOTER_LINKS)
    chosen = list(links)
    unknown = [link for link in chosen if link not in FOOTER_LINKS]
    if unknown:
        raise ValueError(f"footer_links takes {', '.join(map(repr, FOOTER_LINKS))}, not {unknown}")
    return chosen
