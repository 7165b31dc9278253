"""gr.LoginButton: Gradio's "Sign in with Hugging Face" button, in an app that has no server to sign in to."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

from .button import Button

HF_LOGO = str(Path(__file__).resolve().parent.parent / "icons" / "huggingface-logo.svg")


class LoginButton(Button):
    """Looks and fires `click` as Gradio's; clicking it also explains why signing in is not possible here.

    Gradio signs visitors in with Hugging Face OAuth, through routes of its server (/login/huggingface). A
    browser-only app has none, so nobody is ever signed in: functions taking `gr.OAuthProfile | None` or
    `gr.OAuthToken | None` get None, as they do in Gradio for a visitor who has not signed in.
    """

    PROPS = (*Button.PROPS, "logout_value", "hf_logo")
    # Gradio's LoginButton also fires `change`, when the app sets its text (its own sign-in flow does).
    EVENTS = ("click", "change")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "logout_value": "differs: never shown, as no one can be signed in without a server (Hugging Face OAuth)",
    }

    def __init__(
        self,
        value: str = "Sign in with Hugging Face",
        logout_value: str = "Logout ({})",
        *,
        every: Any = None,
        inputs: Any = None,
        variant: str = "huggingface",
        size: str = "lg",
        icon: str | Path | None = HF_LOGO,
        link: str | None = None,
        link_target: str = "_self",
        visible: bool | str = True,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        scale: int | None = None,
        min_width: int | None = None,
    ) -> None:
        self.logout_value = logout_value
        # The default logo is drawn by the page (web/src/components/login_button-logo.tsx), not sent as a file.
        self.hf_logo = icon is not None and os.fspath(icon) == HF_LOGO
        if self.hf_logo:
            icon = None
        super().__init__(
            value, every=every, inputs=inputs, variant=variant, size=size,
            icon=None if icon is None else str(icon), link=link, link_target=link_target,
            visible=visible, interactive=interactive, elem_id=elem_id, elem_classes=elem_classes, render=render,
            key=key, preserved_by_key=preserved_by_key, scale=scale, min_width=min_width,
        )

    @classmethod
    def get_block_name(cls) -> str:
        return "loginbutton"
