"""gr.Video: play, upload or record video; the function gets the file's path."""

from __future__ import annotations

from typing import Any, ClassVar

from ..alerts import Error
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
        "webcam_options": "differs: its constraints apply to the recording; mirror has no effect, as recording "
                          "shows no live preview to mirror",
    }

    EVENTS = ("change", "input", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload")
    PROPS = ("format", "sources", "height", "width", "autoplay", "loop",
             "min_length", "max_length", "include_audio", "webcam_constraints", "buttons", "subtitles",
             "playback_position", "watermark")

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
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.format = format
        self.sources = normalize_sources(sources, ("upload", "webcam"), "Video")
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.min_length = min_length
        self.max_length = max_length
        self.include_audio = include_audio if include_audio is not None else "upload" in self.sources
        # gr.WebcamOptions(mirror, constraints): Gradio 6's form of webcam_constraints.
        self.webcam_options = webcam_options
        options_constraints = getattr(webcam_options, "constraints", None)
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
        subtitles = None
        if isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise Error(f"{self.display_name()} takes a video or (video, subtitles), got {len(value)} items")
            value, subtitles = value
        return {
            "video": returned_file(value, self.display_name()),
            "subtitles": subtitles_file(subtitles, self.display_name()),
        }
