"""Safe base names (file_names.py): names kept where they are already safe, generated where not."""

import os
from pathlib import Path

import pytest

from wasmblocks.cache import save_bytes
from wasmblocks.file_names import MAX_NAME_BYTES, extension, safe_file_name


@pytest.mark.parametrize(("given", "safe"), [
    ("photo.png", "photo.png"),
    ("résumé final.pdf", "résumé final.pdf"),
    ("archive.tar.gz", "archive.tar.gz"),
    (".bashrc", ".bashrc"),
    ("../a.txt", "a.txt"),                      # the last path segment, as browsers keep it
    ("C:\\Users\\me\\notes.md", "notes.md"),
    ("dir/sub/", "file"),                       # nothing after the last separator
    ("", "file"),
    (".", "file"),
    ("..", "file"),
    ("...", "file"),
    ("  ", "file"),
    ("/", "file"),
    ("\\", "file"),
    ("a\x00b.txt", "file.txt"),                 # control characters
    ("line\nbreak.csv", "file.csv"),
    ("bidi\u202etxt.exe", "file.exe"),          # a format character that reverses how the name reads
    ("lone\ud800.txt", "file.txt"),             # a lone surrogate (JSON can carry one)
    ("CON", "file"),                            # Windows device names, with or without an extension
    ("nul.txt", "file.txt"),
    ("Com1.tar.gz", "file.tar.gz"),
    ("lpt9", "file"),
    ("console.log", "console.log"),             # only the exact device names
    ("x" * 300 + ".jpeg", "file.jpeg"),         # longer than a file system allows
    ("é" * 200 + ".txt", "file.txt"),           # 400 bytes of UTF-8
    (None, "file"),
    (42, "file"),
    ({"name": "a.txt"}, "file"),
])
def test_safe_file_name(given, safe):
    assert safe_file_name(given) == safe


def test_a_kept_name_fits_the_file_system_and_names_no_folder():
    name = "y" * (MAX_NAME_BYTES - 4) + ".txt"
    assert safe_file_name(name) == name
    for bad in ("..", ".", "", "a/..", "..\\..", "CON.txt", "a\x7f"):
        result = safe_file_name(bad)
        assert result not in (".", "..", "") and "/" not in result and "\\" not in result


def test_extension_is_a_plain_suffix_or_nothing():
    assert extension("a.png") == ".png"
    assert extension("a.nii.gz") == ".nii.gz"
    assert extension("a.b.c.d") == ".c.d"
    assert extension("noext") == ""
    assert extension(".hidden") == ""
    assert extension("weird.ex e") == ""


def test_returned_bytes_are_saved_under_a_safe_name():
    path = save_bytes(b"data", name="..")
    assert os.path.basename(path) == "file" and Path(path).read_bytes() == b"data"
    assert os.path.basename(save_bytes(b"x", name="report.pdf")) == "report.pdf"
