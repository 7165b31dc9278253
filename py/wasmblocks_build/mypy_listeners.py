"""A mypy plugin: the event methods a block's `EVENTS = ("click", …)` creates at run time, made visible to mypy.

`Block.__init_subclass__` (py/wasmblocks/block.py) turns each name of a class's EVENTS tuple into an event
method (`btn.click(fn, inputs, outputs)`). mypy cannot see methods made with setattr, so this plugin reads
the same tuple from the class body and declares a method of that name with the listener's signature
(wasmblocks.listeners.make_listener). A name the class already defines keeps its own definition, as at run
time. Loaded through `plugins` in pyproject.toml; it only runs inside mypy.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_OPT, ARG_STAR2, Argument, AssignmentStmt, NameExpr, StrExpr, TupleExpr, Var
from mypy.plugin import ClassDefContext, Plugin
from mypy.plugins.common import add_method_to_class
from mypy.types import AnyType, TypeOfAny

BLOCK = "wasmblocks.block.Block"


def _event_names(ctx: ClassDefContext) -> list[str]:
    """The string items of `EVENTS = (…)` in the class body (an EVENTS of another shape declares nothing)."""
    for statement in ctx.cls.defs.body:
        if not isinstance(statement, AssignmentStmt) or not isinstance(statement.rvalue, TupleExpr):
            continue
        if any(isinstance(target, NameExpr) and target.name == "EVENTS" for target in statement.lvalues):
            return [item.value for item in statement.rvalue.items if isinstance(item, StrExpr)]
    return []


def _declare_listeners(ctx: ClassDefContext) -> None:
    info = ctx.cls.info
    if not info.has_base(BLOCK):
        return
    anything = AnyType(TypeOfAny.explicit)
    for name in _event_names(ctx):
        existing = info.get(name)
        if existing is not None and not existing.plugin_generated:
            continue
        positional = ("fn", "inputs", "outputs", "api_name")
        args = [Argument(Var(arg, anything), anything, None, ARG_OPT) for arg in positional]
        args.append(Argument(Var("kwargs", anything), anything, None, ARG_STAR2))
        add_method_to_class(ctx.api, ctx.cls, name, args, anything)


class ListenersPlugin(Plugin):
    """Declares the event methods of every wasmblocks block class."""

    def get_base_class_hook(self, fullname: str) -> Callable[[ClassDefContext], None] | None:
        # Called once per direct base of each class; _declare_listeners keeps only subclasses of Block.
        return _declare_listeners


def plugin(version: str) -> type[Plugin]:
    return ListenersPlugin
