"""Flagging: gr.FlaggingCallback and its CSV loggers, and the Flag buttons' handler (FlagMethod).

The loggers write real CSV files in the worker's file system under flagging_dir, with the same columns
and file names as Gradio's. FlagMethod keeps that folder in the browser's storage (runtime.keep_directory),
so flags survive a reload, and hands the CSV to a download button so the visitor can take it away.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import runtime
from .alerts import Warning as WarningToast
from .component import Component
from .files import simplify_file_data
from .updates import update

_UNSAFE_PREFIXES = ("=", "+", "-", "@", "\t", "\n")
_UNSAFE_SEQUENCES = (",=", ",+", ",-", ",@", ",\t", ",\n")


def sanitize_for_csv(value: Any) -> Any:
    """A cell that a spreadsheet will not run as a formula (OWASP CSV injection), as Gradio writes it."""
    if isinstance(value, (int, float)):
        return value
    text = value if isinstance(value, str) else str(value)
    if text.startswith(("{", "[")):
        try:
            return json.dumps(json.loads(text))
        except ValueError:
            pass
    if text.startswith(_UNSAFE_PREFIXES) or any(s in text for s in _UNSAFE_SEQUENCES):
        return f"'{text}"
    return text


def _safe_name(text: str) -> str:
    """A folder name from a component label (Gradio's strip_invalid_filename_characters)."""
    return "".join(c for c in text if c.isalnum() or c in "._- ").rstrip()[:200]


def _is_update(value: Any) -> bool:
    return isinstance(value, dict) and "update" in str(value.get("__type__", ""))


def _label(component: Any, index: int) -> str:
    return str(getattr(component, "label", None) or f"component {index}")


def _cell(component: Any, index: int, sample: Any, flagging_dir: Path, simplify: bool) -> Any:
    """One value as its CSV cell: files copied below flagging_dir/<label>/, then the value's text."""
    if _is_update(sample):
        return str(sample)
    if sample is None:
        return ""
    folder = flagging_dir / _safe_name(_label(component, index))
    text = component.flag(sample, flag_dir=str(folder)) if isinstance(component, Component) else json.dumps(sample)
    return simplify_file_data(text) if simplify else text


def _headers(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f), [])


def _count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        return len(list(csv.reader(f))) - 1


class FlaggingCallback(ABC):
    """What an Interface calls to save a flagged sample: setup() once, flag() per click."""

    @abstractmethod
    def setup(self, components: Sequence[Component], flagging_dir: str) -> None:
        """Get ready to save samples of these components' values under flagging_dir."""

    @abstractmethod
    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Save one sample (the components' values, in setup's order); returns how many are saved."""


class SimpleCSVLogger(FlaggingCallback):
    """Each flagged sample as one row of flagging_dir/log.csv, without headers."""

    def __init__(self) -> None:
        pass

    def setup(self, components: Sequence[Component], flagging_dir: str | Path) -> None:
        self.components = list(components)
        self.flagging_dir = flagging_dir
        os.makedirs(flagging_dir, exist_ok=True)

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        folder = Path(self.flagging_dir)
        log = folder / "log.csv"
        row = []
        for i, (component, sample) in enumerate(zip(self.components, flag_data)):
            (folder / _safe_name(_label(component, i))).mkdir(parents=True, exist_ok=True)
            row.append(_cell(component, i, sample, folder, simplify=False))
        with open(log, "a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow([sanitize_for_csv(v) for v in row])
        return _count_rows(log)  # as Gradio counts it, though this file has no header row


class CSVLogger(FlaggingCallback):
    """Gradio 5+'s default: rows in flagging_dir/dataset<N>.csv under a header of the components' labels.

    A new dataset file starts when the headers change; "flag" and "username" columns appear only when
    those are given.
    """

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True, dataset_file_name: str | None = None):
        self.simplify_file_data = simplify_file_data
        self.verbose = verbose
        self.dataset_file_name = dataset_file_name
        self.lock = threading.Lock()
        self.dataset_filepath: Path | None = None

    def setup(self, components: Sequence[Component], flagging_dir: str | Path) -> None:
        self.components = list(components)
        self.flagging_dir = Path(flagging_dir)
        self.first_time = True

    def _create_dataset_file(self, additional_headers: list[str]) -> None:
        os.makedirs(self.flagging_dir, exist_ok=True)
        headers = [sanitize_for_csv(h) for h in
                   [_label(c, i) for i, c in enumerate(self.components)] + additional_headers + ["timestamp"]]
        existing = list(self.flagging_dir.glob("dataset*.csv"))
        if self.dataset_file_name:
            self.dataset_filepath = self.flagging_dir / self.dataset_file_name
        elif existing:
            def number(path: Path) -> int:
                found = re.findall(r"\d+", path.stem)
                return int(found[0]) if found else 0

            latest = max(existing, key=number)
            with open(latest, encoding="utf-8", newline="") as f:
                old_headers = next(csv.reader(f), None)
            same = old_headers == [str(h) for h in headers]
            self.dataset_filepath = latest if same else self.flagging_dir / f"dataset{number(latest) + 1}.csv"
        else:
            self.dataset_filepath = self.flagging_dir / "dataset1.csv"
        if not self.dataset_filepath.exists():
            with open(self.dataset_filepath, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerow(headers)
            if self.verbose:
                print("Created dataset file at:", self.dataset_filepath)
        elif self.verbose:
            print("Using existing dataset file at:", self.dataset_filepath)

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        if self.first_time or self.dataset_filepath is None or not self.dataset_filepath.exists():
            extra = (["flag"] if flag_option is not None else []) + (["username"] if username is not None else [])
            self._create_dataset_file(extra)
            self.first_time = False
        assert self.dataset_filepath is not None
        row = [_cell(c, i, s, self.flagging_dir, self.simplify_file_data)
               for i, (c, s) in enumerate(zip(self.components, flag_data))]
        row += [v for v in (flag_option, username) if v is not None]
        row.append(str(datetime.datetime.now()))
        with self.lock:
            with open(self.dataset_filepath, "a", encoding="utf-8", newline="") as f:
                csv.writer(f).writerow([sanitize_for_csv(v) for v in row])
            return _count_rows(self.dataset_filepath)


class ClassicCSVLogger(FlaggingCallback):
    """Gradio 4's logger: flagging_dir/log.csv with the labels, "flag", "username" and "timestamp"."""

    def __init__(self, simplify_file_data: bool = True) -> None:
        self.simplify_file_data = simplify_file_data

    def setup(self, components: Sequence[Component], flagging_dir: str | Path) -> None:
        self.components = list(components)
        self.flagging_dir = flagging_dir
        os.makedirs(flagging_dir, exist_ok=True)

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        folder = Path(self.flagging_dir)
        log = folder / "log.csv"
        is_new = not log.exists()
        headers = [_label(c, i) for i, c in enumerate(self.components)] + ["flag", "username", "timestamp"]
        row = [_cell(c, i, s, folder, self.simplify_file_data)
               for i, (c, s) in enumerate(zip(self.components, flag_data))]
        row += [flag_option or "", username or "", str(datetime.datetime.now())]
        with open(log, "a", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            if is_new:
                writer.writerow([sanitize_for_csv(h) for h in headers])
            writer.writerow([sanitize_for_csv(v) for v in row])
        return _count_rows(log)


class ChatCSVLogger:
    """A ChatInterface's flags: each like/dislike (or other flagging option) of a reply as a row of
    flagging_dir/log.csv, with the whole conversation as JSON."""

    def setup(self, flagging_dir: str) -> None:
        self.flagging_dir = flagging_dir
        os.makedirs(flagging_dir, exist_ok=True)

    def flag(self, like_data: Any, messages: list[Any]) -> None:
        log = Path(self.flagging_dir) / "log.csv"
        is_new = not log.exists()
        liked = getattr(like_data, "liked", None)
        feedback = "Like" if liked is True else "Dislike" if liked is False else liked
        row = [json.dumps(messages, default=str), getattr(like_data, "index", None), feedback,
               str(datetime.datetime.now())]
        with open(log, "a", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            if is_new:  # Gradio's header, "flag" column included, though rows carry the feedback as "value"
                writer.writerow(["conversation", "index", "value", "flag", "timestamp"])
            writer.writerow([sanitize_for_csv(v) if v is not None else "" for v in row])


def flagged_file(callback: Any, flagging_dir: str | Path | None) -> str | None:
    """The CSV a visitor downloads: the logger's dataset file, else the newest CSV in flagging_dir."""
    path = getattr(callback, "dataset_filepath", None)
    if path and os.path.isfile(path):
        return str(os.path.abspath(path))
    folder = Path(flagging_dir or getattr(callback, "flagging_dir", "") or "")
    if not str(folder) or not folder.is_dir():
        return None
    found = sorted(folder.glob("*.csv"), key=lambda p: p.stat().st_mtime)
    if isinstance(callback, CSVLogger) and hasattr(callback, "components"):
        # Before its first flag this visit, a CSVLogger's file is the one headed by its components' labels
        # (two Interfaces of a TabbedInterface share the folder, each with its own dataset file).
        labels = [str(sanitize_for_csv(_label(c, i))) for i, c in enumerate(callback.components)]
        found = [p for p in found if _headers(p)[:len(labels)] == labels]
    return os.path.abspath(found[-1]) if found else None


class FlagMethod:
    """The Flag button's handler: save the sample through the callback, keep it in the browser, offer the CSV.

    Returns updates for (the flag button, the download button); with visual_feedback off
    (flagging_mode="auto", where each submit flags) only the download button's.
    """

    def __init__(self, flagging_callback: FlaggingCallback, label: str, value: str | None,
                 visual_feedback: bool = True, flagging_dir: str | None = None) -> None:
        self.flagging_callback = flagging_callback
        self.label = label
        self.value = value
        self.visual_feedback = visual_feedback
        self.flagging_dir = flagging_dir
        self.__name__ = "Flag"

    async def __call__(self, *flag_data: Any) -> Any:
        folder = str(getattr(self.flagging_callback, "flagging_dir", None) or self.flagging_dir or "")
        problem = await runtime.keep_directory(folder) if folder else None
        try:
            self.flagging_callback.flag(list(flag_data), flag_option=self.value, username=None)
        except Exception as exc:  # Gradio shows "Error!" on the button and keeps the app going
            print(f"Error while flagging: {exc}")
            return (update(value="Error!", interactive=True), update()) if self.visual_feedback else update()
        problem = problem or await runtime.save_kept()
        if problem:
            WarningToast(f"Flag saved for this visit only: the browser's storage is unavailable ({problem})")
        if not self.visual_feedback:
            return self.download()
        return self.reset(), self.download()

    def reset(self) -> Any:
        return update(value=self.label, interactive=True)

    def download(self) -> Any:
        path = flagged_file(self.flagging_callback, self.flagging_dir)
        return update(value=path, visible=True) if path else update()


async def show_saved_flags(callback: FlaggingCallback, flagging_dir: str) -> Any:
    """At page load: read earlier visits' flags back and offer their CSV, if there are any."""
    folder = str(getattr(callback, "flagging_dir", None) or flagging_dir)
    await runtime.keep_directory(folder)
    path = flagged_file(callback, folder)
    return update(value=path, visible=True) if path else update()
