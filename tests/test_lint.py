"""The lint step (wasmblocks_build/lint.py): ruff and mypy at exact pins from pyproject.toml."""

import importlib.metadata

from wasmblocks_build import lint


def test_the_lint_tools_are_pinned_exactly():
    pins = lint.pinned()
    assert set(pins) == {"ruff", "mypy"} and all(v[0].isdigit() for v in pins.values())


def test_nothing_is_installed_when_the_pins_are_there(monkeypatch):
    assert lint._installed("pytest") == importlib.metadata.version("pytest")
    assert lint._installed("surely-not-a-package") is None
    calls = []
    monkeypatch.setattr(lint, "run", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(lint, "_installed", lambda name: lint.pinned()[name])
    lint.ensure_linters()
    monkeypatch.setattr(lint, "_installed", lambda name: None if name == "mypy" else lint.pinned()[name])
    lint.ensure_linters()
    assert len(calls) == 1 and f"mypy=={lint.pinned()['mypy']}" in calls[0][0]
