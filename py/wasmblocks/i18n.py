"""gr.I18n: an app's texts in the visitor's language (`label=i18n("name_label")`, `demo.launch(i18n=i18n)`).

As in Gradio, `i18n("key")` is an I18nData that becomes a marker string (`__i18n__{"__type__": …, "key": …}`)
wherever a text goes, so it survives f-strings, `+` and postprocess. Gradio's page swaps the markers for
the translation in the browser's language; here the worker does it before a tree or update leaves (the
page sends `navigator.languages` in its init message), so every component shows translated text with no
renderer code of its own. Lookup: each of the browser's languages in order, exactly ("pt-BR") and then
by its base ("pt"); then English; then the key itself.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Any

MARKER = "__i18n__"
_MARKED = re.compile(re.escape(MARKER) + r"(\{[^{}]*\})")
_LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47, as Gradio checks it
Translations = dict[str, dict[str, str]]


class I18nData:
    """A translation key; as text, the marker the worker translates for each page."""

    def __init__(self, key: str) -> None:
        self.key = key
        self._type = "translation_metadata"

    def to_dict(self) -> dict[str, Any]:
        return {"__type__": self._type, "key": self.key}

    def tojson(self) -> dict[str, Any]:
        return self.to_dict()

    def __str__(self) -> str:
        return MARKER + json.dumps(self.to_dict())

    __repr__ = __str__

    def __add__(self, other: object) -> str:
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, I18nData) and other.key == self.key

    def __hash__(self) -> int:
        return hash((I18nData, self.key))

    def __getattr__(self, name: str) -> Callable[..., I18nData]:
        # Gradio lets string methods be called on a key (label.strip()): they return the key unchanged.
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(f"{type(self).__name__} has no attribute {name}")
        return lambda *_args, **_kwargs: self


class I18n:
    """Translations per locale: `gr.I18n(en={"greeting": "Hello"}, es={"greeting": "Hola"})`; call it with a key."""

    def __init__(self, **translations: dict[str, str]) -> None:
        self.translations: Translations = {}
        for locale, table in translations.items():
            if not _LOCALE.match(locale):
                warnings.warn(f"Invalid locale code: {locale!r}. Locale codes follow BCP 47 (e.g. 'en', 'en-US'); "
                              "it is kept but may never match a browser's language.", UserWarning, stacklevel=2)
            if not isinstance(table, dict):
                raise TypeError(f"gr.I18n({locale}=…) takes a dict of key -> text, not {type(table).__name__}")
            self.translations[locale] = dict(table)

    def __call__(self, key: str) -> I18nData:
        return I18nData(key)

    @property
    def translations_dict(self) -> Translations:
        return self.translations


def pick_table(translations: Translations, languages: Sequence[str]) -> list[dict[str, str]]:
    """The tables to look a key up in, best first, for a browser that prefers `languages`."""
    by_lower = {locale.lower(): table for locale, table in translations.items()}
    chosen: list[dict[str, str]] = []
    for language in [*languages, "en"]:
        lang = language.lower()
        for candidate in (lang, lang.split("-")[0]):
            table = by_lower.get(candidate)
            if table is not None and not any(table is t for t in chosen):
                chosen.append(table)
    return chosen


def translator(translations: Translations, languages: Sequence[str]) -> Callable[[str], str]:
    """key -> text in the best language that has it (the key itself when none has it)."""
    tables = pick_table(translations, languages)

    def translate(key: str) -> str:
        for table in tables:
            if key in table:
                return table[key]
        return key

    return translate


def localize(value: Any, translate: Callable[[str], str]) -> Any:
    """value with every I18nData and marker translated; containers are copied only where something changes."""
    if isinstance(value, str):
        return _MARKED.sub(lambda m: _translated(m, translate), value) if MARKER in value else value
    if isinstance(value, I18nData):
        return translate(value.key)
    if isinstance(value, dict):
        items = {k: localize(v, translate) for k, v in value.items()}
        return value if all(items[k] is value[k] for k in value) else items
    if isinstance(value, (list, tuple)):
        out = [localize(v, translate) for v in value]
        if all(a is b for a, b in zip(out, value)):
            return value
        return tuple(out) if isinstance(value, tuple) else out
    return value


def _translated(match: re.Match[str], translate: Callable[[str], str]) -> str:
    try:
        key = json.loads(match.group(1)).get("key")
    except ValueError:
        return match.group(0)
    return translate(key) if isinstance(key, str) else match.group(0)
