"""Dropping the running app (restart.py): its modules, the gradio aliases and its files are forgotten."""

import sys
import types

from wasmblocks.restart import app_module_names, forget_app


def test_the_app_modules_and_aliases_are_forgotten_and_its_folder_emptied(tmp_path, monkeypatch):
    app_dir = tmp_path / "app"
    (app_dir / "pkg").mkdir(parents=True)
    (app_dir / "helpers.py").write_text("X = 1\n")
    (app_dir / "pkg" / "data.csv").write_text("a\n")
    helpers = types.ModuleType("helpers_for_restart_test")
    helpers.__file__ = str(app_dir / "helpers.py")
    alias = types.ModuleType("gradio")
    monkeypatch.setitem(sys.modules, "helpers_for_restart_test", helpers)
    monkeypatch.setitem(sys.modules, "gradio", alias)
    monkeypatch.chdir(tmp_path)
    names = app_module_names(str(app_dir))
    assert {"helpers_for_restart_test", "gradio"} <= set(names) and "json" not in names
    forget_app(str(app_dir))
    assert "helpers_for_restart_test" not in sys.modules and "gradio" not in sys.modules
    assert list(app_dir.iterdir()) == []


def test_forgetting_makes_a_missing_app_folder():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp()) / "new-app"
    cwd = Path.cwd()
    try:
        forget_app(str(folder))
        assert folder.is_dir() and Path.cwd() == folder
    finally:
        import os

        os.chdir(cwd)
