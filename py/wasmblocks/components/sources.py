"""The `sources=` of Image, Audio and Video: where a value may come from (upload, webcam, …)."""

from __future__ import annotations

from typing import Any


def normalize_sources(sources: Any, allowed: tuple[str, ...], who: str) -> list[str]:
    """`sources` as a list (a string or None allowed; None = all of `allowed`); unknown ones are an error."""
    result = [sources] if isinstance(sources, str) else list(sources or allowed)
    bad = [s for s in result if s not in allowed]
    if bad:
        raise ValueError(f"{who} sources are {', '.join(repr(a) for a in allowed)}, not {bad[0]!r}")
    return result
