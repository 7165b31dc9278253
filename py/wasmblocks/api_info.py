"""An app's endpoints as gradio_client's `view_api(return_format="dict")` describes them.

{"named_endpoints": {"/greet": {"parameters": [...], "returns": [...], ...}}, "unnamed_endpoints": {"3": ...}}:
each parameter has Gradio's keys (label, parameter_name, parameter_has_default, parameter_default, type as a
JSON schema, python_type {type, description}, component, example_input); a return has label, type,
python_type and component. Events with a Python function and an api_name are named; the others are listed
under their dependency id (Gradio's fn_index). gr.State and buttons are left out, as Gradio does: the page
supplies their values. Used by wasmblocks.Client.view_api and the page's view_api() (page_session.py).
"""

from __future__ import annotations

import inspect
from typing import Any

from .block_function import BlockFunction
from .types import AppRoot

# Gradio's FileData schema, the part clients read (gradio.data_classes.FileData).
_FILE = {
    "title": "FileData",
    "type": "object",
    "properties": {
        "path": {"type": "string"},
        "url": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "size": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
        "orig_name": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "mime_type": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "meta": {"type": "object"},
    },
    "required": ["path"],
    "additional_description": "A file: a path in the app's file system or a URL.",
}
_STRING = {"type": "string"}
_CHAT_MESSAGE = {
    "type": "object",
    "properties": {"role": {"type": "string"}, "content": {}, "metadata": {"anyOf": [{"type": "object"},
                                                                                    {"type": "null"}]}},
}
# Schemas by block name for components whose schema does not depend on their settings.
_SCHEMAS: dict[str, dict[str, Any]] = {
    "textbox": _STRING, "code": _STRING, "colorpicker": _STRING, "markdown": _STRING, "html": _STRING,
    "number": {"type": "number"},
    "checkbox": {"type": "boolean"},
    "datetime": {"type": "string", "description": "Formatted as YYYY-MM-DD HH:MM:SS"},
    "json": {"type": {}, "description": "any valid json"},
    "image": _FILE, "audio": _FILE, "video": _FILE, "model3d": _FILE, "downloadbutton": _FILE,
    "chatbot": {"type": "array", "items": _CHAT_MESSAGE},
    "dataframe": {
        "type": "object",
        "properties": {"headers": {"type": "array", "items": {}},
                       "data": {"type": "array", "items": {"type": "array", "items": {}}}},
    },
    "label": {"type": "object", "properties": {"label": {"anyOf": [{"type": "string"}, {"type": "number"},
                                                                   {"type": "null"}]},
                                               "confidences": {"type": "array", "items": {}}}},
    "gallery": {"type": "array", "items": {"type": "object", "properties": {"image": _FILE, "caption": {
        "anyOf": [{"type": "string"}, {"type": "null"}]}}}},
    "highlightedtext": {"type": "array", "items": {"type": "object", "properties": {
        "token": {"type": "string"}, "class_or_confidence": {"anyOf": [{"type": "string"}, {"type": "number"},
                                                                       {"type": "null"}]}}}},
    "multimodaltextbox": {"type": "object", "properties": {"text": {"type": "string"},
                                                           "files": {"type": "array", "items": _FILE}}},
}


def schema(component: Any) -> dict[str, Any]:
    """The JSON schema of a component's value: its own api_info() when it has one, else by its kind."""
    own = getattr(component, "api_info", None)
    if callable(own):
        return dict(own())
    name = component.get_block_name()
    choices = [c[1] if isinstance(c, (list, tuple)) else c for c in getattr(component, "choices", None) or []]
    if name in ("dropdown", "radio"):
        one = {"type": "string", "enum": choices} if choices else dict(_STRING)
        return {"type": "array", "items": one} if getattr(component, "multiselect", False) else one
    if name == "checkboxgroup":
        return {"type": "array", "items": {"type": "string", "enum": choices}}
    if name == "slider":
        low, high = getattr(component, "minimum", None), getattr(component, "maximum", None)
        return {"type": "number", "description": f"numeric value between {low} and {high}"}
    if name in ("file", "uploadbutton"):
        many = getattr(component, "file_count", "single") != "single"
        return {"type": "array", "items": _FILE} if many else _FILE
    return _SCHEMAS.get(name, {})


def python_type(info: dict[str, Any]) -> str:
    """gradio_client's reading of a schema as a Python type: "str", "list[Literal['a', 'b']]", "filepath"."""
    if info.get("title") == "FileData":
        return "filepath"
    if "enum" in info:
        return "Literal[" + ", ".join(repr(v) for v in info["enum"]) + "]"
    if "anyOf" in info:
        return " | ".join(python_type(option) for option in info["anyOf"])
    kind = info.get("type")
    if kind == {}:
        return "str | float | bool | list | dict"
    if kind == "array":
        return f"list[{python_type(info.get('items', {}))}]"
    if kind == "object" and "properties" in info:
        return "dict(" + ", ".join(f"{k}: {python_type(v)}" for k, v in info["properties"].items()) + ")"
    simple = {"string": "str", "number": "float", "integer": "int", "boolean": "bool", "null": "None",
              "object": "dict(str, Any)"}
    return simple.get(kind, "Any") if isinstance(kind, str) else "Any"


def skips_api(block: Any) -> bool:
    """gr.State and buttons are not parameters or returns of an endpoint (Gradio's skip_api)."""
    return bool(getattr(block, "STATEFUL", False)) or block.get_block_name() in ("button", "clearbutton")


def _parameter_names(fn: BlockFunction) -> list[tuple[str, bool, Any]]:
    """(name, has a default, the default) per input: the function's positional parameters in order, then
    the names of inputs_kwargs= for the inputs passed by keyword."""
    try:
        signature = inspect.signature(fn.fn) if fn.fn is not None else None
    except (TypeError, ValueError):
        signature = None
    params = dict(signature.parameters) if signature else {}

    def entry(param: inspect.Parameter) -> tuple[str, bool, Any]:
        has_default = param.default is not param.empty
        return param.name, has_default, param.default if has_default else None

    found = [entry(p) for p in params.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if fn.input_keyword_names:
        found = found[:len(fn.inputs) - len(fn.input_keyword_names)]
        found += [entry(params[name]) if name in params else (name, False, None) for name in fn.input_keyword_names]
    return found


def _description(fn: BlockFunction) -> str:
    """Gradio's endpoint description: api_description=, else the docstring's first paragraph; False: none."""
    if fn.api_description is False:
        return ""
    if isinstance(fn.api_description, str):
        return fn.api_description
    docstring = inspect.getdoc(fn.fn) if fn.fn is not None else None
    return (docstring or "").split("\n\n", 1)[0]


def endpoint_info(fn: BlockFunction) -> dict[str, Any]:
    """One endpoint: its parameters (the inputs the API takes) and returns, in Gradio's shape."""
    names = _parameter_names(fn)
    parameters = []
    for index, block in enumerate(fn.inputs):
        if skips_api(block):
            continue
        info = schema(block)
        name, fn_default, default = names[index] if index < len(names) and not fn.inputs_as_dict else (
            f"param_{index}", False, None)
        value = getattr(block, "value", None)
        parameters.append({
            "label": block.label if getattr(block, "label", None) else f"parameter_{block.id}",
            "parameter_name": name,
            "parameter_has_default": value is not None or fn_default,
            "parameter_default": value if value is not None else default,
            "type": info,
            "python_type": {"type": python_type(info), "description": info.get("additional_description", "")},
            "component": block.get_block_name().capitalize(),
            "example_input": block.api_example() if hasattr(block, "api_example") else None,
        })
    returns = []
    for block in fn.outputs:
        if skips_api(block):
            continue
        info = schema(block)
        returns.append({
            "label": block.label if getattr(block, "label", None) else f"value_{block.id}",
            "type": info,
            "python_type": {"type": python_type(info), "description": info.get("description", "")},
            "component": block.get_block_name().capitalize(),
        })
    return {"parameters": parameters, "returns": returns, "api_visibility": fn.api_visibility,
            "description": _description(fn),
            "type": {"generator": fn.is_generator, "cancel": fn.is_cancel_function}}


def api_info(app: AppRoot, all_endpoints: bool = False) -> dict[str, Any]:
    """The endpoints view_api documents: those with a Python function and api_visibility="public" (with
    all_endpoints, the "undocumented" ones too; never the "private" ones), as Gradio's get_api_info."""
    named: dict[str, Any] = {}
    unnamed: dict[str, Any] = {}
    for fn in app.fns.values():
        if fn.fn is None or fn.api_visibility == "private" or (not all_endpoints and not fn.show_api):
            continue
        if fn.api_name:
            named[f"/{fn.api_name}"] = endpoint_info(fn)
        else:
            unnamed[str(fn.id)] = endpoint_info(fn)
    return {"named_endpoints": named, "unnamed_endpoints": unnamed}


def skipped_ids(app: AppRoot) -> list[int]:
    """Ids of the inputs and outputs of any event that the API leaves out (skips_api)."""
    return sorted({b.id for fn in app.fns.values() for b in [*fn.inputs, *fn.outputs] if skips_api(b)})
