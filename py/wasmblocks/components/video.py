"""gr.Video: play, upload or record video; the function gets the file's path."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, ClassVar

from ..alerts import Error, current_event
from ..component import Component
from ..files import returned_file, uploaded_path
from .buttons import corner_buttons
from .sources import normalize_sources
from .subtitles import subtitles_file, subtitles_url
from .watermark import watermark_prop


class Video(Component):
    """Video in, video out; the value is {"video": FileData, "subtitles": FileData | None}, as in Gradio."""

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "buttons": 'differs: "share" (a post to a Hugging Face Spaces discussion) needs a server, so it draws no '
                   'button; the other built-in buttons and gr.Button entries work',
        "watermark": "differs: drawn over the video in the page (Gradio writes it into the file on its server); "
                     "the file itself, as downloaded or passed to a function, has no watermark",
        "streaming": "differs: each file a generator yields (MP4, WebM or Ogg the browser plays; no .ts, as there "
                     "is no ffmpeg to convert it) is queued and played after the one before, where Gradio joins "
                     "the chunks into one HLS stream",
    }
    # Streamed chunks kept per event (the latest few): a new value lists every chunk of its event so far, so
    # the page plays each even when two yields land in one animation frame and only the last value renders.
    _STREAM_EVENTS = 8

    EVENTS = ("change", "input", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload")
    PROPS = ("format", "sources", "height", "width", "autoplay", "loop",
             "min_length", "max_length", "include_audio", "webcam_constraints", "buttons", "subtitles",
             "playback_position", "watermark", "streaming", "webcam_options")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str | None = None,  # noqa: A002 - Gradio's parameter name
        sources: list[str] | str | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        autoplay: bool = False,
        loop: bool = False,
        min_length: int | None = None,
        max_length: int | None = None,
        include_audio: bool | None = None,
        webcam_constraints: dict[str, Any] | None = None,
        buttons: list[Any] | None = None,
        webcam_options: Any = None,
        subtitles: Any = None,
        playback_position: float = 0,
        watermark: Any = None,
        streaming: bool = False,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.streaming = streaming
        self._chunks: OrderedDict[str, list[Any]] = OrderedDict()
        self.format = format
        self.sources = normalize_sources(sources, ("upload", "webcam"), "Video")
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.min_length = min_length
        self.max_length = max_length
        self.include_audio = include_audio if include_audio is not None else "upload" in self.sources
        # gr.WebcamOptions(mirror, constraints) or a dict: Gradio 6's form of webcam_constraints. The page gets
        # `mirror` (the live preview's, the recording is as the camera saw it); constraints go to getUserMedia.
        options = vars(webcam_options) if hasattr(webcam_options, "__dict__") else dict(webcam_options or {})
        self.webcam_options = {"mirror": bool(options.get("mirror", True))}
        options_constraints = options.get("constraints")
        self.webcam_constraints = webcam_constraints if options_constraints is None else options_constraints
        # Shown with every video that brings no subtitles of its own; the player starts at playback_position.
        self.subtitles = subtitles_url(subtitles, "Video")
        self.playback_position = playback_position
        self.buttons = corner_buttons(buttons, ("download", "share"), ("download",), owner="Video")
        self.watermark = watermark_prop(watermark, "Video")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        video = payload.get("video") if isinstance(payload, dict) and "video" in payload else payload
        return uploaded_path(video, self.display_name())

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """A path / bytes / FileData, or (video, subtitles) with a .srt/.vtt file."""
        if value is None:
            return None
        if isinstance(value, dict) and "video" in value:
            value = (value["video"], value.get("subtitles"))
        if self.streaming:
            return self._stream_chunk(value)
        subtitles = None
        if isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise Error(f"{self.display_name()} takes a video or (video, subtitles), got {len(value)} items")
            value, subtitles = value
        return {
            "video": returned_file(value, self.display_name()),
            "subtitles": subtitles_file(subtitles, self.display_name()),
        }

    def _stream_chunk(self, value: Any) -> dict[str, Any]:
        """The newest chunk as the video, and every chunk this event has yielded, in order, as "chunks"."""
        chunk = returned_file(value, self.display_name())
        ctx = current_event.get()
        key = ctx.event_id if ctx is not None else ""
        chunks = self._chunks.pop(key, [])
        chunks.append(chunk)
        self._chunks[key] = chunks
        while len(self._chunks) > self._STREAM_EVENTS:
            self._chunks.popitem(last=False)
        return {"video": chunk, "subtitles": None, "chunks": list(chunks)}
