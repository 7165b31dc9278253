"""XSS (part of the security suite, docs/security.md): values from Python reach the page through the
sanitizer or as text, never as script. Each vector below is shown at once in Markdown, a chat message,
gr.HTML, a label, a toast, a Dataframe cell, HighlightedText, Label and JSON; no script may run and no
script-carrying markup may be left in the page.

A vector that runs sets window.__xss (or opens a dialog, which is recorded)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

RUN = "window.__xss=1"
VECTORS = [
    f"<script>{RUN}</script>",
    f'<img src=x onerror="{RUN}">',
    f'<img src="x" onerror="{RUN}"',  # unterminated
    f"<svg onload={RUN}>",
    f"<svg><script>{RUN}</script></svg>",
    f'<svg><animate onbegin="{RUN}" attributeName=x dur=1s>',
    f'<svg><set attributeName=onmouseover to="{RUN}">',
    f'<svg><a xlink:href="javascript:{RUN}"><text y=20>svg link</text></a></svg>',
    f'<iframe src="javascript:{RUN}"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    f'<a href="javascript:{RUN}">js link</a>',
    f'<a href="JaVaScRiPt:{RUN}">mixed case</a>',
    f'<a href="&#106;avascript:{RUN}">entity</a>',
    f'<a href="jav&#x09;ascript:{RUN}">tab</a>',
    f'<a href=" javascript:{RUN}">space</a>',
    f'<a href="data:text/html,<script>{RUN}</script>">data link</a>',
    f"[md link](javascript:{RUN})",
    f'![md image](x" onerror="{RUN})',
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN}>",
    f'<svg></p><style><a id="</style><img src=1 onerror={RUN}>">',
    f"<form><math><mtext></form><form><mglyph><style></math><img src onerror={RUN}>",
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>">',
    f'<!--<img src="--><img src=x onerror={RUN}//">',
    f"<scr<script>ipt>{RUN}</scr</script>ipt>",
    f"<template><img src=x onerror={RUN}></template>",
    f'<object data="javascript:{RUN}"></object>',
    f'<embed src="javascript:{RUN}">',
    f'<body onload="{RUN}">',
    f'<details open ontoggle="{RUN}">d</details>',
    f'<input autofocus onfocus="{RUN}">',
    f'<video><source onerror="{RUN}"></video>',
    f'<audio src=x onerror="{RUN}"></audio>',
    f'<marquee onstart="{RUN}">m</marquee>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{RUN}">',
    f'<link rel="stylesheet" href="javascript:{RUN}">',
    f'<button formaction="javascript:{RUN}">b</button>',
    f'<img srcset="x 1x" onerror="{RUN}">',
    f'"><img src=x onerror={RUN}>',
    f"<style>@import 'javascript:{RUN}';</style>",
    f"$$\\href{{javascript:{RUN}}}{{katex link}}$$",
    f"$$\\url{{javascript:{RUN}}}$$",
    f"<span><style>$$</style><img src=x onerror={RUN}>$$</style></span>",
]

APP = f'''
import gradio as gr

VECTORS = {VECTORS!r}


def show(i):
    v = VECTORS[int(i)]
    gr.Info(v, duration=3)
    return (
        v, [{{"role": "user", "content": v}}, {{"role": "assistant", "content": v}}], v, gr.update(label=v, value=v),
        [[v, "b"]], [(v, "x"), ("y", v)], {{v: 0.9, "other": 0.1}}, {{"key": v, v: [v]}}, str(i),
    )


with gr.Blocks() as demo:
    index = gr.Number(label="Vector", precision=0)
    shown = gr.Textbox(label="Shown")
    markdown = gr.Markdown()
    chat = gr.Chatbot()
    html = gr.HTML()
    labelled = gr.Textbox(label="label")
    table = gr.Dataframe(headers=["a", "b"])
    highlighted = gr.HighlightedText()
    label = gr.Label()
    tree = gr.JSON()
    gr.Button("Show").click(show, index, [markdown, chat, html, labelled, table, highlighted, label, tree, shown])
'''

FIND_LEFTOVERS = """() => {
  const found = [];
  const roots = [document.getElementById('wasmblocks-app'), ...document.querySelectorAll('.toast-wrap')];
  for (const root of roots) {
    if (!root) continue;
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link'].includes(tag)) found.push(tag);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (/^(javascript|vbscript|data:text\\/html)/.test(value)) {
          const urlAttrs = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'to', 'values'];
          if (urlAttrs.includes(name)) found.push(`${tag}[${name}=${value.slice(0, 30)}]`);
        }
      }
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("xss_vectors.py", APP))
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    page.context.close()


@pytest.mark.parametrize("i", range(len(VECTORS)), ids=[f"{i:02d}" for i in range(len(VECTORS))])
def test_no_vector_runs_or_leaves_script_in_the_page(page, i):
    page.get_by_label("Vector").fill(str(i))
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_label("Shown")).to_have_value(str(i))
    expect(page.get_by_test_id("toast-body").last).to_be_visible()
    # Let images fail and animations begin: every <img> has settled (complete is also true after an error).
    page.wait_for_function("() => [...document.images].every((img) => img.complete)")
    assert page.evaluate("window.__xss") is None, VECTORS[i]
    assert page.dialogs == [], (VECTORS[i], page.dialogs)
    assert page.evaluate(FIND_LEFTOVERS) == [], VECTORS[i]
    assert not [e for e in page.wasmblocks_errors if "__xss" in e], page.wasmblocks_errors
