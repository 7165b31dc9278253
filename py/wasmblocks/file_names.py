"""Safe base names for files the worker writes under a name someone else chose (uploads, returned bytes).

An upload's name comes from the page, and a page script (or our own client API) can send any text: `..`
once made `open()` fail on a folder and took the whole app down. The rule, as browsers and Gradio's
server apply it to downloads: keep the last path segment; a segment that is empty, `.`/`..`, holds a
control or other non-printing character, is a Windows device name (CON, NUL, COM1 …) or is longer than a
file system allows becomes a generated name that keeps the extension.
"""

from __future__ import annotations

import re
import unicodedata

# Linux's NAME_MAX (255 bytes), which MEMFS and every common file system share.
MAX_NAME_BYTES = 255
GENERATED_STEM = "file"
_SEPARATORS = re.compile(r"[/\\]")
# Up to two short alphanumeric suffixes: ".txt", ".tar.gz", ".nii.gz".
_EXTENSION = re.compile(r"(?:\.[A-Za-z0-9]{1,10}){1,2}$")
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?:\..*)?$", re.IGNORECASE)


def _printable(text: str) -> bool:
    """No control, format, surrogate, private-use or unassigned characters (Unicode category C*)."""
    return all(not unicodedata.category(ch).startswith("C") for ch in text)


def extension(name: str) -> str:
    """The name's extension when it is a plain one (".png", ".tar.gz"), else ""."""
    match = _EXTENSION.search(name)
    if not match or match.start() == 0:
        return ""
    return match.group(0)


def safe_file_name(name: object) -> str:
    """A base name that is safe to write into a folder of the worker, keeping `name` where it already is."""
    text = name if isinstance(name, str) else ""
    segment = _SEPARATORS.split(text)[-1]
    if (
        segment.strip(" .") == ""
        or not _printable(segment)
        or _RESERVED.match(segment.strip())
        or len(segment.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
    ):
        return GENERATED_STEM + extension(_clean(segment))
    return segment


def _clean(text: str) -> str:
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
