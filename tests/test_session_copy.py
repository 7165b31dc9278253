"""The page's copy of a session (session_copy.py, state_mirror.py): State pickles out, a fresh session restored."""

import os
import pickle
import tempfile
from pathlib import Path

import pytest

import wasmblocks as gr
from wasmblocks import Client, state_mirror
from wasmblocks.session_copy import SessionCopy


def _app():
    with gr.Blocks() as demo:
        text = gr.Textbox()
        items = gr.State([])
        total = gr.State(0)
        choice = gr.Dropdown(choices=["a", "b"], type="index")

        def add(t, xs):
            xs.append(t)  # in place: the State is only an input
            return t

        gr.Button().click(add, [text, items], text)
        gr.Button().click(lambda n: n + 1, total, total)
        gr.Button().click(lambda: open(os.devnull), None, total)  # noqa: SIM115 - a value pickle cannot copy
        gr.Button().click(lambda c: str(c), choice, text)
    return demo, items, total, choice


def _copying(demo):
    h = Client(demo)
    h.page.copy = SessionCopy(h.session, h.page.blocks)
    return h


def _copies(h):
    """Per State id, the value of its last copy (unpickled from the file the message names)."""
    found = {}
    for message, paths in zip(h.messages, h.paths):
        if message["type"] != "state":
            continue
        for entry in message["states"]:
            if "buffer" in entry:
                found[entry["id"]] = pickle.loads(Path(paths[entry["buffer"]]).read_bytes())
            else:
                found[entry["id"]] = entry["error"]
    return found


def test_an_event_copies_the_states_it_used_including_ones_changed_in_place():
    demo, items, total, _ = _app()
    h = _copying(demo)
    h.settle(h.fire(0, "x", None))
    h.settle(h.fire(1, None))
    assert _copies(h) == {items.id: ["x"], total.id: 1}
    before = len(h.of_type("state"))
    h.settle(h.fire(1, None))
    assert _copies(h)[total.id] == 2 and len(h.of_type("state")) == before + 1


def test_an_unchanged_state_is_not_sent_again_and_an_unpicklable_one_is_named():
    demo, items, total, _ = _app()
    h = _copying(demo)
    h.settle(h.fire(0, "x", None))
    h.settle(h.fire(0, "x", None))
    sent = [m for m in h.of_type("state") if any(e["id"] == items.id for e in m["states"])]
    assert len(sent) == 2  # the list grew both times
    h.settle(h.fire(2))
    error = _copies(h)[total.id]
    assert error.startswith("TypeError: cannot pickle")


def test_no_copies_without_copy_states():
    demo, *_ = _app()
    h = Client(demo)
    h.settle(h.fire(1, None))
    assert h.of_type("state") == []


def test_restore_gives_a_fresh_session_the_states_props_and_files():
    demo, items, total, choice = _app()
    old = _copying(demo)
    old.settle(old.fire(0, "first", None))
    old.settle(old.fire(1, None))
    state_files = {e["id"]: p[e["buffer"]] for m, p in zip(old.messages, old.paths) if m["type"] == "state"
                   for e in m["states"]}
    buffers = [Path(state_files[items.id]).read_bytes(), Path(state_files[total.id]).read_bytes(), b"image bytes"]
    gone = os.path.join(tempfile.gettempdir(), "wasmblocks-test-restore", "cat.png")
    if os.path.exists(gone):
        os.remove(gone)
    fresh = _copying(demo)
    fresh.send({"type": "restore", "states": [{"id": items.id, "buffer": 0}, {"id": total.id, "buffer": 1}],
                "props": [{"id": choice.id, "props": {"choices": [["x", "x"], ["y", "y"], ["z", "z"]]}}],
                "files": [{"path": gone, "buffer": 2}]}, buffers)
    assert fresh.of_type("error") == []
    assert fresh.session.state == {items.id: ["first"], total.id: 1}
    assert Path(gone).read_bytes() == b"image bytes"
    # Preprocessing reads the restored props: index 2 exists only among the new choices.
    fresh.settle(fresh.fire(3, "z"))
    assert fresh.of_type("update")[-1]["updates"][0]["value"] == "2"
    fresh.settle(fresh.fire(0, "second", None))
    assert fresh.session.state[items.id] == ["first", "second"]


@pytest.mark.parametrize("path", ["relative/x.png", "/etc/passwd", "/tmp/../etc/x", "/home/pyodide/app/app.py", 5])
def test_restore_writes_files_only_below_the_temp_folder(path):
    demo, *_ = _app()
    h = _copying(demo)
    h.send({"type": "restore", "states": [], "props": [], "files": [{"path": path, "buffer": 0}]}, [b"x"])
    (error,) = h.of_type("error")
    assert "could not be restored" in error["message"] and repr(path) in error["message"]


def test_restore_never_overwrites_a_file_the_fresh_worker_has():
    demo, *_ = _app()
    h = _copying(demo)
    path = os.path.join(tempfile.gettempdir(), "wasmblocks-test-keep.txt")
    Path(path).write_text("mine")
    h.send({"type": "restore", "states": [], "props": [], "files": [{"path": path, "buffer": 0}]}, [b"theirs"])
    assert Path(path).read_text() == "mine" and h.of_type("error") == []


def test_bad_state_entries_are_reported_and_the_rest_restored():
    demo, items, total, _ = _app()
    h = _copying(demo)
    h.send({"type": "restore", "files": [], "props": [],
            "states": [{"id": items.id, "buffer": 0}, {"id": 9999, "buffer": 1}, {"id": total.id, "buffer": 7},
                       {"id": total.id, "buffer": 1}]},
           [b"not a pickle", pickle.dumps(41)])
    (error,) = h.of_type("error")
    assert "UnpicklingError" in error["message"] and "9999" in error["message"]
    assert h.session.state == {total.id: 41}


def test_classes_of_the_app_entry_file_pickle_through_its_namespace():
    namespace = {"__name__": "__main__"}
    exec("class Point:\n    def __init__(self, x):\n        self.x = x\n", namespace)
    point = namespace["Point"](3)
    with pytest.raises(state_mirror.StateNotKept):
        state_mirror.dumps(point)  # __main__ here is pytest's: it has no Point
    data = state_mirror.dumps(point, namespace)
    again = {"__name__": "__main__"}
    exec("class Point:\n    def __init__(self, x):\n        self.x = x\n", again)  # the restarted app
    restored = state_mirror.loads(data, again)
    assert type(restored) is again["Point"] and restored.x == 3
