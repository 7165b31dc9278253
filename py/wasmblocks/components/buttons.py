"""Gradio 6's `buttons=[…]`: a component's built-in corner buttons by name, plus gr.Button entries.

Gradio 6.0 replaced show_copy_button, show_download_button, show_fullscreen_button and show_share_button
with this one list (gradio.utils.set_default_buttons); each component names the built-ins it offers and
which it shows when `buttons` is None.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from .button import Button


def corner_buttons(buttons: Any, offered: Sequence[str], default: Sequence[str] = (), *, owner: str) -> list[Any]:
    """The list a component keeps as `.buttons`: the names it offers and gr.Button instances, in order.

    A gr.Button leaves the layout (it shows in the component's toolbar instead; its .click listeners stay).
    A name the component does not offer is dropped with a warning, as Gradio draws nothing for it.
    """
    if buttons is None:
        return list(default)
    if isinstance(buttons, (str, Button)) or not isinstance(buttons, (list, tuple)):
        raise ValueError(f"{owner} buttons= takes a list (of {_names(offered)} or gr.Button), not {buttons!r}")
    kept: list[Any] = []
    for button in buttons:
        if isinstance(button, Button):
            button.unrender()
            kept.append(button)
        elif isinstance(button, str) and button in offered:
            kept.append(button)
        elif isinstance(button, str):
            warnings.warn(f"{owner} has no {button!r} button (it offers {_names(offered)}); it is not shown",
                          stacklevel=3)
        else:
            raise ValueError(f"{owner} buttons= entries are {_names(offered)} or gr.Button, not {button!r}")
    return kept


def buttons_config(buttons: Any) -> list[Any] | None:
    """What the page gets: names as they are, a gr.Button as {id, value, icon} (clicking it fires its click).

    Entries already in that form (a component that made them itself) pass unchanged. None stays None: a
    component that keeps buttons=None draws its own defaults (ImageEditor's download, Model3D's, …).
    """
    if buttons is None:
        return None
    if not isinstance(buttons, (list, tuple)):
        return []
    return [
        {"id": b.id, "value": b.value, "icon": b.icon} if isinstance(b, Button) else b
        for b in buttons
        if isinstance(b, (str, Button, dict))
    ]


def _names(offered: Sequence[str]) -> str:
    return ", ".join(repr(name) for name in offered) if offered else "no built-in names"
