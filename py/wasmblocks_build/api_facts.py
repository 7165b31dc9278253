"""Read an API's facts by introspection: call parameters with defaults, listener names, module names.

Standard library only, and importable on its own: the manifest script runs this file under a Python that has
Gradio installed, and the conformance test runs it on wasmblocks, so both sides are read the same way.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import importlib
import inspect
import json
import math
import textwrap
import types
from typing import Any

# A parameter whose name starts with "_" is private (Gradio's `_selectable`, `_api_mode`, …); not API.
PRIVATE_PREFIX = "_"


def call_parameters(
    obj: Any, package_dir: str | None = None, *, bound: bool = False, self_cls: Any = None,
) -> list[dict[str, Any]]:
    """The keyword parameters a caller can pass to obj (a class's constructor, or a function), in order.

    `**kwargs` is followed where the function hands it on, as the call itself goes: a class's
    `super().__init__(…, **kwargs)` to the next `__init__` of the MRO, a function's `f(…, **kwargs)` to f.
    What the forwarding call already passes (by keyword, or the first N by position) is not the caller's
    to pass (Gradio's Blocks sets `render`). `**kwargs` that go nowhere accept nothing by name.
    bound=True drops the first parameter of a function (the instance; Gradio's listeners take the block);
    self_cls, for a method read from its class, lets `self.helper(**kwargs)` be followed too.

    Each entry: {"name", "default": encode_default(…), "annotation"} and, for the leading parameters that
    can be given by position, "position": index. A default that is a path inside package_dir (Gradio's
    own icons) is encoded relative to it.
    """
    if _is_typed_dict(obj):
        return _typed_dict_keys(obj)
    step = _first_step(obj, bound)
    params: list[dict[str, Any]] = []
    seen: set[str] = set()
    first = True
    while step is not None:
        func, owner, skip, taken = step
        try:
            sig = inspect.signature(func)
        except (TypeError, ValueError):
            break
        var_keyword = None
        position = 0
        for p in sig.parameters.values():
            if p.kind is p.VAR_KEYWORD:
                var_keyword = p.name
                continue
            if p.kind is p.VAR_POSITIONAL:
                continue
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                if skip:
                    skip -= 1
                    continue
                entry_position = position if first else None
                position += 1
            else:
                entry_position = None
            if p.name in seen or p.name in taken or p.name.startswith(PRIVATE_PREFIX) or p.kind is p.POSITIONAL_ONLY:
                continue
            seen.add(p.name)
            default = _encoded_default(owner or _class_or_none(func), p, package_dir)
            entry: dict[str, Any] = {"name": p.name, "default": default}
            if p.annotation is not p.empty:
                entry["annotation"] = _annotation_text(p.annotation)
            if entry_position is not None:
                entry["position"] = entry_position
            params.append(entry)
        first = False
        step = _next_step(func, owner, var_keyword, obj, self_cls) if var_keyword else None
    return params


# (function, class whose __init__ it is or None, leading positional parameters to skip, names already passed)
_Step = tuple[Any, Any, int, set[str]]


def _first_step(obj: Any, bound: bool) -> _Step | None:
    if not inspect.isclass(obj):
        return (obj, None, 1 if bound else 0, set()) if callable(obj) else None
    if "__signature__" in vars(obj) or any("__signature__" in vars(k) for k in obj.__mro__[1:-1]):
        return (obj, None, 0, set())  # the class states its call signature itself (pydantic models do)
    init = _next_init(obj, None)
    return (init[0], init[1], 1, set()) if init else (obj, None, 0, set())


def _next_init(cls: Any, after: Any) -> tuple[Any, Any] | None:
    """The first __init__ defined in cls's MRO after the class `after` (from the start when None)."""
    mro = cls.__mro__
    start = mro.index(after) + 1 if after is not None else 0
    for klass in mro[start:]:
        if klass is object:
            return None
        if "__init__" in vars(klass):
            return vars(klass)["__init__"], klass
    return None


def _next_step(func: Any, owner: Any, var_keyword: str, root: Any, self_cls: Any) -> _Step | None:
    """Where func hands its **var_keyword on: the callee, how many positional arguments and which keywords the
    call passes itself. `super()` goes by root's MRO (root: the class being read); a class's __init__
    without readable source goes on up the MRO."""
    call = _forwarding_call(func, var_keyword)
    if call is None:
        if owner is not None and not _has_source(func):
            nxt = _next_init(root, owner)
            return (nxt[0], nxt[1], 1, set()) if nxt else None
        return None
    callee, positional, keywords = call
    if isinstance(callee, ast.Attribute) and callee.attr == "__init__" and _is_super_call(callee.value):
        nxt = _next_init(root, owner) if owner is not None and inspect.isclass(root) else None
        return (nxt[0], nxt[1], 1 + positional, keywords) if nxt else None
    if (isinstance(callee, ast.Attribute) and isinstance(callee.value, ast.Name) and callee.value.id == "self"
            and (self_cls is not None or owner is not None)):
        target = inspect.getattr_static(self_cls or root, callee.attr, None)
        return (target, None, 1 + positional, keywords) if inspect.isfunction(target) else None
    target = _resolve_callee(func, callee)
    if target is None:
        return None
    if inspect.isclass(target):
        nxt = _next_init(target, None)
        return (nxt[0], nxt[1], 1 + positional, keywords) if nxt else None
    return (target, None, positional, keywords) if callable(target) else None


def _has_source(func: Any) -> bool:
    try:
        inspect.getsource(func)
    except (OSError, TypeError):
        return False
    return True


def _forwarding_call(func: Any, var_keyword: str) -> tuple[ast.expr, int, set[str]] | None:
    """(callee expression, positional argument count, keyword names) of the first call in func's source that
    passes `**var_keyword` on; None without one (or without source)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if any(k.arg is None and isinstance(k.value, ast.Name) and k.value.id == var_keyword for k in node.keywords):
            if any(isinstance(a, ast.Starred) for a in node.args):
                return None  # *args too: positions unknowable
            return node.func, len(node.args), {k.arg for k in node.keywords if k.arg}
    return None


def _is_super_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def _resolve_callee(func: Any, callee: ast.expr) -> Any:
    """The object a call's `name` or `module.name` refers to in func's globals and closure, or None."""
    real = inspect.unwrap(func)
    scope = {**getattr(real, "__globals__", {})}
    closure = getattr(real, "__closure__", None) or ()
    for name, cell in zip(real.__code__.co_freevars if hasattr(real, "__code__") else (), closure):
        with contextlib.suppress(ValueError):
            scope[name] = cell.cell_contents
    if isinstance(callee, ast.Name):
        return scope.get(callee.id)
    if isinstance(callee, ast.Attribute) and isinstance(callee.value, ast.Name) and callee.value.id in scope:
        return getattr(scope[callee.value.id], callee.attr, None)
    return None


def _is_typed_dict(obj: Any) -> bool:
    return inspect.isclass(obj) and issubclass(obj, dict) and hasattr(obj, "__required_keys__")


def _typed_dict_keys(cls: Any) -> list[dict[str, Any]]:
    """A TypedDict's keys as keyword parameters: required keys {"required": true}, the others {"optional": true}."""
    hints = {}
    for klass in reversed(cls.__mro__):
        hints.update(vars(klass).get("__annotations__", {}))
    params = []
    for name, annotation in hints.items():
        if name not in cls.__required_keys__ and name not in cls.__optional_keys__:
            continue
        default = {"required": True} if name in cls.__required_keys__ else {"optional": True}
        entry = {"name": name, "default": default}
        entry["annotation"] = _annotation_text(annotation)
        params.append(entry)
    return params


def _annotation_text(annotation: Any) -> str:
    """An annotation as source text (a string annotation as written; a ForwardRef unwrapped)."""
    if isinstance(annotation, str):
        return annotation
    forward = getattr(annotation, "__forward_arg__", None)
    return forward if isinstance(forward, str) else inspect.formatannotation(annotation)


def _class_or_none(func: Any) -> Any:
    """A class whose own signature is read (a pydantic model's), so its fields' factories can be found."""
    return func if isinstance(func, type) else None


def _encoded_default(owner: Any, p: inspect.Parameter, package_dir: str | None) -> dict[str, Any]:
    """encode_default of p's default; a dataclass's or pydantic model's default_factory is called and marked."""
    factory_marker = type(p.default).__name__ == "_HAS_DEFAULT_FACTORY_CLASS"
    if owner is not None and dataclasses.is_dataclass(owner) and factory_marker:
        for field in dataclasses.fields(owner):
            if field.name == p.name and field.default_factory is not dataclasses.MISSING:
                return {"factory": encode_default(field.default_factory(), package_dir)}
    # A pydantic model's field (Gradio's FileData.meta) shows the same marker; its factory is in model_fields.
    factory = getattr(getattr(owner, "model_fields", {}).get(p.name), "default_factory", None)
    if factory_marker and callable(factory):
        return {"factory": encode_default(factory(), package_dir)}
    return encode_default(p.default, package_dir)


def encode_default(value: Any, package_dir: str | None = None) -> dict[str, Any]:
    """A JSON-safe description of a default value.

    {"required": true} (no default) · {"value": v} for JSON data (tuples become lists) · {"items": […]} for a
    list/tuple holding other kinds · {"object": type name, "name": …} for named objects (theme colours, sizes,
    fonts) · {"callable": qualified name} · {"sentinel": type name} for any other object · {"repr": …} for a
    non-finite float · {"package_file": relative path} for a path inside package_dir (a file the package ships).
    """
    if value is inspect.Parameter.empty:
        return {"required": True}
    if package_dir and isinstance(value, str) and value.startswith(package_dir.rstrip("/") + "/"):
        return {"package_file": value[len(package_dir.rstrip("/")) + 1:]}
    if _is_json_data(value):
        return {"value": _as_json(value)}
    if isinstance(value, float):
        return {"repr": repr(value)}
    if isinstance(value, (list, tuple)):
        return {"items": [encode_default(v, package_dir) for v in value]}
    name = getattr(value, "name", None)
    if isinstance(name, str) and not callable(value) and not isinstance(value, type):
        return {"object": type(value).__name__, "name": name}
    if callable(value):
        return {"callable": getattr(value, "__qualname__", type(value).__name__)}
    return {"sentinel": type(value).__name__}


def _is_json_data(value: Any) -> bool:
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, (list, tuple)):
        return all(_is_json_data(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json_data(v) for k, v in value.items())
    return False


def _as_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def same_default(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    """Whether two encoded defaults match: exactly (True is not 1, 1 is not 1.0), except that any callable
    matches a callable and any sentinel a sentinel (their identity is an implementation detail)."""
    for loose in ("callable", "sentinel"):
        if loose in expected:
            return loose in actual
    return json.dumps(expected, sort_keys=True) == json.dumps(actual, sort_keys=True)


def listener_names(cls: Any) -> list[str]:
    """The event names in cls.EVENTS (strings, or Gradio's EventListener objects with .event_name)."""
    events = getattr(cls, "EVENTS", None) or []
    return [e if isinstance(e, str) else str(getattr(e, "event_name", e)) for e in events]


def module_names(module: types.ModuleType, rules: list[str]) -> list[str]:
    """Public names of module chosen by rules: "__all__" (its __all__), "defined" (classes, functions and
    instances whose type comes from the module itself), "classes" (public classes defined there), or a name."""
    names: set[str] = set()
    for rule in rules:
        if rule == "__all__":
            names |= set(getattr(module, "__all__", []))
        elif rule in ("defined", "classes"):
            for name, obj in vars(module).items():
                if not name.startswith("_") and _defined_in(obj, module.__name__, classes_only=rule == "classes"):
                    names.add(name)
        else:
            names.add(rule)
    return sorted(names)


def _defined_in(obj: Any, module_name: str, *, classes_only: bool) -> bool:
    if inspect.isclass(obj):
        return obj.__module__ == module_name
    if classes_only or isinstance(obj, types.ModuleType):
        return False
    if inspect.isfunction(obj):
        return obj.__module__ == module_name
    return type(obj).__module__ == module_name


def resolve(dotted: str) -> tuple[bool, Any]:
    """(found, object) for "pkg.mod.name" as `from pkg.mod import name` finds it: an attribute of the module
    first, else a submodule of that name (imported by its dotted path, so an import alias is honoured)."""
    parts = dotted.split(".")
    try:
        obj: Any = importlib.import_module(parts[0])
    except ImportError:
        return False, None
    for i, part in enumerate(parts[1:], start=1):
        if hasattr(obj, part):
            obj = getattr(obj, part)
            continue
        if not isinstance(obj, types.ModuleType):
            return False, None
        try:
            obj = importlib.import_module(".".join(parts[: i + 1]))
        except ImportError:
            return False, None
    return True, obj


def kind_of(obj: Any) -> str:
    """"module", "class", "function" (any other callable) or "value"."""
    if isinstance(obj, types.ModuleType):
        return "module"
    if inspect.isclass(obj):
        return "class"
    return "function" if callable(obj) else "value"
