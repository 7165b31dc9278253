"""<gradio-app src=…>: Gradio's embed element for an exported app, on a host page written as Gradio's embedding
guide shows it (a module script, then the element). The app starts when it comes into view (eager="true" at
once), takes Gradio's attributes (theme_mode, container, info, initial_height, control_page_title), fires
`render` when it shows, keeps running when the element is moved, and `space=` is refused with a reason."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,">
<script type="module" src="../assets/embed.js"></script>
</head><body>
<h1>Host page</h1>
<div id="slot"><gradio-app id="top" src="../" theme_mode="dark"></gradio-app></div>
<gradio-app id="space" space="gradio/hello_world" eager="true"></gradio-app>
<div style="height: 4000px"></div>
<gradio-app id="below" src="../" container="false" initial_height="123px"></gradio-app>
<script>
  window.renders = 0;
  document.getElementById("top").addEventListener("render", () => window.renders++);
</script>
</body></html>
"""


@pytest.fixture(scope="module")
def page(app_opener, static_server, export_app):
    site = export_app("hello", static_server.root / "gradio-app-site")
    (site / "host").mkdir(exist_ok=True)
    (site / "host" / "index.html").write_text(HOST, encoding="utf-8")
    page = app_opener(f"{static_server.url}gradio-app-site/host/", wait_for=None)
    expect(page.locator("#top")).to_have_attribute("data-state", "ready", timeout=90_000)
    yield page
    page.context.close()


def test_the_exported_app_runs_in_the_host_page(page):
    top = page.locator("#top")
    top.get_by_label("Name").fill("Ada")
    expect(top.get_by_label("Greeting")).to_have_value("Welcome to Gradio, Ada!")
    assert page.evaluate("window.renders") == 1
    assert page.title() == "Host page"  # control_page_title defaults to false
    # theme_mode="dark" forces the dark theme; container and info (defaults) frame it and say where it is from.
    expect(top.locator(".wb-embed")).to_have_class(re.compile(r"\bdark\b"))
    expect(top.locator(".wb-gradio-app-frame")).to_have_count(1)
    expect(top.get_by_role("link", name="gradio-app-site")).to_have_attribute("href", re.compile(r"/gradio-app-site/$"))


def test_an_element_below_the_fold_waits_until_it_is_scrolled_to(page):
    below = page.locator("#below")
    # Not started (no Python booting for it) while off screen; the room it keeps is initial_height.
    assert below.get_attribute("data-state") is None
    assert below.evaluate("e => getComputedStyle(e).minHeight") == "123px"


def test_moving_the_element_keeps_the_app_running(page):
    top = page.locator("#top")
    top.get_by_label("Name").fill("Bo")
    page.evaluate("""() => { const slot = document.getElementById("slot"); const el = slot.querySelector("gradio-app");
                             el.remove(); slot.appendChild(el); }""")
    expect(top.get_by_label("Name")).to_have_value("Bo")
    top.get_by_label("Name").fill("Cy")
    expect(top.get_by_label("Greeting")).to_have_value("Welcome to Gradio, Cy!")


def test_space_is_refused_with_the_way_out(page):
    space = page.locator("#space")
    expect(space).to_have_attribute("data-state", "error")
    expect(space).to_contain_text("runs on Gradio's server")
    expect(space).to_contain_text("src=")
