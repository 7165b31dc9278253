"""Streaming components in Python: gr.Image(streaming=True) and .stream(stream_every, time_limit) as they reach the
page's Dependency, Gradio's checks on them, and gr.Video(streaming=True) listing an event's chunks in order.
The page's half: tests/web/frame-stream.test.ts, tests/web/events.test.ts, tests/e2e/test_webcam_streaming.py."""

import pytest

import wasmblocks as gr
from wasmblocks.alerts import EventContext, current_event
from wasmblocks.files import file_data


def test_stream_every_and_time_limit_reach_the_dependency():
    with gr.Blocks() as demo:
        cam = gr.Image(sources="webcam")
        out = gr.Image()
        fast = cam.stream(lambda x: x, cam, out, stream_every=0.1, time_limit=15, concurrency_limit=30)
        default = cam.stream(lambda x: x, cam, out)
    config = {fn.id: fn.config() for fn in demo.fns.values()}
    assert (config[fast.id]["stream_every"], config[fast.id]["time_limit"]) == (0.1, 15)
    assert (config[default.id]["stream_every"], config[default.id]["time_limit"]) == (0.5, None)
    assert config[fast.id]["targets"] == [(cam.id, "stream")]


def test_a_stream_listener_turns_streaming_on_as_in_gradio():
    with gr.Blocks():
        cam = gr.Image(label="Input", sources="webcam")
        assert cam.get_props()["streaming"] is False
        cam.stream(lambda x: x, cam, None)
    assert cam.get_props()["streaming"] is True


def test_a_streaming_image_has_only_the_webcam():
    assert gr.Image(streaming=True, render=False).sources == ["webcam"]
    assert gr.Image(render=False).sources == ["upload", "webcam", "clipboard"]
    with pytest.raises(ValueError, match="only available if sources is \\['webcam'\\]"):
        gr.Image(streaming=True, sources=["upload", "webcam"], render=False)
    with gr.Blocks():
        both = gr.Image(sources=["upload", "webcam"])
        with pytest.raises(ValueError, match="only available if sources"):
            both.stream(lambda x: x, both, None)


@pytest.mark.parametrize("every", [0, -1, "fast", True])
def test_stream_every_must_be_a_positive_number(every):
    with gr.Blocks():
        cam = gr.Image(sources="webcam")
        with pytest.raises(ValueError, match="stream_every must be a positive number"):
            cam.stream(lambda x: x, cam, None, stream_every=every)


def test_a_streaming_video_lists_every_chunk_of_its_event_in_order(tmp_path):
    paths = []
    for name in ("a.webm", "b.webm", "c.webm"):
        (tmp_path / name).write_bytes(b"\x1a\x45\xdf\xa3" + name.encode())
        paths.append(str(tmp_path / name))
    video = gr.Video(streaming=True, render=False)
    assert video.get_props()["streaming"] is True

    def chunks_in(event_id, values):
        token = current_event.set(EventContext(event_id, 1, lambda m: None))
        try:
            return [video.postprocess(v) for v in values]
        finally:
            current_event.reset(token)

    first, second = chunks_in("e1", paths[:2])
    assert first["video"]["orig_name"] == "a.webm" and first["subtitles"] is None
    assert [c["orig_name"] for c in second["chunks"]] == ["a.webm", "b.webm"]
    assert second["video"]["orig_name"] == "b.webm"
    # Another event starts its own list; the value still reads back as a path.
    (again,) = chunks_in("e2", paths[2:])
    assert [c["orig_name"] for c in again["chunks"]] == ["c.webm"]
    assert video.preprocess({"video": file_data(paths[2])}) == paths[2]
    # Not streaming: one video, no chunk list.
    assert "chunks" not in gr.Video(render=False).postprocess(paths[0])


def test_a_streaming_audio_records_from_the_microphone():
    mic = gr.Audio(streaming=True, render=False)
    assert mic.sources == ["microphone"] and mic.get_props()["streaming"] is True
    with pytest.raises(ValueError, match="Audio streaming only available if sources includes 'microphone'"):
        gr.Audio(streaming=True, sources=["upload"], render=False)
    with gr.Blocks():
        uploads = gr.Audio(sources=["upload"])
        with pytest.raises(ValueError, match="includes 'microphone'"):
            uploads.stream(lambda x: x, uploads, None)


def test_a_live_interface_streams_its_webcam_input_with_its_settings():
    demo = gr.Interface(lambda x: x, gr.Image(sources=["webcam"], streaming=True, type="filepath"), "image",
                        live=True, stream_every=0.25, time_limit=10)
    (stream,) = [fn.config() for fn in demo.fns.values() if any(e == "stream" for _, e in fn.targets)]
    assert (stream["stream_every"], stream["time_limit"]) == (0.25, 10)
