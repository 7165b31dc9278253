"""The wheel as a package for any Pyodide (wheel.py): complete core metadata, every file the package needs,
and the top-level `gradio` module (py/gradio_shim/gradio.py).

The wheel runs straight from its file here (a pure wheel is an importable zip), in a fresh CPython without
site-packages, so a file left out of it fails these tests. That micropip installs it and `import gradio`
works in PyScript's Pyodide is tests/e2e/test_pyscript.py.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.metadata import Metadata

import wasmblocks
from wasmblocks_build.common import PKG_DIR, ROOT, iter_files, project_version
from wasmblocks_build.wheel import build_wheel

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DIST_INFO = f"wasmblocks-{PROJECT['version']}.dist-info"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"), force=True)


def run_python(code: str, *path: Path) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh CPython that sees the standard library and `path` only (-I -S: no site-packages)."""
    prelude = f"import sys\nsys.path[:0] = {[str(p) for p in path]!r}\n"
    return subprocess.run([sys.executable, "-I", "-S", "-c", prelude + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=120)


def test_metadata_is_complete_and_valid(wheel):
    with zipfile.ZipFile(wheel) as zf:
        metadata = Metadata.from_email(zf.read(f"{DIST_INFO}/METADATA"), validate=True)
        license_text = zf.read(f"{DIST_INFO}/licenses/LICENSE")
    assert metadata.metadata_version == "2.4"
    assert metadata.name == "wasmblocks"
    assert str(metadata.version) == PROJECT["version"] == project_version() == wasmblocks.__version__
    assert metadata.summary == PROJECT["description"]
    assert str(metadata.license_expression) == "Apache-2.0" == PROJECT["license"]
    assert metadata.license_files == ["LICENSE"] and license_text == (ROOT / "LICENSE").read_bytes()
    assert str(metadata.requires_python) == ">=3.11"
    assert metadata.project_urls == PROJECT["urls"] and set(PROJECT["urls"]) >= {"Homepage", "Source", "Issues"}
    assert metadata.classifiers == PROJECT["classifiers"]
    assert "Environment :: WebAssembly :: Emscripten" in metadata.classifiers
    # Pure Python, stdlib only, in any Pyodide: micropip installs nothing else. On CPython it pulls in the
    # prebuilt runtime (the wasmblocks-runtime wheel, wasmblocks_build/dist.py); the test extra adds pytest.
    pyodide = {"sys_platform": "emscripten", "platform_system": "Emscripten", "extra": ""}
    assert [str(r) for r in metadata.requires_dist or [] if r.marker is None or r.marker.evaluate(pyodide)] == []
    cpython = {str(r.name) for r in metadata.requires_dist or [] if r.marker and r.marker.evaluate({"extra": ""})}
    assert cpython == {"wasmblocks-runtime"}
    assert metadata.provides_extra == ["test"]


def test_wheel_holds_every_package_file_and_the_gradio_module(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        top_level = zf.read(f"{DIST_INFO}/top_level.txt").decode().split()
        wheel_file = zf.read(f"{DIST_INFO}/WHEEL").decode()
    package = {f"wasmblocks/{path.relative_to(PKG_DIR).as_posix()}" for path in iter_files(PKG_DIR)}
    package -= {"wasmblocks/testing.py"}  # CPython only: in the wasmblocks-runtime wheel (dist.py)
    assert {name for name in names if not name.startswith(DIST_INFO)} == package | {"gradio.py"}
    assert top_level == ["gradio", "wasmblocks"]
    assert "Root-Is-Purelib: true" in wheel_file and "Tag: py3-none-any" in wheel_file


def test_the_wheel_alone_runs_an_app(wheel):
    result = run_python(f"""
        import wasmblocks as gr
        assert gr.__file__.startswith({str(wheel)!r}), gr.__file__
        with gr.Blocks() as demo:
            name = gr.Textbox()
            out = gr.Textbox()
            gr.Button().click(lambda n: f"Hello, {{n}}!", name, out, api_name="greet")
        print(demo("Ada", api_name="/greet"))
    """, wheel)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Hello, Ada!"


def test_in_the_browser_import_gradio_is_wasmblocks(wheel):
    # What micropip leaves in Pyodide: the wheel's files on sys.path, nothing imported yet, no .pth run.
    result = run_python("""
        sys.platform = "emscripten"
        import gradio as gr
        import gradio.themes
        from gradio.events import SelectData
        import wasmblocks
        assert gr is wasmblocks and gradio.themes is wasmblocks.themes, (gr, gradio.themes)
        assert SelectData is wasmblocks.SelectData and gr.Blocks is wasmblocks.Blocks
        print("aliased")
    """, wheel)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "aliased"


def test_elsewhere_the_gradio_module_steps_aside(wheel, tmp_path):
    # No Gradio: the import fails as it would have, saying why.
    result = run_python("import gradio", wheel)
    assert "ModuleNotFoundError: No module named 'gradio'" in result.stderr
    assert "only in the browser" in result.stderr
    # A real Gradio later on sys.path: that one is imported, submodules too.
    real = tmp_path / "real"
    (real / "gradio").mkdir(parents=True)
    (real / "gradio" / "__init__.py").write_text("REAL = True\n")
    (real / "gradio" / "themes.py").write_text("NAME = 'real themes'\n")
    result = run_python("import gradio, gradio.themes\nprint(gradio.REAL, gradio.themes.NAME, gradio.__file__)",
                        wheel, real)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True real themes") and str(real) in result.stdout
    # Installed beside a real Gradio (one site-packages): the package wins, nothing is overwritten.
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    (site / "gradio").mkdir()
    (site / "gradio" / "__init__.py").write_text("REAL = 'beside'\n")
    result = run_python("import gradio\nprint(gradio.REAL)", site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "beside"
