"""gr.Model3D's Python side: Gradio's constructor defaults, argument checks, preprocess (an upload → its
path) and postprocess (a path, Path or URL → FileData; a .gltf with files beside it → one file), custom
toolbar buttons, and updates returned from a function."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.alerts import Error

MODELS = Path(__file__).resolve().parents[1] / "examples" / "model3d" / "models"


def uploaded(path: Path, name: str | None = None) -> dict:
    return {"path": str(path), "orig_name": name or path.name, "mime_type": None, "meta": {"_type": "gradio.FileData"}}


def test_defaults_and_events_are_gradios():
    m = gr.Model3D()
    props = m.get_props()
    assert props["clear_color"] == [0, 0, 0, 0]  # Gradio: clear_color or [0, 0, 0, 0]
    assert props["camera_position"] == [None, None, None]
    assert (props["zoom_speed"], props["pan_speed"], props["display_mode"], props["height"]) == (1, 1, None, None)
    assert props["buttons"] == [] and m.value is None
    assert gr.Model3D.EVENTS == ("change", "upload", "edit", "clear")
    assert all(callable(getattr(m, e)) for e in gr.Model3D.EVENTS)


def test_arguments_are_checked():
    assert gr.Model3D(clear_color=(0.1, 0.2, 0.3)).clear_color == [0.1, 0.2, 0.3, 1.0]
    assert gr.Model3D(camera_position=(30, None, 4)).camera_position == [30.0, None, 4.0]
    for bad in ({"display_mode": "points"}, {"clear_color": (1, 2, 3, 4)}, {"clear_color": "red"},
                {"camera_position": (1, 2)}, {"camera_position": (1, 2, -3)}, {"camera_position": (1, "x", None)},
                {"zoom_speed": 0}, {"pan_speed": "fast"}, {"buttons": ["download"]}):
        with pytest.raises(ValueError):
            gr.Model3D(**bad)


def test_preprocess_gives_the_uploaded_path(tmp_path):
    model = tmp_path / "upload" / "Cube.OBJ"
    model.parent.mkdir()
    model.write_bytes((MODELS / "cube.obj").read_bytes())
    m = gr.Model3D(label="Mesh")
    assert m.preprocess(uploaded(model)) == str(model)
    assert m.preprocess(None) is None
    url = "https://example.org/models/fox.glb"
    assert m.preprocess({"path": url, "url": url, "meta": {"_type": "gradio.FileData"}}) == url
    text = tmp_path / "notes.txt"
    text.write_text("x")
    with pytest.raises(Error, match=r"Invalid file type: notes\.txt"):
        m.preprocess(uploaded(text))
    with pytest.raises(Error, match="no longer in the worker"):
        m.preprocess(uploaded(tmp_path / "gone.glb"))


def test_postprocess_paths_urls_and_bad_values(tmp_path):
    m = gr.Model3D()
    data = m.postprocess(str(MODELS / "cube.glb"))
    glb = MODELS / "cube.glb"
    assert (data["path"], data["orig_name"], data["size"]) == (str(glb), "cube.glb", glb.stat().st_size)
    assert m.postprocess(MODELS / "cube.stl")["orig_name"] == "cube.stl"
    assert m.postprocess(None) is None
    url = "https://huggingface.co/datasets/x/resolve/main/bonsai.splat?download=1"
    remote = m.postprocess(url)
    assert (remote["path"], remote["url"], remote["orig_name"]) == (url, url, "bonsai.splat")
    other = tmp_path / "scene.fbx"
    other.write_bytes(b"x")
    with pytest.raises(Error, match=r"\.obj, \.glb, \.gltf, \.stl, \.ply or \.splat files, not 'scene.fbx'"):
        m.postprocess(str(other))
    with pytest.raises(Error, match="no file at"):
        m.postprocess(str(tmp_path / "missing.obj"))
    with pytest.raises(Error, match="needs a file path"):
        m.postprocess(b"glTF")


def test_a_gltf_with_files_beside_it_becomes_one_file(tmp_path):
    doc = json.loads((MODELS / "cube.gltf").read_text())
    blob = base64.b64decode(doc["buffers"][0]["uri"].split(",", 1)[1])
    (tmp_path / "cube data.bin").write_bytes(blob)
    doc["buffers"][0]["uri"] = "cube%20data.bin"
    (tmp_path / "split.gltf").write_text(json.dumps(doc))
    data = gr.Model3D().postprocess(str(tmp_path / "split.gltf"))
    assert data["orig_name"] == "split.gltf" and data["path"] != str(tmp_path / "split.gltf")
    inlined = json.loads(Path(data["path"]).read_text())
    assert base64.b64decode(inlined["buffers"][0]["uri"].split(",", 1)[1]) == blob
    # The same file again: the copy already made is reused.
    assert gr.Model3D().postprocess(str(tmp_path / "split.gltf"))["path"] == data["path"]
    # A self-contained .gltf is shown as it is; a missing neighbour is named.
    assert gr.Model3D().postprocess(str(MODELS / "cube.gltf"))["path"] == str(MODELS / "cube.gltf")
    doc["buffers"][0]["uri"] = "other.bin"
    (tmp_path / "broken.gltf").write_text(json.dumps(doc))
    with pytest.raises(Error, match=r"refers to other\.bin, which is not beside it"):
        gr.Model3D().postprocess(str(tmp_path / "broken.gltf"))


def test_custom_buttons_leave_the_layout_for_the_toolbar():
    with gr.Blocks() as demo:
        top = gr.Button("Top view")
        m = gr.Model3D(buttons=[top])
    assert top not in demo.children
    assert m.get_props()["buttons"] == [{"id": top.id, "value": "Top view"}]


def test_updates_from_a_function_are_checked():
    with gr.Blocks() as demo:
        m = gr.Model3D()
        good = gr.Button()
        bad = gr.Button()
        turned = gr.Model3D(camera_position=(90, 1, None), display_mode="wireframe", clear_color=(1, 1, 1),
                            render=False)
        ok = good.click(lambda: turned, None, m)
        fails = bad.click(lambda: gr.Model3D(camera_position=(90, 1)), None, m)
    h = Client(demo)
    event = h.fire(ok.id)
    assert h.settle(event)["stage"] == "complete"
    props = h.of_type("update", event)[-1]["updates"][0]["props"]
    got = (props["camera_position"], props["display_mode"], props["clear_color"])
    assert got == ([90.0, 1.0, None], "wireframe", [1.0, 1.0, 1.0, 1.0])
    failed = h.settle(h.fire(fails.id))
    assert failed["stage"] == "error" and "camera_position must be (alpha, beta, radius)" in str(failed)
