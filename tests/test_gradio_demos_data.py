"""The Gradio demos vendored under tests/data/gradio_demos/ are Gradio's files unchanged, with their licence."""

from __future__ import annotations

from pathlib import Path

import pytest

VENDORED = Path(__file__).resolve().parent / "data" / "gradio_demos"
GRADIO_DEMOS = Path("/work/ref/gradio/demo")


def vendored_files() -> list[Path]:
    return sorted(p.relative_to(VENDORED) for p in VENDORED.rglob("*")
                  if p.is_file() and p.parent != VENDORED)


def test_the_copies_carry_gradios_licence_and_say_where_they_come_from():
    assert "Apache License" in (VENDORED / "LICENSE").read_text(encoding="utf-8")
    readme = (VENDORED / "README.md").read_text(encoding="utf-8")
    assert "github.com/gradio-app/gradio" in readme
    demos = {p.parts[0] for p in vendored_files()}
    assert demos and all((VENDORED / d / "run.py").is_file() for d in demos)


@pytest.mark.skipif(not GRADIO_DEMOS.is_dir(), reason="Gradio's repository is not at /work/ref/gradio to compare with")
def test_the_copies_match_gradios_demo_files():
    for rel in vendored_files():
        assert (VENDORED / rel).read_bytes() == (GRADIO_DEMOS / rel).read_bytes(), rel
    for demo in {rel.parts[0] for rel in vendored_files()}:  # no file the demo reads left out
        theirs = {p.relative_to(GRADIO_DEMOS) for p in (GRADIO_DEMOS / demo).rglob("*")
                  if p.is_file() and p.name != "screenshot.png" and p.suffix != ".ipynb"}
        assert theirs <= set(vendored_files()), demo
