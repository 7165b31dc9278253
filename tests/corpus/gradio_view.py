"""What Gradio shows for each demo, read from its config without starting a server (run under a Gradio venv).

    GRADIO_PYTHON gradio_view.py OUT_DIR < demos.json     # [{"key", "dir", "entry"}, …]

Writes OUT_DIR/<key>.json: {"key", "gradio", "error" (or null), "labels": [[type, text], …], "buttons": [[type,
text], …]}. "labels" are the texts Gradio's page shows as labels of visible components, tabs and accordions
(with the front end's own fallback when label is None, e.g. "Textbox"); "buttons" the visible buttons' texts.
Each demo runs in this process, from a scratch copy of its folder (the working directory), with `demo.launch`
disabled and a time limit. i18n metadata in labels is looked up in Gradio's English strings
($GRADIO_REPO/js/core/src/lang/en.json).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import traceback
import types
from pathlib import Path
from typing import Any

TIME_LIMIT_S = 30
MODULE_NAME = "__gradio_corpus__"  # not "__main__": the demo's `if __name__ == "__main__": demo.launch()` stays off
BUTTON_TYPES = {"button", "uploadbutton", "downloadbutton", "clearbutton", "duplicatebutton", "deeplinkbutton",
                "loginbutton"}
# Labels Gradio's front end shows when a component's label is None (English strings of js/*/Index.svelte and
# js/core/src/lang/en.json). Types not listed show no label of their own then.
FALLBACK_LABELS = {
    "textbox": "Textbox", "number": "Number", "slider": "Slider", "checkbox": "Checkbox",
    "checkboxgroup": "Checkbox Group", "radio": "Radio", "dropdown": "Dropdown", "colorpicker": "Color Picker",
    "code": "Code", "label": "Label", "plot": "Plot", "annotatedimage": "Annotated Image", "image": "Image",
    "imageslider": "Image", "highlightedtext": "Highlighted Text", "audio": "Audio", "video": "Video",
    "file": "File", "gallery": "Gallery", "chatbot": "Chatbot", "multimodaltextbox": "MultimodalTextbox",
    "dataset": "Examples", "datetime": "Date", "model3d": "3D Model", "fileexplorer": "FileExplorer",
}
# Blocks with no label on screen whatever their props say.
UNLABELLED = {"state", "browserstate", "timer", "form", "row", "column", "group", "html", "markdown", "json",
              "dataframe", "api", "walkthrough", "navbar", "sidebar"}


def _english_strings() -> dict[str, Any]:
    path = Path(os.environ.get("GRADIO_REPO", "/work/ref/gradio")) / "js" / "core" / "src" / "lang" / "en.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


ENGLISH = _english_strings()
I18N_PREFIX = "__i18n__"


def text_of(value: Any) -> str | None:
    """A label or button value as the page shows it: i18n metadata ("__i18n__{…"key": "a.b"}") in English."""
    if not isinstance(value, str):
        return None
    if value.startswith(I18N_PREFIX):
        try:
            node: Any = ENGLISH
            for part in json.loads(value[len(I18N_PREFIX):])["key"].split("."):
                node = node[part]
            return node if isinstance(node, str) else None
        except (ValueError, KeyError, TypeError):
            return None
    return value.strip() or None


class TimeLimitError(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise TimeLimitError(f"took over {TIME_LIMIT_S} s")


def shown(config: dict[str, Any]) -> tuple[list[list[str]], list[list[str]]]:
    """(labels, buttons) of the visible blocks of the app's first page."""
    components = {c["id"]: c for c in config["components"]}
    pages = config.get("page") or {}
    layout = pages[""]["layout"] if "" in pages else config["layout"]
    labels: list[list[str]] = []
    buttons: list[list[str]] = []

    def walk(node: dict[str, Any]) -> None:
        block = components.get(node["id"])
        if block is not None:
            props = block.get("props", {})
            if props.get("visible", True) is not True:
                return  # hidden, or Gradio 6's visible="hidden": not on screen, nor its children
            kind = block["type"]
            if kind in BUTTON_TYPES:
                if value := text_of(props.get("value")):
                    buttons.append([kind, value])
            elif kind not in UNLABELLED and props.get("show_label") is not False:
                label = props.get("label")
                if label is None and kind == "dropdown" and props.get("multiselect"):
                    label = "Multiselect"
                label = text_of(label if label is not None else FALLBACK_LABELS.get(kind))
                if label:
                    labels.append([kind, label])
        for child in node.get("children", []) or []:
            walk(child)

    walk(layout)
    return labels, buttons


def view(source: Path, entry: str) -> dict[str, Any]:
    """Run a copy of the demo's folder (Gradio writes .gradio/, .pyi stubs and caches next to an app)."""
    scratch = Path(tempfile.mkdtemp(prefix="demo-", dir=os.environ.get("GRADIO_TEMP_DIR")))
    folder = scratch / source.name
    shutil.copytree(source, folder)
    try:
        return _view(folder, entry)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _view(folder: Path, entry: str) -> dict[str, Any]:
    import gradio as gr

    blocks: list[Any] = []
    original_init = gr.Blocks.__init__

    def remember(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        blocks.append(self)

    cwd = os.getcwd()
    os.chdir(folder)
    sys.path.insert(0, str(folder))
    signal.alarm(TIME_LIMIT_S)
    try:
        gr.Blocks.__init__ = remember  # type: ignore[method-assign]
        gr.Blocks.launch = lambda self, *a, **k: self  # type: ignore[method-assign]
        # A module that stays in sys.modules (runpy's would not): Gradio reads custom classes' source later.
        module = types.ModuleType(MODULE_NAME)
        module.__file__ = str(folder / entry)
        sys.modules[MODULE_NAME] = module
        exec(compile((folder / entry).read_text(encoding="utf-8"), module.__file__, "exec"), module.__dict__)
        namespace = module.__dict__
        demo = namespace.get("demo")
        if not isinstance(demo, gr.Blocks):
            outer = [b for b in blocks if b.parent is None] if blocks else []
            demo = outer[0] if outer else None
        if demo is None:
            return {"error": "no Blocks found (no `demo` variable)", "labels": [], "buttons": []}
        labels, buttons = shown(demo.get_config_file())
        return {"error": None, "labels": labels, "buttons": buttons}
    finally:
        signal.alarm(0)
        sys.modules.pop(MODULE_NAME, None)
        gr.Blocks.__init__ = original_init  # type: ignore[method-assign]
        sys.path.remove(str(folder))
        os.chdir(cwd)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGALRM, _on_alarm)
    import gradio

    launch = gradio.Blocks.launch
    for item in json.load(sys.stdin):
        try:
            result = view(Path(item["dir"]), item["entry"])
        except BaseException as exc:  # SystemExit, TimeLimitError and the demo's own errors alike
            if isinstance(exc, KeyboardInterrupt):
                raise
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            result = {"error": last.splitlines()[0][:300], "labels": [], "buttons": []}
        finally:
            gradio.Blocks.launch = launch  # type: ignore[method-assign]
        result = {"key": item["key"], "digest": item.get("digest"), "gradio": gradio.__version__, **result}
        tmp = out / f"{item['key']}.json.tmp"
        tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        tmp.replace(out / f"{item['key']}.json")
        print(item["key"], "error" if result["error"] else "ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
