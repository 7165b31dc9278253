"""URLs as file values: Gradio passes http(s) addresses through to the page (the browser loads them, or quietly
fails to, offline), and downloads one given to a function as a file; a download that fails is the event's
clear error and the app keeps working."""

from __future__ import annotations

import re

from playwright.sync_api import expect

# .invalid never resolves (RFC 2606): the browser's load fails at once, as any remote address does offline.
REMOTE = "https://images.example.invalid/cheetah.jpg"
REMOTE_VIDEO = "https://videos.example.invalid/world.mp4"

APP = """
import os
import gradio as gr

calls = []

def size(path):
    calls.append(path)
    return f"call {{len(calls)}}: {{os.path.getsize(path)}} bytes at {{os.path.basename(path)}}"

with gr.Blocks() as demo:
    gr.Gallery(value=[("{remote}", "cheetah"), ("{video}", "world")], label="Remote gallery", columns=2)
    remote = gr.Image(value="{remote}", type="filepath", label="Remote image")
    served = gr.Image(value="{served}", type="filepath", label="Served image")
    out = gr.Textbox(label="Size")
    gr.Button("Measure remote").click(size, remote, out)
    gr.Button("Measure served").click(size, served, out)
"""


def remote_app_url(source_url, static_server) -> tuple[str, str]:
    (static_server.root / "media").mkdir(exist_ok=True)
    (static_server.root / "media" / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 24)
    served = f"{static_server.url}media/cat.png"  # the page's own server: reachable from the worker
    source = APP.format(remote=REMOTE, video=REMOTE_VIDEO, served=served)
    return source_url("remote_urls.py", source), served


def test_url_values_reach_the_page_as_addresses_and_the_app_starts(open_app, source_url, static_server):
    url, served = remote_app_url(source_url, static_server)
    page = open_app(url)
    thumbnail = page.get_by_role("button", name=re.compile(r"^Thumbnail \d of 2$"))
    expect(thumbnail.nth(0).get_by_role("img", name="cheetah")).to_have_attribute("src", REMOTE)
    expect(thumbnail.nth(1).locator("video")).to_have_attribute("src", REMOTE_VIDEO)
    expect(page.locator(f'img[src="{REMOTE}"]')).to_have_count(2)  # the gallery's and the Image's
    expect(page.locator(f'img[src="{served}"]')).to_have_count(1)
    expect(page.get_by_test_id("toast-body")).to_have_count(0)
    # The only complaints are the browser's own about addresses it could not load.
    assert all("Failed to load resource" in e for e in page.wasmblocks_errors), page.wasmblocks_errors


def test_a_url_input_is_downloaded_and_a_failed_download_is_a_clear_error(open_app, source_url, static_server):
    url, _ = remote_app_url(source_url, static_server)
    page = open_app(url)
    page.get_by_role("button", name="Measure served").click()
    expect(page.get_by_label("Size")).to_have_value("call 1: 32 bytes at cat.png")  # a local copy of the file
    page.get_by_role("button", name="Measure remote").click()
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_contain_text(re.compile(r'Image "Remote image": could not download '
                                             + re.escape(REMOTE) + r" \(.+\)"))
    # The function never ran without its file, and nothing changed behind the user; the app keeps working.
    expect(page.get_by_label("Size")).to_have_value("call 1: 32 bytes at cat.png")
    page.get_by_role("button", name="Measure served").click()
    expect(page.get_by_label("Size")).to_have_value("call 2: 32 bytes at cat.png")
