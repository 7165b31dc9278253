"""Audio/Video subtitles (components/subtitles.py): SRT, VTT, JSON files and cue lists become WebVTT."""

import base64

import pytest

import wasmblocks as gr
from wasmblocks.alerts import Error
from wasmblocks.components.subtitles import subtitles_file, subtitles_url


def _text(file):
    with open(file["path"], encoding="utf-8") as handle:
        return handle.read()


def test_srt_becomes_webvtt(tmp_path):
    srt = tmp_path / "talk.srt"
    srt.write_text("1\n00:00:01,500 --> 00:00:03,000\nHello\n\n2\n00:00:04,000 --> 00:00:05,250\nBye\n")
    vtt = subtitles_file(str(srt), "Video")
    assert vtt["path"].endswith(".vtt")
    text = _text(vtt)
    assert text.startswith("WEBVTT\n\n") and "00:00:01.500 --> 00:00:03.000\nHello" in text


def test_cue_lists_and_json_files(tmp_path):
    cues = [{"text": "One", "timestamp": [0, 1.25]}, {"text": "Two", "timestamp": [3661, 3662]}]
    text = _text(subtitles_file(cues, "Audio"))
    assert "00:00:00.000 --> 00:00:01.250\nOne" in text and "01:01:01.000 --> 01:01:02.000\nTwo" in text
    js = tmp_path / "cues.json"
    js.write_text('[{"text": "Hi", "timestamp": [0.5, 2]}]')
    assert "00:00:00.500 --> 00:00:02.000\nHi" in _text(subtitles_file(str(js), "Audio"))
    url = subtitles_url(cues, "Audio")
    assert url.startswith("data:text/vtt;base64,") and b"One" in base64.b64decode(url.split(",", 1)[1])


def test_bad_subtitles_are_refused_clearly(tmp_path):
    with pytest.raises(Error, match="subtitle 0 needs"):
        subtitles_file([{"text": "x"}], "Video")
    with pytest.raises(Error, match="no subtitles file"):
        subtitles_file(str(tmp_path / "missing.srt"), "Video")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(Error, match=r"must be \.srt, \.vtt or \.json"):
        subtitles_file(str(tmp_path / "notes.txt"), "Video")


def test_audio_and_video_take_the_params():
    cues = [{"text": "Hello", "timestamp": [0, 1]}]
    audio = gr.Audio(subtitles=cues, playback_position=2.5, recording=True, render=False).get_props()
    assert audio["subtitles"].startswith("data:text/vtt") and audio["playback_position"] == 2.5 and audio["recording"]
    options = gr.WebcamOptions(constraints={"video": {"width": 640}})
    video = gr.Video(subtitles=cues, playback_position=1, webcam_options=options, render=False).get_props()
    assert video["subtitles"].startswith("data:text/vtt") and video["webcam_constraints"] == {"video": {"width": 640}}

