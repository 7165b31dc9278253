"""Publish and share on CPython: share-link payloads, requirement pinning, the service worker file."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from wasmblocks_build import cli
from wasmblocks_build.offline import site_files, site_version, write_service_worker
from wasmblocks_build.requirements import plan_requirements, point_lock_at_index
from wasmblocks_build.share import PayloadError, decode_payload, encode_payload, share_link

LOCK = {
    "info": {"python": "3.14.2", "version": "314.0.7"},
    "packages": {
        "numpy": {"name": "numpy", "version": "2.4.6", "file_name": "numpy-2.4.6-cp314-x.whl", "depends": []},
        "pandas": {"name": "pandas", "version": "2.3.0", "file_name": "pandas-2.3.0-x.whl", "depends": ["numpy"]},
        "micropip": {"name": "micropip", "version": "0.11.1", "file_name": "micropip-0.11.1-py3-none-any.whl", "depends": []},
    },
}


def test_payload_round_trips_unicode_and_is_raw_deflate_base64url():
    files = {"app.py": "print('Grüß dich — 你好 🎉')\n" * 20, "sub/helpers.py": "x = 1\n"}
    text = encode_payload(files, "app.py", ["numpy"])
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode_payload(text) == {"v": 1, "entrypoint": "app.py", "files": files, "requirements": ["numpy"]}
    import base64
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    assert json.loads(zlib.decompress(raw, -15))["v"] == 1  # what CompressionStream("deflate-raw") reads


def test_typical_app_link_is_short(tmp_path: Path):
    example = Path(__file__).resolve().parents[1] / "examples" / "calculator.py"
    source = example.read_text(encoding="utf-8")
    app = tmp_path / "app.py"
    app.write_text((source * 3)[:2048], encoding="utf-8")
    link = share_link(app, "https://user.github.io/repo")
    assert link.startswith("https://user.github.io/repo/player.html#code=")
    assert len(link) < 2000


@pytest.mark.parametrize("bad, words", [
    ("", "no app"), ("!!!", "damaged"), (encode_payload({"app.py": "x = 1\n" * 50}, "app.py")[:12], "truncated"),
])
def test_bad_payloads_raise_clear_errors(bad, words):
    with pytest.raises(PayloadError, match=words):
        decode_payload(bad)


def test_unknown_version_is_rejected():
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    import base64
    raw = packer.compress(b'{"v": 9, "files": {}}') + packer.flush()
    with pytest.raises(PayloadError, match="version 9"):
        decode_payload(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def test_share_rejects_binary_files_and_bad_base(tmp_path: Path):
    (tmp_path / "app.py").write_text("x = 1\n")
    (tmp_path / "img.bin").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SystemExit, match="binary files cannot be shared"):
        share_link(tmp_path, "https://example.org/")
    with pytest.raises(SystemExit, match="http"):
        share_link(tmp_path / "app.py", "example.org")


def test_cli_share_prints_link(tmp_path: Path, capsys):
    (tmp_path / "app.py").write_text("import gradio as gr\n")
    assert cli.main(["share", str(tmp_path / "app.py"), "--base-url", "http://h/x/index.html"]) == 0
    assert capsys.readouterr().out.strip().startswith("http://h/x/player.html#code=")


def test_plan_sorts_pyodide_packages_and_local_wheels(tmp_path: Path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "tiny-1.0-py3-none-any.whl").write_bytes(b"PK")
    out = tmp_path / "site"
    plan = plan_requirements(["Pandas>=2", "tiny-1.0-py3-none-any.whl", "micropip", "https://h/w/a-1-py3-none-any.whl"],
                             LOCK, app, out, vendor=False)
    assert plan.pyodide == ["pandas"]
    assert plan.wheels == ["packages/tiny-1.0-py3-none-any.whl", "https://h/w/a-1-py3-none-any.whl"]
    assert (out / "packages" / "tiny-1.0-py3-none-any.whl").read_bytes() == b"PK"


def test_plan_errors_are_clear(tmp_path: Path):
    with pytest.raises(SystemExit, match="does not match"):
        plan_requirements(["numpy<2"], LOCK, None, tmp_path, vendor=False)
    with pytest.raises(SystemExit, match="wheel not found"):
        plan_requirements(["missing-1.0-py3-none-any.whl"], LOCK, tmp_path, tmp_path, vendor=False)
    with pytest.raises(SystemExit, match="not supported"):
        plan_requirements(["-r other.txt"], LOCK, None, tmp_path, vendor=False)
    with pytest.raises(SystemExit, match=r"\.whl"):
        plan_requirements(["https://h/pkg.tar.gz"], LOCK, None, tmp_path, vendor=False)


def test_lock_points_missing_packages_at_index(tmp_path: Path):
    (tmp_path / "pyodide-lock.json").write_text(json.dumps(LOCK))
    (tmp_path / "micropip-0.11.1-py3-none-any.whl").write_bytes(b"PK")
    point_lock_at_index(tmp_path, "https://cdn.example/pyodide/v1/full")
    lock = json.loads((tmp_path / "pyodide-lock.json").read_text())
    assert lock["packages"]["numpy"]["file_name"] == "https://cdn.example/pyodide/v1/full/numpy-2.4.6-cp314-x.whl"
    assert lock["packages"]["micropip"]["file_name"] == "micropip-0.11.1-py3-none-any.whl"


def test_vendoring_downloads_the_lock_closure(tmp_path: Path):
    index = tmp_path / "index"
    index.mkdir()
    for name in ("numpy-2.4.6-cp314-x.whl", "pandas-2.3.0-x.whl"):
        (index / name).write_bytes(name.encode())
    site = tmp_path / "pyodide"
    site.mkdir()
    (site / "pyodide-lock.json").write_text(json.dumps(LOCK))
    point_lock_at_index(site, index.as_uri() + "/", ["pandas"])
    lock = json.loads((site / "pyodide-lock.json").read_text())
    assert lock["packages"]["pandas"]["file_name"] == "pandas-2.3.0-x.whl"
    assert (site / "numpy-2.4.6-cp314-x.whl").read_bytes() == b"numpy-2.4.6-cp314-x.whl"


def test_service_worker_version_follows_content(tmp_path: Path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "sw-core.js").write_text("/* core */")
    (tmp_path / "index.html").write_text("a")
    (tmp_path / "x.js.map").write_text("{}")
    write_service_worker(tmp_path)
    first = (tmp_path / "sw.js").read_text()
    assert '"index.html"' in first and "x.js.map" not in first and first.endswith("/* core */")
    v1 = site_version(tmp_path, site_files(tmp_path))
    (tmp_path / "index.html").write_text("b")
    assert site_version(tmp_path, site_files(tmp_path)) != v1
    write_service_worker(tmp_path, enabled=False)
    assert "unregister" in (tmp_path / "sw.js").read_text()


def test_precache_leaves_lazy_chunks_for_first_use(tmp_path):
    from wasmblocks_build.offline import precached

    assert precached("index.html") and precached("assets/wasmblocks.js") and precached("pyodide/pyodide.asm.wasm")
    chunks = frozenset({"assets/chunks/chunk-ABC123.js"})  # statically imported by the page bundle
    assert precached("assets/chunks/chunk-ABC123.js", chunks=chunks) and not precached("assets/chunks/chunk-DEF456.js", chunks=chunks)
    assert not precached("assets/chunks/plotly.min-XYZ.js") and not precached("assets/katex/KaTeX_Main.woff2")
    assert precached("app/data.csv") and precached("snapshot/abc.bin.gz") and not precached("assets/sandbox.js")
    # Package archives in pyodide/ only when the app's boot loads them; others are cached on first use.
    assert not precached("pyodide/tzdata-2025.3-py2.py3-none-any.whl")
    assert precached("pyodide/numpy-2.4.6-cp314-x.whl", frozenset({"pyodide/numpy-2.4.6-cp314-x.whl"}))


def test_page_chunks_are_the_static_import_closure_of_the_page_bundle(tmp_path: Path):
    from wasmblocks_build.offline import page_chunks

    chunks = tmp_path / "assets" / "chunks"
    chunks.mkdir(parents=True)
    (tmp_path / "assets" / "wasmblocks.js").write_text('import{a}from"./chunks/chunk-A.js";import"./chunks/chunk-B.js";'
                                                        'import("./chunks/plot-C.js")')
    (chunks / "chunk-A.js").write_text('import{b}from"./chunk-D.js";export const a=1')
    (chunks / "chunk-B.js").write_text("")
    (chunks / "chunk-D.js").write_text("")
    (chunks / "chunk-E.js").write_text("")  # the editor's, not the page's
    (chunks / "plot-C.js").write_text("")
    assert page_chunks(tmp_path) == {"assets/chunks/chunk-A.js", "assets/chunks/chunk-B.js", "assets/chunks/chunk-D.js"}


def test_boot_packages_follow_the_install_plan(tmp_path: Path):
    from wasmblocks_build.offline import boot_packages

    (tmp_path / "app").mkdir()
    (tmp_path / "pyodide").mkdir()
    (tmp_path / "pyodide" / "pyodide-lock.json").write_text(json.dumps(LOCK))
    manifest = tmp_path / "app" / "manifest.json"
    manifest.write_text(json.dumps({"requirements": ["pandas"], "install": {"pyodide": ["pandas"], "wheels": []}}))
    assert boot_packages(tmp_path) == {"pyodide/pandas-2.3.0-x.whl", "pyodide/numpy-2.4.6-cp314-x.whl"}
    manifest.write_text(json.dumps({"requirements": [], "install": {"pyodide": [], "wheels": ["packages/t.whl"]}}))
    assert boot_packages(tmp_path) == {"pyodide/micropip-0.11.1-py3-none-any.whl"}
    manifest.write_text(json.dumps({"requirements": [], "install": {"pyodide": [], "wheels": []}}))
    assert boot_packages(tmp_path) == frozenset()


@pytest.mark.parametrize("source, implied", [
    ('import gradio as gr\ngr.DateTime(timezone="Europe/Paris")\n', ["tzdata"]),
    ("from zoneinfo import ZoneInfo\n", ["tzdata"]),
    ('import gradio as gr\ngr.DateTime(timezone="UTC")\n', []),
    ("import gradio as gr\ngr.DateTime()\n", []),
    ("this is not python(\n", []),
])
def test_an_app_naming_a_time_zone_implies_tzdata(tmp_path: Path, source, implied):
    from wasmblocks_build.requirements import implied_requirements

    app = tmp_path / "app.py"
    app.write_text(source)
    assert implied_requirements([app], []) == implied
    assert implied_requirements([app], ["tzdata==2025.3"]) == []  # listed already


BLOCKS_INPUTS = '''import gradio as gr
with gr.Blocks() as demo:
    photo = gr.Image(label="Photo")
    shown = gr.Image(label="Shown")
    table: gr.Dataframe = gr.Dataframe()
    rows = gr.Dataframe(type="array")
    path = gr.Image(type="filepath")
    btn = gr.Button()
    btn.click(lambda x: x, photo, shown)
    btn.click(fn=lambda r, p: r, inputs=[rows, path], outputs=shown)

    @btn.click(inputs={table}, outputs=rows)
    def keep(t):
        return t
'''


@pytest.mark.parametrize("source, packages", [
    (BLOCKS_INPUTS, ["numpy", "Pillow", "pandas"]),  # photo and table are inputs; shown, rows, path need none
    ('import gradio as gr\nwith gr.Blocks():\n    o = gr.Image()\n    gr.Button().click(lambda: "a.png", None, o)\n', []),
    ('import gradio as gr\ndemo = gr.Interface(lambda x: x, "image", "image")\n', ["numpy", "Pillow"]),
    ('from gradio import Interface, Image, Dataframe\nInterface(lambda x: x, Image(type="pil"), Dataframe())\n', ["Pillow"]),
    ('import gradio as gr\ngr.Interface(lambda x: x, inputs=gr.Dataframe(type="numpy"), outputs="text")\n', ["numpy"]),
    ('import gradio as gr\ngr.Interface(lambda x: x, "dataframe", "text")\ngr.Textbox("a", "image")\n', ["pandas"]),
    ('import gradio as gr\nwith gr.Blocks():\n    a = gr.Audio()\n    gr.on([a.change], lambda x: x, a, None)\n', ["numpy"]),
    ('import gradio as gr\nwith gr.Blocks():\n    t = gr.Image(type=KIND)\n    t.change(lambda x: x, t, None)\n', []),
    ("this is not python(\n", []),
])
def test_export_infers_the_packages_inputs_need_by_their_type(tmp_path: Path, source, packages):
    from wasmblocks_build.requirements import implied_packages

    app = tmp_path / "app.py"
    app.write_text(source)
    assert implied_packages([app], []) == packages
    assert implied_packages([app], ["numpy", "pillow"]) == [p for p in packages if p not in ("numpy", "Pillow")]
