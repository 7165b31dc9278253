"""gr.get_image() & co. (media.py): the sample files Gradio's demos ask for by name, shipped and readable."""

import json
import os
import struct
import wave

import pytest

import wasmblocks as gr
from wasmblocks import media
from wasmblocks_build.conformance import gradio_alias

# Every name Gradio's demo/ folder passes to a get_* helper.
ASKED = {
    gr.get_image: ["cheetah1.jpg", "cheetah.jpg", "avatar.png", "lion.jpg", "logo.png", "tower.jpg", "bus.png",
                   "groot.jpeg", "hf-logo_transpng.png"],
    gr.get_video: ["world.mp4", "a.mp4", "b.mp4"],
    gr.get_audio: ["cantina.wav", "sax.wav", "recording1.wav", "cate_blanch.mp3", "cate_blanch_2.mp3"],
    gr.get_model3d: ["Duck.glb", "Bunny.obj", "sofia.stl", "face.obj", "Fox.gltf"],
    gr.get_file: ["titanic.csv", "s1.srt", "s2.vtt", "s3.json", "sample.txt", "time.csv"],
}
MAGIC = {".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff", ".png": b"\x89PNG", ".gif": b"GIF8", ".glb": b"glTF",
         ".wav": b"RIFF", ".mp3": b"ID3"}


@pytest.mark.parametrize(("getter", "name"), [(g, n) for g, names in ASKED.items() for n in names])
def test_each_name_the_demos_ask_for_is_a_real_file_of_its_kind(getter, name):
    path = getter(name)
    assert os.path.isabs(path) and os.path.isfile(path) and os.path.basename(path) == name
    data = open(path, "rb").read()
    ext = os.path.splitext(name)[1]
    if ext in MAGIC:
        assert data.startswith(MAGIC[ext]), f"{name} is not a {ext} file"
    if ext == ".mp4":
        assert data[4:8] == b"ftyp"


def test_the_files_are_small_and_licensed():
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(media.MEDIA_ROOT) for f in fs)
    assert total < 400_000  # every page downloads the package: samples stay tiny
    assert "CC0-1.0" in (media.MEDIA_ROOT / "LICENSE.txt").read_text()


def test_recordings_and_models_are_well_formed():
    with wave.open(gr.get_audio("cantina.wav")) as wav:
        assert wav.getnframes() / wav.getframerate() >= 1.0
    glb = open(gr.get_model3d("Duck.glb"), "rb").read()
    assert struct.unpack("<4sII", glb[:12]) == (b"glTF", 2, len(glb))
    gltf = json.load(open(gr.get_model3d("Fox.gltf")))
    assert gltf["asset"]["version"] == "2.0" and gltf["buffers"][0]["uri"].startswith("data:")
    stl = open(gr.get_model3d("sofia.stl"), "rb").read()
    assert len(stl) == 84 + 50 * struct.unpack("<I", stl[80:84])[0]
    assert open(gr.get_file("titanic.csv")).readline().startswith("PassengerId,Survived,Pclass,Name")


def test_the_file_list_is_the_folder():
    on_disk = {d.name: tuple(sorted(p.name for p in d.iterdir())) for d in media.MEDIA_ROOT.iterdir() if d.is_dir()}
    assert on_disk == {k: tuple(sorted(v)) for k, v in media.FILES.items()}


def test_outside_the_package_a_sample_is_fetched_from_the_site(tmp_path, monkeypatch):
    fetched = []
    monkeypatch.setattr(media, "MEDIA_ROOT", tmp_path)
    monkeypatch.setattr(media.runtime, "site_url", lambda: "https://site.example/app/")
    monkeypatch.setattr(media.runtime, "fetch_bytes_sync", lambda url: fetched.append(url) or b"GIF89a")
    path = media.get_image("screenshot.gif")
    assert fetched == ["https://site.example/app/media/images/screenshot.gif"]
    assert open(path, "rb").read() == b"GIF89a" and media.get_image("screenshot.gif") == path and len(fetched) == 1
    monkeypatch.setattr(media.runtime, "site_url", lambda: None)
    with pytest.raises(FileNotFoundError, match="without its samples"):
        media.get_image("lion.jpg")


def test_no_name_picks_one_of_the_folder_and_urls_pass_through():
    assert os.path.dirname(gr.get_video()) == str(media.MEDIA_ROOT / "videos")
    assert gr.get_image("https://example.com/x.png") == "https://example.com/x.png"
    assert [str(p) for p in media.MEDIA_PATHS][0].endswith("images")


def test_an_unknown_name_says_which_samples_there_are():
    with pytest.raises(FileNotFoundError, match="cheetah1.jpg"):
        gr.get_image("nope.jpg")
    with pytest.raises(ValueError, match="Media directory not found"):
        media._get_media_path("pictures")


def test_gradio_media_is_importable_as_the_demos_do():
    with gradio_alias():
        from gradio.media import MEDIA_PATHS, get_audio, get_file  # noqa: F401 - the import is the test

        assert get_audio("cantina.wav") == gr.get_audio("cantina.wav") and len(MEDIA_PATHS) == 5
