"""gr.Model3D (examples/model3d/): every format drawn on a WebGL canvas, the camera turned with the mouse
and put back with Undo, display_mode and camera_position changed from Python, upload/change/clear events
with what the function received, the file-type check, download, a model in a Chatbot message, and the
message shown when the browser has no WebGL.

"Drawn" is read from the pixels of an element screenshot (decoded in the page), not just from the viewer's
data-status: a model counts as drawn when enough pixels differ from the scene's clear colour.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parents[2] / "examples" / "model3d" / "models"
# The example's clear_color (0.93, 0.94, 0.96) as the page shows it.
BACKGROUND = (237, 240, 245)
GRADIO_MODELS = sorted(Path("/work/venvs/gradio631").glob("lib/python*/site-packages/gradio/media_assets/models3d"))

PAINTED_JS = """async ([b64, bg]) => {
  const blob = await (await fetch("data:image/png;base64," + b64)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(bitmap, 0, 0);
  const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  if (!bg) {
    const at = ((bitmap.height - 8) * bitmap.width + 8) * 4;
    bg = [px[at], px[at + 1], px[at + 2]];
  }
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]) > 30) n++;
  }
  return n / (px.length / 4);
}"""

DIFF_JS = """async ([a, b]) => {
  const read = async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch("data:image/png;base64," + b64)).blob());
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const [x, y] = [await read(a), await read(b)];
  let n = 0;
  for (let i = 0; i < x.length; i += 4) {
    const d = Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]);
    if (d > 30) n++;
  }
  return n / (x.length / 4);
}"""


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("model3d"))
    yield page
    page.context.close()


def shot(locator) -> str:
    return base64.b64encode(locator.screenshot(animations="disabled")).decode()


def painted(page, locator, background=BACKGROUND) -> float:
    """The share of the element's pixels that are not the background colour (None: the colour near the
    bottom-left corner, where neither the label nor the buttons are)."""
    return page.evaluate(PAINTED_JS, [shot(locator), list(background) if background else None])


def changed(page, before: str, after: str) -> float:
    return page.evaluate(DIFF_JS, [before, after])


def viewer(page, label: str):
    return page.locator(".wb-model3d-block").filter(has_text=label)


def wait_shown(host, name: str, timeout: float = 30_000) -> dict:
    """Wait until the viewer has finished with `name` (ready or an error); returns its data attributes."""
    host.page.wait_for_function(
        "([h, n]) => h.dataset.name === n && h.dataset.status !== 'loading'",
        arg=[host.element_handle(), name],
        timeout=timeout,
    )
    return host.evaluate("h => ({...h.dataset})")


def pose(host) -> tuple[float, float, float]:
    alpha, beta, radius = (float(v) for v in host.get_attribute("data-camera").split(","))
    return alpha, beta, radius


SAMPLES = [
    # radio label, file, format, vertices drawn (what the loaders read from the file)
    ("Cube (.glb)", "cube.glb", "gltf", 24),
    ("Cube (.gltf)", "cube.gltf", "gltf", 24),
    ("Cube (.obj)", "cube.obj", "obj", 36),
    ("Cube (.stl)", "cube.stl", "stl", 36),
    ("Cube (.ply, coloured faces)", "cube.ply", "ply", 24),
    ("Sphere of points (.ply)", "points.ply", "ply", 600),
    ("Sphere of splats (.splat)", "sphere.splat", "splat", 400),
    ("Sphere of splats (.ply splat)", "sphere_splat.ply", "splat", 400),
]


@pytest.mark.parametrize("label,name,fmt,vertices", SAMPLES, ids=[s[1] for s in SAMPLES])
def test_each_format_is_drawn(page, label, name, fmt, vertices):
    page.get_by_label(label, exact=True).check()
    block = viewer(page, "Sample model")
    host = block.locator(".canvas-host")
    data = wait_shown(host, name)
    assert data["status"] == "ready", data
    assert (data["format"], int(data["vertices"])) == (fmt, vertices)
    share = painted(page, host)
    # A point cloud is sparse; a cube or a splat sphere covers a good part of the view.
    assert share > (0.01 if name == "points.ply" else 0.08), f"{name}: only {share:.1%} of the canvas is drawn"
    assert not page.wasmblocks_errors


def test_drag_rotates_and_undo_returns_to_the_first_view(page):
    page.get_by_label("Cube (.glb)", exact=True).check()
    block = viewer(page, "Sample model")
    host = block.locator(".canvas-host")
    wait_shown(host, "cube.glb")
    undo = block.get_by_label("Undo")
    first = pose(host)
    assert first[:2] == (45.0, 65.0)  # the example's camera_position=(45, 65, None)
    assert undo.is_disabled()
    before = shot(host)

    box = host.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x + 12 * step, y + 3 * step)
    page.mouse.up()

    turned = pose(host)
    assert abs(turned[0] - first[0]) > 10, (first, turned)  # a horizontal drag turns alpha
    assert abs(turned[2] - first[2]) < 1e-6 * first[2] + 0.05  # and keeps the distance
    page.wait_for_function("b => !b.disabled", arg=undo.element_handle())
    assert changed(page, before, shot(host)) > 0.05

    undo.click()
    assert pose(host) == first
    page.wait_for_function("b => b.disabled", arg=undo.element_handle())


def test_right_drag_pans_and_undo_brings_the_model_back(page):
    page.get_by_label("Cube (.glb)", exact=True).check()
    block = viewer(page, "Sample model")
    host = block.locator(".canvas-host")
    wait_shown(host, "cube.glb")
    block.get_by_label("Undo").click(force=True)  # whatever an earlier test left, start from the first view
    first, before = pose(host), shot(host)
    box = host.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down(button="right")
    for step in range(1, 11):
        page.mouse.move(x + 8 * step, y)
    page.mouse.up(button="right")
    assert pose(host) == first  # panning moves the target, not the angles or the distance
    assert changed(page, before, shot(host)) > 0.05
    undo = block.get_by_label("Undo")
    page.wait_for_function("b => !b.disabled", arg=undo.element_handle())
    undo.click()
    assert changed(page, before, shot(host)) < 0.01


def test_touch_drag_rotates_and_pinch_zooms(open_app, site_url):
    page = open_app(site_url("model3d"), has_touch=True)
    block = viewer(page, "Sample model")
    host = block.locator(".canvas-host")
    wait_shown(host, "cube.glb")
    first = pose(host)
    box = host.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)

    def touch(kind, *points):
        fingers = [{"x": px, "y": py, "id": i} for i, (px, py) in enumerate(points)]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": fingers})

    touch("touchStart", (x, y))
    for step in range(1, 11):
        touch("touchMove", (x - 10 * step, y))
    touch("touchEnd")
    turned = pose(host)
    assert abs(turned[0] - first[0]) > 10 and turned[2] == first[2], (first, turned)

    touch("touchStart", (x - 20, y), (x + 20, y))
    for step in range(1, 11):
        touch("touchMove", (x - 20 - 8 * step, y), (x + 20 + 8 * step, y))
    touch("touchEnd")
    assert pose(host)[2] < turned[2]  # fingers apart: closer


def test_wheel_zooms_in(page):
    block = viewer(page, "Sample model")
    host = block.locator(".canvas-host")
    start = pose(host)
    host.hover()
    page.mouse.wheel(0, -400)
    closer = "([h, r]) => parseFloat(h.dataset.camera.split(',')[2]) < r"
    page.wait_for_function(closer, arg=[host.element_handle(), start[2]])
    block.get_by_label("Undo").click()
    assert pose(host) == start


def test_display_mode_and_camera_position_from_python(page):
    page.get_by_label("Cube (.glb)", exact=True).check()
    block = viewer(page, "Sample model")
    host = block.locator(".canvas-host")
    wait_shown(host, "cube.glb")
    solid = painted(page, host)
    page.get_by_label("wireframe", exact=True).check()
    page.wait_for_function("h => h.dataset.mode === 'wireframe'", arg=host.element_handle())
    wire = painted(page, host)
    page.get_by_label("point_cloud", exact=True).check()
    page.wait_for_function("h => h.dataset.mode === 'point_cloud'", arg=host.element_handle())
    points = painted(page, host)
    assert solid > 5 * wire > 0 and wire > points > 0, (solid, wire, points)
    page.get_by_label("solid", exact=True).check()
    page.wait_for_function("h => h.dataset.mode === 'solid'", arg=host.element_handle())

    # A custom toolbar button (buttons=[gr.Button("Top view")]) whose click returns camera_position=(90, 1, None).
    block.get_by_role("button", name="Top view").click()
    page.wait_for_function("h => h.dataset.camera.startsWith('90,1,')", arg=host.element_handle())
    # The layout no longer holds the button: it moved into the viewer's toolbar, as in Gradio.
    assert page.get_by_role("button", name="Top view").count() == 1


def test_upload_change_and_clear_reach_python(page):
    block = viewer(page, "Upload a model")
    block.locator('input[data-testid="file-upload"]').set_input_files(str(MODELS / "cube.stl"))
    received = page.get_by_label("What Python received")
    page.wait_for_function("el => el.value.includes('name: cube.stl')", arg=received.element_handle())
    text = received.input_value()
    path = text.split("\n")[0].removeprefix("path: ")
    assert path.endswith("/cube.stl") and path.startswith("/"), text
    assert "size: 684 bytes" in text
    assert page.get_by_label("# Upload Events").input_value() == "1"
    assert page.get_by_label("# Change Events").input_value() == "1"

    host = block.locator(".canvas-host")
    data = wait_shown(host, "cube.stl")
    assert (data["status"], data["format"], data["vertices"]) == ("ready", "stl", "36")
    assert block.get_by_label("Download").count() == 0  # an interactive viewer has Clear, not Download (Gradio)

    block.get_by_label("Clear").click()
    page.wait_for_function("el => el.value === '1'", arg=page.get_by_label("# Clear Events").element_handle())
    assert page.get_by_label("# Change Events").input_value() == "2"
    assert received.input_value() == "nothing (the model was cleared)"
    assert block.get_by_test_id("upload-button").is_visible()
    assert not page.wasmblocks_errors


DROP_JS = """(target, [name, b64]) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], name));
  for (const type of ["dragenter", "dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
  }
}"""


def test_a_dropped_file_is_uploaded(page):
    block = viewer(page, "Upload a model")
    if block.get_by_label("Clear").count():
        block.get_by_label("Clear").click()
    area = block.get_by_test_id("upload-button")
    payload = base64.b64encode((MODELS / "cube.ply").read_bytes()).decode()
    area.evaluate(DROP_JS, ["cube.ply", payload])
    received = page.get_by_label("What Python received")
    page.wait_for_function("el => el.value.includes('name: cube.ply')", arg=received.element_handle())
    data = wait_shown(block.locator(".canvas-host"), "cube.ply")
    assert (data["status"], data["format"], data["vertices"]) == ("ready", "ply", "24")
    block.get_by_label("Clear").click()
    block.get_by_test_id("upload-button").wait_for()


def test_a_file_of_another_type_is_refused(page, tmp_path):
    note = tmp_path / "notes.txt"
    note.write_text("not a model")
    block = viewer(page, "Upload a model")
    before = page.get_by_label("# Upload Events").input_value()
    block.locator('input[data-testid="file-upload"]').set_input_files(str(note))
    toast = page.get_by_test_id("toast-body").filter(has_text="notes.txt")
    toast.wait_for()
    assert "Invalid file type" in toast.inner_text()
    assert page.get_by_label("# Upload Events").input_value() == before
    assert block.get_by_test_id("upload-button").is_visible()


def test_download_saves_the_shown_file(page):
    page.get_by_label("Cube (.glb)", exact=True).check()
    block = viewer(page, "Sample model")
    wait_shown(block.locator(".canvas-host"), "cube.glb")
    with page.expect_download() as info:
        block.get_by_label("Download").click()
    download = info.value
    assert download.suggested_filename == "cube.glb"
    assert Path(download.path()).read_bytes() == (MODELS / "cube.glb").read_bytes()


def test_examples_fill_the_upload_viewer(page):
    page.locator(".wb-dataset").get_by_role("button", name="cube.obj").click()
    host = viewer(page, "Upload a model").locator(".canvas-host")
    data = wait_shown(host, "cube.obj")
    assert (data["status"], data["format"]) == ("ready", "obj")


APP_EVENTS = """
import gradio as gr

with gr.Blocks() as demo:
    with gr.Row():
        source = gr.Model3D(label="Input Model3D")
        target = gr.Model3D(label="Output Model3D")
        with gr.Column():
            changes = gr.Number(label="# Change Events", value=0)
            uploads = gr.Number(label="# Upload Events", value=0)
            clears = gr.Number(label="# Clear Events", value=0)
            cleared = gr.Textbox(label="Clear Value", value="")
    source.upload(lambda f, n: (f, n + 1), [source, uploads], [target, uploads])
    source.change(lambda n: n + 1, changes, changes)
    source.clear(lambda f, n: (f, n + 1), [source, clears], [cleared, clears])
"""


def test_gradio_event_spec_upload_clear_download(open_app, source_url):
    """The steps of Gradio's model3d_component_events.spec.ts, on an app wired like its demo."""
    page = open_app(source_url("model3d_events.py", APP_EVENTS))
    page.locator("input[type=file]").first.set_input_files(str(MODELS / "cube.obj"))
    page.wait_for_function("el => el.value === '1'", arg=page.get_by_label("# Upload Events").element_handle())
    assert page.get_by_label("# Change Events").input_value() == "1"
    page.get_by_label("Clear").nth(0).click()
    page.wait_for_function("el => el.value === '1'", arg=page.get_by_label("# Clear Events").element_handle())
    assert page.get_by_label("# Change Events").input_value() == "2"
    assert page.get_by_label("Clear Value").input_value() == ""
    with page.expect_download() as info:
        page.get_by_label("Download").click()
    assert info.value.suggested_filename == "cube.obj"
    assert not page.wasmblocks_errors, "\n".join(page.wasmblocks_console)


APP_CHAT = """
import os
import gradio as gr

CUBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cube.glb")
# Made outside the Blocks, as a function returning a message would: the component is content, not layout.
MESSAGES = [{"role": "user", "content": "a cube please"}, {"role": "assistant", "content": gr.Model3D(CUBE)}]

with gr.Blocks() as demo:
    chat = gr.Chatbot(value=MESSAGES)
"""


def test_a_model_in_a_chat_message_is_drawn(open_app, site_url, tmp_path):
    app = tmp_path / "chat_model"
    app.mkdir()
    (app / "app.py").write_text(APP_CHAT)
    (app / "cube.glb").write_bytes((MODELS / "cube.glb").read_bytes())
    page = open_app(site_url(app))
    model = page.get_by_test_id("bot").locator('[data-testid="model3d"]')
    model.wait_for()
    data = wait_shown(model.locator(".canvas-host"), "cube.glb")
    assert (data["status"], data["vertices"]) == ("ready", "24")
    assert painted(page, model.locator(".canvas-host"), background=None) > 0.05


def test_without_webgl_a_clear_message_shows(app_opener, site_url):
    page = app_opener(site_url("model3d"), wait_for=None)
    try:
        # Every canvas refuses WebGL (and WebGPU) contexts, as a browser with WebGL turned off does.
        page.context.add_init_script(
            "HTMLCanvasElement.prototype.getContext = (orig => function (kind, ...rest) {"
            " return /webgl|webgpu/.test(kind) ? null : orig.call(this, kind, ...rest); })"
            "(HTMLCanvasElement.prototype.getContext);"
        )
        page.reload()
        page.wait_for_selector('#wasmblocks-app[data-state="ready"]', timeout=60_000)
        block = viewer(page, "Sample model")
        alert = block.get_by_role("alert")
        alert.wait_for()
        assert "WebGL" in alert.inner_text()
        assert block.locator(".canvas-host").get_attribute("data-status") == "no-webgl"
        assert block.get_by_label("Download").is_visible()  # the file can still be saved
    finally:
        page.context.close()


@pytest.mark.skipif(not GRADIO_MODELS, reason="Gradio's sample models come with a local Gradio 6.31 install")
def test_gradio_sample_models(open_app, site_url, tmp_path):
    """Real-world files: Gradio's own samples (textured glTF with animations, a textured GLB, OBJ, STL)."""
    app = tmp_path / "gradio_models"
    (app / "models").mkdir(parents=True)
    names = ["Fox.gltf", "Duck.glb", "Bunny.obj", "face.obj", "sofia.stl"]
    for name in names:
        (app / "models" / name).write_bytes((GRADIO_MODELS[0] / name).read_bytes())
    (app / "app.py").write_text(
        "import gradio as gr\nwith gr.Blocks() as demo:\n"
        + "".join(f"    gr.Model3D('models/{n}', label='{n}')\n" for n in names)
    )
    page = open_app(site_url(app))
    for name in names:
        host = viewer(page, name).locator(".canvas-host")
        data = wait_shown(host, name, timeout=60_000)
        assert data["status"] == "ready", data
        assert painted(page, host, background=None) > 0.02, name
    # The fox walks: its first animation plays, so the picture changes without any input.
    fox = viewer(page, "Fox.gltf").locator(".canvas-host")
    first = shot(fox)
    page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")
    assert changed(page, first, shot(fox)) > 0
