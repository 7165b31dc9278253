"""Image/Video(watermark=) (components/watermark.py): the picture as a data: URL and its position."""

import pytest

import wasmblocks as gr


def test_watermark_path_or_options_reach_the_page(tmp_path):
    mark = tmp_path / "mark.png"
    mark.write_bytes(b"\x89PNG\r\n\x1a\n")
    image = gr.Image(watermark=str(mark), render=False).get_props()["watermark"]
    assert image["url"].startswith("data:image/png;base64,") and image["position"] == "bottom-right"
    options = gr.WatermarkOptions(watermark=str(mark), position=(5, 7))
    assert gr.Video(watermark=options, render=False).get_props()["watermark"]["position"] == [5, 7]
    assert gr.Image(render=False).get_props()["watermark"] is None


def test_watermark_needs_a_file_here():
    class FakePIL:
        mode, save = "RGB", None

    with pytest.raises(ValueError, match="watermark must be an image file path"):
        gr.Image(watermark=FakePIL(), render=False)
    with pytest.raises(gr.Error, match="neither a URL nor a file"):
        gr.Image(watermark="missing.png", render=False)
