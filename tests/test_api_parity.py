"""wasmblocks, imported as `gradio`, against Gradio's API facts (tests/data/gradio_api.json).

Every public name must exist, every constructor parameter be accepted with Gradio's default (and by position
where Gradio takes it by position), every listener exist. The gaps not closed yet are listed, one per line, in
tests/data/api_gaps.json: a gap that is not listed fails (a regression), and so does a listed gap that is
closed (take the line out: `python3 build.py conformance update`), so the list only shrinks.
"""

from __future__ import annotations

from typing import Any

import pytest

from wasmblocks_build.api_facts import resolve
from wasmblocks_build.compat_doc import DOC, browser_notes, note_problem, render_doc
from wasmblocks_build.conformance import (
    GAPS,
    compare,
    counts,
    format_counts,
    gradio_alias,
    load_gaps,
    load_manifest,
)

# (current gaps, gaps not in the file, listed gaps that are closed): conformance.compare
Comparison = tuple[dict[str, str], list[str], list[str]]


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return load_manifest()


@pytest.fixture(scope="module")
def comparison(manifest: dict[str, Any]) -> Comparison:
    return compare(manifest, load_gaps())


def _report(title: str, items: list[str], details: dict[str, str], manifest: dict[str, Any]) -> str:
    shown = "\n".join(f"  {g}  ({details.get(g, 'closed')})" for g in items[:60])
    more = f"\n  … and {len(items) - 60} more" if len(items) > 60 else ""
    return f"{len(items)} {title}:\n{shown}{more}\n\n{format_counts(counts(manifest, details))}"


def test_manifest_describes_gradio_6_31(manifest: dict[str, Any]) -> None:
    assert manifest["gradio"] == "6.31.0"
    assert "gradio.Server" not in manifest["names"] and "Server" in manifest["excluded"]["names"]
    textbox = {p["name"]: p for p in manifest["classes"]["gradio.Textbox"]["parameters"]}
    # Followed through **kwargs into Component's __init__, with defaults and positions.
    assert textbox["value"]["position"] == 0 and textbox["lines"]["default"] == {"value": 1}
    assert textbox["elem_id"]["default"] == {"value": None} and "position" not in textbox["elem_id"]
    assert "submit" in manifest["classes"]["gradio.Textbox"]["listeners"]


def test_every_gap_is_a_known_one(manifest: dict[str, Any], comparison: Comparison) -> None:
    current, new, _ = comparison
    print(format_counts(counts(manifest, current)))
    assert not new, _report(f"gap(s) not in {GAPS.name} — something that matched Gradio no longer does", new,
                            current, manifest)


def test_no_closed_gap_is_still_listed(manifest: dict[str, Any], comparison: Comparison) -> None:
    current, _, closed = comparison
    assert not closed, _report(f"gap(s) in {GAPS.name} are closed: remove them "
                               "(`python3 build.py conformance update`)", closed, current, manifest)


def test_browser_notes_are_well_formed(manifest: dict[str, Any], comparison: Comparison) -> None:
    """BROWSER_NOTES: "no effect: why" or "differs: how", on a parameter Gradio has and we accept."""
    current, _, _ = comparison
    problems = []
    params_under: dict[Any, set[str]] = {}  # each class/function holding notes -> the Gradio parameters it may name
    methods: dict[str, set[str]] = {}
    for dotted, facts in manifest["methods"].items():
        owner, _, method = dotted.rpartition(".")
        methods.setdefault(owner, set()).update(f"{method}.{p['name']}" for p in facts["parameters"])
    with gradio_alias():
        for section in ("classes", "functions"):
            for dotted, facts in manifest[section].items():
                found, ours = resolve(dotted)
                if not found:
                    continue
                names = {p["name"] for p in facts["parameters"]} | methods.get(dotted, set())
                holders = [k for k in getattr(ours, "__mro__", [ours]) if "BROWSER_NOTES" in vars(k)]
                for holder in holders:
                    params_under.setdefault(holder, set()).update(names)
                for key in browser_notes(ours).keys() & names:
                    if f"param {dotted}.{key}" in current:
                        problems.append(f"{dotted}: BROWSER_NOTES[{key!r}] is for a parameter we do not accept")
    for holder, names in params_under.items():
        for param, note in vars(holder)["BROWSER_NOTES"].items():
            problem = note_problem(note)
            if problem:
                problems.append(f"{holder.__qualname__}.BROWSER_NOTES[{param!r}]: {problem}")
            if param not in names:
                problems.append(f"{holder.__qualname__}.BROWSER_NOTES[{param!r}]: Gradio has no such parameter here")
    assert not problems, "\n".join(problems)


def test_compatibility_doc_is_current(manifest: dict[str, Any], comparison: Comparison) -> None:
    current, _, _ = comparison
    assert DOC.read_text(encoding="utf-8") == render_doc(manifest, current), (
        f"{DOC.name} is out of date: run `python3 build.py conformance update`")

