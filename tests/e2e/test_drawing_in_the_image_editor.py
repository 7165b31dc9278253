"""gr.ImageEditor in Chromium, driven with the mouse: strokes, eraser, layers, upload, crop, resize, undo,
webcam and clipboard sources, and what the Python function receives (examples/image_editor.py reads the
exported PNGs with a small zlib-based reader and reports pixel colors)."""

import re
import struct
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

RED, BLUE, WHITE, GREEN = "#e11d48", "#2563eb", "#ffffff", "#22aa44"
SHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def png(width, height, pixel):
    """An RGB PNG where pixel(x, y) -> (r, g, b)."""
    rows = b"".join(b"\x00" + bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def green_with_blue_corner(width=120, height=80):
    """Green, with a blue 20×20 square in the top-left corner."""
    return png(width, height, lambda x, y: (0x22, 0x55, 0xee) if x < 20 and y < 20 else (0x22, 0xaa, 0x44))


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("image_editor"))
    yield page
    page.context.close()


def editor(page, elem_id="editor"):
    return page.locator(f"#{elem_id}")


def canvas_box(page, elem_id="editor"):
    return editor(page, elem_id).locator(".pixi-target canvas").bounding_box()


def drag(page, points):
    """Press at the first point, move through the others, release (screen coordinates)."""
    page.mouse.move(*points[0])
    page.mouse.down()
    for x, y in points[1:]:
        page.mouse.move(x, y, steps=6)
    page.mouse.up()


def across_the_middle(page, elem_id="editor", half_width=120):
    """A horizontal stroke through the canvas's center (the fitted document is centered in the box)."""
    box = canvas_box(page, elem_id)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    drag(page, [(cx - half_width, cy), (cx, cy), (cx + half_width, cy)])


def read_pixel(page, x, y, expected):
    page.get_by_label("X", exact=True).fill(str(x))
    page.get_by_label("Y", exact=True).fill(str(y))
    page.get_by_role("button", name="Read pixel").click()
    expect(page.get_by_label("Pixel", exact=True)).to_have_value(f"({x}, {y}) is {expected}", timeout=20_000)


def received(page):
    return page.get_by_label("What Python received")


def use_brush(ed, color=1):
    """The brush tool with palette color `color` (the choice outlives Clear canvas, as in Gradio)."""
    ed.get_by_role("button", name="Brush", exact=True).click()
    ed.get_by_role("button", name="Color", exact=True).click()
    ed.get_by_role("button", name=f"Color {color}").click()


def start_over(page):
    """Clear canvas, and wait until Python has seen the empty editor."""
    editor(page).get_by_role("button", name="Clear canvas").click()
    expect(received(page)).to_have_value(re.compile("^Nothing yet"), timeout=20_000)


def test_a_brush_stroke_reaches_python_as_png_files(page):
    start_over(page)
    use_brush(editor(page))
    across_the_middle(page)
    painted = re.compile(r"^Composite 400×300, 1 layer\(s\)\nLayer 1: [1-9][\d.]*% painted$")
    expect(received(page)).to_have_value(painted, timeout=20_000)
    read_pixel(page, 200, 150, RED)  # the middle of the canvas, under the stroke
    read_pixel(page, 200, 40, WHITE)  # the empty background above it
    # The composite also went to an output gr.Image as a real file.
    preview = page.get_by_test_id("detailed-image")
    expect(preview).to_be_visible()
    assert preview.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [400, 300]
    assert not page.wasmblocks_errors, page.wasmblocks_errors


def test_eraser_undo_and_redo(page):
    start_over(page)
    ed = editor(page)
    use_brush(ed)
    across_the_middle(page)
    read_pixel(page, 200, 150, RED)
    ed.get_by_label("Erase", exact=True).click()
    box = canvas_box(page)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    drag(page, [(cx, cy - 30), (cx, cy + 30)])  # a vertical cut through the middle of the red line
    read_pixel(page, 200, 150, WHITE)
    read_pixel(page, 150, 150, RED)  # left of the cut, the paint is still there
    ed.get_by_role("button", name="Undo").click()
    read_pixel(page, 200, 150, RED)
    ed.get_by_role("button", name="Redo").click()
    read_pixel(page, 200, 150, WHITE)
    ed.get_by_role("button", name="Undo").click()
    ed.get_by_role("button", name="Undo").click()
    expect(ed.get_by_role("button", name="Undo")).to_be_disabled()
    read_pixel(page, 150, 150, WHITE)


def test_layers_add_select_hide_and_reorder(page):
    start_over(page)
    ed = editor(page)
    use_brush(ed)
    across_the_middle(page)  # red, on the "Sketch" layer
    open_layers(ed).get_by_role("button", name="Add Layer").click()
    expect(ed.get_by_role("button", name="layer-2")).to_have_attribute("aria-current", "true")  # the new one is current
    ed.get_by_role("button", name="Color").click()
    ed.get_by_role("button", name="Color 2").click()  # blue
    box = canvas_box(page)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    drag(page, [(cx, cy - 40), (cx, cy + 40)])
    expect(received(page)).to_have_value(re.compile(r"^Composite 400×300, 2 layer\(s\)\nLayer 1: .*\nLayer 2: [1-9]"),
                                         timeout=20_000)
    read_pixel(page, 200, 150, BLUE)  # the new layer is on top
    open_layers(ed).get_by_role("button", name="Hide Layer 2").click()
    read_pixel(page, 200, 150, RED)  # hidden layers are left out of the composite
    open_layers(ed).get_by_role("button", name="Show Layer 2").click()
    ed.get_by_role("button", name="Move Layer 2 up").click()  # below "Sketch" now
    read_pixel(page, 200, 150, RED)
    open_layers(ed)
    expect(ed.get_by_role("button", name="Delete Sketch")).to_have_count(0)  # the app's own layer stays
    ed.get_by_role("button", name="Delete Layer 2").click()
    expect(received(page)).to_have_value(re.compile(r"1 layer\(s\)"), timeout=20_000)


def open_layers(ed):
    """The layers list (a click elsewhere closes it, as in Gradio)."""
    title = ed.get_by_role("button", name="Show Layers")
    if title.get_attribute("aria-expanded") != "true":
        title.click()
    return ed


def test_uploaded_background_sets_the_canvas_size_and_fires_upload(page):
    start_over(page)
    uploads = int(page.get_by_label("Uploads").input_value())
    with page.expect_file_chooser() as chooser:
        page.get_by_label("Click to upload or drop files").first.click()
    chooser.value.set_files({"name": "field.png", "mimeType": "image/png", "buffer": green_with_blue_corner()})
    expect(received(page)).to_have_value(re.compile(r"^Composite 120×80, 1 layer\(s\)\nLayer 1: 0\.0% painted$"),
                                         timeout=20_000)
    expect(page.get_by_label("Uploads")).to_have_value(str(uploads + 1))
    read_pixel(page, 5, 5, "#2255ee")
    read_pixel(page, 100, 60, GREEN)
    # After an upload the brush is the current tool: a stroke lands on the picture.
    expect(editor(page).get_by_role("button", name="Brush", exact=True)).to_have_attribute("aria-pressed", "true")
    use_brush(editor(page))
    across_the_middle(page, half_width=40)
    read_pixel(page, 60, 40, RED)


def test_crop_and_resize(page):
    start_over(page)
    ed = editor(page)
    ed.get_by_test_id("file-upload").set_input_files(
        {"name": "field.png", "mimeType": "image/png", "buffer": green_with_blue_corner(120, 80)})
    expect(received(page)).to_have_value(re.compile(r"^Composite 120×80"), timeout=20_000)
    ed.get_by_role("button", name="Image", exact=True).click()
    ed.get_by_role("button", name="Crop").click()
    expect(ed.get_by_role("button", name="Confirm crop")).to_be_visible()
    # The crop view fits the picture in the box (30 px margin) and centers it; pull its bottom-right handle
    # halfway to the top-left corner.
    box = canvas_box(page)
    scale = min((box["width"] - 60) / 120, (box["height"] - 60) / 80)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    corner = (cx + 60 * scale, cy + 40 * scale)
    drag(page, [corner, (cx, cy)])
    ed.get_by_role("button", name="Confirm crop").click()
    expect(received(page)).to_have_value(re.compile(r"^Composite 60×40"), timeout=20_000)
    read_pixel(page, 5, 5, "#2255ee")  # the top-left of the picture is kept
    read_pixel(page, 55, 35, GREEN)

    # Resize: the picture shrinks on the canvas (a corner keeps the aspect ratio); the canvas stays 60×40.
    ed.get_by_role("button", name="Resize").click()
    box = canvas_box(page)
    scale = min((box["width"] - 60) / 60, (box["height"] - 60) / 40)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    drag(page, [(cx + 30 * scale, cy + 20 * scale), (cx, cy)])
    read_pixel(page, 55, 35, WHITE)  # uncovered canvas is white
    read_pixel(page, 3, 3, "#2255ee")
    expect(received(page)).to_have_value(re.compile(r"^Composite 60×40"))


def test_save_changes_fires_apply_and_clear_fires_clear(open_app, site_url):
    page = open_app(site_url("image_editor"))  # its own page: the counters start at 0
    ed = editor(page)
    use_brush(ed)
    across_the_middle(page)
    expect(received(page)).to_have_value(re.compile(r"^Composite"), timeout=20_000)
    ed.get_by_role("button", name="Save changes").click()
    expect(page.get_by_label("Applied")).to_have_value("1")
    start_over(page)
    expect(page.get_by_label("Clears")).to_have_value("1")
    expect(page.get_by_label("Applied")).to_have_value("1")


def test_a_function_sets_the_background(page):
    start_over(page)
    page.get_by_role("button", name="Checkerboard background").click()
    # The value Python set is shown, and drawn on: the next export is the canvas, 240×240.
    ed = editor(page)
    expect(ed.get_by_role("button", name="Brush", exact=True)).to_have_attribute("aria-pressed", "true")
    use_brush(ed)
    across_the_middle(page, half_width=30)
    expect(received(page)).to_have_value(re.compile(r"^Composite 240×240"), timeout=20_000)
    read_pixel(page, 30, 30, "#336699")
    read_pixel(page, 90, 30, "#eeeeee")
    read_pixel(page, 120, 120, RED)


def test_sketchpad_draws_black_on_white(page):
    page.get_by_role("tab", name="Sketchpad").click()
    pad = page.locator(".wb-image-editor").filter(has_text="Sketchpad")
    # No sources: the brush is the current tool from the start, with Gradio's fixed black palette.
    expect(pad.get_by_role("button", name="Brush", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(pad.get_by_role("button", name="Image", exact=True)).to_have_count(0)
    box = pad.locator(".pixi-target canvas").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    drag(page, [(cx - 50, cy), (cx + 50, cy)])
    sketch = page.get_by_label("Sketch", exact=True)
    expect(sketch).to_have_value(re.compile(r"^Composite 300×300, 1 layer"), timeout=20_000)
    pad.get_by_role("button", name="Color").click()
    expect(pad.get_by_role("button", name=re.compile("^Color \\d"))).to_have_count(1)
    expect(pad.get_by_label("Custom color")).to_have_count(0)  # color_mode="fixed"
    page.get_by_role("tab", name="Editor").click()


def test_editor_screenshots_light_and_dark(open_app, site_url):
    for mode in ("light", "dark"):
        page = open_app(f"{site_url('image_editor')}?__theme={mode}")
        page.set_viewport_size({"width": 1100, "height": 800})
        ed = editor(page)
        ed.get_by_test_id("file-upload").set_input_files(
            {"name": "field.png", "mimeType": "image/png", "buffer": green_with_blue_corner(200, 150)})
        expect(ed.get_by_role("button", name="Brush", exact=True)).to_have_attribute("aria-pressed", "true")
        across_the_middle(page, half_width=100)
        ed.get_by_role("button", name="Color").click()
        page.wait_for_timeout(300)
        ed.screenshot(path=str(SHOTS / f"image_editor-{mode}.png"), animations="disabled", caret="hide")
        assert not page.wasmblocks_errors, page.wasmblocks_errors


# ---- webcam and clipboard (pages of their own: permissions, a getUserMedia probe) ----
COUNT_CAMERA = """
window.__cameraCalls = 0;
const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = (c) => { window.__cameraCalls++; return real(c); };
"""


def test_webcam_asks_before_opening_the_camera(open_app, site_url):
    page = open_app(site_url("image_editor"), wait_for=None)
    page.context.add_init_script(COUNT_CAMERA)
    page.reload()
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]', timeout=60_000)
    ed = editor(page)
    ed.get_by_role("button", name="Webcam").click()
    prompt = ed.get_by_role("button", name="Click to Access Webcam")
    expect(prompt).to_be_visible()
    assert page.evaluate("window.__cameraCalls") == 0  # nothing opened the camera before the click
    prompt.click()
    capture = ed.get_by_role("button", name="capture photo")
    expect(capture).to_be_enabled(timeout=15_000)
    assert page.evaluate("window.__cameraCalls") == 1
    capture.click()
    expect(page.get_by_label("Uploads")).to_have_value("1", timeout=20_000)
    expect(received(page)).to_have_value(re.compile(r"^Composite \d+×\d+, 1 layer"), timeout=20_000)
    expect(ed.get_by_test_id("webcam")).to_have_count(0)  # the camera view closed after the photo


def test_paste_a_background_from_the_clipboard(open_app, site_url):
    page = open_app(site_url("image_editor"), permissions=["clipboard-read", "clipboard-write"])
    page.evaluate("""async (bytes) => {
        const blob = new Blob([new Uint8Array(bytes)], { type: "image/png" });
        await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
    }""", list(green_with_blue_corner(90, 60)))
    editor(page).get_by_role("button", name="Paste").click()
    expect(received(page)).to_have_value(re.compile(r"^Composite 90×60"), timeout=20_000)
    expect(page.get_by_label("Uploads")).to_have_value("1")
    read_pixel(page, 80, 50, GREEN)


# ---- Gradio's demos, with type="filepath" (numpy cannot load offline) ----
CANVAS_APP = """
import struct
import gradio as gr

def size(value):
    with open(value["composite"], "rb") as f:
        width, height = struct.unpack(">II", f.read(24)[16:24])
    return height, width

with gr.Blocks() as demo:
    with gr.Row():
        with gr.Column():
            image = gr.ImageEditor(label="Default Canvas. Not fixed", elem_id="default", type="filepath")
            get_image = gr.Button("Get Default")
        with gr.Column():
            small = gr.ImageEditor(label="Custom Canvas, not fixed", canvas_size=(300, 300), elem_id="small",
                                   type="filepath")
            get_small = gr.Button("Get Small")
        with gr.Column():
            fixed = gr.ImageEditor(label="Custom Canvas,fixed", canvas_size=(500, 500), fixed_canvas=True,
                                   elem_id="fixed", type="filepath")
            get_fixed = gr.Button("Get Fixed")
        with gr.Column():
            width = gr.Number(label="Width")
            height = gr.Number(label="Height")
    get_image.click(size, outputs=[height, width], inputs=image)
    get_small.click(size, outputs=[height, width], inputs=small)
    get_fixed.click(size, outputs=[height, width], inputs=fixed)
"""


def test_canvas_size_follows_the_upload_unless_fixed(open_app, source_url):
    page = open_app(source_url("canvas_size.py", CANVAS_APP))
    picture = {"name": "bike.png", "mimeType": "image/png", "buffer": green_with_blue_corner(256, 192)}
    for index, button, expected in ((0, "Get Default", ("256", "192")), (1, "Get Small", ("256", "192")),
                                    (2, "Get Fixed", ("500", "500"))):
        with page.expect_file_chooser() as chooser:
            page.get_by_label("Click to upload or drop files").nth(index).click()
        chooser.value.set_files(picture)
        page.get_by_role("button", name=button).click()
        expect(page.get_by_label("Width")).to_have_value(expected[0], timeout=20_000)
        expect(page.get_by_label("Height")).to_have_value(expected[1])


def test_small_canvas_keeps_its_size_while_drawn_on(open_app, source_url):
    page = open_app(source_url("canvas_size.py", CANVAS_APP))
    page.locator("#small").get_by_label("Brush").click()
    page.locator("#small .pixi-target").click(position={"x": 200, "y": 100})
    page.get_by_role("button", name="Get Small").click()
    expect(page.get_by_label("Width")).to_have_value("300", timeout=20_000)
    expect(page.get_by_label("Height")).to_have_value("300")


EVENTS_APP = """
import gradio as gr

with gr.Blocks() as demo:
    with gr.Row():
        im = gr.ImageEditor(type="filepath", elem_id="image_editor")
        im_preview = gr.Image(type="filepath")
    n_upload = gr.Label(0, label="upload", elem_id="upload")
    n_change = gr.Label(0, label="change", elem_id="change")
    n_input = gr.Label(0, label="input", elem_id="input")
    n_apply = gr.Label(0, label="apply", elem_id="apply")
    cleared_properly = gr.Number(0, label="cleared properly")
    clear_btn = gr.Button("Clear Button", elem_id="clear")
    im.upload(lambda x: int(x) + 1, outputs=n_upload, inputs=n_upload, show_progress="hidden")
    im.change(lambda x: int(x) + 1, outputs=n_change, inputs=n_change, show_progress="hidden")
    im.input(lambda x: int(x) + 1, outputs=n_input, inputs=n_input, show_progress="hidden")
    im.apply(lambda x: int(x) + 1, outputs=n_apply, inputs=n_apply, show_progress="hidden")
    im.change(lambda im: im["composite"], outputs=im_preview, inputs=im, show_progress="hidden")
    clear_btn.click(lambda: None, None, im).then(
        lambda im, n: (n + int(im["composite"] is None), im["composite"]), inputs=[im, cleared_properly],
        outputs=[cleared_properly, im])
"""


def test_editor_events_as_in_gradios_spec(open_app, source_url):
    page = open_app(source_url("editor_events.py", EVENTS_APP))
    canvas = page.locator("canvas").first
    page.get_by_label("Brush").first.click()
    canvas.click(position={"x": 200, "y": 100})
    expect(page.locator("#change h2")).to_contain_text("1")
    expect(page.locator("#input h2")).to_contain_text("1")
    page.get_by_label("Erase").first.click()
    canvas.click(position={"x": 200, "y": 100})
    expect(page.locator("#change h2")).to_contain_text("2")
    expect(page.locator("#input h2")).to_contain_text("2")
    page.get_by_label("Save changes").first.click()
    expect(page.locator("#apply h2")).to_contain_text("1")
    # Clearing by returning None works twice (the second None must still clear the new drawing).
    for attempt in range(2):
        page.get_by_label("Brush").first.click()
        canvas.click(position={"x": 200, "y": 100})
        page.get_by_role("button", name="Clear Button").click()
        expect(page.get_by_label("cleared properly")).to_have_value(str(attempt + 1), timeout=20_000)
        expect(page.get_by_text("Upload an image")).to_be_visible()
    with page.expect_file_chooser() as chooser:
        page.get_by_label("Click to upload or drop files").first.click()
    chooser.value.set_files({"name": "cheetah.png", "mimeType": "image/png", "buffer": green_with_blue_corner()})
    expect(page.locator("#upload h2")).to_contain_text("1")
    assert not page.wasmblocks_errors, page.wasmblocks_errors


NUMPY_APP = """
import gradio as gr

with gr.Blocks() as demo:
    art = gr.ImageEditor(label="Art")
    shape = gr.Textbox(label="Shape")
    gr.Button("Measure").click(lambda v: str(v["composite"].shape), art, shape)
    gr.ImageEditor(label="Shown", interactive=False, value={"background": None, "layers": [], "composite": None})
"""


def test_numpy_editor_offline_names_the_missing_package(open_app, source_url):
    page = open_app(source_url("editor_numpy.py", NUMPY_APP))
    page.get_by_label("Brush").first.click()
    page.locator("canvas").first.click(position={"x": 100, "y": 100})
    page.get_by_role("button", name="Measure").click()
    toast = page.get_by_test_id("toast-body").filter(has_text='needs the "numpy" package, which could not be loaded')
    expect(toast).to_be_visible(timeout=30_000)
    expect(toast).to_contain_text('type="filepath"')
    # The read-only editor draws no tools and no canvas, only an empty image.
    shown = page.locator(".wb-image-editor.static")
    expect(shown).to_be_visible()
    expect(shown.locator("canvas")).to_have_count(0)


def test_editor_code_loads_only_for_apps_with_an_editor(open_app, site_url):
    page = open_app(site_url("hello"))
    resources = page.evaluate("performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)")
    assert not any("/chunks/image_editor-" in r for r in resources), resources
    page = open_app(site_url("image_editor"))
    resources = page.evaluate("performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)")
    assert any("/chunks/image_editor-" in r for r in resources), resources


def test_brush_size_and_custom_color(page):
    start_over(page)
    ed = editor(page)
    use_brush(ed)  # leaves the color popup open
    ed.get_by_label("Custom color").fill("#00ff00")  # color_mode="defaults": any color
    ed.get_by_role("button", name="Brush Size").click()
    ed.get_by_role("slider", name="Size").fill("30")
    across_the_middle(page)
    read_pixel(page, 200, 175, "#00ff00")  # 25 px below the line: inside a 30 px radius, outside the default 8
    read_pixel(page, 200, 190, WHITE)


def test_zoom_pan_and_fit(page):
    start_over(page)
    ed = editor(page)
    level = ed.get_by_role("button", name="Zoom level")
    before = level.inner_text()
    expect(ed.get_by_role("button", name="Pan")).to_be_disabled()  # the whole canvas is in view
    for _ in range(6):
        ed.get_by_role("button", name="Zoom in").click()
    expect(level).not_to_have_text(before)
    assert int(level.inner_text().rstrip("%")) > int(before.rstrip("%"))
    pan = ed.get_by_role("button", name="Pan")
    expect(pan).to_be_enabled()
    pan.click()
    box = canvas_box(page)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    drag(page, [(cx, cy), (cx + 200, cy)])  # moves the view, draws nothing
    use_brush(ed)
    page.mouse.click(cx, cy)
    # The view moved right, so the middle of the box now shows a point left of the canvas's middle.
    expect(received(page)).to_have_value(re.compile(r"Layer 1: [1-9]"), timeout=20_000)
    read_pixel(page, 200, 150, WHITE)
    level.click()
    ed.get_by_role("menuitem", name="Fit to screen").click()
    expect(pan).to_be_disabled()


OPTIONS_APP = """
import os, struct, tempfile, zlib
import gradio as gr

def png(width, height, rgb):
    rows = b"".join(b"\\x00" + bytes(rgb) * width for _ in range(height))
    chunk = lambda k, d: struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d) & 0xFFFFFFFF)
    data = (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path = os.path.join(tempfile.mkdtemp(), "start.png")
    with open(path, "wb") as f:
        f.write(data)
    return path

START = png(64, 48, (10, 120, 200))

def size(value):
    with open(value["composite"], "rb") as f:
        width, height = struct.unpack(">II", f.read(24)[16:24])
    return f"{width}x{height}, {len(value['layers'])} layers"

with gr.Blocks() as demo:
    start = gr.ImageEditor(START, label="Start", type="filepath", transforms=("crop",), layers=False,
                           eraser=False, elem_id="start")
    info = gr.Textbox(label="Info")
    gr.Button("Measure").click(size, start, info)
    gr.ImageEditor(label="No tools", brush=False, eraser=False, sources=["upload"], placeholder="# Drop a photo\\nor click",
                   elem_id="bare")
    shown = gr.ImageEditor({"background": START, "layers": [], "composite": START}, label="Shown", interactive=False,
                           buttons=["download", "fullscreen"], elem_id="shown")
    picked = gr.Textbox(label="Picked")

    def pick(event: gr.SelectData):
        return str(event.index)

    shown.select(pick, None, picked)
"""


def test_initial_value_options_and_read_only_view(open_app, source_url):
    page = open_app(source_url("editor_options.py", OPTIONS_APP))
    start = page.locator("#start")
    # value= is the background; layers=False: no layers panel (one layer is still drawn on).
    expect(start.get_by_role("button", name="Brush", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(start.get_by_role("button", name="Show Layers")).to_have_count(0)
    expect(start.get_by_role("button", name="Erase")).to_have_count(0)
    box = start.locator(".pixi-target canvas").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_role("button", name="Measure").click()
    expect(page.get_by_label("Info")).to_have_value("64x48, 1 layers", timeout=20_000)
    start.get_by_role("button", name="Image", exact=True).click()
    expect(start.get_by_role("button", name="Crop")).to_be_visible()
    expect(start.get_by_role("button", name="Resize")).to_have_count(0)  # transforms=("crop",)
    name, data = downloaded(page, start.get_by_role("button", name="Download").click)
    assert name == "image.png" and data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (64, 48)

    bare = page.locator("#bare")
    expect(bare.get_by_role("button", name="Brush")).to_have_count(0)
    expect(bare.get_by_role("heading", name="Drop a photo")).to_be_visible()
    expect(bare.get_by_text("or click")).to_be_visible()
    expect(bare.get_by_role("button", name="Paste")).to_have_count(0)  # sources=["upload"]

    shown = page.locator("#shown")
    image = shown.get_by_test_id("detailed-image")
    expect(image).to_be_visible()
    expect(shown.locator("canvas")).to_have_count(0)
    expect(shown.get_by_role("link", name="Download")).to_be_visible()
    expect(shown.get_by_role("button", name="Fullscreen")).to_be_visible()
    ibox = image.bounding_box()
    image.click(position={"x": ibox["width"] * 48.5 / 64, "y": ibox["height"] * 24.5 / 48})  # pixel (48, 24)
    expect(page.get_by_label("Picked")).to_have_value(re.compile(r"^\[\d+, \d+\]$"))
    x, y = (int(n) for n in re.findall(r"\d+", page.get_by_label("Picked").input_value()))
    assert abs(x - 48) <= 1 and abs(y - 24) <= 1, (x, y)  # 1 CSS px per pixel here: sub-pixel layout may round
    assert not page.wasmblocks_errors, page.wasmblocks_errors


def downloaded(page, click):
    with page.expect_download() as info:
        click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()
