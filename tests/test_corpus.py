"""The corpus runners' own logic (tests/corpus/): sorting demos, linking exports, reading views, grouping causes.

The runs themselves are on demand (tests/corpus/README.md); these checks need no browser, Gradio or network.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))

import demos as corpus
import gradio_view
import run_demos
import run_specs


def _demo(root: Path, name: str, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / "demo" / name / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_demos_are_sorted_by_what_they_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _demo(tmp_path, "pure", {"run.py": "import gradio as gr\nimport json\nfrom helper import f\n",
                             "helper.py": "import random\n", "requirements.txt": "gradio>=6\n"})
    _demo(tmp_path, "numeric", {"run.py": "import gradio as gr\nimport numpy as np\nfrom PIL import Image\n"})
    _demo(tmp_path, "model", {"run.py": "import gradio as gr\nimport torch\nimport numpy\n"})
    _demo(tmp_path, "listed", {"run.py": "import gradio as gr\n", "requirements.txt": "pandas==2.2  # data\n"})
    _demo(tmp_path, "helper_needs", {"run.py": "import gradio\nimport util\n", "util.py": "import numpy\n"})
    monkeypatch.setattr(corpus, "GRADIO_REPO", tmp_path)
    lock = {"numpy": "numpy", "PIL": "pillow", "pillow": "pillow", "pandas": "pandas"}
    names = ("pure", "numeric", "model", "listed", "helper_needs")
    got = {name: corpus.classify(corpus.Demo(name), lock) for name in names}
    assert (got["pure"].category, got["pure"].needs) == ("runs", [])
    assert (got["numeric"].category, got["numeric"].needs) == ("pyodide", ["numpy", "pillow"])
    assert (got["model"].category, got["model"].needs) == ("other", ["numpy", "torch"])
    assert (got["listed"].category, got["listed"].needs) == ("pyodide", ["pandas"])
    assert got["helper_needs"].category == "pyodide"  # the demo's own module imports numpy


def test_optional_imports_and_url_requirements_are_read_as_gradio_users_mean_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _demo(tmp_path, "optional", {"run.py": "import gradio as gr\ndef f():\n    try:\n        from gradio_client import Client\n"
                                           "    except Exception:\n        return None\n"})
    _demo(tmp_path, "required", {"run.py": "import gradio as gr\ntry:\n    import torch\nexcept KeyError:\n    pass\n"})
    _demo(tmp_path, "vcs", {"run.py": "import gradio as gr\nimport numpy\nimport huggingface_hub\n",
                            "requirements.txt": "git+https://github.com/huggingface/transformers.git@main\n"
                                                "huggingface-hub\nnumpy\n"})
    monkeypatch.setattr(corpus, "GRADIO_REPO", tmp_path)
    lock = {"numpy": "numpy"}
    got = {name: corpus.classify(corpus.Demo(name), lock) for name in ("optional", "required", "vcs")}
    assert (got["optional"].category, got["optional"].needs) == ("runs", [])  # it runs without gradio_client
    assert (got["required"].category, got["required"].needs) == ("other", ["torch"])  # KeyError is no ImportError
    assert (got["vcs"].category, got["vcs"].needs) == ("other", ["huggingface-hub", "numpy", "transformers"])
    assert corpus.requirement_name("git+https://github.com/a/b.git#egg=real_name") == "real-name"
    assert corpus.requirement_name("pkg[extra] @ https://example.com/pkg.whl") == "pkg"


def test_linked_runtime_shares_files_but_copies_what_export_rewrites(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    (runtime / "assets").mkdir(parents=True)
    (runtime / "pyodide").mkdir()
    (runtime / "assets" / "app.js").write_text("js")
    (runtime / "pyodide" / "pyodide-lock.json").write_text("{}")
    (runtime / "runtime.json").write_text("{}")
    site = tmp_path / "site"
    site.mkdir()
    corpus._link_runtime(runtime, site)
    linked = site / "assets" / "app.js"
    assert linked.read_text() == "js" and linked.stat().st_ino == (runtime / "assets" / "app.js").stat().st_ino
    assert linked.resolve().is_relative_to(site.resolve())  # export resolves the files it ships
    for copied in (site / "pyodide" / "pyodide-lock.json", site / "runtime.json"):
        assert copied.stat().st_ino != (runtime / copied.relative_to(site)).stat().st_ino
    (site / "pyodide" / "pyodide-lock.json").write_text('{"edited": true}')
    assert (runtime / "pyodide" / "pyodide-lock.json").read_text() == "{}"


def test_gradio_view_lists_what_a_visitor_sees() -> None:
    i18n = '__i18n__{"__type__": "translation_metadata", "key": "checkbox.checkbox"}'
    config = {
        "components": [
            {"id": 1, "type": "textbox", "props": {"label": None, "show_label": True, "visible": True}},
            {"id": 2, "type": "column", "props": {"visible": False}},
            {"id": 3, "type": "slider", "props": {"label": "Hidden inside", "visible": True}},
            {"id": 4, "type": "button", "props": {"value": "Run", "visible": True}},
            {"id": 5, "type": "image", "props": {"label": "No label shown", "show_label": False}},
            {"id": 6, "type": "button", "props": {"value": i18n, "visible": True}},
            {"id": 7, "type": "tabitem", "props": {"label": "Second tab", "visible": True}},
            {"id": 8, "type": "dropdown", "props": {"label": None, "multiselect": True}},
        ],
        "layout": {"id": 0, "children": [{"id": 1}, {"id": 2, "children": [{"id": 3}]}, {"id": 4}, {"id": 5},
                                         {"id": 6}, {"id": 7, "children": [{"id": 8}]}]},
    }
    labels, buttons = gradio_view.shown(config)
    assert labels == [["textbox", "Textbox"], ["tabitem", "Second tab"], ["dropdown", "Multiselect"]]
    expected_i18n = "Checkbox" if gradio_view.ENGLISH else None
    assert buttons == [["button", "Run"]] + ([["button", expected_i18n]] if expected_i18n else [])


def test_page_is_compared_by_label_button_name_and_text() -> None:
    facts = {"aria": ["Name"], "buttons": ["Submit ⏎", "Clear"], "text": "Name Output Box Examples"}
    expected = {"error": None, "labels": [["textbox", "Name"], ["textbox", "Output Box"], ["slider", "Speed"]],
                "buttons": [["button", "Submit"], ["button", "Flag"]]}
    got = run_demos.compare_view(facts, expected)
    assert got["missing_labels"] == ["slider: Speed"] and got["missing_buttons"] == ["button: Flag"]
    assert run_demos.compare_view(facts, {"error": "OSError: offline"}) == {"gradio_error": "OSError: offline"}


def test_failure_messages_group_by_cause() -> None:
    assert run_demos.cause_of("TypeError: Textbox.__init__() got an unexpected keyword argument 'buttons'") == \
        "TypeError: got an unexpected keyword argument 'buttons'"
    assert run_demos.cause_of("TypeError: Chatbot.__init__() got an unexpected keyword argument 'buttons'") == \
        run_demos.cause_of("TypeError: Code.__init__() got an unexpected keyword argument 'buttons'")
    assert run_specs.cause_of("Test timeout of 90000ms exceeded.") == "Test timeout exceeded."


def test_spec_report_is_flattened_per_test() -> None:
    report = {"suites": [{"title": "hello.spec.ts", "file": "hello.spec.ts", "specs": [
        {"title": "renders", "tests": [{"results": [{"status": "passed"}]}]},
        {"title": "types", "tests": [{"results": [{"status": "failed", "error": {
            "message": "\x1b[31mError: expect(locator).toHaveValue(expected) failed\x1b[39m\n\n"
                       "Locator:  getByLabel('Out')\n"}}]}]},
    ], "suites": [{"title": "i18n", "specs": [{"title": "pt", "tests": [{"results": [{"status": "timedOut"}]}]}]}]}]}
    tests = run_specs.collect(report)
    assert [(t["title"], t["status"]) for t in tests] == [
        ("renders", "passed"), ("types", "failed"), ("i18n › pt", "timedOut")]
    assert tests[1]["error"] == "Error: expect(locator).toHaveValue(expected) failed (Locator: getByLabel('Out'))"
    summary = run_specs.summarize(tests, ["hello.spec.ts"], {"x.reload.spec.ts": "starts Gradio's server itself"})
    assert summary["per_spec"] == {"hello.spec.ts": {"passed": 1, "failed": 1, "timedOut": 1}}
    json.dumps(summary)  # what specs.json stores
