"""Shared by Dropdown, Radio and CheckboxGroup: choices as values or (label, value) pairs."""

from __future__ import annotations

from typing import Any


def normalize_choices(choices: Any) -> list[list[Any]]:
    """[[label, value], …] whatever form the choices were given in."""
    result = []
    for choice in choices or []:
        if isinstance(choice, (list, tuple)) and len(choice) == 2:
            result.append([str(choice[0]), choice[1]])
        else:
            result.append([str(choice), choice])
    return result


def choice_values(choices: list[list[Any]]) -> list[Any]:
    return [value for _, value in choices]
