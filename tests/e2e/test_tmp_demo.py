import re
from pathlib import Path
from playwright.sync_api import expect

def test_streaming_simple(browser, source_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(source_url("ss.py", Path("/work/ref/gradio/demo/streaming_simple/run.py").read_text()))
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]', timeout=60_000)
    page.get_by_role("button", name="Click to Access Webcam").click()
    b = page.get_by_role("button", name="capture photo")
    expect(b).to_be_enabled(timeout=10_000)
    b.click()
    page.wait_for_timeout(4000)
    page.screenshot(path="/tmp/ss.png", full_page=True)
    print(page.get_by_test_id("toast-body").all_inner_texts())
    print(b.inner_text())
    context.close()
