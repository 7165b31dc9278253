"""Issue 7 (files and media): uploads made by the test, processed in the worker, downloaded back; Image flip
with type="filepath", Gallery select, Audio/Video playing a WAV made with `wave`, and the upload limits."""

import io
import math
import struct
import wave
from pathlib import Path

import pytest
from playwright.sync_api import expect

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "files_media.py"


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url(EXAMPLE))
    yield page
    page.context.close()


def block(page, label):
    """The .block whose floating label reads `label`."""
    return page.locator(".block").filter(has=page.get_by_test_id("block-label").get_by_text(label, exact=True))


def upload_input(page, label):
    """The hidden <input type=file data-testid="file-upload"> of the block labelled `label` (Gradio's hook)."""
    return block(page, label).get_by_test_id("file-upload")


def downloaded(page, click):
    with page.expect_download() as info:
        click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def bmp(width, height, pixel):
    """A 24-bit BMP (bottom-up rows, BGR, rows padded to 4 bytes)."""
    stride = (width * 3 + 3) & ~3
    rows = b""
    for y in range(height):
        row = b"".join(bytes(reversed(pixel(x, y))) for x in range(width))
        rows += row + b"\x00" * (stride - len(row))
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(rows), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54 + len(rows), 0, 0, 54) + header + rows


def show_tab(page, name):
    """Each test opens its own tab, so any one of them runs alone too (the page is shared)."""
    page.get_by_role("tab", name=name).click()


def wav(seconds, rate=8000):
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 5))) for i in range(int(rate * seconds))))
    return out.getvalue()


def test_file_upload_process_and_download(page):
    show_tab(page, "Files")
    upload_input(page, "Text files").set_input_files([
        {"name": "a.txt", "mimeType": "text/plain", "buffer": b"hello files\n"},
        {"name": "b.csv", "mimeType": "text/csv", "buffer": b"x,y\n1,2\n"},
    ])
    inputs = block(page, "Text files")
    expect(inputs.locator("td.filename")).to_have_count(2)
    expect(inputs.locator("td.filename").first).to_have_attribute("aria-label", "a.txt")
    page.get_by_role("button", name="Shout").click()
    expect(page.get_by_label("Files status")).to_have_value("2 file(s) processed")
    outputs = block(page, "Shouted files")
    expect(outputs.get_by_role("link")).to_have_count(2)
    name, data = downloaded(page, outputs.get_by_role("link").nth(1).click)
    assert (name, data) == ("SHOUT-b.csv", b"X,Y\n1,2\n")
    name, data = downloaded(page, page.get_by_role("button", name="Download first result").click)
    assert (name, data) == ("SHOUT-a.txt", b"HELLO FILES\n")
    assert not page.wasmblocks_errors


def test_upload_button_returns_bytes_as_a_download(page):
    show_tab(page, "Files")
    page.get_by_test_id("Upload a file to reverse-upload-button").set_input_files(
        {"name": "abc.txt", "mimeType": "text/plain", "buffer": b"abcdef"})
    link = block(page, "Reversed file").get_by_role("link")
    expect(link).to_have_count(1)
    name, data = downloaded(page, link.click)
    assert data == b"fedcba"


def test_binary_type_gets_bytes(page):
    show_tab(page, "Files")
    upload_input(page, "Binary input").set_input_files({"name": "blob.bin", "mimeType": "application/octet-stream", "buffer": b"\x00\x01\x02\x03rest"})
    expect(page.get_by_label("Binary info")).to_have_value("8 bytes, starts with b'\\x00\\x01\\x02\\x03'")


def test_file_types_and_max_file_size_are_enforced_in_the_page(page):
    show_tab(page, "Files")
    page.get_by_test_id("Upload a file to reverse-upload-button").set_input_files(
        {"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG"})
    toast = page.get_by_test_id("toast-body").filter(has_text='Invalid file type: photo.png.')
    expect(toast).to_be_visible()
    block(page, "Binary input").get_by_role("button", name="Clear").click()
    upload_input(page, "Binary input").set_input_files({"name": "big.bin", "mimeType": "application/octet-stream", "buffer": b"x" * 70_000})
    toast = page.get_by_test_id("toast-body").filter(has_text='"big.bin" (68.4 KB) exceeds the maximum file size of 64.0 KB')
    expect(toast).to_be_visible()
    # Refused: nothing reached the worker, the upload area is still there.
    expect(block(page, "Binary input").get_by_test_id("upload-button")).to_be_visible()


def test_image_flip_with_filepath_type(page):
    show_tab(page, "Images")
    source = bmp(30, 20, lambda x, y: (x * 8, y * 12, 50))
    expected = bmp(30, 20, lambda x, y: ((29 - x) * 8, y * 12, 50))
    upload_input(page, "Image to flip").set_input_files({"name": "tiny.bmp", "mimeType": "image/bmp", "buffer": source})
    expect(block(page, "Image to flip").get_by_test_id("detailed-image")).to_be_visible()
    page.get_by_role("button", name="Flip").click()
    out = block(page, "Flipped image")
    image = out.get_by_test_id("detailed-image")
    expect(image).to_be_visible()
    assert image.get_attribute("src").startswith("blob:")
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [30, 20]
    name, data = downloaded(page, out.get_by_role("link", name="Download").click)
    assert (name, data) == ("flipped.bmp", expected)
    box = image.bounding_box()
    image.click(position={"x": box["width"] * 25.5 / 30, "y": box["height"] * 5.5 / 20})
    expect(page.get_by_label("Clicked pixel")).to_have_value("Clicked pixel [25, 5]")


def test_gallery_initial_files_and_select(page):
    show_tab(page, "Images")
    gallery = block(page, "Swatches")
    thumbs = gallery.get_by_role("button", name="Thumbnail 2 of 3")
    expect(thumbs).to_be_visible()
    assert gallery.locator("img").first.get_attribute("src").startswith("blob:")
    assert gallery.locator("img").first.evaluate("img => img.complete && img.naturalWidth") == 16
    thumbs.click()
    expect(page.get_by_label("Gallery selection")).to_have_value("Selected 1: green")
    expect(gallery.get_by_test_id("detailed-image")).to_have_attribute("alt", "green")
    gallery.get_by_role("button", name="Close").click()
    expect(gallery.get_by_test_id("detailed-image")).to_have_count(0)


def test_annotated_image_and_slider(page):
    show_tab(page, "Images")
    boxes = block(page, "Boxes")
    expect(boxes.locator(".annotation.box")).to_have_count(2)
    expect(boxes.get_by_role("button", name="right box")).to_be_visible()
    slider = block(page, "Before / after")
    expect(slider.get_by_test_id("slider-image-2")).to_be_visible()
    slider.get_by_role("slider", name="Slider position").fill("20")
    expect(slider.get_by_test_id("slider-image-2")).to_have_attribute("style", "clip-path: inset(0px 80% 0px 0px);")


def test_numpy_image_offline_says_which_package_is_missing(page):
    show_tab(page, "Images")
    upload_input(page, "Needs numpy").set_input_files({"name": "tiny.bmp", "mimeType": "image/bmp", "buffer": bmp(2, 2, lambda x, y: (1, 2, 3))})
    page.get_by_role("button", name="Read as array").click()
    toast = page.get_by_test_id("toast-body").filter(has_text='needs the "numpy" package, which could not be loaded')
    expect(toast).to_be_visible(timeout=30_000)
    expect(toast).to_contain_text('type="filepath"')


def test_audio_and_video_play_a_wav_made_with_wave(page):
    show_tab(page, "Audio and video")
    page.get_by_role("button", name="Make a tone").click()
    audio = page.get_by_test_id("Tone-audio")
    expect(audio).to_be_attached()
    assert audio.get_attribute("src").startswith("blob:")
    page.wait_for_function("el => el.readyState >= 1", arg=audio.element_handle())
    assert abs(audio.evaluate("el => el.duration") - 1.0) < 0.05
    video = page.get_by_test_id("Tone as video-player")
    page.wait_for_function("el => el.readyState >= 1", arg=video.element_handle())
    assert abs(video.evaluate("el => el.duration") - 1.0) < 0.05
    name, data = downloaded(page, block(page, "Tone").get_by_role("link", name="Download").click)
    assert name == "tone-440hz.wav" and data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    audio.evaluate("el => el.play()")
    page.wait_for_function("el => el.currentTime > 0.1", arg=audio.element_handle())


def test_uploaded_audio_reaches_python_and_plays(page):
    show_tab(page, "Audio and video")
    upload_input(page, "Your audio").set_input_files({"name": "half.wav", "mimeType": "audio/wav", "buffer": wav(0.5)})
    expect(page.get_by_label("Audio info")).to_have_value("0.50 s at 8000 Hz")
    audio = page.get_by_test_id("Your audio-audio")
    page.wait_for_function("el => el.readyState >= 1", arg=audio.element_handle())
    assert abs(audio.evaluate("el => el.duration") - 0.5) < 0.05


def test_undecodable_audio_shows_an_error_not_a_hang(page):
    show_tab(page, "Audio and video")
    block(page, "Your audio").get_by_role("button", name="Clear").click()
    upload_input(page, "Your audio").set_input_files({"name": "noise.mp3", "mimeType": "audio/mpeg", "buffer": b"not really audio" * 20})
    expect(block(page, "Your audio").get_by_role("alert")).to_contain_text("This browser cannot play noise.mp3")
    expect(page.get_by_label("Audio info")).to_have_value("noise.mp3: not a WAV file (320 bytes)")
