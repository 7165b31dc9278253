"""Files and media components: pre/postprocess of File, UploadButton, DownloadButton, Gallery, Audio, Video,
AnnotatedImage, ImageSlider (upload limits: test_page_session; packages: test_packages; the cache: test_cache)."""

import json
import math
import os
import struct
import wave

import pytest

import wasmblocks as gr
from wasmblocks.files import file_data

try:
    import numpy
except ImportError:
    numpy = None
needs_numpy = pytest.mark.skipif(numpy is None, reason="numpy is not installed in this CPython")


def upload(tmp_path, name, data, mime=None):
    path = tmp_path / name
    path.write_bytes(data)
    return file_data(str(path), name, mime)


def wav_file(tmp_path, seconds=0.25, rate=8000):
    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(1000 * math.sin(i))) for i in range(int(rate * seconds))))
    return path


# ---- File ----
def test_file_single_filepath_and_binary(tmp_path):
    fd = upload(tmp_path, "a.txt", b"hello")
    assert gr.File(render=False).preprocess(fd) == fd["path"]
    assert gr.File(type="binary", render=False).preprocess(fd) == b"hello"
    assert gr.File(render=False).preprocess(None) is None


def test_file_multiple_returns_lists(tmp_path):
    a, b = upload(tmp_path, "a.txt", b"1"), upload(tmp_path, "b.txt", b"22")
    f = gr.File(file_count="multiple", type="binary", render=False)
    assert f.preprocess([a, b]) == [b"1", b"22"]
    assert [x["orig_name"] for x in f.postprocess([a["path"], b["path"]])] == ["a.txt", "b.txt"]
    # A single returned path still becomes a list for multiple.
    assert isinstance(f.postprocess(a["path"]), list)


def test_file_types_checked_in_the_worker_too(tmp_path):
    f = gr.File(file_types=[".csv", "image"], label="Data", render=False)
    assert f.preprocess(upload(tmp_path, "x.CSV", b"")) .endswith("x.CSV")
    assert f.preprocess(upload(tmp_path, "p.png", b"", "image/png")).endswith("p.png")
    with pytest.raises(gr.Error, match='Invalid file type: a.txt. File "Data" accepts .csv, image'):
        f.preprocess(upload(tmp_path, "a.txt", b""))


def test_file_postprocess_bytes_and_missing_paths(tmp_path):
    f = gr.File(label="Out", render=False)
    fd = f.postprocess(b"abc")
    assert open(fd["path"], "rb").read() == b"abc" and fd["size"] == 3
    with pytest.raises(gr.Error, match='File "Out": no file at /nope'):
        f.postprocess("/nope")
    with pytest.raises(gr.Error, match="return a file path or bytes"):
        f.postprocess(3.5)


def test_file_gone_from_worker(tmp_path):
    fd = upload(tmp_path, "a.txt", b"1")
    os.remove(fd["path"])
    with pytest.raises(gr.Error, match="no longer in the worker"):
        gr.File(render=False).preprocess(fd)


def test_file_bad_options():
    with pytest.raises(ValueError, match="file_count"):
        gr.File(file_count="many", render=False)
    with pytest.raises(ValueError, match="type"):
        gr.File(type="bytes", render=False)


# ---- buttons ----
def test_upload_button_is_a_button_with_files(tmp_path):
    b = gr.UploadButton("Pick", file_count="multiple", file_types=[".txt"], render=False)
    props = b.get_props()
    assert b.get_block_name() == "uploadbutton" and props["label"] == "Pick" and props["interactive"] is True
    fd = upload(tmp_path, "a.txt", b"x")
    assert b.preprocess([fd]) == [fd["path"]]


def test_download_button_value_is_a_file(tmp_path):
    fd = upload(tmp_path, "r.csv", b"1,2")
    d = gr.DownloadButton("Get", value=fd["path"], render=False)
    assert d.get_block_name() == "downloadbutton"
    assert d.value["orig_name"] == "r.csv" and d.value["mime_type"] == "text/csv"
    assert d.preprocess(d.value) == fd["path"] and d.postprocess(None) is None


# ---- Gallery ----
def test_gallery_postprocess_paths_captions_and_videos(tmp_path):
    a = upload(tmp_path, "a.png", b"png")
    v = upload(tmp_path, "clip.mp4", b"mp4")
    g = gr.Gallery(render=False)
    out = g.postprocess([a["path"], (v["path"], "a clip"), {"image": a, "caption": "again"}])
    assert [sorted(x) for x in out] == [["caption", "image"], ["caption", "video"], ["caption", "image"]]
    assert out[1]["caption"] == "a clip" and out[2]["caption"] == "again"
    assert g.preprocess(out) == [(a["path"], None), (v["path"], "a clip"), (a["path"], "again")]
    with pytest.raises(gr.Error, match="needs a list"):
        g.postprocess("one.png")


# ---- Audio ----
@needs_numpy
def test_audio_numpy_round_trip(tmp_path):
    path = wav_file(tmp_path)
    a = gr.Audio(render=False)
    rate, data = a.preprocess(file_data(str(path)))
    assert rate == 8000 and data.shape == (2000,) and data.dtype == numpy.int16
    fd = a.postprocess((rate, data.astype("float32") / 32768))
    with wave.open(fd["path"]) as w:
        assert (w.getframerate(), w.getnframes(), w.getsampwidth()) == (8000, 2000, 2)


@needs_numpy
def test_audio_numpy_refuses_non_wav_clearly(tmp_path):
    fd = upload(tmp_path, "song.mp3", b"ID3 not a wav")
    with pytest.raises(gr.Error, match=r'can only read WAV files in the browser \(there is no ffmpeg to decode .mp3'):
        gr.Audio(render=False).preprocess(fd)


def test_audio_filepath_needs_no_numpy(tmp_path):
    path = wav_file(tmp_path)
    a = gr.Audio(type="filepath", render=False)
    assert a.needed_packages("input") == [] and a.preprocess(file_data(str(path))) == str(path)
    assert a.postprocess(str(path))["mime_type"] in ("audio/x-wav", "audio/wav")
    with pytest.raises(ValueError, match="sources"):
        gr.Audio(sources=["webcam"], render=False)


# ---- Video ----
def test_video_value_has_video_and_subtitles(tmp_path):
    v, s = upload(tmp_path, "a.mp4", b"v"), upload(tmp_path, "a.vtt", b"WEBVTT")
    vid = gr.Video(render=False)
    out = vid.postprocess((v["path"], s["path"]))
    assert out["video"]["orig_name"] == "a.mp4" and out["subtitles"]["orig_name"] == "a.vtt"
    assert vid.postprocess(v["path"])["subtitles"] is None
    assert vid.preprocess(out) == v["path"]


# ---- AnnotatedImage, ImageSlider, Image ----
def test_annotated_image_boxes_need_no_packages(tmp_path):
    img = upload(tmp_path, "i.png", b"png")
    out = gr.AnnotatedImage(render=False).postprocess((img["path"], [((1, 2, 3, 4), "cat")]))
    assert out["image"]["orig_name"] == "i.png"
    assert out["annotations"] == [{"label": "cat", "box": [1.0, 2.0, 3.0, 4.0], "image": None}]


def test_image_slider_pairs(tmp_path):
    a, b = upload(tmp_path, "a.png", b"1"), upload(tmp_path, "b.png", b"2")
    s = gr.ImageSlider(type="filepath", render=False)
    out = s.postprocess((a["path"], b["path"]))
    assert [x["orig_name"] for x in out] == ["a.png", "b.png"]
    assert s.preprocess(out) == (a["path"], b["path"])
    assert s.get_block_name() == "imageslider"


def test_image_filepath_needs_neither_numpy_nor_pillow(tmp_path):
    img = gr.Image(type="filepath", render=False)
    assert img.needed_packages("input") == [] and img.needed_packages("output") == []
    assert gr.Image(render=False).needed_packages("input") == ["numpy", "Pillow"]


def test_audio_format_default_keeps_what_it_is_given(tmp_path):
    audio = gr.Audio(render=False)
    assert audio.format is None and audio.postprocess(b"RIFF....WAVE")["path"].endswith(".wav")
    assert gr.Audio(format="mp3", render=False).postprocess(b"ID3")["path"].endswith(".mp3")


def test_waveform_options_reach_the_page_as_gradios():
    default = gr.Audio(render=False).get_props()["waveform_options"]
    assert default == {"waveform_color": None, "waveform_progress_color": None, "trim_region_color": None,
                       "show_recording_waveform": True, "skip_length": 5, "sample_rate": 44100}
    options = gr.WaveformOptions(waveform_color="red", skip_length=10)
    assert gr.Audio(waveform_options=options, render=False).get_props()["waveform_options"]["skip_length"] == 10
    from_dict = gr.Audio(waveform_options={"waveform_progress_color": "#0f0"}, render=False)
    assert from_dict.waveform_options == gr.WaveformOptions(waveform_progress_color="#0f0")
    with pytest.raises(TypeError):
        gr.Audio(waveform_options={"colour": "red"}, render=False)
    # An update sends them as a dict too.
    audio = gr.Audio(render=False)
    assert audio.process_props({"waveform_options": options})["waveform_options"]["waveform_color"] == "red"


def test_filepaths_answer_dot_name_as_gradios_named_strings(tmp_path):
    # Gradio's zip_files demo reads `file.name` (code from before Gradio 4, when functions got file objects).
    notes = tmp_path / "notes.txt"
    notes.write_text("hi")
    got = gr.File(file_count="multiple", render=False).preprocess([file_data(str(notes))])
    assert got == [str(notes)] and got[0].name == str(notes) and isinstance(got[0], str)
    assert gr.UploadButton(render=False).preprocess(file_data(str(notes))).name == str(notes)
    assert gr.File(type="binary", render=False).preprocess(file_data(str(notes))) == b"hi"
    from wasmblocks.utils import NamedString

    assert NamedString().name == "" and json.dumps([NamedString("a")]) == '["a"]'
