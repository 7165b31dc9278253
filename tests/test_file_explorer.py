"""gr.FileExplorer's Python side: Gradio's defaults and checks, the `ls` listing (glob and ignore_glob matched
against absolute paths, folders first, a folder's own "valid"), preprocess (path parts → absolute paths, one or
a list; nothing outside root_dir) and postprocess, and `ls` served to the page for the root_dir an update set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import wasmblocks as gr
from wasmblocks import Client, protocol
from wasmblocks.alerts import Error

# Gradio's demo, vendored: see tests/data/gradio_demos/README.md
GRADIO_DEMO = Path(__file__).resolve().parent / "data" / "gradio_demos" / "file_explorer_component_events"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The folders of Gradio's file_explorer_component_events demo."""
    for rel in ("dir1/foo.txt", "dir1/bar.txt", "dir2/foo.png", "dir2/baz.png", "dir3/dir3_bar.log",
                "dir3/dir4/dir_4_bar.log", "dir3/dir4/dir_4_foo.txt", "dir3/dir4/dir5/dir5_foo.txt",
                "dir3/dir4/dir7/dir7_foo.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    return tmp_path


def test_defaults_and_events_are_gradios(tree, monkeypatch):
    monkeypatch.chdir(tree)
    fe = gr.FileExplorer()
    props = fe.get_props()
    assert (props["glob"], props["ignore_glob"], props["file_count"]) == ("**/*", None, "multiple")
    assert props["root_dir"] == str(tree)  # "." is the working directory: the app's folder in the worker
    assert (props["height"], props["max_height"], props["min_height"]) == (None, 500, None)
    assert props["value"] is None and props["buttons"] is None and fe.preserved_by_key == ["value"]
    assert gr.FileExplorer.EVENTS == ("change", "input", "select")
    assert gr.FileExplorer.SERVER_FNS == ("ls",)


def test_arguments_are_checked(tree):
    with pytest.raises(ValueError, match="does not exist"):
        gr.FileExplorer(root_dir=tree / "nowhere")
    with pytest.raises(ValueError, match="is not a directory"):
        gr.FileExplorer(root_dir=tree / "dir1" / "foo.txt")
    with pytest.raises(ValueError, match="file_count"):
        gr.FileExplorer(root_dir=tree, file_count="many")
    with pytest.raises(ValueError, match="list of gr.Button"):
        gr.FileExplorer(root_dir=tree, buttons=["copy"])


def test_ls_lists_folders_first_and_matches_globs_on_absolute_paths(tree):
    fe = gr.FileExplorer(root_dir=tree)
    assert fe.ls() == [{"name": n, "type": "folder", "valid": True} for n in ("dir1", "dir2", "dir3")]
    assert fe.ls(["dir3"]) == [{"name": "dir4", "type": "folder", "valid": True},
                               {"name": "dir3_bar.log", "type": "file", "valid": True}]
    # Gradio matches with fnmatch against the absolute path: "*" crosses "/", so "*.txt" finds them at any depth,
    # and folders stay (not "valid": they cannot be picked themselves).
    txt = gr.FileExplorer(root_dir=tree, glob="*.txt")
    assert txt.ls(["dir3", "dir4"]) == [{"name": "dir5", "type": "folder", "valid": False},
                                         {"name": "dir7", "type": "folder", "valid": False},
                                         {"name": "dir_4_foo.txt", "type": "file", "valid": True}]
    no_txt = gr.FileExplorer(root_dir=tree, ignore_glob="*.txt")
    assert [e["name"] for e in no_txt.ls(["dir3", "dir4"])] == ["dir5", "dir7", "dir_4_bar.log"]
    assert fe.ls(["missing"]) == []
    with pytest.raises(Error, match="outside its root_dir"):
        fe.ls(["..", ".."])


def test_gradios_own_demo_listing_matches(tree):
    ours = gr.FileExplorer(root_dir=GRADIO_DEMO / "dir3", glob="**/*")
    assert [(e["name"], e["type"]) for e in ours.ls(["dir4"])] == [
        ("dir5", "folder"), ("dir7", "folder"), ("dir_4_bar.log", "file"), ("dir_4_foo.txt", "file")]


def test_preprocess_gives_absolute_paths(tree):
    fe = gr.FileExplorer(root_dir=tree)
    assert fe.preprocess([["dir1", "foo.txt"], ["dir3", "dir4", "."]]) == [
        str(tree / "dir1" / "foo.txt"), str(tree / "dir3" / "dir4")]  # "." is the folder itself
    assert fe.preprocess([]) == [] and fe.preprocess(None) is None
    single = gr.FileExplorer(root_dir=tree, file_count="single", label="Pick")
    assert single.preprocess([["dir2", "baz.png"]]) == str(tree / "dir2" / "baz.png")
    assert single.preprocess([]) is None
    with pytest.raises(Error, match="Expected only one file, but 2 were selected"):
        single.preprocess([["a"], ["b"]])
    with pytest.raises(Error, match="outside its root_dir"):
        fe.preprocess([["..", "etc", "passwd"]])
    with pytest.raises(Error, match="outside its root_dir"):
        fe.preprocess([["/etc/passwd"]])
    with pytest.raises(Error, match="list of paths"):
        fe.preprocess(["dir1/foo.txt"])


def test_postprocess_strips_the_root(tree):
    fe = gr.FileExplorer(root_dir=tree)
    assert fe.postprocess(str(tree / "dir1" / "foo.txt")) == [["dir1", "foo.txt"]]
    assert fe.postprocess(["dir3/dir4/dir_4_bar.log", tree / "dir2"]) == [
        ["dir3", "dir4", "dir_4_bar.log"], ["dir2"]]
    assert fe.postprocess(None) is None
    # A relative value in the constructor, as Gradio's file_explorer demo gives it.
    assert gr.FileExplorer(root_dir=tree, value=["dir1/bar.txt"]).value == [["dir1", "bar.txt"]]
    with pytest.raises(Error, match="a path or a list of paths"):
        fe.postprocess(3)


def ls_call(client: Client, block: gr.FileExplorer, path: list[str], call_id: str) -> dict:
    client.send(protocol.server_call_message(call_id, block.id, "ls", [path]))
    return client.wait_until(lambda: [m for m in client.of_type("server_result") if m["call_id"] == call_id])[0]


def test_the_page_lists_folders_through_ls_with_the_root_an_update_set(tree):
    with gr.Blocks() as demo:
        root = gr.Textbox()
        fe = gr.FileExplorer(root_dir=tree / "dir1")
        out = gr.Textbox()
        root.submit(lambda r: gr.FileExplorer(root_dir=r), root, fe)
        gr.Button().click(lambda paths: ",".join(paths), fe, out)
    client = Client(demo)
    assert ls_call(client, fe, [], "c1")["value"] == [
        {"name": "bar.txt", "type": "file", "valid": True}, {"name": "foo.txt", "type": "file", "valid": True}]
    client.settle(client.fire(0, str(tree / "dir2")))
    update = client.of_type("update")[-1]["updates"][0]
    assert update["props"]["root_dir"] == str(tree / "dir2")
    # This session now lists (and preprocesses against) dir2; another session still sees dir1.
    assert [e["name"] for e in ls_call(client, fe, [], "c2")["value"]] == ["baz.png", "foo.png"]
    assert client.run(1, [["foo.png"]]) == [str(tree / "dir2" / "foo.png")]
    assert [e["name"] for e in ls_call(Client(demo), fe, [], "c3")["value"]] == ["bar.txt", "foo.txt"]


def test_a_bad_root_dir_update_is_the_functions_error(tree):
    with gr.Blocks() as demo:
        fe = gr.FileExplorer(root_dir=tree)
        btn = gr.Button()
        btn.click(lambda: gr.update(root_dir=str(tree / "nope")), None, fe)
    client = Client(demo)
    status = client.settle(client.fire(0))
    assert status["stage"] == "error" and "does not exist" in status["message"]


def test_ls_refuses_bad_arguments_with_a_message(tree):
    with gr.Blocks() as demo:
        fe = gr.FileExplorer(root_dir=tree)
    client = Client(demo)
    reply = ls_call(client, fe, "dir1", "bad")  # type: ignore[arg-type]
    assert "list of paths" in reply["error"]
    client.send(protocol.server_call_message("other", fe.id, "preprocess", [[]]))
    reply = client.wait_until(lambda: [m for m in client.of_type("server_result") if m["call_id"] == "other"])[0]
    assert "no server function 'preprocess'" in reply["error"]


def test_the_working_directory_is_the_default_root(tree, monkeypatch):
    monkeypatch.chdir(tree / "dir3")
    assert gr.FileExplorer().root_dir == os.path.join(str(tree), "dir3")
