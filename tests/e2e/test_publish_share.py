"""Publish and share: an exported app directory (modules, data files, a local wheel requirement) served
from a sub-path; a share link made in Python opened in the sandboxed player (malformed links:
test_malformed_share_links.py).

One export serves every test here; two app boots (the index page and the player).
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wasmblocks_build.share import encode_payload

BLOB = bytes(range(256)) * 4  # not UTF-8: must reach the worker's file system unchanged

APP = '''import hashlib
import gradio as gr
import helpers
import tinypkg

blob = open("data/blob.bin", "rb").read()
rows = open("table.csv", encoding="utf-8").read().splitlines()

with gr.Blocks(title="Exported dir") as demo:
    gr.Textbox(label="Result", value=f"{helpers.greet('Ada')}|{tinypkg.VALUE}|{hashlib.sha256(blob).hexdigest()}|{len(rows)}")
'''

SHARED = '''import gradio as gr

with gr.Blocks(title="Grüße") as demo:
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Greeting")
    probe = gr.Textbox(label="Probe")
    gr.Button("Grüßen").click(lambda n: f"Grüß dich, {n} — 你好 🎉", name, out)
    gr.Button("Probe").click(None, None, probe, js="""() => {
        let storage = "readable";
        try { localStorage.getItem("x"); } catch (e) { storage = "blocked"; }
        let cookie = "readable";
        try { document.cookie; } catch (e) { cookie = "blocked"; }
        return `${window.origin}|${storage}|${cookie}`;
    }""")
'''


def make_wheel(path: Path) -> Path:
    """A tiny pure-Python wheel (tinypkg 1.0), so requirements are tested without internet."""
    files = {
        "tinypkg/__init__.py": b"VALUE = 'tiny-ok'\n",
        "tinypkg-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n",
        "tinypkg-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}"
        for name, data in files.items()
    ]
    files["tinypkg-1.0.dist-info/RECORD"] = ("\n".join([*record, "tinypkg-1.0.dist-info/RECORD,,"]) + "\n").encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def make_app_dir(root: Path) -> Path:
    app = root / "dirapp"
    (app / "data").mkdir(parents=True)
    (app / "app.py").write_text(APP, encoding="utf-8")
    (app / "helpers.py").write_text("def greet(n):\n    return f'Hi {n}'\n", encoding="utf-8")
    (app / "data" / "blob.bin").write_bytes(BLOB)
    (app / "table.csv").write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    make_wheel(app / "tinypkg-1.0-py3-none-any.whl")
    (app / "requirements.txt").write_text("# a local wheel, copied into the site\ntinypkg-1.0-py3-none-any.whl\n")
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory, static_server, export_app) -> str:
    app = make_app_dir(tmp_path_factory.mktemp("publish"))
    out = static_server.root / "deep" / "sub" / "path" / "published"
    export_app(app, out)
    return f"{static_server.url}deep/sub/path/published/"


def test_exported_directory_from_a_sub_path(open_app, site):
    page = open_app(site)
    expected = f"Hi Ada|tiny-ok|{hashlib.sha256(BLOB).hexdigest()}|3"
    expect(page.get_by_label("Result")).to_have_value(expected)
    assert not page.wasmblocks_errors


def test_share_link_round_trip_in_sandbox(app_opener, site):
    payload = encode_payload({"app.py": SHARED}, "app.py")
    url = f"{site}player.html#code={payload}"
    assert len(url) < 2000
    page = app_opener(url, wait_for=None)
    try:
        page.evaluate("localStorage.setItem('secret', 'site-data')")
        player = page.locator("#wasmblocks-player")
        expect(player).to_have_attribute("data-state", "ready", timeout=60_000)
        # The sandboxed worker starts from the site's memory snapshot too, not from a plain boot.
        console = "\n".join(page.wasmblocks_console)
        assert "restored from the memory snapshot" in console and "could not start from" not in console, console
        frame = page.frame_locator("iframe.wb-sandbox-frame")
        frame.get_by_label("Name").fill("Zoë")
        frame.get_by_role("button", name="Grüßen").click()
        expect(frame.get_by_label("Greeting")).to_have_value("Grüß dich, Zoë — 你好 🎉")
        assert page.title() == "Grüße"
        # The app's js= runs in an opaque origin: no access to the site's storage or cookies.
        frame.get_by_role("button", name="Probe").click()
        expect(frame.get_by_label("Probe")).to_have_value("null|blocked|blocked")
    finally:
        page.context.close()


ZONED = '''import gradio as gr

with gr.Blocks() as demo:
    gr.DateTime(value=0, timezone="Europe/Paris", label="When")
'''


def test_share_link_app_naming_a_time_zone_gets_tzdata(app_opener, site):
    """No export, so no install plan: the worker adds the vendored tzdata itself (wasmblocks.implied)."""
    page = app_opener(f"{site}player.html#code={encode_payload({'app.py': ZONED}, 'app.py')}", wait_for=None)
    try:
        expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "ready", timeout=60_000)
        expect(page.frame_locator("iframe.wb-sandbox-frame").get_by_label("When")).to_have_value("1970-01-01 01:00:00")
    finally:
        page.context.close()
