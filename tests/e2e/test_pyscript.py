"""PyScript for real: wasmblocks in PyScript's own interpreter, offline.

PyScript is @pyscript/core from npm (the version package-lock.json pins), copied into an export by
`export --pyscript` (OUT/pyscript/core/); its `interpreter` is the export's vendored Pyodide and micropip
installs the export's wheel by URL (OUT/pyscript/pyscript.json). One page per route, each typing, clicking
and reading the DOM, so each fails when PyScript did not start:
- worker: `<script type="py" worker>` on a server that sends COOP/COEP (`build.py serve --coi`'s headers);
- main thread: two `<script type="py">` apps on one page, one at its script, one at `target=`;
- mount(): PyScript's Python starting an app in wasmblocks' own worker (docs/embedding.md);
- the documented page (OUT/pyscript/index.html, docs/pyscript.md) on a plain server, isolated by mini-coi;
and the bad inputs: a worker page without isolation, a wheel of another version than the renderer.
Every request of every page is recorded; one to another host than the test server fails the test.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import QuietHandler, StaticServer
from wasmblocks_build.common import ROOT
from wasmblocks_build.httpd import make_server, serve_in_thread

BOOT_MS = 150_000  # PyScript boots Pyodide from scratch and micropip-installs the wheel (no snapshot)
VERSION = "0.1.0"
OTHER_VERSION = "0.0.1"

HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="core/core.css">
<script type="module" src="core/core.js"></script>
<script type="module" src="../assets/embed.js"></script>
</head><body>
"""

WORKER_APP = '''
import importlib.metadata
import sys
from pathlib import Path

import gradio as gr
from pyscript import RUNNING_IN_WORKER

meta = importlib.metadata.metadata("wasmblocks")
where = f"{'worker' if RUNNING_IN_WORKER else 'main'} | {gr.__name__} | polyscript: {'polyscript' in sys.modules}"
package = " | ".join([meta["Name"], meta["Version"], meta["License-Expression"], meta["Requires-Python"],
                      str(len(meta.get_all("Classifier"))), str(len(meta.get_all("Project-URL")))])

def greet(name):
    return f"Hello, {name}!"

def shout(path):
    data = Path(path).read_bytes()
    out = Path(path).with_name("shouted.txt")
    out.write_bytes(data.upper())
    return str(out), f"{len(data)} bytes"

with gr.Blocks() as demo:
    gr.Textbox(label="Where", value=where)
    gr.Textbox(label="Package", value=package)
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(greet, name, greeting)
    source = gr.File(label="Text file", type="filepath")
    size = gr.Textbox(label="Size")
    result = gr.File(label="Shouted")
    gr.Button("Shout").click(shout, source, [result, size])

demo.launch()
'''

# No target=: the app shows where PyScript's display() writes, an element right after the script.
WORKER_PAGE = HEAD.format(title="PyScript worker") + f"""<h1>wasmblocks in PyScript's worker</h1>
<script type="py" worker config="pyscript.json">{WORKER_APP}</script>
<p id="after">after the script</p>
</body></html>
"""

# Main thread: both scripts share PyScript's one interpreter (and so one config), and each app names its
# element (#first comes after #second in the page). Without target= an app shows where display() writes,
# which PyScript tracks per running script; with several async scripts that can be the last one started.
MAIN_FIRST = '''
import asyncio
import gradio as gr
from pyscript import RUNNING_IN_WORKER

async def count(n):
    text = ""
    for i in range(1, int(n) + 1):
        await asyncio.sleep(0)
        text += str(i)
        yield text

with gr.Blocks() as first:
    gr.Textbox(label="Thread", value="worker" if RUNNING_IN_WORKER else "main")
    n = gr.Number(label="Count to", value=3)
    counted = gr.Textbox(label="Counted")
    gr.Button("Count").click(count, n, counted)

first.launch(target="#first")
'''
MAIN_SECOND = '''
import gradio as gr

with gr.Blocks() as second:
    word = gr.Textbox(label="Word")
    loud = gr.Textbox(label="Loud")
    gr.Button("Shout").click(lambda s: s.upper() + "!", word, loud)

second.launch(target="second")
'''
# A target that is not on the page: the error shows in this script's output element.
MAIN_LOST = '''
import gradio as gr

with gr.Blocks() as lost:
    gr.Textbox(label="Lost")

lost.launch(target="nowhere")
'''
MAIN_PAGE = HEAD.format(title="PyScript main thread") + f"""<h1>Two apps on PyScript's main thread</h1>
<div id="second"></div>
<div id="first"></div>
<script type="py" config="pyscript.json">{MAIN_FIRST}</script>
<script type="py" config="pyscript.json">{MAIN_SECOND}</script>
<script type="py" id="lost" config="pyscript.json">{MAIN_LOST}</script>
</body></html>
"""

# mount(): PyScript's Python (here in its worker, through the `window` proxy) starts an app in
# wasmblocks' own worker and keeps the controller.
MOUNTED_APP = '''
import gradio as gr

with gr.Blocks() as demo:
    n = gr.Number(label="N", value=20)
    doubled = gr.Number(label="Doubled")
    gr.Button("Double").click(lambda x: x * 2, n, doubled)
'''
MOUNT_PAGE = HEAD.format(title="PyScript mount") + f"""<h1>mount() from PyScript</h1>
<div id="mounted"></div>
<script type="py" worker config="pyscript.json">
from pyscript import document, ffi, window

APP = '''{MOUNTED_APP}'''
controller = window.wasmblocks.mount(document.getElementById("mounted"), ffi.to_js({{"code": APP}}))
document.getElementById("mounted").dataset.mountedBy = "pyscript"
</script>
</body></html>
"""

MISMATCH_PAGE = HEAD.format(title="PyScript version mismatch") + f"""<div id="app"></div>
<script type="py" config='{{"interpreter": "../pyodide/pyodide.mjs", "packages_cache": "never",
  "packages": ["./other/wasmblocks-{OTHER_VERSION}-py3-none-any.whl"]}}'>
import gradio as gr

with gr.Blocks() as demo:
    gr.Textbox(label="Never shown")

demo.launch(target="app")
</script>
</body></html>
"""


class IsolatingHandler(QuietHandler):
    """The headers `build.py serve --coi` sends."""

    coi = True


class IsolatedServer(StaticServer):
    """A StaticServer whose responses carry COOP/COEP."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.httpd = make_server(root, "127.0.0.1", 0, handler=IsolatingHandler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        serve_in_thread(self.httpd)


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def other_version_wheel(wheel: Path, target_dir: Path) -> Path:
    """The same wheel, claiming another version everywhere it is written (METADATA, dist-info, VERSION)."""
    old_info, new_info = f"wasmblocks-{VERSION}.dist-info", f"wasmblocks-{OTHER_VERSION}.dist-info"
    entries = []
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name == "wasmblocks/blocks.py":
                data = data.replace(f'VERSION = "{VERSION}"'.encode(), f'VERSION = "{OTHER_VERSION}"'.encode())
            if name == f"{old_info}/METADATA":
                data = data.replace(f"Version: {VERSION}".encode(), f"Version: {OTHER_VERSION}".encode())
            if not name.endswith("/RECORD"):
                entries.append((name.replace(old_info, new_info), data))
    record = "".join(f"{name},{record_hash(data)},{len(data)}\n" for name, data in entries)
    entries.append((f"{new_info}/RECORD", (record + f"{new_info}/RECORD,,\n").encode()))
    target = target_dir / f"wasmblocks-{OTHER_VERSION}-py3-none-any.whl"
    target_dir.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


@pytest.fixture(scope="module")
def site(static_server: StaticServer, export_app: Callable[..., Path]) -> Path:
    """An export with --pyscript, and this module's pages beside the one it writes (OUT/pyscript/)."""
    out = export_app("hello", static_server.root / "pyscript-site", pyscript=True)
    folder = out / "pyscript"
    pages = {"worker.html": WORKER_PAGE, "main.html": MAIN_PAGE, "mount.html": MOUNT_PAGE,
             "mismatch.html": MISMATCH_PAGE}
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    wheel = other_version_wheel(out / "wheels" / f"wasmblocks-{VERSION}-py3-none-any.whl", folder / "other")
    assert wheel.is_file()
    return out


@pytest.fixture(scope="module")
def isolated_server(static_server: StaticServer) -> Iterator[StaticServer]:
    """The same files as static_server, served with the cross-origin isolation headers."""
    server = IsolatedServer(static_server.root)
    yield server
    server.close()


@pytest.fixture
def visit(browser) -> Iterator[Callable[[str], Page]]:
    """visit(url): a fresh context and page that records every request and console line, navigated to url."""
    contexts = []

    def _visit(url: str) -> Page:
        context = browser.new_context()
        contexts.append(context)
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.requests = requests
        page.console = []
        page.on("console", lambda message: page.console.append(f"[{message.type}] {message.text}"))
        page.on("pageerror", lambda error: page.console.append(f"[pageerror] {error}"))
        page.goto(url)
        return page

    yield _visit
    for context in contexts:
        context.close()


def report(page: Page) -> str:
    return "\n".join(page.console[-40:])


def wait_ready(page: Page, selector: str) -> None:
    """Wait until the app in `selector` is ready; a boot error or the guard's end fails with the console."""
    app = page.locator(selector)
    try:
        expect(app.locator(".wb-embed[data-state=ready], .wb-embed[data-state=error]").first).to_be_attached(
            timeout=BOOT_MS)
    except AssertionError as exc:
        raise AssertionError(f"no app in {selector}\n{report(page)}") from exc
    state = app.locator(".wb-embed").first.get_attribute("data-state")
    assert state == "ready", f"{selector}: {app.inner_text()}\n{report(page)}"


def wait_console(page: Page, pattern: str) -> str:
    """The first console line matching `pattern`, waiting for it (the guard is BOOT_MS, not a timing)."""
    for _ in range(BOOT_MS // 250):
        found = next((line for line in page.console if re.search(pattern, line)), None)
        if found:
            return found
        page.wait_for_timeout(250)
    raise AssertionError(f"no console line matches {pattern!r}\n{report(page)}")


def assert_local(page: Page, server: StaticServer) -> None:
    """Every request went to the test server (or stayed in the browser: blob:, data:)."""
    foreign = [url for url in page.requests if not url.startswith((server.url, "blob:", "data:"))]
    assert not foreign, f"requests to other hosts: {foreign}"
    # PyScript fetched its own assets and Pyodide from the export, not from a CDN.
    for part in ("pyscript/core/core.js", "pyscript/core/core.css", "pyodide/pyodide.asm.wasm",
                 "pyodide/micropip-"):
        assert any(part in url for url in page.requests), f"{part} was never requested: {page.requests}"


def our_worker_started(page: Page) -> bool:
    """Whether wasmblocks' own worker (assets/worker.js, runtime.json) was used: not by launch()."""
    return any(url.endswith(("/assets/worker.js", "/runtime.json")) for url in page.requests)


def test_worker_route_runs_the_app_in_pyscripts_worker(site, isolated_server, visit, tmp_path):
    page = visit(f"{isolated_server.url}pyscript-site/pyscript/worker.html")
    wait_ready(page, "script-py")
    app = page.locator("script-py")
    # PyScript's output element for the script: between the script and the paragraph after it.
    assert page.evaluate("document.querySelector('script[type=py]').nextElementSibling.localName") == "script-py"
    # The Blocks layer runs in PyScript's worker: `import gradio` gave wasmblocks, micropip installed the
    # wheel with its metadata, and wasmblocks' own worker never started.
    expect(app.get_by_label("Where")).to_have_value("worker | wasmblocks | polyscript: True")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    expect(app.get_by_label("Package")).to_have_value(" | ".join([
        "wasmblocks", VERSION, project["license"], project["requires-python"], str(len(project["classifiers"])),
        str(len(project["urls"]))]))
    app.get_by_label("Name").fill("Ada")
    app.get_by_role("button", name="Greet").click()
    expect(app.get_by_label("Greeting")).to_have_value("Hello, Ada!")
    # File bytes both ways: an upload into PyScript's file system, a file back as a download.
    app.locator(".block").filter(has_text="Text file").get_by_test_id("file-upload").set_input_files(
        {"name": "note.txt", "mimeType": "text/plain", "buffer": b"hello pyscript"})
    app.get_by_role("button", name="Shout").click()
    expect(app.get_by_label("Size")).to_have_value("14 bytes")
    link = app.locator(".block").filter(has_text="Shouted").get_by_role("link").first
    with page.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes() == b"HELLO PYSCRIPT"
    assert info.value.suggested_filename == "shouted.txt"
    assert page.evaluate("crossOriginIsolated")
    assert not our_worker_started(page)
    assert_local(page, isolated_server)
    assert not [line for line in page.console if line.startswith(("[error]", "[pageerror]"))], report(page)


def test_main_thread_route_two_apps_on_one_page(site, static_server, visit):
    page = visit(f"{static_server.url}pyscript-site/pyscript/main.html")
    first, second = page.locator("#first"), page.locator("#second")
    wait_ready(page, "#first")  # target="#first"
    wait_ready(page, "#second")  # target="second"
    assert page.evaluate("crossOriginIsolated") is False  # the main thread needs no isolation
    expect(first.get_by_label("Thread")).to_have_value("main")
    first.get_by_role("button", name="Count").click()
    expect(first.get_by_label("Counted")).to_have_value("123")  # an async generator, on the asyncio queue
    second.get_by_label("Word").fill("hey")
    second.get_by_role("button", name="Shout").click()
    expect(second.get_by_label("Loud")).to_have_value("HEY!")
    expect(first.get_by_label("Counted")).to_have_value("123")
    # A target= that names no element: said where the script's output goes, and raised (PyScript shows it).
    lost = page.locator("#lost + script-py")
    expect(lost.get_by_test_id("boot-error")).to_contain_text('demo.launch(target="nowhere"): the page has no '
                                                              "element with that id")
    expect(page.locator(".py-error")).to_contain_text("LaunchError")
    expect(page.get_by_label("Lost")).to_have_count(0)
    # Two apps, one per element; their DOM ids do not collide.
    assert page.locator(".wb-embed[data-state=ready]").count() == 2
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert not our_worker_started(page)
    assert_local(page, static_server)


def test_mount_route_from_a_pyscript_worker(site, isolated_server, visit):
    page = visit(f"{isolated_server.url}pyscript-site/pyscript/mount.html")
    mounted = page.locator("#mounted")
    expect(mounted).to_have_attribute("data-mounted-by", "pyscript", timeout=BOOT_MS)
    wait_ready(page, "#mounted")
    mounted.get_by_role("button", name="Double").click()
    expect(mounted.get_by_label("Doubled")).to_have_value("40")
    # mount() runs the app in wasmblocks' own worker, started by PyScript's Python.
    assert our_worker_started(page)
    assert_local(page, isolated_server)


def test_documented_page_works_with_mini_coi_on_a_plain_server(site, static_server, visit):
    # The page docs/pyscript.md shows is the page export writes (tests/test_pyscript_build.py), and
    # it is served here as written, by a server without cross-origin isolation headers.
    page = visit(f"{static_server.url}pyscript-site/pyscript/")
    wait_ready(page, "#app")
    assert page.evaluate("crossOriginIsolated"), "mini-coi did not isolate the page"
    controller = page.evaluate("navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL")
    assert controller and controller.endswith("/pyscript-site/pyscript/mini-coi.js")
    app = page.locator("#app")
    app.get_by_label("Name").fill("Grace")
    app.get_by_role("button", name="Greet").click()
    expect(app.get_by_label("Greeting")).to_have_value("Hello, Grace!")
    assert not our_worker_started(page)
    assert_local(page, static_server)


def test_worker_page_without_isolation_names_the_fix(site, static_server, visit):
    page = visit(f"{static_server.url}pyscript-site/pyscript/worker.html")
    # Ours, on the page, next to the script: PyScript's worker cannot reach the page to show anything.
    alert = page.locator(".wb-pyscript-isolation").get_by_test_id("boot-error")
    expect(alert).to_contain_text("not cross-origin isolated")
    expect(alert).to_contain_text('<script src="mini-coi.js"></script>')
    expect(alert).to_contain_text("Cross-Origin-Embedder-Policy")
    # PyScript's own message, from its worker (so PyScript did start), then ours from launch().
    wait_console(page, r"Unable to use `window` or `document` in worker")
    line = wait_console(page, r"LaunchError: wasmblocks: demo\.launch\(\) in a PyScript worker cannot reach the page")
    assert "mini-coi" in line
    expect(page.locator("script-py .wb-embed")).to_have_count(0)
    assert_local(page, static_server)


def test_wheel_of_another_version_gets_a_clear_mismatch_message(site, static_server, visit):
    page = visit(f"{static_server.url}pyscript-site/pyscript/mismatch.html")
    app = page.locator("#app")
    expect(app.locator(".wb-embed")).to_have_attribute("data-state", "error", timeout=BOOT_MS)
    alert = app.get_by_test_id("boot-error")
    expect(alert).to_contain_text("version mismatch")
    expect(alert).to_contain_text(f"the wasmblocks Python package is {OTHER_VERSION}")
    expect(alert).to_contain_text(f"renderer ({static_server.url}pyscript-site/assets/embed.js) is {VERSION}")
    # PyScript shows the exception launch() raised on the main thread as well.
    expect(page.locator(".py-error")).to_contain_text("LaunchError: wasmblocks: version mismatch")
    expect(app.get_by_label("Never shown")).to_have_count(0)
    assert_local(page, static_server)
