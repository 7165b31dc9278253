"""Share links' size budget (share.py): quiet under SAFE_LINK_CHARS, a warning past it, no link past what
Chromium opens; the page side (web/src/share/link.ts) uses the same numbers."""

from __future__ import annotations

import math
import re
import secrets
from pathlib import Path

import pytest

from wasmblocks_build import cli
from wasmblocks_build.common import WEB_SRC
from wasmblocks_build.share import MAX_LINK_CHARS, SAFE_LINK_CHARS, link_warning, share_link

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))
BASE = "https://user.github.io/repo/"


def app_with_noise(tmp_path: Path, chars: int) -> Path:
    """An app whose comment is `chars` random URL-safe characters (deflate cannot shrink them much)."""
    app = tmp_path / "app.py"
    noise = secrets.token_urlsafe(chars)[:chars]
    app.write_text(f"import gradio as gr\n# {noise}\nwith gr.Blocks() as demo:\n    gr.Markdown('big')\n")
    return app


def test_the_budget_boundaries():
    assert link_warning("x" * SAFE_LINK_CHARS) is None
    assert "8,001 characters" in link_warning("x" * (SAFE_LINK_CHARS + 1))
    assert link_warning("x" * MAX_LINK_CHARS) is not None
    with pytest.raises(SystemExit, match="Chromium refuses links over 2,097,152"):
        link_warning("x" * (MAX_LINK_CHARS + 1))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_fits_the_safe_budget(example, capsys):
    link = share_link(example, BASE)
    assert len(link) <= SAFE_LINK_CHARS
    assert capsys.readouterr().err == ""


def test_a_long_link_is_printed_with_a_warning_and_the_alternatives(tmp_path, capsys):
    app = app_with_noise(tmp_path, 12_000)
    assert cli.main(["share", str(app), "--base-url", BASE]) == 0
    out, err = capsys.readouterr()
    link = out.strip()
    assert link.startswith(f"{BASE}player.html#code=") and len(link) > SAFE_LINK_CHARS
    assert f"this share link is {len(link):,} characters" in err
    assert "build.py export" in err and "link to them" in err


def test_a_link_no_browser_opens_is_refused(tmp_path, capsys):
    app = app_with_noise(tmp_path, 2_200_000)
    with pytest.raises(SystemExit, match=r"would be [\d,]+ characters; Chromium refuses") as refused:
        cli.main(["share", str(app), "--base-url", BASE])
    assert "build.py export" in str(refused.value)
    assert capsys.readouterr().out == ""


def test_the_page_uses_the_same_budget():
    source = (WEB_SRC / "share" / "link.ts").read_text(encoding="utf-8")
    found = re.findall(r"export const (\w+_LINK_CHARS) = ([\d_* ]+);", source)
    numbers = {name: math.prod(int(n.replace("_", "")) for n in value.split("*")) for name, value in found}
    assert numbers == {"SAFE_LINK_CHARS": SAFE_LINK_CHARS, "MAX_LINK_CHARS": MAX_LINK_CHARS}
