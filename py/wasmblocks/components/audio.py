"""gr.Audio: play, upload or record sound; the function gets a path or (sample_rate, numpy array) for WAV."""

from __future__ import annotations

import os
import wave
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from ..alerts import Error
from ..cache import save_bytes
from ..component import Component
from ..files import returned_file, uploaded_path
from ..packages import missing_error
from ..protocol import FileData
from .buttons import corner_buttons
from .sources import normalize_sources
from .subtitles import subtitles_url

_WIDTH_DTYPES = {1: "uint8", 2: "int16", 4: "int32"}


def read_wav(path: str, who: str) -> tuple[int, Any]:
    """(sample_rate, array of shape (samples,) or (samples, channels)) from a WAV file, with numpy and `wave`.

    Without ffmpeg the worker can decode only WAV: other formats get an error saying so.
    """
    import numpy

    try:
        with wave.open(path, "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise Error(
            f'{who}: type="numpy" can only read WAV files in the browser (there is no ffmpeg to decode '
            f'{os.path.splitext(path)[1] or "this file"}: {exc}). Upload a WAV file, or use type="filepath".'
        ) from exc
    if width not in _WIDTH_DTYPES:
        raise Error(f"{who}: {8 * width}-bit WAV files are not supported; use 8, 16 or 32-bit PCM")
    data = numpy.frombuffer(frames, dtype=_WIDTH_DTYPES[width])
    if channels > 1:
        data = data.reshape(-1, channels)
    return rate, data


def wav_bytes(rate: int, data: Any) -> bytes:
    """A 16-bit PCM WAV file for (sample_rate, numpy array); float arrays in [-1, 1] are scaled, as in Gradio."""
    import io

    import numpy

    array = numpy.asarray(data)
    if array.dtype.kind == "f":
        array = (numpy.clip(array, -1.0, 1.0) * 32767).astype("<i2")
    elif array.dtype.itemsize != 2 or array.dtype.kind not in "iu":
        peak = max(1, int(numpy.abs(array.astype("int64")).max(initial=1)))
        array = (array.astype("float64") / peak * 32767).astype("<i2")
    channels = 1 if array.ndim == 1 else array.shape[1]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(int(rate))
        wav.writeframes(array.astype("<i2").tobytes())
    return buffer.getvalue()


@dataclass
class WaveformOptions:
    """How gr.Audio draws its waveform (web/src/components/audio-waveform.tsx), Gradio's options and defaults.

    Colours are CSS colours (None: Gradio's grey #9ca3af, and the theme's accent for the played part and the
    trim region); skip_length is the percentage of the duration the skip buttons move by; False for
    show_recording_waveform gives the browser's own player; sample_rate is that of trimmed audio.
    """

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    skip_length: int | float = 5
    sample_rate: int = 44100


def waveform_options_of(options: Any) -> WaveformOptions:
    """Audio(waveform_options=…): None, a dict of WaveformOptions' fields (others are refused), or one."""
    if options is None:
        return WaveformOptions()
    if isinstance(options, dict):
        return WaveformOptions(**options)
    if isinstance(options, WaveformOptions):
        return options
    raise ValueError(f"Audio waveform_options takes a gr.WaveformOptions or a dict, not {options!r}")


class Audio(Component):
    """Sound in, sound out; `type` says what the function gets: "filepath" or "numpy" ((rate, array), WAV only)."""

    EVENTS = ("stream", "change", "clear", "play", "pause", "stop", "pause_recording", "start_recording",
              "stop_recording", "upload", "input")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "buttons": 'differs: "share" (a post to a Hugging Face Spaces discussion) needs a server, so it draws no '
                   'button; the other built-in buttons and gr.Button entries work',
        "streaming": "differs: as an input it works as in Gradio (WAV chunks from the microphone every "
                     "stream_every seconds); as an output the chunks a generator yields are queued and played "
                     "one after another, where Gradio joins them into one stream",
    }
    PROPS = ("sources", "type", "format", "autoplay", "loop", "editable",
             "min_length", "max_length", "waveform_options", "buttons", "recording",
             "subtitles", "playback_position", "streaming")
    PACKAGE_FALLBACK = 'use gr.Audio(type="filepath"), which needs no numpy'
    EMPTY_NEEDS_NO_PACKAGES = True  # preprocess(None) is None: no upload, no numpy/Pillow needed

    def __init__(
        self,
        value: Any = None,
        *,
        sources: list[str] | str | None = None,
        type: str = "numpy",  # noqa: A002 - Gradio's parameter name
        format: str | None = None,  # noqa: A002 - Gradio 6: None keeps the format of the file given
        autoplay: bool = False,
        loop: bool = False,
        editable: bool = True,
        min_length: int | None = None,
        max_length: int | None = None,
        waveform_options: Any = None,
        streaming: bool = False,
        buttons: list[Any] | None = None,
        recording: bool = False,
        subtitles: Any = None,
        playback_position: float = 0,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "filepath"):
            raise ValueError(f"Audio type must be 'numpy' or 'filepath', not {type!r}")
        # Streaming needs the microphone: Gradio's default for it, and its check (check_streamable).
        self.sources = normalize_sources(sources if sources is not None or not streaming else ["microphone"],
                                         ("upload", "microphone"), "Audio")
        self.type = type
        self.format = format
        self.autoplay = autoplay
        self.loop = loop
        self.editable = editable
        self.min_length = min_length
        self.max_length = max_length
        self.waveform_options = waveform_options_of(waveform_options)
        # As an input: the microphone sends a WAV chunk of what it heard to .stream() listeners every
        # stream_every seconds (the page's client/frame-stream.ts, shared with the streaming webcam).
        self.streaming = streaming
        self.check_streamable()
        self.buttons = corner_buttons(buttons, ("download", "share"), ("download", "share"), owner="Audio")
        # recording=True: the microphone starts recording as soon as the component shows (the app asked for it).
        self.recording = recording
        self.subtitles = subtitles_url(subtitles, "Audio")  # the current cue is shown under the player
        self.playback_position = playback_position
        super().__init__(value, min_width=min_width, **kwargs)

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["waveform_options"] = asdict(props["waveform_options"])
        return props

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        props = super().process_props(props)
        if "waveform_options" in props:
            props = {**props, "waveform_options": asdict(waveform_options_of(props["waveform_options"]))}
        return props

    def check_streamable(self) -> None:
        """Gradio's rule: a streamed Audio records from the microphone (.stream() checks it too)."""
        if self.streaming and "microphone" not in self.sources:
            raise ValueError("Audio streaming only available if sources includes 'microphone'.")

    def needed_packages(self, role: str) -> list[str]:
        return ["numpy"] if role == "input" and self.type == "numpy" else []

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        path = uploaded_path(payload, self.display_name())
        if self.type == "filepath":
            return path
        try:
            return read_wav(path, self.display_name())
        except ImportError as exc:
            raise missing_error("numpy", self.display_name(), "not installed", self.PACKAGE_FALLBACK) from exc

    def postprocess(self, value: Any) -> FileData | None:
        """A path, bytes, a FileData, or (sample_rate, numpy array) written as a WAV file."""
        if value is None:
            return None
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int):
            return returned_file(save_bytes(wav_bytes(value[0], value[1]), suffix=".wav"), self.display_name())
        if isinstance(value, (bytes, bytearray)):
            return returned_file(save_bytes(bytes(value), suffix=f".{self.format or 'wav'}"), self.display_name())
        return returned_file(value, self.display_name())
