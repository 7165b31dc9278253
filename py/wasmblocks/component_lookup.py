"""gr.component("dropdown") and get_component_instance: a component made from its name, as Gradio's are."""

from __future__ import annotations

from typing import Any

from .block import Block
from .block_classes import block_classes
from .component import Component


def _classes() -> dict[str, type[Block]]:
    """Every block class of the package by its name lower-cased ("playablevideo")."""
    return {name.lower(): cls for name, cls in block_classes().items()}


def component_or_layout_class(cls_name: str) -> type[Block]:
    key = cls_name.strip().lower().replace("_", "")
    classes = _classes()
    if key not in classes:
        raise ValueError(f"No such component or layout: {cls_name!r}; known: {', '.join(sorted(classes))}")
    return classes[key]


def component(cls_name: str, render: bool) -> Component:
    """A new component of the class named cls_name ("textbox", "Dropdown", "playable_video")."""
    obj = component_or_layout_class(cls_name)(render=render)
    if not isinstance(obj, Component):
        raise TypeError(f"Expected a Component instance, but got {type(obj).__name__}")
    return obj


def get_component_instance(comp: str | dict[str, Any] | Component, render: bool = False,
                           unrender: bool = False) -> Component:
    """A component from a name, a {"name": …, **kwargs} dict, or a component (returned as it is)."""
    if isinstance(comp, str):
        obj: Any = component(comp, render=render)
    elif isinstance(comp, dict):
        kwargs = dict(comp)
        obj = component_or_layout_class(str(kwargs.pop("name")))(**kwargs, render=render)
    elif isinstance(comp, Component):
        obj = comp
    else:
        raise ValueError(f"Component must be provided as a `str` or `dict` or `Component` but is {comp!r}")
    if render and not obj.is_rendered:
        obj.render()
    elif unrender and obj.is_rendered:
        obj.unrender()
    if not isinstance(obj, Component):
        raise TypeError(f"Expected a Component instance, but got {type(obj).__name__}")
    return obj
