"""What an event function returns, turned into per-component updates for the page."""

from __future__ import annotations

import warnings
from typing import Any

from .block import Block
from .components.buttons import buttons_config
from .components.state import deep_hash
from .protocol import Update
from .session import Session


def update(
    elem_id: str | None = None,
    elem_classes: list[str] | str | None = None,
    visible: bool | str | None = None,
    **props: Any,
) -> dict[str, Any]:
    """`gr.update(value=…, visible=…)`: change any props of an output, and optionally its value.

    As Gradio's, a prop given as None (the default) is left as it is; the others go to the component.
    """
    # A component built with elem_classes="a" holds ["a"]; an update says the same.
    classes = [elem_classes] if isinstance(elem_classes, str) else elem_classes
    named = {"elem_id": elem_id, "elem_classes": classes, "visible": visible}
    return {"__type__": "update", **{k: v for k, v in named.items() if v is not None}, **props}


def skip() -> dict[str, Any]:
    """`gr.skip()`: leave this output as it is."""
    return {"__type__": "update"}


def is_update(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "update"


class OutputCountError(ValueError):
    """The function returned fewer values than it has outputs."""


def split_returns(outputs: list[Block], result: Any, event_name: str) -> list[tuple[Block, Any]]:
    """Pair each output with what the function returned for it (dict returns give only some)."""
    if not outputs:
        return []
    if isinstance(result, dict) and not is_update(result) and result and all(isinstance(k, Block) for k in result):
        unknown = [k for k in result if k not in outputs]
        if unknown:
            raise ValueError(f"{event_name} returned a value for {unknown[0]!r}, which is not one of its outputs")
        return [(block, result[block]) for block in outputs if block in result]
    if len(outputs) == 1:
        return [(outputs[0], result)]
    if not isinstance(result, (tuple, list)):
        raise OutputCountError(
            f"{event_name} has {len(outputs)} outputs but returned a single value ({type(result).__name__}); "
            f"return a tuple of {len(outputs)} values"
        )
    if len(result) < len(outputs):
        raise OutputCountError(f"{event_name} has {len(outputs)} outputs but returned only {len(result)} values")
    if len(result) > len(outputs):
        warnings.warn(
            f"{event_name} returned {len(result)} values for {len(outputs)} outputs; the extra ones are ignored",
            stacklevel=2,
        )
    return list(zip(outputs, result))


def state_change(block: Any, value: Any, session: Session) -> Update | None:
    """A watched gr.State's new change token when its deep hash differs from what the page last got
    (Gradio's changed_state_ids: the same value again, or an equal hash, is no change)."""
    if not getattr(block, "change_listened", False):
        return None
    token = deep_hash(value)
    last = session.state_tokens.get(block.id, block.initial_token())
    if token == last:
        return None
    session.state_tokens[block.id] = token
    return {"id": block.id, "value": token}


def to_update(block: Any, returned: Any, session: Session, postprocess: bool = True) -> Update | None:
    """One output's update, or None when nothing changes (gr.skip, or a gr.State, which stays in the worker)."""
    if isinstance(returned, Block):
        props = returned.explicit_props()
    elif is_update(returned):
        props = {k: v for k, v in returned.items() if k != "__type__"}
    else:
        props = {"value": returned}
    has_value = "value" in props
    value = props.pop("value", None)
    if getattr(block, "STATEFUL", False):
        if not has_value:
            return None
        session.set_state(block, value)
        return state_change(block, value, session)
    result: Update = {"id": block.id}
    if props:
        props = block.process_props(props)
        if "buttons" in props:
            props["buttons"] = buttons_config(props["buttons"])
        session.remember_props(block, props)
    if has_value:
        result["value"] = session.configured(block).postprocess(value) if postprocess else value
    if props:
        result["props"] = props
    if "value" not in result and "props" not in result:
        return None
    return result
