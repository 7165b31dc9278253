"""Build pipeline checks on CPython: wheel validity, vendored lock hashes, export layout, static server."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import threading
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from wasmblocks_build import cli
from wasmblocks_build.common import PKG_DIR, WEB_SRC
from wasmblocks_build.export import export
from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread
from wasmblocks_build.serve import RELOAD_PATH, Reloader, make_handler
from wasmblocks_build.site import build_runtime
from wasmblocks_build.vendor import sha256_file
from wasmblocks_build.wheel import build_wheel

ENTRIES = ["pages/app.ts", "worker/worker.ts", "stylesheet.ts"]
# Stand-ins used only while web/src or py/wasmblocks are still being written; they never touch the tree.
STUB_SOURCES = {
    "pages/app.ts": 'const el = document.getElementById("wasmblocks-app");\nif (el) el.dataset.state = "stub";\n',
    "worker/worker.ts": "self.onmessage = async (e: MessageEvent<string>) => { await import(e.data); };\n",
    "stylesheet.ts": 'import "./base.css";\n',
    "base.css": ".gradio-container { display: block; }\n",
}


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real build/runtime/ when the sources exist; else a runtime built from stubs in a temp dir."""
    real_web = all((WEB_SRC / e).exists() for e in ENTRIES)
    real_pkg = (PKG_DIR / "__init__.py").exists()
    if real_web and real_pkg:
        return build_runtime()
    tmp = tmp_path_factory.mktemp("stub-runtime")
    web_src = WEB_SRC
    if not real_web:
        web_src = tmp / "src"
        for rel, text in STUB_SOURCES.items():
            (web_src / rel).parent.mkdir(parents=True, exist_ok=True)
            (web_src / rel).write_text(text)
    pkg_dir = PKG_DIR
    if not real_pkg:
        pkg_dir = tmp / "py" / "wasmblocks"
        (pkg_dir / "sub").mkdir(parents=True)
        (pkg_dir / "__init__.py").write_text('"""stub"""\n')
        (pkg_dir / "sub" / "__init__.py").write_text("")
        (pkg_dir / "__pycache__").mkdir()
        (pkg_dir / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"junk")
    return build_runtime(tmp / "runtime", web_src=web_src, pkg_dir=pkg_dir, check_types=real_web)


@pytest.fixture(scope="session")
def runtime_info(runtime: Path) -> dict:
    return json.loads((runtime / "runtime.json").read_text())


def _b64_sha256(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def test_runtime_layout(runtime: Path, runtime_info: dict) -> None:
    assert runtime_info["version"] == "0.1.0"
    assert runtime_info["pyodide"] == "pyodide/"
    assert runtime_info["wheel"] == "wheels/wasmblocks-0.1.0-py3-none-any.whl"
    for rel in ["assets/wasmblocks.js", "assets/worker.js", "assets/wasmblocks.css", runtime_info["wheel"],
                "pyodide/pyodide.mjs", "pyodide/pyodide.asm.mjs", "pyodide/pyodide.asm.wasm",
                "pyodide/python_stdlib.zip", "pyodide/pyodide-lock.json"]:
        assert (runtime / rel).is_file(), rel


def test_wheel_is_valid_and_record_matches(runtime: Path, runtime_info: dict) -> None:
    wheel = runtime / runtime_info["wheel"]
    with zipfile.ZipFile(wheel) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        dist = "wasmblocks-0.1.0.dist-info"
        assert "wasmblocks/__init__.py" in names
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        wheel_meta = zf.read(f"{dist}/WHEEL").decode()
        assert "Root-Is-Purelib: true" in wheel_meta and "Tag: py3-none-any" in wheel_meta
        metadata = zf.read(f"{dist}/METADATA").decode()
        assert "Name: wasmblocks" in metadata and "Version: 0.1.0" in metadata
        rows = list(csv.reader(io.StringIO(zf.read(f"{dist}/RECORD").decode())))
        recorded = {row[0]: row for row in rows}
        assert set(recorded) == set(names)
        for name, digest, size in rows:
            if name == f"{dist}/RECORD":
                assert digest == size == ""
                continue
            data = zf.read(name)
            assert digest == _b64_sha256(data), name
            assert int(size) == len(data), name


def test_wheel_is_deterministic(runtime: Path, tmp_path: Path) -> None:
    pkg = PKG_DIR if (PKG_DIR / "__init__.py").exists() else None
    if pkg is None:  # the stub runtime's package
        pkg = next(runtime.parent.glob("py/wasmblocks"))
    first = build_wheel(tmp_path / "a", pkg, force=True).read_bytes()
    second = build_wheel(tmp_path / "b", pkg, force=True).read_bytes()
    assert first == second


def test_vendored_lock_matches_copied_wheels(runtime: Path) -> None:
    lock = json.loads((runtime / "pyodide" / "pyodide-lock.json").read_text())
    for name in ("micropip", "packaging"):
        entry = lock["packages"][name]
        wheel = runtime / "pyodide" / entry["file_name"]
        assert wheel.is_file()
        assert entry["sha256"] == sha256_file(wheel)


def _make_app_dir(root: Path) -> Path:
    app = root / "myapp"
    (app / "data").mkdir(parents=True)
    (app / "app.py").write_text("import gradio as gr\n")
    (app / "helpers.py").write_text("X = 1\n")
    (app / "data" / "table.csv").write_text("a,b\n1,2\n")
    (app / "requirements.txt").write_text("# deps\nnumpy\n\ntiny-1.0-py3-none-any.whl  # local wheel\n")
    (app / "tiny-1.0-py3-none-any.whl").write_bytes(b"PK")
    (app / ".env").write_text("SECRET=1\n")
    (app / "__pycache__").mkdir()
    (app / "__pycache__" / "helpers.cpython-311.pyc").write_bytes(b"x")
    (app / "stale.pyc").write_bytes(b"x")
    return app


def test_export_directory(runtime: Path, tmp_path: Path) -> None:
    out = export(_make_app_dir(tmp_path), tmp_path / "site", runtime_dir=runtime, build=False)
    manifest = json.loads((out / "app" / "manifest.json").read_text())
    assert manifest == {
        "entrypoint": "app.py",
        "files": ["app.py", "data/table.csv", "helpers.py", "requirements.txt", "tiny-1.0-py3-none-any.whl"],
        "requirements": ["numpy", "tiny-1.0-py3-none-any.whl"],
        # Pinned at export (requirements.py): Pyodide's numpy, the local wheel copied into the site.
        "install": {"pyodide": ["numpy"], "wheels": ["packages/tiny-1.0-py3-none-any.whl"]},
    }
    assert (out / "packages" / "tiny-1.0-py3-none-any.whl").read_bytes() == b"PK"
    assert (out / "app" / "data" / "table.csv").read_text() == "a,b\n1,2\n"
    assert not (out / "app" / ".env").exists()
    assert (out / ".nojekyll").is_file()
    # The package ships once, as the .tar.gz the worker unpacks; the .whl only for the PyScript page.
    info = json.loads((out / "runtime.json").read_text())
    assert "wheel" not in info and (out / info["sources"]).is_file() and not list((out / "wheels").glob("*.whl"))
    assert not (out / "pyodide" / "pyodide.js").exists() and (out / "pyodide" / "pyodide.mjs").is_file()
    assert (out / "pyodide" / "pyodide.asm.wasm").is_file()


def test_export_single_file_with_any_name(runtime: Path, tmp_path: Path) -> None:
    src = tmp_path / "hello_demo.py"
    src.write_text("print('hi')\n")
    out = export(src, tmp_path / "site", runtime_dir=runtime, build=False)
    manifest = json.loads((out / "app" / "manifest.json").read_text())
    assert manifest == {"entrypoint": "hello_demo.py", "files": ["hello_demo.py"], "requirements": [],
                        "install": {"pyodide": [], "wheels": []}}
    assert "<title>hello_demo</title>" in (out / "index.html").read_text()


def test_export_picks_only_py_file_and_rejects_ambiguity(runtime: Path, tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    (one / "main.py").write_text("")
    out = export(one, tmp_path / "out1", runtime_dir=runtime, build=False)
    assert json.loads((out / "app" / "manifest.json").read_text())["entrypoint"] == "main.py"
    (one / "other.py").write_text("")
    with pytest.raises(SystemExit, match="no entry file"):
        export(one, tmp_path / "out2", runtime_dir=runtime, build=False)
    with pytest.raises(SystemExit, match="not found"):
        export(tmp_path / "missing.py", tmp_path / "out3", runtime_dir=runtime, build=False)


def test_export_ships_source_maps_only_when_asked(runtime: Path, tmp_path: Path) -> None:
    src = tmp_path / "app.py"
    src.write_text("")
    plain = export(src, tmp_path / "plain", runtime_dir=runtime, build=False, snapshot=False)
    assert not list(plain.rglob("*.map"))
    for js in (plain / "assets").rglob("*.js"):
        assert not js.read_text(encoding="utf-8").rstrip().splitlines()[-1].startswith("//# sourceMappingURL="), js
    mapped = export(src, tmp_path / "mapped", runtime_dir=runtime, build=False, snapshot=False, sourcemaps=True)
    assert (mapped / "assets" / "worker.js.map").is_file()


def test_pages_share_one_copy_of_each_chunk(runtime: Path) -> None:
    """The page, embed, player, editor and sandbox bundles come from one split build: a lazily loaded
    module (chatbot, dataframe, …) is one chunk, not one per page under two hashes."""
    names = [p.name.rsplit("-", 1)[0] for p in (runtime / "assets" / "chunks").glob("*.js")]
    lazy = [n for n in names if n != "chunk"]
    assert lazy and len(lazy) == len(set(lazy)), sorted(lazy)
    # The sandboxed iframe's script is a small module too (es-module-shims loads it), not a whole-app IIFE.
    assert (runtime / "assets" / "sandbox.js").stat().st_size < 50_000
    assert (runtime / "assets" / "es-module-shims.js").is_file()


class _UrlCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in ("src", "href") and v is not None]


def test_index_html_uses_only_relative_urls(runtime: Path, tmp_path: Path) -> None:
    src = tmp_path / "app.py"
    src.write_text("")
    page = (export(src, tmp_path / "site", runtime_dir=runtime, build=False) / "index.html").read_text()
    parser = _UrlCollector()
    parser.feed(page)
    assert "assets/wasmblocks.js" in parser.urls and "assets/wasmblocks.css" in parser.urls
    for url in parser.urls:
        if url.startswith("data:"):  # inline (the empty favicon), fetches nothing
            continue
        assert "://" not in url and not url.startswith("/"), url
    assert 'id="wasmblocks-app"' in page and 'data-state="loading"' in page
    assert "{{title}}" not in page and "__wasmblocks_reload" not in page


def _get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.headers["Content-Type"], resp.read()


def test_static_server_mime_types(tmp_path: Path) -> None:
    for name in ("a.wasm", "b.mjs", "c.js", "d.whl", "e.json", "f.css"):
        (tmp_path / name).write_bytes(b"x")
    server = make_server(tmp_path, handler=type("Quiet", (StaticHandler,), {"quiet": True}))
    serve_in_thread(server)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        expected = {"a.wasm": "application/wasm", "b.mjs": "text/javascript", "c.js": "text/javascript",
                    "d.whl": "application/zip", "e.json": "application/json", "f.css": "text/css"}
        for name, mime in expected.items():
            assert _get(base + name)[0].split(";")[0] == mime, name
    finally:
        server.shutdown()
        server.server_close()


def test_serve_handler_injects_reload_script_and_streams(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>x</p></body></html>")
    reloader = Reloader()
    server = make_server(tmp_path, handler=type("Q", (make_handler(reloader),), {"quiet": True}))
    serve_in_thread(server)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        ctype, body = _get(base + "/")
        assert ctype.startswith("text/html") and b"__wasmblocks_reload" in body
        with urllib.request.urlopen(base + RELOAD_PATH, timeout=10) as stream:
            first = stream.readline().decode().strip()
            stream.readline()
            threading.Timer(0.1, reloader.bump).start()
            second = stream.readline().decode().strip()
        assert first.startswith("data: ") and second.startswith("data: ") and first != second
    finally:
        server.shutdown()
        server.server_close()


def test_busy_port_gives_clear_error(tmp_path: Path) -> None:
    server = make_server(tmp_path)
    try:
        with pytest.raises(SystemExit, match="--port"):
            make_server(tmp_path, port=server.server_address[1])
    finally:
        server.server_close()


def test_cli_passes_pytest_options_through(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    # build_parser() looks _test up when main() runs, so the patched one is what gets called.
    monkeypatch.setattr(cli, "_test", lambda args: seen.append(args.pytest_args) or 0)
    assert cli.main(["test", "-k", "wheel", "-x"]) == 0
    assert cli.main(["test", "--", "tests/test_build.py"]) == 0
    assert seen == [["-k", "wheel", "-x"], ["tests/test_build.py"]]


def test_export_embeds_the_tree_made_at_build_time(runtime: Path, tmp_path: Path, capsys) -> None:
    src = tmp_path / "app.py"
    src.write_text("import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Name')\n")
    page = (export(src, tmp_path / "site", runtime_dir=runtime, build=False, snapshot=False) / "index.html").read_text()
    assert 'id="wasmblocks-early-tree"' in page and '"label":"Name"' in page
    assert "draws the app from its tree made at build time" in capsys.readouterr().out


def test_export_of_an_app_that_needs_the_browser_notes_it_and_starts_as_before(runtime: Path, tmp_path: Path,
                                                                               capsys) -> None:
    src = tmp_path / "app.py"
    src.write_text("import js\nimport gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Name')\n")
    page = (export(src, tmp_path / "site", runtime_dir=runtime, build=False, snapshot=False) / "index.html").read_text()
    assert "wasmblocks-early-tree" not in page and "<!-- wasmblocks:early-tree -->" in page
    out = capsys.readouterr().out
    assert "note: the page draws once Python has started" in out and "No module named 'js'" in out
    src.write_text("import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Name')\n")
    off = export(src, tmp_path / "off", runtime_dir=runtime, build=False, snapshot=False, draw_early=False)
    assert "wasmblocks-early-tree" not in (off / "index.html").read_text()  # --no-draw-early
