"""Embedding: <wasm-blocks> elements and the mount() controller on a host page that is not an export page.

The host page is written by this module into a served export (beside index.html, importing
../assets/embed.js). One page holds every app, so Pyodide boots once per app, in parallel:
- #first: inline code; #second: src="second.py" + a <wasm-blocks-file> child. Both apps have the same
  labels and block ids, so they also prove that ids, labels and gr.State do not leak between apps;
- #broken: an app that raises; #missing: a src= that 404s; each error shows inside its own element only;
- #mounted: mount() from JS: run(code), writeFile, install, unmount.
"""

from __future__ import annotations


import pytest
from playwright.sync_api import expect

from test_publish_share import make_wheel  # a tiny offline wheel (tinypkg 1.0)

COUNTER = '''
import gradio as gr
{imports}

with gr.Blocks(title="{title}") as demo:
    count = gr.State(0)
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Out")

    def go(n, c):
        c += 1
        return f"{{{expr}}}:{{c}}", c

    gr.Button("Go").click(go, [name, count], [out, count])
'''

# In a <script type="text/x-python"> child, so `<` and `&` stay as written.
FIRST = COUNTER.format(imports='assert 1 < 2 and "&amp;" != "<b>"', title="First app", expr="'first:' + n")
SECOND = COUNTER.format(imports="from helpers import shout", title="Second app", expr="shout(n)")
HELPERS = "def shout(s):\n    return s.upper() + '!'\n"

HOST = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,">
<script type="module" src="../assets/embed.js"></script>
</head><body>
<h1>A page that is not ours</h1>
<wasm-blocks id="first"><script type="text/x-python">{FIRST}</script></wasm-blocks>
<wasm-blocks id="second" src="second.py">
  <wasm-blocks-file name="helpers.py">
    {HELPERS.replace(chr(10), chr(10) + "    ")}
  </wasm-blocks-file>
</wasm-blocks>
<wasm-blocks id="broken">
import gradio as gr
raise ValueError("broken on purpose")
</wasm-blocks>
<wasm-blocks id="missing" src="nope.py"></wasm-blocks>
<div id="mounted"></div>
</body></html>
"""

# mount(): reads a file the page writes later; keeps a marker in builtins to show run() keeps Python.
MOUNT_V1 = '''
import builtins
import gradio as gr
builtins._wb_marker = "same python"

def read():
    try:
        text = open("note.txt", encoding="utf-8").read()
        data = list(open("data/bytes.bin", "rb").read())
        return f"{text}|{data}"
    except FileNotFoundError as e:
        return f"missing {e.filename}"

with gr.Blocks(title="Mounted v1") as demo:
    gr.Textbox(label="Version", value="v1")
    note = gr.Textbox(label="Note")
    gr.Button("Read").click(read, None, note)
'''

MOUNT_V2 = '''
import builtins
import gradio as gr
import tinypkg

with gr.Blocks(title="Mounted v2") as demo:
    gr.Textbox(label="Version", value=f"v2|{getattr(builtins, '_wb_marker', 'fresh python')}|{tinypkg.VALUE}")
    gr.Textbox(label="Note", value=open("note.txt", encoding="utf-8").read())
'''

BOOT_MS = 90_000  # four Pythons start at once on a 2-core machine


@pytest.fixture(scope="module")
def host_url(static_server, export_app) -> str:
    site = export_app("hello", static_server.root / "embed-site")
    host = site / "host"
    host.mkdir(exist_ok=True)
    (host / "index.html").write_text(HOST, encoding="utf-8")
    (host / "second.py").write_text(SECOND, encoding="utf-8")
    make_wheel(host / "tinypkg-1.0-py3-none-any.whl")
    return f"{static_server.url}embed-site/host/"


@pytest.fixture(scope="module")
def page(app_opener, host_url):
    page = app_opener(host_url, wait_for=None)
    page.evaluate(
        """async (code) => {
            const { mount } = await import("../assets/embed.js");
            // Classic scripts and PyScript reach the same function through window.wasmblocks.
            if (window.wasmblocks?.mount !== mount) throw new Error("window.wasmblocks.mount is not mount");
            window.ctl = mount(document.getElementById("mounted"), { code, setTitle: false });
        }""",
        MOUNT_V1,
    )
    for sel in ("#first", "#second", "#mounted .wb-embed"):
        expect(page.locator(sel)).to_have_attribute("data-state", "ready", timeout=BOOT_MS)
    yield page
    page.context.close()


def test_two_elements_boot_and_keep_to_themselves(page):
    first, second = page.locator("#first"), page.locator("#second")
    first.get_by_label("Name").fill("ada")
    first.get_by_role("button", name="Go").click()
    expect(first.get_by_label("Out")).to_have_value("first:ada:1")
    first.get_by_role("button", name="Go").click()
    expect(first.get_by_label("Out")).to_have_value("first:ada:2")
    # The second app (src= + a helper file) saw none of it: its own State starts at 0.
    expect(second.get_by_label("Out")).to_have_value("")
    second.get_by_label("Name").fill("bob")
    second.get_by_role("button", name="Go").click()
    expect(second.get_by_label("Out")).to_have_value("BOB!:1")
    expect(first.get_by_label("Out")).to_have_value("first:ada:2")
    expect(first.get_by_label("Name")).to_have_value("ada")
    # Same labels and block ids in both apps, yet every label names its own app's input.
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    # No element asked for the title: the host page keeps its own.
    assert page.title() == "Host page"
    # The source text is gone from the page; only the apps show.
    assert "import gradio" not in page.inner_text("body")


def test_broken_app_shows_its_error_in_its_own_element(page):
    broken = page.locator("#broken")
    expect(broken).to_have_attribute("data-state", "error")
    alert = broken.get_by_test_id("boot-error")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("broken on purpose")
    # A src= that does not load says so, in its element (no worker is started for it).
    missing = page.locator("#missing")
    expect(missing).to_have_attribute("data-state", "error")
    expect(missing.get_by_test_id("boot-error")).to_contain_text("nope.py")
    expect(missing.get_by_test_id("boot-error")).to_contain_text("HTTP 404")
    # The other apps are unaffected.
    assert page.locator('[data-testid="boot-error"]').count() == 2
    expect(page.locator("#first")).to_have_attribute("data-state", "ready")


def test_mount_controller_write_file_install_run(page, host_url):
    mounted = page.locator("#mounted")
    mounted.get_by_role("button", name="Read").click()
    expect(mounted.get_by_label("Note")).to_have_value("missing note.txt")
    page.evaluate("""async () => {
        await ctl.writeFile("note.txt", "hello from JS ✓");
        await ctl.writeFile("data/bytes.bin", new Uint8Array([0, 255, 7]));
    }""")
    mounted.get_by_role("button", name="Read").click()
    expect(mounted.get_by_label("Note")).to_have_value("hello from JS ✓|[0, 255, 7]")
    # Bad input is refused with a readable error, not written outside the app folder.
    error = page.evaluate("ctl.writeFile('../escape.txt', 'x').then(() => 'written', (e) => e.message)")
    assert "Bad app file name" in error
    page.evaluate("(url) => ctl.install([url])", f"{host_url}tinypkg-1.0-py3-none-any.whl")
    page.evaluate("(code) => ctl.run(code)", MOUNT_V2)
    # The new app: same Python (the marker survived, no Pyodide reload), the installed package, the file.
    expect(mounted.get_by_label("Version")).to_have_value("v2|same python|tiny-ok")
    expect(mounted.get_by_label("Note")).to_have_value("hello from JS ✓")
    expect(mounted.get_by_role("button", name="Read")).to_have_count(0)
    assert page.title() == "Host page"  # setTitle: false
    # run() resolves once the new app is drawn, a component whose code loads on first use included.
    headers = page.evaluate("""async (code) => {
        await ctl.run(code);
        return [...document.querySelectorAll("#mounted [role=columnheader]")].map((h) => h.textContent);
    }""", 'import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Dataframe([["a", 1]], headers=["name", "n"])\n')
    assert headers == ["name", "n"]


def _workers(page) -> int:
    return len([w for w in page.workers if w.url.endswith("/assets/worker.js")])


def _wait_workers(page, count: int) -> None:
    """Playwright learns of a terminated worker asynchronously: poll for up to 5 s."""
    for _ in range(50):
        if _workers(page) == count:
            return
        page.wait_for_timeout(100)
    assert _workers(page) == count, [w.url for w in page.workers]


def test_unmount_and_element_removal_end_their_workers(page):
    _wait_workers(page, 4)  # first, second, broken (Python started, the app failed), mounted
    page.evaluate("ctl.unmount()")
    expect(page.locator("#mounted")).to_be_empty()
    _wait_workers(page, 3)
    assert "unmounted" in page.evaluate("ctl.run('x').then(() => 'ran', (e) => e.message)")
    assert page.locator("style[id^='wasmblocks-app-css-']").count() == 0
    # Removing an element from the page ends its app the same way.
    page.evaluate("document.getElementById('broken').remove()")
    _wait_workers(page, 2)
    # The remaining apps still work.
    page.locator("#first").get_by_role("button", name="Go").click()
    expect(page.locator("#first").get_by_label("Out")).to_have_value("first:ada:3")
    expected = ("broken on purpose", "404")  # the broken app and the missing src=
    assert not [e for e in page.wasmblocks_errors if not any(x in e for x in expected)], page.wasmblocks_errors
