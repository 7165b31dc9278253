"""Fast start: an exported site boots from its Pyodide memory snapshot, and a snapshot that cannot be used
(corrupt download, another Pyodide build) falls back to the plain boot with a console warning."""

from __future__ import annotations

import json
import lzma
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wasmblocks_build.export import export

RESTORED = "restored from the memory snapshot"
FELL_BACK = "could not start from the memory snapshot"


def _lines(page, text: str) -> list[str]:
    return [line for line in page.wasmblocks_console if text in line]


def _greets(page) -> None:
    page.get_by_label("Name").fill("Ada")
    expect(page.get_by_label("Greeting")).to_have_value("Welcome to Gradio, Ada!")


def _snapshot_file(site: Path) -> Path:
    info = json.loads((site / "runtime.json").read_text())
    return site / info["snapshot"]["url"]


def test_exported_site_boots_from_the_snapshot(open_app, site_url, export_app) -> None:
    site = export_app("hello")
    info = json.loads((site / "runtime.json").read_text())
    assert info["snapshot"]["url"].startswith("snapshot/") and info["snapshot"]["size"] > 1_000_000
    index = (site / "index.html").read_text()
    assert f'<link rel="preload" href="{info["snapshot"]["url"]}" as="fetch" crossorigin>' in index
    # The file holds only the runs of non-zero pages, in order, header first; the rest is zeros.
    segments = info["snapshot"]["segments"]
    shipped = len(lzma.decompress(_snapshot_file(site).read_bytes()))
    assert segments[0][0] == 0 and sum(length for _, length in segments) == shipped < info["snapshot"]["size"]
    assert all(a + n < b for (a, n), (b, _) in zip(segments, segments[1:]))
    assert segments[-1][0] + segments[-1][1] <= info["snapshot"]["size"]

    page = open_app(site_url("hello"))
    assert _lines(page, RESTORED), "\n".join(page.wasmblocks_console)
    assert not _lines(page, FELL_BACK)
    _greets(page)
    assert not page.wasmblocks_errors


def _corrupt_garbage(path: Path) -> None:
    path.write_bytes(b"this is not xz" * 1000)


def _corrupt_build_id(path: Path) -> None:
    """A well-formed snapshot of "another Pyodide build": the header's 256-bit build id differs."""
    raw = bytearray(lzma.decompress(path.read_bytes()))
    raw[16:48] = bytes(32)  # header: magic, offset, json length, 0, then the build id
    path.write_bytes(lzma.compress(bytes(raw), preset=0, check=lzma.CHECK_CRC32))


def _corrupt_segment_table(path: Path) -> None:
    """runtime.json places a run of the file past the end of the snapshot."""
    runtime = path.parents[1] / "runtime.json"
    info = json.loads(runtime.read_text())
    at, length = info["snapshot"]["segments"][-1]
    info["snapshot"]["segments"][-1] = [info["snapshot"]["size"] - length // 2, length]
    runtime.write_text(json.dumps(info))


@pytest.mark.parametrize(
    "corrupt", [_corrupt_garbage, _corrupt_build_id, _corrupt_segment_table], ids=["garbage", "other-build", "segments"]
)
def test_unusable_snapshot_falls_back_to_plain_boot(open_app, export_app, static_server, corrupt) -> None:
    name = f"fast-start-{corrupt.__name__.strip('_')}"
    site = export_app("hello", static_server.root / "sites" / name)
    corrupt(_snapshot_file(site))
    page = open_app(f"{static_server.url}sites/{name}/")
    warnings = _lines(page, FELL_BACK)
    assert warnings and all(line.startswith("[warning]") for line in warnings), "\n".join(page.wasmblocks_console)
    assert not _lines(page, RESTORED)
    _greets(page)
    assert not page.wasmblocks_errors


def test_snapshot_renews_random_state(open_app, site_url, tmp_path) -> None:
    """The snapshot froze `random`'s seed; every page load must still draw different numbers."""
    app = tmp_path / "dice.py"
    app.write_text(
        "import random\nimport gradio as gr\n"
        "with gr.Blocks() as demo:\n"
        "    gr.Textbox(value=str(random.random()), label='Draw')\n"
    )
    url = site_url(app)
    draws = []
    for _ in range(2):
        page = open_app(url)
        assert _lines(page, RESTORED)
        draws.append(page.get_by_label("Draw").input_value())
        page.context.close()
    assert draws[0] != draws[1]


def test_no_snapshot_export_and_app_imports(runtime_built, tmp_path) -> None:
    """--no-snapshot ships none (and no preload); an app's stdlib imports get their own snapshot."""
    app = tmp_path / "plain.py"
    app.write_text("import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Markdown('x')\n")
    out = export(app, tmp_path / "plain", runtime_dir=runtime_built, build=False, snapshot=False)
    assert "snapshot" not in json.loads((out / "runtime.json").read_text())
    assert not (out / "snapshot").exists()
    assert "snapshot" not in (out / "index.html").read_text()

    base = export(app, tmp_path / "base", runtime_dir=runtime_built, build=False)
    base_url = json.loads((base / "runtime.json").read_text())["snapshot"]["url"]
    assert base_url == json.loads((runtime_built / "runtime.json").read_text())["snapshot"]["url"]

    app.write_text("import fractions\nimport gradio as gr\nwith gr.Blocks() as demo:\n    gr.Markdown('x')\n")
    own = export(app, tmp_path / "own", runtime_dir=runtime_built, build=False)
    own_info = json.loads((own / "runtime.json").read_text())["snapshot"]
    assert own_info["url"] != base_url
    assert [p.name for p in (own / "snapshot").iterdir()] == [Path(own_info["url"]).name]
    assert re.search(r'href="snapshot/[0-9a-f]+\.bin\.xz"', (own / "index.html").read_text())


def test_streamed_updates_coalesce_without_losing_the_last_value(open_app, site_url, tmp_path) -> None:
    """2,000 yields render per animation frame; the last one shows, and a chained event reads it."""
    app = tmp_path / "stream_many.py"
    app.write_text(
        "import gradio as gr\n"
        "def count():\n"
        "    for i in range(2000):\n"
        "        yield str(i)\n"
        "with gr.Blocks() as demo:\n"
        "    go = gr.Button('Go')\n"
        "    out = gr.Textbox(label='Out')\n"
        "    copy = gr.Textbox(label='Copy')\n"
        "    go.click(count, None, out).then(lambda v: f'then saw {v}', out, copy)\n"
    )
    page = open_app(site_url(app))
    page.evaluate(
        """() => { window.__seen = new Set(); const box = document.querySelector('textarea, input');
        const tick = () => { for (const el of document.querySelectorAll('textarea, input')) window.__seen.add(el.value);
        requestAnimationFrame(tick); }; tick(); }"""
    )
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_label("Copy")).to_have_value("then saw 1999", timeout=30_000)
    expect(page.get_by_label("Out")).to_have_value("1999")
    # Far fewer distinct values were ever on screen than were sent: updates were coalesced per frame.
    assert page.evaluate("window.__seen.size") < 1500
    assert not page.wasmblocks_errors



LATE_IMPORT = """
import gradio as gr


def late(text):
    import xml.dom.minidom  # not in the snapshot: this event needs the standard library's zip
    return xml.dom.minidom.parseString(f"<{text}/>").documentElement.tagName


with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Tag")
    gr.Button("Parse").click(late, name, out)
"""

HIDDEN_IMPORT = """
import importlib

import gradio as gr

# Hidden from the build's import scan, so not in the snapshot: imported while the app starts, from a
# stack that cannot suspend (the worker fetches the zip with a synchronous request).
fractions = importlib.import_module("fractions")

with gr.Blocks() as demo:
    gr.Textbox(label="Half", value=str(fractions.Fraction(2, 4)))
"""


def test_the_standard_library_loads_after_the_app_and_imports_wait_for_it(browser, source_url) -> None:
    """After a restore the stdlib zip is off the start-up path: the app is ready while its download is
    held back, and an event importing a module the snapshot lacks waits for it, answered once it arrives."""
    url = source_url("late_import.py", LATE_IMPORT)
    context = browser.new_context(service_workers="block")  # the zip must come from the network (held below)
    held: list = []
    context.route("**/python_stdlib.zip", lambda route: held.append(route))
    try:
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        page.goto(url)
        expect(page.locator('#wasmblocks-app[data-state="ready"]')).to_have_count(1, timeout=60_000)
        assert any(RESTORED in line for line in console), console
        page.get_by_label("Name").fill("ok")
        page.get_by_role("button", name="Parse").click()
        page.wait_for_function("() => true")  # the click's event has been posted
        assert page.get_by_label("Tag").input_value() == ""
        assert len(held) == 1, "the zip is requested once the app runs, and only once"
        held[0].continue_()
        expect(page.get_by_label("Tag")).to_have_value("ok", timeout=30_000)
        assert not page.locator('[data-testid="toast-body"]').count()
    finally:
        context.close()


def test_an_import_the_build_did_not_see_loads_the_standard_library_at_once(open_app, source_url) -> None:
    page = open_app(source_url("hidden_import.py", HIDDEN_IMPORT))
    assert _lines(page, RESTORED)
    expect(page.get_by_label("Half")).to_have_value("1/2")
    assert not page.wasmblocks_errors
