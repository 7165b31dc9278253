"""FileData (files.py): how files in the worker are named in values, checked on the way in, made on the way out."""

import functools

import pytest

import wasmblocks as gr
from wasmblocks.files import file_data, file_paths, parse_file_size, returned_file, type_matches, uploaded_path


def test_file_data_is_marked_as_a_file(tmp_path):
    path = tmp_path / "a.png"
    path.write_bytes(b"123")
    assert file_data(str(path)) == {"path": str(path), "url": None, "orig_name": "a.png", "size": 3,
                                    "mime_type": "image/png", "meta": {"_type": "gradio.FileData"}}
    assert file_data(str(tmp_path / "gone.txt"), "shown.txt", "text/x")["size"] is None


def test_file_paths_finds_every_file_in_a_nested_value(tmp_path):
    one, two = file_data(str(tmp_path / "1")), file_data(str(tmp_path / "2"))
    value = [{"image": one, "caption": "c"}, {"nested": [two, {"path": "not-a-file-data"}]}]
    assert file_paths(value) == [one["path"], two["path"]]


def test_parse_file_size_and_type_matches():
    assert parse_file_size("5mb") == 5 * 1024**2 and parse_file_size("1.5 KB") == 1536 and parse_file_size(10) == 10
    assert parse_file_size(None) is None
    with pytest.raises(ValueError, match="5mb"):
        parse_file_size("lots")
    assert type_matches("a.TXT", None, [".txt"]) and type_matches("x", "video/mp4", ["video"])
    assert not type_matches("a.png", "image/png", ["audio", ".txt"]) and type_matches("a", None, ["file"])


def test_uploaded_path_checks_what_the_page_sent(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    assert uploaded_path(file_data(str(path)), "File") == str(path)
    with pytest.raises(gr.Error, match="File expects an uploaded file, got str"):
        uploaded_path("a.txt", "File")
    with pytest.raises(gr.Error, match="no longer in the worker"):
        uploaded_path({"path": str(tmp_path / "gone")}, "File")
    with pytest.raises(gr.Error, match="Invalid file type: a.txt. File accepts .png"):
        uploaded_path(file_data(str(path)), "File", [".png"])


def test_returned_files_from_paths_bytes_and_file_data(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("a")
    assert returned_file(str(path), "File")["path"] == str(path)
    saved = returned_file(b"bytes", "File", name="named.bin")
    assert saved["orig_name"] == "named.bin" and saved["size"] == 5
    assert returned_file({"path": str(path), "orig_name": "shown.csv"}, "File")["orig_name"] == "shown.csv"
    with pytest.raises(gr.Error, match="no file at"):
        returned_file(str(tmp_path / "missing"), "File")
    with pytest.raises(gr.Error, match="cannot show a int"):
        returned_file(3, "File")


def test_a_url_value_is_passed_to_the_page_as_gradio_does():
    url = "https://upload.wikimedia.org/wikipedia/commons/0/09/TheCheethcat.jpg?width=200"
    assert returned_file(url, "Gallery") == {"path": url, "url": url, "orig_name": "TheCheethcat.jpg", "size": None,
                                             "mime_type": "image/jpeg", "meta": {"_type": "gradio.FileData"}}
    assert gr.Gallery(value=[(url, "cheetah")], render=False).value[0]["image"]["url"] == url
    assert gr.Image(value=url, render=False).value["url"] == url


def test_a_url_given_to_a_function_as_a_file_is_downloaded_first(tmp_path):
    import http.server
    import threading

    (tmp_path / "cat.png").write_bytes(b"\x89PNG fake")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/cat.png"
        path = uploaded_path(returned_file(url, "File"), "File")
        assert path != url and path.endswith("cat.png") and open(path, "rb").read() == b"\x89PNG fake"
        local = gr.Image(type="filepath", render=False).preprocess(gr.Image(value=url, render=False).value)
        assert open(local, "rb").read() == b"\x89PNG fake"
        with pytest.raises(gr.Error, match=r"File: could not download http://127\.0\.0\.1:\d+/gone\.png \(HTTP 404\)"):
            uploaded_path(returned_file(url.replace("cat", "gone"), "File"), "File")
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(gr.Error, match=r"^Image[^:]*: could not download http://127\.0\.0\.1:1/x\.png \(.*refused.*\)$"):
        gr.Image(type="filepath", render=False).preprocess(returned_file("http://127.0.0.1:1/x.png", "Image"))


def test_a_constructor_value_naming_a_missing_file_starts_the_app_with_a_warning(tmp_path):
    missing = str(tmp_path / "bus.png")
    with pytest.warns(UserWarning, match=r'Image "InputImage": no image at .*bus\.png; the page shows it as missing'):
        image = gr.Image(missing, label="InputImage", render=False)
    assert image.value["path"] == missing and image.value["size"] is None
    with pytest.warns(UserWarning, match="no file at"):
        assert gr.Gallery(value=[missing], render=False).value[0]["image"]["path"] == missing
    with pytest.raises(gr.Error, match='Image "InputImage": no image at'):  # a function's return: its error
        image.postprocess(missing)
