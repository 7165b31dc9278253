"""Audio/Video subtitles: an .srt, .vtt or .json file, or [{"text", "timestamp": [start, end]}], as WebVTT.

Browsers play captions from WebVTT only (a <track> ignores SRT), so SRT and JSON subtitles are converted
once, in the worker, into a .vtt file the page can load.
"""

from __future__ import annotations

import base64
import json
import os
import re
from typing import Any

from ..alerts import Error
from ..files import FileData, returned_file

_SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")


def subtitles_file(value: Any, who: str) -> FileData | None:
    """The WebVTT FileData for a subtitles value (None stays None)."""
    if value is None:
        return None
    if isinstance(value, dict) and isinstance(value.get("path"), str):
        value = value["path"]
    if isinstance(value, (list, tuple)):
        return returned_file(_vtt_from_cues(value, who).encode(), who, "subtitles.vtt")
    if not isinstance(value, (str, os.PathLike)):
        raise Error(f"{who} subtitles must be a .srt/.vtt/.json file or a list of cues, not {type(value).__name__}")
    path = os.fspath(value)
    if not os.path.isfile(path):
        raise Error(f"{who}: no subtitles file at {path}")
    extension = os.path.splitext(path)[1].lower()
    if extension == ".vtt":
        return returned_file(path, who)
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read()
    if extension == ".srt":
        vtt = "WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", text.replace("\r\n", "\n"))
    elif extension == ".json":
        try:
            cues = json.loads(text)
        except ValueError as exc:
            raise Error(f"{who}: {os.path.basename(path)} is not valid JSON ({exc})") from None
        vtt = _vtt_from_cues(cues, who)
    else:
        raise Error(f"{who} subtitles must be .srt, .vtt or .json, not {os.path.basename(path)}")
    return returned_file(vtt.encode(), who, os.path.splitext(os.path.basename(path))[0] + ".vtt")


def subtitles_url(value: Any, who: str) -> str | None:
    """subtitles= as a data: URL, for a prop (props carry no files; the VTT text is small)."""
    file = subtitles_file(value, who)
    if file is None:
        return None
    with open(file["path"], "rb") as handle:
        return "data:text/vtt;base64," + base64.b64encode(handle.read()).decode("ascii")


def _vtt_from_cues(cues: Any, who: str) -> str:
    if not isinstance(cues, (list, tuple)):
        raise Error(f"{who} subtitles JSON must be a list of {{text, timestamp}} cues")
    lines = ["WEBVTT", ""]
    for i, cue in enumerate(cues):
        stamp = cue.get("timestamp") if isinstance(cue, dict) else None
        if not isinstance(stamp, (list, tuple)) or len(stamp) != 2 or not all(
            isinstance(t, (int, float)) and not isinstance(t, bool) for t in stamp
        ):
            raise Error(f"{who} subtitle {i} needs "
                        f'{{"text": str, "timestamp": [start, end]}} in seconds, got {cue!r}')
        lines += [f"{_clock(stamp[0])} --> {_clock(stamp[1])}", str(cue.get("text", "")), ""]
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
