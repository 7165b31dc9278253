"""gr.validate and gr.validators: what a listener's `validator=` returns to stop an event before it runs.

`validator=fn` runs with the listener's inputs before the listener; a gr.validate(False, message) for an
input (one per input, or one for all) keeps the listener from running and shows the message on that input.
"""

from __future__ import annotations

import wave
from typing import Any


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """What a validator returns for one input: whether it is valid, and the message shown when not."""
    return {"__type__": "validate", "is_valid": is_valid, "message": message}


def _length_check(kind: str, duration: float, min_length: float | None, max_length: float | None) -> dict[str, Any]:
    if min_length is not None and duration < min_length:
        return validate(False, f"{kind} is too short. It must be at least {min_length} seconds")
    if max_length is not None and duration > max_length:
        return validate(False, f"{kind} is too long. It must be at most {max_length} seconds")
    return {"__type__": "validate", "is_valid": True}


def is_audio_correct_length(audio: Any, min_length: float | None, max_length: float | None) -> dict[str, Any]:
    """Audio as (sample rate, samples) — or a WAV file path — lasts between min_length and max_length seconds."""
    if min_length is None and max_length is None:
        return {"__type__": "validate", "is_valid": True}
    if isinstance(audio, str):
        with wave.open(audio) as wav:
            duration = wav.getnframes() / wav.getframerate()
    else:
        rate, data = audio
        duration = len(data) / rate
    return _length_check("Audio", duration, min_length, max_length)


def is_video_correct_length(video: str, min_length: float | None, max_length: float | None) -> dict[str, Any]:
    """The video file lasts between min_length and max_length seconds (read from its MP4 header)."""
    if min_length is None and max_length is None:
        return {"__type__": "validate", "is_valid": True}
    return _length_check("Video", mp4_duration(video), min_length, max_length)


def mp4_duration(path: str) -> float:
    """Seconds, from the movie header (`moov/mvhd`) of an MP4/MOV file; Gradio asks ffprobe, which we lack."""
    with open(path, "rb") as handle:
        data = handle.read()
    pos = 0
    while pos + 8 <= len(data):
        size = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        header = 8
        if size == 1:
            size, header = int.from_bytes(data[pos + 8:pos + 16], "big"), 16
        elif size == 0:
            size = len(data) - pos
        if kind == b"moov":
            data, pos = data[pos + header:pos + size], 0
            continue
        if kind == b"mvhd":
            body = data[pos + header:pos + size]
            if body[0] == 1:  # version 1: 64-bit times
                scale, length = int.from_bytes(body[20:24], "big"), int.from_bytes(body[24:32], "big")
            else:
                scale, length = int.from_bytes(body[12:16], "big"), int.from_bytes(body[16:20], "big")
            return length / scale if scale else 0.0
        if size < header:
            break
        pos += size
    raise ValueError(f"{path} is not an MP4 file with a movie header; cannot tell its length")


def validation_messages(result: Any, count: int) -> list[str | None]:
    """What a validator returned, as one message (or None: valid) per input, in Gradio's reading.

    A list/tuple goes item by item (anything but a gr.validate dict is valid); a single gr.validate dict that
    fails applies to the first input; anything else means all are valid.
    """
    messages: list[str | None] = [None] * count
    items = list(result) if isinstance(result, (list, tuple)) else [result]
    for i, item in enumerate(items[:count]):
        if isinstance(item, dict) and item.get("__type__") == "validate" and item.get("is_valid") is False:
            messages[i] = str(item.get("message") or "Invalid value")
    return messages
