"""gr.ImageEditor and its templates: constructor defaults and checks, the page's props, pre/postprocess, packages."""

import struct
import sys
import zlib

import pytest

import wasmblocks as gr
from wasmblocks import packages
from wasmblocks.components.image_options import brush_props, layer_props
from wasmblocks.config import app_config
from wasmblocks.loop_thread import LoopThread
from wasmblocks.processing import load_needed_packages
from wasmblocks.session import Session

try:
    import PIL.Image as PILImage
except ImportError:
    PILImage = None
try:
    import numpy
except ImportError:
    numpy = None
needs_pillow = pytest.mark.skipif(PILImage is None, reason="Pillow is not installed in this CPython")


def png(width, height, rgba=(255, 0, 0, 255)):
    """An RGBA PNG of one color (what the page's canvas export looks like)."""
    rows = b"".join(b"\x00" + bytes(rgba) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def exported(tmp_path, layers=1, size=(4, 3)):
    """The payload the page sends: background, layers and composite uploaded as PNG files."""
    def one(name, rgba):
        path = tmp_path / name
        path.write_bytes(png(*size, rgba))
        return gr.ImageEditor(render=False)._saved(str(path))

    return {
        "background": one("background.png", (255, 255, 255, 255)),
        "layers": [one(f"layer_{i}.png", (0, 0, 255, 128)) for i in range(layers)],
        "composite": one("composite.png", (127, 127, 255, 255)),
    }


# ---- constructor and props ----
def test_defaults_match_gradio():
    e = gr.ImageEditor(render=False)
    assert e.type == "numpy" and e.image_mode == "RGBA" and e.sources == ["upload", "webcam", "clipboard"]
    assert e.transforms == ["crop", "resize"] and e.canvas_size == (800, 800) and e.fixed_canvas is False
    assert isinstance(e.brush, gr.Brush) and isinstance(e.eraser, gr.Eraser)
    assert e.layers == gr.LayerOptions() and e.layers.layers == ["Layer 1"]
    assert e.get_block_name() == "imageeditor" and e.EVENTS == ("clear", "change", "input", "select", "upload", "apply")


def test_templates_set_their_own_defaults():
    sketch, paint, mask = gr.Sketchpad(render=False), gr.Paint(render=False), gr.ImageMask(render=False)
    assert sketch.sources == [] and paint.sources == [] and mask.sources == ["upload", "webcam", "clipboard"]
    assert sketch.brush == gr.Brush(colors=["#000000"], color_mode="fixed") == mask.brush
    assert paint.brush == gr.Brush() and sketch.transforms == ["crop"]
    assert mask.layers.disabled is True and sketch.layers.disabled is False
    assert {type(t).get_block_name() for t in (sketch, paint, mask)} == {"imageeditor"}
    # The caller's own brush wins over the template's.
    assert gr.Sketchpad(brush=gr.Brush(colors=["red"]), render=False).brush.colors == ["red"]


def test_option_classes():
    brush = gr.Brush()
    assert brush.colors[0] == "rgb(204, 50, 50)" and brush.default_color == brush.colors[0]
    assert gr.Brush("auto", "pink").default_color == "pink"  # positional, as Gradio's dataclass takes them
    assert gr.LayerOptions(layers=[]).layers == ["Layer 1"]
    assert gr.WebcamOptions().mirror is True and gr.WebcamOptions().constraints is None
    assert gr.WatermarkOptions().position == "bottom-right"
    with pytest.raises(ValueError, match="String position must be one of"):
        gr.WatermarkOptions(position="middle")
    with pytest.raises(ValueError, match="exactly 2 values"):
        gr.WatermarkOptions(position=(1, 2, 3))
    with pytest.raises(ValueError, match="Watermark must be"):
        gr.WatermarkOptions(watermark=12)


def test_page_props_serialise_the_options():
    with gr.Blocks() as demo:
        e = gr.ImageEditor(
            brush=gr.Brush(default_size=10, colors=["#FFA50050", ("#00FF00", 0.5)], default_color=("#000000", 0.3)),
            eraser=False, layers=gr.LayerOptions(allow_additional_layers=False, layers=["Mask"]),
            webcam_options=gr.WebcamOptions(mirror=False, constraints={"video": {"width": 1024}}),
            canvas_size=(300, 200), fixed_canvas=True, buttons=["fullscreen"], placeholder="# Drop\nhere",
        )
    props = next(n for n in app_config(demo)["root"]["children"] if n["id"] == e.id)["props"]
    assert props["brush"] == {"default_size": 10, "colors": [["#FFA50050", None], ["#00FF00", 0.5]],
                              "default_color": ["#000000", 0.3], "color_mode": "defaults"}
    assert props["eraser"] is False
    assert props["layers"] == {"allow_additional_layers": False, "layers": ["Mask"], "disabled": False}
    assert props["webcam_options"] == {"mirror": False, "constraints": {"video": {"width": 1024}}}
    assert props["canvas_size"] == [300, 200] and props["fixed_canvas"] is True and props["buttons"] == ["fullscreen"]
    assert "type" not in props and "format" not in props  # Python-side only


def test_a_returned_editor_updates_its_options():
    e = gr.ImageEditor(render=False)
    props = e.process_props({"brush": gr.Brush(default_size=3), "layers": False, "eraser": None})
    assert props["brush"]["default_size"] == 3 and props["layers"]["disabled"] is True
    assert props["eraser"] == {"default_size": "auto"}


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="type must be"):
        gr.ImageEditor(type="bytes", render=False)
    with pytest.raises(ValueError, match="sources must be"):
        gr.ImageEditor(sources=["microphone"], render=False)
    with pytest.raises(ValueError, match="transforms must be"):
        gr.ImageEditor(transforms=["rotate"], render=False)
    with pytest.raises(ValueError, match="canvas_size"):
        gr.ImageEditor(canvas_size=(0, 10), render=False)
    with pytest.raises(TypeError, match="brush must be"):
        gr.ImageEditor(brush="red", render=False)
    with pytest.raises(ValueError, match="default_size"):
        brush_props(gr.Brush(default_size=-2))
    with pytest.raises(TypeError, match="layers must be"):
        layer_props("Layer 1")


# ---- preprocess ----
def test_preprocess_filepath_needs_no_packages(tmp_path):
    editor = gr.ImageEditor(type="filepath", render=False)
    payload = exported(tmp_path, layers=2)
    value = editor.preprocess(payload)
    assert value["background"] == payload["background"]["path"]
    assert value["layers"] == [layer["path"] for layer in payload["layers"]]
    assert value["composite"].endswith("composite.png")
    assert editor.needed_packages("input") == [] and editor.needed_packages("output") == []


def test_preprocess_empty_editor_and_none():
    editor = gr.ImageEditor(type="filepath", render=False)
    assert editor.preprocess(None) is None
    assert editor.preprocess({"background": None, "layers": [], "composite": None}) == {
        "background": None, "layers": [], "composite": None}


def test_preprocess_refuses_bad_payloads(tmp_path):
    editor = gr.ImageEditor(type="filepath", label="Art", render=False)
    with pytest.raises(gr.Error, match='ImageEditor "Art" expects the editor'):
        editor.preprocess("composite.png")
    with pytest.raises(gr.Error, match="no exported images"):
        editor.preprocess({"background": None, "layers": [], "composite": None, "id": "edit-3"})
    gone = exported(tmp_path)
    (tmp_path / "composite.png").unlink()
    with pytest.raises(gr.Error, match=r"composite\.png"):
        editor.preprocess(gone)


def test_numpy_and_pil_name_their_packages():
    assert gr.ImageEditor(render=False).needed_packages("input") == ["numpy", "Pillow"]
    assert gr.ImageEditor(type="pil", render=False).needed_packages("input") == ["Pillow"]
    # Converting a filepath to another image_mode needs Pillow too.
    assert gr.ImageEditor(type="filepath", image_mode="RGB", render=False).needed_packages("input") == ["Pillow"]


def test_without_pillow_the_error_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "PIL", None)
    monkeypatch.setitem(sys.modules, "PIL.Image", None)
    editor = gr.ImageEditor(type="pil", label="Art", render=False)
    with pytest.raises(gr.Error) as info:
        editor.preprocess(exported(tmp_path))
    assert 'ImageEditor "Art" needs the "Pillow" package' in info.value.message
    assert 'type="filepath"' in info.value.message


def test_an_event_loads_numpy_and_pillow_first(monkeypatch):
    monkeypatch.setattr(packages, "installed", lambda name: False)
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(label="Art")
        out = gr.Textbox()
        editor.change(lambda x: "x", editor, out)
    with pytest.raises(gr.Error) as info:
        LoopThread().run(load_needed_packages(demo.fns[0], Session()))
    assert 'ImageEditor "Art" needs the "numpy" package, which could not be loaded' in info.value.message


@needs_pillow
def test_preprocess_pil_numpy_and_image_mode(tmp_path):
    payload = exported(tmp_path)
    as_pil = gr.ImageEditor(type="pil", render=False).preprocess(payload)
    assert as_pil["composite"].size == (4, 3) and as_pil["composite"].mode == "RGBA"
    rgb = gr.ImageEditor(type="filepath", image_mode="RGB", render=False).preprocess(payload)
    assert PILImage.open(rgb["layers"][0]).mode == "RGB" and rgb["layers"][0].endswith(".png")
    if numpy is not None:
        arrays = gr.ImageEditor(render=False).preprocess(payload)
        assert arrays["layers"][0].shape == (3, 4, 4) and tuple(arrays["layers"][0][0, 0]) == (0, 0, 255, 128)


# ---- postprocess ----
def test_postprocess_paths_urls_and_single_images(tmp_path):
    editor = gr.ImageEditor(render=False)
    path = tmp_path / "bg.png"
    path.write_bytes(png(2, 2))
    value = editor.postprocess({"background": str(path), "layers": None, "composite": None})
    assert value["background"]["path"] == str(path) and value["layers"] == [] and value["composite"] is None
    url = "https://example.com/cheetah.jpg"
    remote = editor.postprocess({"background": None, "layers": [url], "composite": url})
    assert remote["layers"][0]["url"] == url and remote["composite"]["orig_name"] == "cheetah.jpg"
    single = editor.postprocess(str(path))
    assert single["background"]["path"] == single["composite"]["path"] == str(path)
    assert editor.postprocess(None) is None
    # A FileData dict (a value read back from the page) is an image too.
    assert editor.postprocess(single["background"])["composite"]["path"] == str(path)


def test_postprocess_refuses_what_it_cannot_show(tmp_path):
    editor = gr.ImageEditor(label="Art", render=False)
    with pytest.raises(gr.Error, match="no image at"):
        editor.postprocess({"background": str(tmp_path / "missing.png"), "layers": [], "composite": None})
    with pytest.raises(gr.Error, match="dictionary of images or a single image"):
        editor.postprocess(42)
    with pytest.raises(gr.Error, match="unknown keys"):
        editor.postprocess({"image": "x.png"})


def test_a_missing_initial_image_is_shown_missing_with_a_warning_as_gradio_builds_the_app(tmp_path):
    # Gradio's image_editor_many names ./cheetah.jpg, which is not in its folder: Gradio starts it anyway.
    missing = str(tmp_path / "cheetah.jpg")
    with pytest.warns(UserWarning, match=r"no image at .*cheetah\.jpg; the page shows it as missing"):
        editor = gr.ImageEditor(value=missing, render=False)
    assert editor.value["background"]["path"] == missing and editor.value["background"]["size"] is None
    with pytest.raises(gr.Error, match="no image at"):  # returned by a function: the event's error
        editor.postprocess(missing)


@needs_pillow
def test_postprocess_saves_arrays_and_pil_images():
    editor = gr.ImageEditor(format="png", render=False)
    value = editor.postprocess({"background": PILImage.new("RGB", (5, 4), "red"), "layers": [], "composite": None})
    assert value["background"]["path"].endswith(".png") and PILImage.open(value["background"]["path"]).size == (5, 4)
