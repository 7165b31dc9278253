"""`export --pyscript` and `serve --coi` (wasmblocks_build/pyscript.py, httpd.py, serve.py), on CPython.

The folder they write is what tests/e2e/test_pyscript.py opens in Chromium; here: its files, its config
pointing at the export's own Pyodide and wheel, the pinned PyScript, the page docs/pyscript.md shows,
and the cross-origin isolation headers.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest

from wasmblocks_build import cli
from wasmblocks_build.common import NODE_MODULES, ROOT
from wasmblocks_build.httpd import COI_HEADERS, StaticHandler, make_server, serve_in_thread
from wasmblocks_build.pyscript import MINI_COI, PAGE_TEMPLATE, PYSCRIPT_DIST, pyscript_config
from wasmblocks_build.serve import Reloader, make_handler

DOC = ROOT / "docs" / "pyscript.md"


@pytest.fixture(scope="module")
def site(export_app) -> Path:
    return export_app("hello", pyscript=True, snapshot=False)


def test_pyscript_and_mini_coi_are_pinned_exactly():
    dependencies = json.loads((ROOT / "package.json").read_text())["dependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    assert re.fullmatch(r"0\.7\.\d+", dependencies["@pyscript/core"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", dependencies["mini-coi"])
    for name in ("@pyscript/core", "mini-coi"):
        assert lock[f"node_modules/{name}"]["version"] == dependencies[name]
        installed = json.loads((NODE_MODULES / name / "package.json").read_text())["version"]
        assert installed == dependencies[name], f"node_modules has {name} {installed}: run npm ci"


def test_export_writes_a_pyscript_folder_that_points_at_the_export(site):
    folder = site / "pyscript"
    info = json.loads((site / "runtime.json").read_text())
    config = json.loads((folder / "pyscript.json").read_text())
    assert config == pyscript_config(info["wheel"])
    # PyScript resolves these against pyscript.json (a worker) or the page (main thread): one folder.
    assert (folder / config["interpreter"]).resolve() == (site / "pyodide" / "pyodide.mjs").resolve()
    [wheel] = config["packages"]
    assert (folder / wheel).resolve() == (site / info["wheel"]).resolve() and (folder / wheel).is_file()
    assert (folder / "mini-coi.js").read_bytes() == MINI_COI.read_bytes()
    assert (folder / "index.html").read_text() == PAGE_TEMPLATE.read_text()
    # PyScript's whole dist (its chunks load relative to core.js), without source maps by default.
    shipped = {p.name for p in (folder / "core").iterdir()}
    assert {p.name for p in PYSCRIPT_DIST.iterdir() if p.suffix != ".map"} == shipped
    assert {"core.js", "core.css"} <= shipped
    assert b"sourceMappingURL" not in (folder / "core" / "core.js").read_bytes()
    # The page's other files are the export's: the renderer one folder up.
    for ref in re.findall(r'(?:src|href)="([^"]+)"', (folder / "index.html").read_text()):
        assert (folder / ref).is_file(), ref


def test_export_without_the_option_has_no_pyscript_folder(export_app):
    assert not (export_app("hello", snapshot=False) / "pyscript").exists()


def test_the_documented_page_is_the_exported_page():
    # docs/pyscript.md shows the page as one ```html block, word for word.
    blocks = re.findall(r"```html\n(.*?)```", DOC.read_text(), re.S)
    assert PAGE_TEMPLATE.read_text() in blocks


def _headers(handler: type[StaticHandler], root: Path, path: str) -> tuple[dict[str, str], str]:
    server = make_server(root, handler=handler)
    serve_in_thread(server)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}{path}") as response:
            return dict(response.headers), response.read().decode()
    finally:
        server.shutdown()
        server.server_close()


class Quiet(StaticHandler):
    quiet = True


def test_coi_headers_only_when_asked(tmp_path):
    (tmp_path / "index.html").write_text("<body>app</body>")
    (tmp_path / "pyscript").mkdir()
    (tmp_path / "pyscript" / "index.html").write_text("<body>pyscript page</body>")
    plain, _ = _headers(Quiet, tmp_path, "/index.html")
    assert not set(COI_HEADERS) & set(plain)
    reloader = Reloader()
    for path, text in (("/", "app"), ("/pyscript/", "pyscript page")):
        headers, body = _headers(make_handler(reloader, coi=True), tmp_path, path)
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert headers["Cross-Origin-Embedder-Policy"] == "require-corp"
        assert text in body and "__wasmblocks_reload" in body  # the dev server's live reload, on both pages
    headers, _ = _headers(make_handler(reloader), tmp_path, "/")
    assert not set(COI_HEADERS) & set(headers)


def test_command_line_options():
    parser = cli.build_parser()
    served = parser.parse_args(["serve", "app.py", "--coi", "--pyscript"])
    assert served.coi and served.pyscript
    assert not parser.parse_args(["serve", "app.py"]).coi
    assert parser.parse_args(["export", "app.py", "out", "--pyscript"]).pyscript
