"""Several apps in one site (wasmblocks_build/many_apps.py): naming, layout, the shared service worker; and
--vendor copying the packages the page prefetches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasmblocks_build import cli
from wasmblocks_build.export import export
from wasmblocks_build.many_apps import export_apps, is_folder_of_apps, name_apps
from wasmblocks_build.requirements import lock_closure
from wasmblocks_build.site import build_runtime

APP = "import gradio as gr\nwith gr.Blocks(title={title!r}) as demo:\n    gr.Textbox(label='Name')\n"


@pytest.fixture(scope="module")
def runtime() -> Path:
    return build_runtime()


def _apps(folder: Path) -> Path:
    folder.mkdir()
    (folder / "hello.py").write_text(APP.format(title="Hello"))
    (folder / "photos").mkdir()
    (folder / "photos" / "app.py").write_text(
        "import gradio as gr\nwith gr.Blocks() as demo:\n    i = gr.Image()\n    o = gr.Image()\n"
        "    gr.Button('Flip').click(lambda x: x, i, o)\n")
    (folder / "photos" / "requirements.txt").write_text("tiny-1.0-py3-none-any.whl\n")
    (folder / "photos" / "tiny-1.0-py3-none-any.whl").write_bytes(b"PK")
    (folder / "_private.py").write_text("x = 1\n")
    return folder


def test_a_folder_of_apps_is_named_by_its_files_and_folders(tmp_path: Path) -> None:
    folder = _apps(tmp_path / "demos")
    assert is_folder_of_apps(folder)
    assert list(name_apps([folder])) == ["hello", "photos"]
    assert not is_folder_of_apps(folder / "photos")  # an app folder (it has app.py) is one app
    (tmp_path / "assets.py").write_text("x = 1\n")
    with pytest.raises(SystemExit, match="cannot be called 'assets'"):
        name_apps([tmp_path / "assets.py"])
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "hello.py").write_text("x = 1\n")
    with pytest.raises(SystemExit, match="two apps would both go to hello/"):
        name_apps([folder / "hello.py", tmp_path / "other" / "hello.py"])


def test_site_of_several_apps_shares_the_runtime(runtime: Path, tmp_path: Path) -> None:
    out = export_apps([_apps(tmp_path / "demos")], tmp_path / "site", runtime_dir=runtime, build=False,
                      snapshot=False)
    index = (out / "index.html").read_text()
    assert '<a href="hello/">Hello</a>' in index and '<a href="photos/">photos</a>' in index
    for name in ("hello", "photos"):
        page = (out / name / "index.html").read_text()
        assert 'src="../assets/wasmblocks.js"' in page and 'new Worker("../assets/worker.js"' in page
        assert 'href="runtime.json"' in page and 'href="assets/' not in page
        info = json.loads((out / name / "runtime.json").read_text())
        assert info["pyodide"] == "../pyodide/" and (out / name / info["sources"]).is_file()
    manifest = json.loads((out / "photos" / "app" / "manifest.json").read_text())
    # A local wheel goes to the site's packages/, named from the app's folder.
    assert manifest["install"]["wheels"] == ["../packages/tiny-1.0-py3-none-any.whl"]
    assert (out / "packages" / "tiny-1.0-py3-none-any.whl").read_bytes() == b"PK"
    assert manifest["install"]["prefetch"] == ["numpy", "Pillow"]
    sw = (out / "sw.js").read_text()
    files = json.loads(sw[sw.index("{"):sw.index(";\n")])["files"]
    for rel in ("index.html", "hello/index.html", "hello/runtime.json", "photos/app/app.py",
                "pyodide/pyodide.asm.wasm", "assets/worker.js"):
        assert rel in files
    assert not (out / "app").exists()


def test_cli_exports_several_apps_into_one_site(runtime: Path, tmp_path: Path, monkeypatch) -> None:
    seen: dict = {}
    monkeypatch.setattr("wasmblocks_build.many_apps.export_apps",
                        lambda apps, out, **options: seen.update(apps=apps, out=out, **options) or out)
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\n")
    b.write_text("x = 1\n")
    assert cli.main(["export", str(a), str(b), str(tmp_path / "site"), "--no-snapshot"]) == 0
    assert seen["apps"] == [a, b] and seen["out"] == tmp_path / "site" and seen["snapshot"] is False
    seen.clear()
    folder = _apps(tmp_path / "demos")  # one argument, a folder of apps: a site of several too
    assert cli.main(["export", str(folder), str(tmp_path / "site2")]) == 0
    assert seen["apps"] == [folder]


def test_vendor_copies_the_packages_the_page_prefetches(runtime: Path, tmp_path: Path) -> None:
    src = tmp_path / "app.py"
    src.write_text("import gradio as gr\nwith gr.Blocks() as demo:\n    i = gr.Image()\n"
                   "    gr.Button('Go').click(lambda x: None, i, None)\n")
    lock = json.loads((runtime / "pyodide" / "pyodide-lock.json").read_text())
    index = tmp_path / "index"
    index.mkdir()
    wanted = [lock["packages"][n]["file_name"] for n in lock_closure(lock, ["numpy", "Pillow"])]
    for name in wanted:
        (index / name).write_bytes(name.encode())
    out = export(src, tmp_path / "site", runtime_dir=runtime, build=False, snapshot=False, draw_early=False,
                 vendor=True, index_url=index.as_uri() + "/")
    manifest = json.loads((out / "app" / "manifest.json").read_text())
    assert manifest["install"]["prefetch"] == ["numpy", "Pillow"]
    site_lock = json.loads((out / "pyodide" / "pyodide-lock.json").read_text())
    for name in wanted:
        assert (out / "pyodide" / name).read_bytes() == name.encode()
    assert site_lock["packages"]["numpy"]["file_name"] == lock["packages"]["numpy"]["file_name"]
    assert "://" in site_lock["packages"]["pandas"]["file_name"]  # not needed: left on the index
