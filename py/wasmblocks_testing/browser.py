"""Which Chromium the plugin drives, and how it starts it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from wasmblocks_build.chromium import CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path(given: str | None = None) -> str | None:
    """--wasmblocks-chromium, else $WASMBLOCKS_CHROMIUM, else a system Chromium; None: Playwright's own build."""
    for path in (given, os.environ.get("WASMBLOCKS_CHROMIUM")):
        if path:
            if not Path(path).is_file():
                raise FileNotFoundError(f"no Chromium at {path}")
            return path
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return found
    return None  # `playwright install chromium` put one where Playwright looks


def launch(playwright: Playwright, path: str | None, headless: bool = True) -> Browser:
    """Start Chromium with WebAssembly stack switching (on by default since 137) and the flags tests need."""
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=headless)
