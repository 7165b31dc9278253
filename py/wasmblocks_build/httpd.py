"""Static file HTTP server with the MIME types a wasmblocks site needs (shared by serve and the tests)."""

from __future__ import annotations

import errno
import io
import re
import sys
import threading
import unicodedata
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote

from .common import fail

# Browsers refuse module scripts and streaming wasm compilation under the wrong type, and
# Python's mimetypes table depends on the machine, so these are fixed here.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".py": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    "": "application/octet-stream",
}


CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_path(target: str) -> str | None:
    """Why a request target could name a file other than the one its path spells out, or None.

    SimpleHTTPRequestHandler decodes the whole path (`%2F` included) and then resolves `..`, so
    `/site/..%2fsecret.txt` reads /secret.txt. This server refuses such targets instead: each segment is
    decoded once and must not hold a separator, a dot segment (also after NFKC: fullwidth dots), a
    percent sign (double encoding) or a control character; `//host` and absolute URLs are refused too.
    """
    if not target.startswith("/") or target.startswith("//"):
        return "not a path on this server"
    path = target.split("?", 1)[0].split("#", 1)[0]
    if "\\" in path or CONTROL.search(path):
        return "a backslash or control character"
    for raw in path.split("/")[1:]:
        try:
            segment = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            return "malformed percent-encoding"
        for form in (segment, unicodedata.normalize("NFKC", segment)):
            if "/" in form or "\\" in form:
                return "an encoded path separator"
            if (form and not form.strip(". ")) or form.startswith(".."):  # ".", "..", ". .", "..;" (Tomcat)
                return "a dot segment"
            if "%" in form:
                return "a percent sign after decoding (double encoding)"
        if CONTROL.search(segment):
            return "an encoded control character"
    return None


# Cross-origin isolation (crossOriginIsolated, SharedArrayBuffer), which PyScript's workers need to reach
# the page. `require-corp` is met by a site whose files all come from its own origin.
COI_HEADERS = {"Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp"}


class StaticHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with fixed MIME types, no path traversal in any encoding (unsafe_path),
    optional no-cache headers, optional cross-origin isolation headers and optional quiet logs."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012 - the base's name
    no_cache = False
    coi = False
    quiet = False

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """Refuse a traversing target with 400 before the base class decodes and resolves it."""
        # The target as sent: parse_request already rewrote a leading "//" in self.path.
        words = self.requestline.split()
        problem = unsafe_path(words[1] if len(words) > 1 else self.path)
        if problem:
            self.send_error(HTTPStatus.BAD_REQUEST, f"Refused path: {problem}")
            return None
        return super().send_head()

    def end_headers(self) -> None:
        if self.no_cache:
            # Revalidate on every load so an edited app or rebuilt bundle is never served stale.
            self.send_header("Cache-Control", "no-cache")
        if self.coi:
            for name, value in COI_HEADERS.items():
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature from the base class
        if not self.quiet:
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that stays silent when a browser drops a connection mid-response."""

    daemon_threads = True  # open connections (live-reload streams) must not block exit

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Navigations and reloads abort downloads all the time; that is not a server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 0, *, handler: type[StaticHandler] = StaticHandler
) -> SiteServer:
    """Bind a threading server for root (port 0 = any free port); a busy port gives a clear error."""
    try:
        server = SiteServer((host, port), partial(handler, directory=str(root)))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise fail(f"port {port} on {host} is already in use; choose another with --port N") from None
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    return server


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Run serve_forever in a daemon thread (stop with server.shutdown())."""
    thread = threading.Thread(target=server.serve_forever, name="wasmblocks-http", daemon=True)
    thread.start()
    return thread
