"""Hub theme versions: ThemeAsset (a theme file named `themes/theme_schema@1.2.3.json`) and picking the newest
one a version expression allows, with the expression syntax Gradio uses (semantic_version's SimpleSpec:
`1.2.3`, `>=1.0.0,<2.0.0`, `^1.2`, `~1.2`, `~=1.2`, `1.*`, `!=0.3.1`).

Written here rather than imported: the package has no third-party imports, and Pyodide has no
semantic_version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")
_BLOCK = re.compile(r"^(<=|>=|==|!=|~=|<|>|\^|~|=)?(\*|\d+)(?:\.(\*|\d+))?(?:\.(\*|\d+))?(?:-([0-9A-Za-z.-]+))?$")


@dataclass(frozen=True, order=False)
class Version:
    """A full semantic version (major.minor.patch, optional -prerelease, +build ignored)."""

    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Version:
        found = _VERSION.match(text.strip())
        if not found:
            raise ValueError(f"{text!r} is not a semantic version like 1.2.3")
        pre = tuple(found.group(4).split(".")) if found.group(4) else ()
        return cls(int(found.group(1)), int(found.group(2)), int(found.group(3)), pre)

    def key(self) -> tuple[Any, ...]:
        # A release sorts after its prereleases; numeric identifiers sort before alphanumeric ones (semver §11).
        pre = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease)
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, pre)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}" + ("-" + ".".join(self.prerelease) if self.prerelease else "")


Test = Callable[[Version], bool]


def _below(bound: Version) -> Test:
    # "<2.0.0" also leaves out 2.0.0's prereleases (2.0.0-rc.1), as SimpleSpec does.
    if bound.prerelease:
        return lambda v: v.key() < bound.key()
    return lambda v: v.key() < bound.key() and (v.major, v.minor, v.patch) != (bound.major, bound.minor, bound.patch)


def _range(low: Version, high: Version | None) -> Test:
    below = _below(high) if high else (lambda v: True)
    return lambda v: v.key() >= low.key() and below(v)


def _block(text: str) -> Test:
    found = _BLOCK.match(text.strip())
    if not found:
        raise ValueError(f"Invalid version expression {text!r}")
    op, *parts, pre = found.groups()
    op = op or "=="
    numbers: list[int] = []
    for part in parts:
        if part is None or part == "*":
            break
        numbers.append(int(part))
    given = len(numbers)
    major, minor, patch = [*numbers, 0, 0, 0][:3]
    low = Version(major, minor, patch, tuple(pre.split(".")) if pre and given == 3 else ())
    # The first version after the ones a partial version names (1.2 → 1.3.0, 1 → 2.0.0, * → none).
    nxt = [None, Version(major + 1, 0, 0), Version(major, minor + 1, 0), None][given]
    if op in ("==", "="):
        return _range(low, nxt) if given < 3 else (lambda v: v.key() == low.key())
    if op == "!=":
        inside = _block(text.strip().lstrip("!="))
        return lambda v: not inside(v)
    if op == ">=":
        return lambda v: v.key() >= low.key()
    if op == ">":
        return (lambda v: v.key() >= nxt.key()) if nxt else (lambda v: v.key() > low.key()) if given == 3 else (
            lambda v: False)
    if op == "<":
        return _below(low) if given else (lambda v: False)
    if op == "<=":
        return (_below(nxt) if nxt else lambda v: True) if given < 3 else (lambda v: v.key() <= low.key())
    if op == "^":
        if major or given == 1:
            return _range(low, Version(major + 1, 0, 0))
        if minor or given == 2:
            return _range(low, Version(0, minor + 1, 0))
        return lambda v: v.key() == low.key()
    if op == "~":
        return _range(low, Version(major + 1, 0, 0) if given == 1 else Version(major, minor + 1, 0))
    # "~=": PEP 440's compatible release: ~=1.2 → <2.0.0, ~=1.2.3 → <1.3.0.
    if given < 2:
        raise ValueError(f"Invalid version expression {text!r}: ~= needs at least major.minor")
    return _range(low, Version(major + 1, 0, 0) if given == 2 else Version(major, minor + 1, 0))


def matcher(expression: str) -> Test:
    """A test for versions matching expression: every comma-joined block holds (SimpleSpec has no `||`)."""
    blocks = [_block(b) for b in expression.split(",")]
    return lambda v: all(test(v) for test in blocks)


@dataclass
class ThemeAsset:
    """A theme file in a Hub Space (`themes/theme_schema@0.0.3.json`) and the version in its name."""

    filename: str
    version: Version = field(init=False)

    def __post_init__(self) -> None:
        if "@" not in self.filename:
            raise ValueError(f"{self.filename!r} is not a theme file name like themes/theme_schema@1.0.0.json")
        self.version = Version.parse(self.filename.split("@")[1].replace(".json", ""))


def get_theme_assets(space_info: Any) -> list[ThemeAsset]:
    """The theme files of a Space, from its Hub info (an object with .siblings, each with .rfilename)."""
    return [ThemeAsset(s.rfilename) for s in space_info.siblings if s.rfilename.startswith("themes/")]


def get_matching_version(assets: list[ThemeAsset], expression: str | None) -> ThemeAsset | None:
    """The newest asset whose version the expression allows (None/"" allows all); None if none does."""
    test = matcher(expression or "*")
    allowed = [a for a in assets if test(a.version)]
    return max(allowed, key=lambda a: a.version.key(), default=None)
