"""Upload components as Gradio's tests drive them: one file input and one "Paste from clipboard" per
interactive component (an output whose own event is listened to stays read-only), the upload area opening
the file chooser, drops dispatched on the file input itself, Gradio's toast for a file of the wrong type,
compound extensions (.nii.gz) matched whole and widened in `accept`, and File's `delete` event."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

def deleted(n, data: gr.DeletedFileData):
    return data.file.path, n + 1

with gr.Blocks() as demo:
    image_in = gr.Image(type="filepath", label="Input Image", sources=["upload", "clipboard"])
    image_out = gr.Image(type="filepath", label="Output Image", sources=["upload", "clipboard"])
    selects = gr.Number(label="Selects", value=0)
    image_in.upload(lambda p: p, image_in, image_out)
    image_out.select(lambda n: n + 1, selects, selects)

    single = gr.File(label="Single")
    uploads = gr.Number(label="Uploads", value=0)
    single.upload(lambda n: n + 1, uploads, uploads)

    nifti = gr.File(label="Scan", file_types=[".nii.gz"], elem_id="scan")
    scans = gr.Number(label="Scans", value=0)
    nifti.upload(lambda n: n + 1, scans, scans)

    many = gr.File(label="Many", file_count="multiple", elem_id="many")
    deleted_path = gr.Textbox(label="Deleted path")
    deletions = gr.Number(label="Deletions", value=0)
    many.delete(deleted, deletions, [deleted_path, deletions])

    audio = gr.Audio(label="Sound", type="filepath", elem_id="sound")
    audio.upload(lambda a: None, audio, None)
"""

DROP = """([sel, name, type, count]) => {
  const data = new DataTransfer();
  for (let i = 0; i < count; i++) data.items.add(new File(["x".repeat(10 + i)], name, { type }));
  const target = document.querySelector(`#${sel} input[type=file]`);
  for (const t of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(t, { dataTransfer: data, bubbles: true, cancelable: true }));
}"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("upload_areas_app.py", APP))
    yield page
    page.context.close()


def drop(page, elem_id: str, name: str, mime: str, count: int = 1) -> None:
    """Drop files on the file input of the component #elem_id, the way Gradio's drag_and_drop_file does."""
    page.evaluate(DROP, [elem_id, name, mime, count])


def close_toasts(page) -> None:
    for close in page.get_by_test_id("toast-close").all():
        close.click()
    expect(page.get_by_test_id("toast-body")).to_have_count(0)


def test_one_file_input_and_one_paste_button_per_interactive_component(page):
    # Input Image, Single, Scan, Many, Sound: the output Image (only an output, its .select a trigger) has none.
    expect(page.locator("input[type=file]")).to_have_count(5)
    expect(page.get_by_label("Paste from clipboard")).to_have_count(1)


def test_clicking_the_upload_area_opens_the_file_chooser(page, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("hello")
    with page.expect_file_chooser() as chooser:
        page.get_by_label("Click to upload or drop files").nth(1).click()
    chooser.value.set_files(str(note))
    expect(page.get_by_label("Uploads")).to_have_value("1")


def test_a_wrong_type_dropped_shows_gradios_error_toast(page):
    drop(page, "scan", "brain.nii", "application/octet-stream")
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_contain_text("Error")
    expect(toast).to_contain_text("Invalid file type: brain.nii. Only .nii.gz allowed.")
    close_toasts(page)
    expect(page.get_by_label("Scans")).to_have_value("0")


def test_a_compound_extension_matches_and_widens_accept(page):
    expect(page.locator("#scan input[type=file]")).to_have_attribute("accept", ".nii.gz, .gz")
    drop(page, "scan", "brain.nii.gz", "application/gzip")
    expect(page.get_by_label("Scans")).to_have_value("1")


def test_audio_of_the_wrong_type_warns(page):
    drop(page, "sound", "audio_sample.wav", "")
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_contain_text("Warning")
    expect(toast).to_contain_text("Invalid file type: audio_sample.wav")
    close_toasts(page)


def test_file_delete_event_carries_the_deleted_file(page):
    drop(page, "many", "photo.jpg", "image/jpeg", count=2)
    page.get_by_label("Remove this file").first.click()
    expect(page.get_by_label("Deletions")).to_have_value("1")
    expect(page.get_by_label("Deleted path")).to_have_value(__import__("re").compile(r"photo\.jpg$"))
    assert not page.wasmblocks_errors
