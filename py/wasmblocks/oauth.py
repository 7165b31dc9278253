"""gr.OAuthProfile and gr.OAuthToken: who signed in with Hugging Face — nobody, in a browser-only app.

Gradio fills a parameter annotated with one of these from the server's OAuth session. Without a server there
is no session, so the engine does what Gradio does for a visitor who has not signed in: `OAuthProfile | None`
gets None, and a plain `OAuthProfile` (sign-in required) fails the event with Gradio's message.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

SIGN_IN_REQUIRED = "This action requires a logged in user. Please sign in and retry."


class OAuthProfile(dict[str, Any]):
    """A signed-in user's profile (Gradio's: a dict with name, username, profile, picture as attributes too)."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.name: str = data.get("name", "")
        self.username: str = data.get("preferred_username", data.get("username", ""))
        self.profile: str = data.get("profile", "")
        self.picture: str = data.get("picture", "")


@dataclass
class OAuthToken:
    """A signed-in user's access token (Gradio's fields)."""

    token: str
    scope: str
    expires_at: int


def oauth_kind(annotation: Any) -> tuple[type, bool] | None:
    """(OAuthProfile or OAuthToken, whether None is allowed) for a parameter annotation naming one, else None."""
    if annotation in (OAuthProfile, OAuthToken):
        return annotation, False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        kinds = [a for a in args if a in (OAuthProfile, OAuthToken)]
        if len(kinds) == 1 and type(None) in args:
            return kinds[0], True
    return None
