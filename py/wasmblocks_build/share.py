"""Share links: an app's files and requirements, compressed into the URL fragment of the player page.

Payload format, version 1 (docs/publishing.md): `#code=` + base64url (no padding) of raw DEFLATE
(RFC 1951, what the browser's `CompressionStream("deflate-raw")` reads) of UTF-8 JSON

    {"v": 1, "entrypoint": "app.py", "files": {"app.py": "…"}, "requirements": ["…"]}

The fragment never reaches a server. Readers reject a `v` they do not know with a clear message, so a
future format can change anything but the `v` field.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sys
import zlib
from pathlib import Path

from .common import fail
from .export import collect_app

PAYLOAD_VERSION = 1
FRAGMENT_KEY = "code"
PLAYER_PAGE = "player.html"

# The size budget of a link (same numbers in web/src/share/link.ts; docs/publishing.md). Past
# SAFE_LINK_CHARS a link still opens, but not every program that carries it keeps it whole: RFC 9110
# (section 4.1) asks software to handle URIs of at least 8,000 octets and promises nothing beyond, and
# chat and mail programs cut or refuse much shorter messages. Past MAX_LINK_CHARS Chromium refuses the
# URL outright (url::kMaxURLChars, 2 MiB) and the tab stays blank, so no link is made.
SAFE_LINK_CHARS = 8_000
MAX_LINK_CHARS = 2 * 1024 * 1024
ALTERNATIVES = (
    "export a site instead (python3 build.py export APP OUT) and link to it, "
    "or put the app's files somewhere and link to them"
)


class PayloadError(ValueError):
    """A share payload that cannot be decoded; the message says why."""


def encode_payload(files: dict[str, str], entrypoint: str, requirements: list[str] | None = None) -> str:
    """The base64url text that follows `#code=` for these files."""
    if entrypoint not in files:
        raise ValueError(f"entrypoint {entrypoint!r} is not one of the files")
    doc = {"v": PAYLOAD_VERSION, "entrypoint": entrypoint, "files": files, "requirements": list(requirements or [])}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # wbits -15: raw deflate, no zlib header
    raw = packer.compress(data) + packer.flush()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_payload(text: str) -> dict:
    """Inverse of encode_payload; raises PayloadError for anything malformed or of an unknown version."""
    if not text:
        raise PayloadError("the link has no app in it")
    if not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        raise PayloadError("the link is damaged (characters that base64url never has)")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        unpacker = zlib.decompressobj(-15)
        data = unpacker.decompress(raw) + unpacker.flush()
        if not unpacker.eof:
            raise PayloadError("the link is truncated (compressed data ends early)")
        doc = json.loads(data.decode("utf-8"))
    except PayloadError:
        raise
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise PayloadError(f"the link is damaged ({exc})") from None
    if not isinstance(doc, dict) or doc.get("v") != PAYLOAD_VERSION:
        raise PayloadError(f"unknown share format version {doc.get('v') if isinstance(doc, dict) else None!r}")
    if not isinstance(doc.get("files"), dict) or doc.get("entrypoint") not in doc["files"]:
        raise PayloadError("the link names no entry file")
    return doc


def app_payload(app: str | Path) -> str:
    """Payload for an app file or directory (text files only: binary data cannot travel in a link)."""
    app = Path(app).resolve()
    entry, paths, manifest = collect_app(app)
    base = app.parent if app.is_file() else app
    files: dict[str, str] = {}
    for path in paths:
        rel = path.relative_to(base).as_posix()
        if rel == "requirements.txt":
            continue  # travels as the requirements list
        try:
            files[rel] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise fail(f"{rel} is not UTF-8 text; binary files cannot be shared in a link (use `export`)") from None
    return encode_payload(files, entry, manifest["requirements"])


def link_warning(link: str) -> str | None:
    """A warning for a link past the safe length, or None; a link no browser can open raises instead."""
    if len(link) > MAX_LINK_CHARS:
        raise fail(
            f"the share link would be {len(link):,} characters; Chromium refuses links over "
            f"{MAX_LINK_CHARS:,} (2 MiB), so none was made: {ALTERNATIVES}"
        )
    if len(link) > SAFE_LINK_CHARS:
        return (
            f"this share link is {len(link):,} characters; links over {SAFE_LINK_CHARS:,} may be cut off "
            f"by chat and mail programs (RFC 9110 only asks for {SAFE_LINK_CHARS:,}). If it does not arrive "
            f"whole: {ALTERNATIVES}"
        )
    return None


def share_link(app: str | Path, base_url: str) -> str:
    """Link to the player page of the site published at base_url, with the app in the fragment.

    A link past SAFE_LINK_CHARS is returned with a warning on stderr; past MAX_LINK_CHARS it is refused
    (SystemExit with the reason and the alternatives).
    """
    if not base_url.startswith(("http://", "https://")):
        raise fail(f"--base-url must be an http(s) URL of a published site, not {base_url!r}")
    base = base_url.split("#", 1)[0]
    if base.endswith(".html"):
        base = base.rsplit("/", 1)[0]
    if not base.endswith("/"):
        base += "/"
    link = f"{base}{PLAYER_PAGE}#{FRAGMENT_KEY}={app_payload(app)}"
    warning = link_warning(link)
    if warning:  # stderr: stdout carries only the link, for scripts
        print(f"wasmblocks: warning: {warning}", file=sys.stderr, flush=True)
    return link
