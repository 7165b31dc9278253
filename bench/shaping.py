"""A shaped link on loopback: a static server that behaves like GitHub Pages' CDN, and a proxy with the same
shaping in front of the Gradio server, so every peer of the shaped-link scenario pays for the same network.

What is modelled (the same for every peer):
- one bandwidth budget shared by all connections (`Link`: a token bucket, one FIFO reservation per chunk);
- one round trip per response (the request's way there and the first byte's way back) before its headers;
- gzip of compressible types when the browser accepts it, as GitHub Pages' CDN does (HTML, JS, CSS, JSON,
  SVG, text, and wasm); archives, images and `.gz` files go as they are;
- GitHub Pages' caching headers: `Cache-Control: max-age=600`, an ETag and Last-Modified, 304 on revalidation.
Not modelled: TCP slow start, TLS and connection set-up, packet loss; HTTP/1.1 (6 connections per host)
rather than HTTP/2.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.client
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from wasmblocks_build.httpd import MIME_TYPES, SiteServer

CHUNK = 16 * 1024
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".map", ".svg", ".txt", ".py", ".csv", ".wasm", ".xml")
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/wasm")


@dataclass(frozen=True)
class Profile:
    """A link: name, bandwidth in bit/s (0: unlimited) and round-trip time in ms."""

    name: str
    bits_per_s: float
    rtt_ms: float


PROFILES = {
    "loopback": Profile("loopback", 0, 0),
    "100mbit": Profile("100 Mbit/s, 20 ms", 100e6, 20),
    "20mbit": Profile("20 Mbit/s, 40 ms", 20e6, 40),
    "5mbit": Profile("5 Mbit/s, 80 ms", 5e6, 80),
}


@dataclass
class Transfer:
    """Bytes sent on the link for one response, with when each chunk left (time.time())."""

    url: str
    status: int
    started: float
    chunks: list[tuple[float, int]] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(n for _, n in self.chunks)


class Link:
    """The shaped link every connection shares: a profile, and the log of what was sent while recording."""

    def __init__(self, profile: Profile = PROFILES["loopback"]) -> None:
        self.profile = profile
        self._lock = threading.Lock()
        self._free_at = 0.0  # when the link has sent everything reserved so far
        self.recording: list[Transfer] | None = None

    def set(self, profile: Profile) -> None:
        with self._lock:
            self.profile, self._free_at = profile, 0.0

    def round_trip(self) -> None:
        if self.profile.rtt_ms:
            time.sleep(self.profile.rtt_ms / 1000)

    def send(self, out: BinaryIO, data: bytes, transfer: Transfer | None) -> None:
        """Write data as the link allows: each chunk reserves its transmission time in one shared queue."""
        for at in range(0, len(data), CHUNK) or [0]:
            chunk = data[at:at + CHUNK]
            if self.profile.bits_per_s:
                with self._lock:
                    start = max(time.monotonic(), self._free_at)
                    self._free_at = start + len(chunk) * 8 / self.profile.bits_per_s
                    done = self._free_at
                delay = done - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            out.write(chunk)
            if transfer is not None:
                transfer.chunks.append((time.time(), len(chunk)))

    def begin(self, url: str, status: int) -> Transfer | None:
        if self.recording is None:
            return None
        transfer = Transfer(url, status, time.time())
        self.recording.append(transfer)
        return transfer


def compressible(path: str, content_type: str = "") -> bool:
    if content_type:
        return content_type.startswith(COMPRESSIBLE_TYPES)
    return path.endswith(COMPRESSIBLE)


_GZIP_CACHE: dict[tuple[str, float, int], bytes] = {}
_GZIP_LOCK = threading.Lock()


def gzipped(path: Path) -> bytes:
    """The file gzipped at level 6 (zlib's default, what a CDN uses), memoised per (path, mtime, size)."""
    st = path.stat()
    key = (str(path), st.st_mtime, st.st_size)
    with _GZIP_LOCK:
        hit = _GZIP_CACHE.get(key)
    if hit is None:
        hit = gzip.compress(path.read_bytes(), 6, mtime=0)
        with _GZIP_LOCK:
            _GZIP_CACHE[key] = hit
    return hit


class _ShapedHandler:
    """What the static handler and the proxy share: HTTP/1.1 keep-alive, quiet logs, shaped writes."""

    protocol_version = "HTTP/1.1"
    link: Link

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        pass

    def _write_body(self: Any, body: bytes, transfer: Transfer | None) -> None:
        self.link.send(self.wfile, body, transfer)


def static_handler(root: Path, shared: Link) -> type:
    """A handler class serving root through link, with GitHub Pages' gzip and caching headers."""
    from http.server import BaseHTTPRequestHandler

    class Handler(_ShapedHandler, BaseHTTPRequestHandler):
        link = shared

        def do_GET(self) -> None:
            self._serve(head=False)

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def _serve(self, head: bool) -> None:
            url = urllib.parse.urlsplit(self.path)
            rel = urllib.parse.unquote(url.path).lstrip("/")
            path = (root / rel).resolve()
            if not path.is_relative_to(root.resolve()):
                return self._plain(404, b"not found", head)
            if path.is_dir():
                if not url.path.endswith("/"):  # GitHub Pages redirects a folder to its slash form
                    self.link.round_trip()
                    self.send_response(301)
                    self.send_header("Location", url.path + "/" + (f"?{url.query}" if url.query else ""))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path = path / "index.html"
            if not path.is_file():
                return self._plain(404, b"not found", head)
            st = path.stat()
            etag = f'"{hashlib.sha1(f"{st.st_mtime_ns}-{st.st_size}".encode()).hexdigest()[:16]}"'
            ctype = MIME_TYPES.get(path.suffix, MIME_TYPES[""])
            self.link.round_trip()
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self._caching(etag, st.st_mtime)
                self.end_headers()
                self.link.begin(self.path, 304)
                return
            gz = compressible(path.name) and "gzip" in self.headers.get("Accept-Encoding", "")
            body = gzipped(path) if gz else path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            if gz:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self._caching(etag, st.st_mtime)
            self.end_headers()
            if not head:
                self._write_body(body, self.link.begin(self.path, 200))

        def _caching(self, etag: str, mtime: float) -> None:
            self.send_header("Cache-Control", "max-age=600")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))

        def _plain(self, status: int, body: bytes, head: bool) -> None:
            self.link.round_trip()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self._write_body(body, self.link.begin(self.path, status))

    return Handler


HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "upgrade",
               "te", "trailer"}


def proxy_handler(upstream: str, shared: Link) -> type:
    """A reverse proxy to upstream (host:port) through link: the Gradio server on the same shaped link.

    Whole responses are gzipped as the CDN would when the server did not compress them itself; streams
    (server-sent events, responses without a length) are passed on chunk by chunk as they arrive.
    """
    from http.server import BaseHTTPRequestHandler

    host, port = upstream.rsplit(":", 1)

    class Handler(_ShapedHandler, BaseHTTPRequestHandler):
        link = shared

        def do_GET(self) -> None:
            self._forward()

        def do_POST(self) -> None:
            self._forward()

        def do_HEAD(self) -> None:
            self._forward()

        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS and k.lower() != "host"}
            headers["Host"] = upstream
            conn = http.client.HTTPConnection(host, int(port), timeout=120)
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                self.link.round_trip()
                self.send_response(resp.status, resp.reason)
                out_headers = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP_HEADERS]
                ctype = resp.getheader("Content-Type", "")
                streaming = resp.getheader("Content-Length") is None or ctype.startswith("text/event-stream")
                transfer = self.link.begin(self.path, resp.status)
                if streaming:
                    for k, v in out_headers:
                        self.send_header(k, v)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    while chunk := resp.read1(CHUNK):
                        self._write_body(b"%x\r\n" % len(chunk) + chunk + b"\r\n", transfer)
                        self.wfile.flush()
                    self.wfile.write(b"0\r\n\r\n")
                    return
                data = resp.read()
                encoded = resp.getheader("Content-Encoding")
                if (not encoded and compressible("", ctype) and len(data) > 1024
                        and "gzip" in self.headers.get("Accept-Encoding", "")):
                    data = gzip.compress(data, 6, mtime=0)
                    out_headers.append(("Content-Encoding", "gzip"))
                for k, v in out_headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self._write_body(data, transfer)
            except (OSError, http.client.HTTPException):  # the browser or the server hung up mid-stream
                self.close_connection = True
            finally:
                conn.close()

    return Handler


def start_server(handler: type, host: str = "127.0.0.1") -> SiteServer:
    """Bind handler on a free loopback port and serve it in a daemon thread."""
    server = SiteServer((host, 0), handler)
    threading.Thread(target=server.serve_forever, name="shaped-link", daemon=True).start()
    return server


def bytes_before(transfers: list[Transfer], epoch_s: float) -> dict[str, int]:
    """Bytes each URL had sent on the link by epoch_s (time.time()), for the critical path."""
    out: dict[str, int] = {}
    for t in transfers:
        n = sum(size for at, size in t.chunks if at <= epoch_s)
        if n:
            out[t.url] = out.get(t.url, 0) + n
    return out
