"""One page session (page_session.py): page messages checked and dispatched, worker messages with file bytes."""

import os
from pathlib import Path

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.config import app_config


def _init(h, url="", session_hash="s"):
    h.send({"type": "init", "base_url": "", "session_hash": session_hash, "url": url})


def test_init_names_the_session_and_sends_the_tree():
    with gr.Blocks(title="T") as demo:
        gr.Textbox(value="v")
    h = Client(demo)
    _init(h, url="http://page/?a=1", session_hash="abc")
    (tree,) = h.of_type("tree")
    assert tree["config"]["title"] == "T" and tree["config"] == app_config(demo)
    assert (h.session.hash, h.session.url) == ("abc", "http://page/?a=1")


def test_bad_messages_get_errors_and_change_nothing():
    with gr.Blocks() as demo:
        n = gr.Number(label="N")
        dep = gr.Button().click(lambda x: x, n, n)
    h = Client(demo)
    h.send({"type": "bogus"})
    h.send("not a dict")
    h.send({"type": "event", "event_id": "x", "dep_id": 42, "data": []})
    h.send({"type": "cancel", "dep_ids": [77]})
    h.send({"type": "event", "event_id": "y", "dep_id": dep.id, "data": "not a list"})
    h.send({"type": "run", "app": {}})
    errors = h.of_type("error")
    assert len(errors) == 6
    assert "Unknown message type 'bogus'" in errors[0]["message"]
    assert "No event function with id 42" in errors[2]["message"] and errors[2]["ref"] == "x"
    assert "unknown event function(s) [77]" in errors[3]["message"]
    assert "Malformed event message" in errors[4]["message"] and errors[4]["ref"] == "y"
    assert "handled by the worker" in errors[5]["message"]
    status = h.settle(h.fire(dep.id, "seven"))
    assert status["stage"] == "error" and 'Number "N" expects a number' in status["message"]


def test_unload_functions_run_when_the_page_leaves():
    calls = []
    with gr.Blocks() as demo:
        demo.unload(lambda: calls.append("bye"))
        demo.unload(lambda: 1 / 0)  # a failing one does not stop the others or raise
        demo.unload(lambda: calls.append("again"))
    h = Client(demo)
    h.send({"type": "unload"})
    assert calls == ["bye", "again"] and not h.of_type("error")


def test_uploads_are_saved_in_the_session_and_answered_with_file_data():
    with gr.Blocks() as demo:
        gr.File()
    h = Client(demo)
    h.send({"type": "upload", "upload_id": "u", "files": [{"name": "../a.txt", "type": "text/plain", "size": 2}]},
           [b"hi"])
    (reply,) = h.of_type("uploaded")
    (saved,) = reply["files"]
    assert saved["orig_name"] == "a.txt" and saved["mime_type"] == "text/plain" and saved["size"] == 2
    assert saved["meta"] == {"_type": "gradio.FileData"} and saved["path"].startswith(h.session.tmp_dir)
    h.send({"type": "upload", "upload_id": "v", "files": [{"name": "b", "type": "", "size": 1}]}, [])
    assert "1 files but 0 buffers" in h.of_type("error")[0]["message"] and h.of_type("error")[0]["ref"] == "v"


def test_max_file_size_reaches_the_page_and_the_worker_refuses_bigger():
    with gr.Blocks() as demo:
        gr.File()
    demo.launch(max_file_size="1kb")
    assert app_config(demo)["max_file_size"] == 1024
    h = Client(demo)
    h.send({"type": "upload", "upload_id": "u2", "files": [{"name": "big.bin", "type": "", "size": 2000}]},
           [b"x" * 2000])
    reply = [m for m in h.messages if m.get("upload_id") == "u2"][0]
    assert reply["error"] == "big.bin exceeds the maximum file size of 1024 bytes" and "files" not in reply


def test_files_travel_with_the_tree_and_updates_once_per_version(tmp_path):
    path = tmp_path / "start.png"
    path.write_bytes(b"png")
    with gr.Blocks() as demo:
        gallery = gr.Gallery(value=[str(path)])
        dep = gr.Button().click(lambda: [str(path)], None, gallery)
    h = Client(demo)
    _init(h)
    tree = h.of_type("tree")[0]
    assert tree["files"] == [{"path": str(path), "mime_type": "image/png", "buffer": 0}]
    assert h.paths[h.messages.index(tree)] == [str(path)]
    event_id = h.fire(dep.id)
    h.settle(event_id)
    (update,) = h.of_type("update", event_id)
    assert "files" not in update and h.paths[h.messages.index(update)] == []  # the page has these bytes
    path.write_bytes(b"png, changed")
    again = h.fire(dep.id)
    h.settle(again)
    assert h.of_type("update", again)[0]["files"][0]["path"] == str(path)


def test_an_upload_returned_unchanged_is_not_sent_back():
    with gr.Blocks() as demo:
        source, target = gr.File(), gr.File()
        dep = source.upload(lambda f: f, source, target)
    h = Client(demo)
    h.send({"type": "upload", "upload_id": "u", "files": [{"name": "a.txt", "type": "text/plain", "size": 2}]},
           [b"hi"])
    (saved,) = h.of_type("uploaded")[0]["files"]
    event_id = h.fire(dep.id, saved)
    h.settle(event_id)
    (update,) = h.of_type("update", event_id)
    assert update["updates"][0]["value"]["path"] == saved["path"]
    assert "files" not in update  # the page shows its upload through a Blob URL of its own
    with open(saved["path"], "a") as handle:  # changed in the worker: sent again
        handle.write("!")
    again = h.fire(dep.id, saved)
    h.settle(again)
    assert [ref["path"] for ref in h.of_type("update", again)[0]["files"]] == [saved["path"]]


def test_delete_cache_starts_a_cleaner_for_the_session():
    with gr.Blocks(delete_cache=(60, 3600)) as demo:
        gr.File()
    h = Client(demo)
    assert h.page._cleaner is None
    _init(h)
    cleaner = h.page._cleaner
    assert cleaner is not None and not cleaner.done()
    _init(h)
    assert h.page._cleaner is cleaner  # one per session
    h.thread.call(cleaner.cancel)


def test_the_trigger_reaches_event_data():
    seen = []
    with gr.Blocks() as demo:
        box = gr.Textbox()

        def fn(evt: gr.EventData):
            seen.append(evt.target)

        dep = box.submit(fn, None, None)
    h = Client(demo)
    h.settle(h.fire(dep.id, trigger=box.id))
    h.settle(h.fire(dep.id, trigger="not an id"))
    assert seen == [box, None] and os.path.isdir(h.session.tmp_dir)


def test_an_upload_named_dot_dot_is_saved_under_a_generated_name_and_the_app_keeps_serving():
    with gr.Blocks() as demo:
        box = gr.Textbox()
        dep = gr.Button().click(lambda t: t + "!", box, box)
    h = Client(demo)
    names = ["..", ".", "", "a\x00.txt", "CON.csv", "x" * 400 + ".png", "../../etc/passwd"]
    h.send({"type": "upload", "upload_id": "dots", "files": [{"name": n, "type": "", "size": 1} for n in names]},
           [b"z"] * len(names))
    (reply,) = h.of_type("uploaded")
    saved = [os.path.basename(f["path"]) for f in reply["files"]]
    assert saved == ["file", "file", "file", "file.txt", "file.csv", "file.png", "passwd"]
    assert all(f["path"].startswith(h.session.tmp_dir) and Path(f["path"]).read_bytes() == b"z"
               for f in reply["files"])
    assert h.run(dep.id, "ok") == ["ok!"]


def test_any_failure_while_handling_a_message_is_answered_with_an_error_naming_it(monkeypatch):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        dep = gr.Button().click(lambda t: t * 2, box, box)
    h = Client(demo)
    h.send({"type": "upload", "upload_id": "u10", "files": ["not an object"]}, [b""])
    h.send({"type": "event", "event_id": {"not": "a string"}, "dep_id": True, "data": []})
    h.send({"type": ["list"]})
    h.send({"type": "cancel"})
    first = [(e["message"], e.get("ref")) for e in h.of_type("error")]
    assert first[0] == ("Malformed upload message: files must be a list of {name, type, size} objects", "u10")
    assert first[1] == ("Malformed event message: event_id must be a non-empty string, not dict", None)
    assert first[2][0].startswith("Unknown message type 'list'")
    assert first[3] == ("Malformed cancel message: missing field 'dep_ids'", None)

    def broken(message, buffers):
        raise IsADirectoryError(21, "Is a directory", "/tmp/x/..")

    monkeypatch.setattr(h.page, "_on_upload", broken)
    h.send({"type": "upload", "upload_id": "u9", "files": []})
    error = h.of_type("error")[-1]
    assert error["ref"] == "u9"
    assert error["message"] == (
        "Could not handle the upload message: IsADirectoryError: [Errno 21] Is a directory: '/tmp/x/..'")
    assert h.run(dep.id, "ab") == ["abab"]


def test_init_headers_reach_gr_request_and_gr_header_case_insensitively():
    seen = {}
    with gr.Blocks() as demo:
        def fn(request: gr.Request, user_agent: gr.Header):
            seen.update(agent=request.headers["User-Agent"], host=request.headers.get("host"),
                        languages=request.headers.get("accept-language"), header=user_agent)

        dep = gr.Button().click(fn, None, None)
    h = Client(demo)
    h.send({"type": "init", "base_url": "", "session_hash": "s", "url": "http://page/", "languages": ["fr", "en"],
            "headers": {"User-Agent": "Chromium/156", "host": "page"}})
    h.settle(h.fire(dep.id))
    # Names are kept lower-case; accept-language comes from the languages when the page sends none.
    assert seen == {"agent": "Chromium/156", "host": "page", "languages": "fr,en", "header": "Chromium/156"}
    h.send({"type": "init", "base_url": "", "session_hash": "s", "url": "", "headers": {"host": 7}})
    assert "headers must map header names to strings" in h.of_type("error")[-1]["message"]
