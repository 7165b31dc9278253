"""Malformed share links (part of the security suite, docs/security.md): each kind gets a message that says
what is wrong, in the player and in the editor; none gives a blank page, a crash or a running app."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from playwright.sync_api import expect

from wasmblocks_build.share import encode_payload

GOOD = "import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Markdown('hello')\n"


def packed(data: bytes) -> str:
    """base64url of raw DEFLATE of `data`: a well-formed envelope around any content."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.urlsafe_b64encode(packer.compress(data) + packer.flush()).rstrip(b"=").decode()


def doc(**fields) -> str:
    document = {"v": 1, "entrypoint": "app.py", "files": {"app.py": GOOD}, "requirements": [], **fields}
    return packed(json.dumps(document).encode())


CASES = [
    ("", "no app in it"),
    ("#", "no app in it"),
    ("#code=", "no app in it"),
    ("#other=abc", "no app in it"),
    ("#code=!!notbase64", "characters a share link never has"),
    ("#code=abc%20def", "characters a share link never has"),
    ("#code=" + "A", "not valid base64url"),
    ("#code=" + encode_payload({"app.py": GOOD * 20}, "app.py")[:40], "cut off"),
    ("#code=" + base64.urlsafe_b64encode(b"\xff" * 30).rstrip(b"=").decode(), "could not be decompressed"),
    ("#code=" + packed(b"\xff\xfe not utf-8"), "could not be decompressed"),
    ("#code=" + packed(b"{not json"), "not valid JSON"),
    ("#code=" + packed(b"[1, 2]"), "not an object"),
    ("#code=" + packed(b'"text"'), "not an object"),
    ("#code=" + packed(b"null"), "not an object"),
    ("#code=" + packed(json.dumps({"entrypoint": "app.py", "files": {"app.py": GOOD}}).encode()),
     "names no share format version"),
    ("#code=" + doc(v=2), "share format v2, which this site does not know"),
    ("#code=" + doc(v="1"), "names no share format version"),
    ("#code=" + doc(files=None), "names no entry file"),
    ("#code=" + doc(files=["app.py"]), "names no entry file"),
    ("#code=" + doc(entrypoint="main.py"), "names no entry file"),
    ("#code=" + doc(entrypoint=None), "names no entry file"),
    ("#code=" + doc(files={"app.py": 42}), "names no entry file"),
]


@pytest.fixture(scope="module")
def site(site_url):
    return site_url("hello")


@pytest.mark.parametrize("fragment, words", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_player_explains_a_malformed_link(app_opener, site, fragment, words):
    page = app_opener(f"{site}player.html{fragment}", wait_for=None)
    try:
        alert = page.get_by_test_id("link-error")
        expect(alert).to_be_visible(timeout=10_000)
        expect(alert).to_contain_text(words)
        expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "error")
        assert page.locator("iframe").count() == 0  # nothing was run
        assert not page.wasmblocks_errors, page.wasmblocks_errors
    finally:
        page.context.close()


def test_a_bad_file_name_inside_a_well_formed_link_is_refused_by_the_worker(app_opener, site):
    fragment = "#code=" + doc(files={"app.py": GOOD, "../escape.py": "x = 1\n"})
    page = app_opener(f"{site}player.html{fragment}", wait_for=None)
    try:
        expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "error", timeout=60_000)
        expect(page.frame_locator("iframe").locator("body")).to_contain_text('Bad app file name "../escape.py"')
    finally:
        page.context.close()


def test_the_editor_says_what_is_wrong_and_keeps_working(app_opener, site):
    page = app_opener(f"{site}editor.html#code=" + doc(v=7), wait_for=None)
    try:
        expect(page.locator("#wb-editor-notice")).to_contain_text("share format v7", timeout=20_000)
        expect(page.locator("#wb-preview")).to_have_attribute("data-state", "ready", timeout=60_000)  # the draft runs
    finally:
        page.context.close()
