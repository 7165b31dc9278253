"""wasmblocks_build/early_tree.py: the component tree `export` makes under CPython, and the apps that get none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasmblocks_build.common import PAGE_TEMPLATE
from wasmblocks_build.early_tree import EARLY_TREE_MARKER, early_tree, embed_early_tree

HELLO = Path(__file__).resolve().parent.parent / "examples" / "hello.py"


def _app(tmp_path: Path, source: str, name: str = "app.py") -> tuple[list[Path], Path, str]:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / name).write_text(source)
    return [src / name], src, name


def _labels(node: dict) -> list[str]:
    own = [node["props"]["label"]] if node["props"].get("label") else []
    return own + [label for child in node.get("children", []) for label in _labels(child)]


def test_hello_gives_the_tree_message_the_worker_would_post() -> None:
    tree = early_tree([HELLO], HELLO.parent, HELLO.name)
    assert tree.message is not None, tree.reason
    assert tree.message["type"] == "tree"
    config = tree.message["config"]
    assert config["title"] == "Hello"
    assert _labels(config["root"]) == ["Name", "Greeting"]
    assert [d["targets"] for d in config["dependencies"]] == [[[3, "change"]]]


def test_the_same_app_gives_the_same_tree_each_time(tmp_path: Path) -> None:
    # The page keeps what it drew only when the worker's tree is the same, ids and all.
    first = early_tree([HELLO], HELLO.parent, HELLO.name).message
    assert first == early_tree([HELLO], HELLO.parent, HELLO.name).message


@pytest.mark.parametrize(("source", "words"), [
    ("import js\nimport gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox()\n", "No module named 'js'"),
    ("import pyodide.http\n", "No module named 'pyodide'"),
    ("import not_installed_pkg_xyz\n", "No module named 'not_installed_pkg_xyz'"),
    ("import gradio as gr\nwith gr.Blocks() as demo:\n    raise RuntimeError('needs the browser')\n", "needs the browser"),
    ("x = 1\n", "defines no gr.Blocks"),
    ("import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox()\ndemo.launch(auth=('a', 'b'))\n", "login"),
    ("import os\nos._exit(3)\n", "exit status 3"),
])
def test_apps_that_cannot_run_at_build_time_get_no_tree_and_a_reason(tmp_path: Path, source: str, words: str) -> None:
    tree = early_tree(*_app(tmp_path, source))
    assert tree.message is None
    assert words in tree.reason


def test_an_app_that_does_not_finish_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    tree = early_tree(*_app(tmp_path, "while True:\n    pass\n"), timeout=1.0)
    assert tree.message is None and "did not finish within 1 s" in tree.reason


def test_an_app_with_a_file_as_initial_value_gets_no_tree(tmp_path: Path) -> None:
    # Its bytes would have to come with the tree (the worker sends them from its file system).
    files, base, entry = _app(tmp_path, "import gradio as gr\nwith gr.Blocks() as demo:\n    gr.File(value='data.txt')\n")
    (base / "data.txt").write_text("hello\n")
    tree = early_tree([*files, base / "data.txt"], base, entry)
    assert tree.message is None and "files" in tree.reason


def test_what_the_app_writes_and_prints_stays_out_of_its_folder_and_the_tree(tmp_path: Path) -> None:
    files, base, entry = _app(tmp_path, (
        "import gradio as gr\nopen('written.txt', 'w').write('x')\nprint('hello from the app')\n"
        "with gr.Blocks() as demo:\n    gr.Textbox(label='Kept')\n"))
    tree = early_tree(files, base, entry)
    assert tree.message is not None, tree.reason
    assert _labels(tree.message["config"]["root"]) == ["Kept"]
    assert sorted(p.name for p in base.iterdir()) == ["app.py"]


def test_the_tree_goes_into_index_html_as_json_that_cannot_end_its_script(tmp_path: Path) -> None:
    index = tmp_path / "index.html"
    index.write_text(PAGE_TEMPLATE.read_text())
    assert EARLY_TREE_MARKER in index.read_text()
    message = {"type": "tree", "config": {"title": "</script><script>alert(1)</script>"}}
    embed_early_tree(index, message)
    page = index.read_text()
    start = page.index('<script type="application/json" id="wasmblocks-early-tree">')
    body = page[start:].split(">", 1)[1].split("</script>", 1)[0]
    assert json.loads(body) == message
    assert EARLY_TREE_MARKER not in page
