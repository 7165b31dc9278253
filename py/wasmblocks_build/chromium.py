"""Make sure the system Chromium that the e2e tests drive exists, installing it with apt-get if needed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .common import fail, log

CHROMIUM = Path("/usr/bin/chromium")
# Playwright cannot download its own browsers here, so tests launch this one with these flags.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A fake camera and microphone that need no permission prompt, so webcam and recording paths are
    # testable headless.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    # Chromium builds its omnibox popup (a WebUI page of ~400 chrome:// modules) in every new window, and
    # every Playwright context is a new window: that work lands on the two cores exactly while the page
    # under test loads. A user's tab does not pay for it, so neither do the tests and the benchmark.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
]


def ensure_chromium() -> Path:
    """Return /usr/bin/chromium, running `apt-get update && apt-get install -y chromium` when it is missing."""
    if CHROMIUM.exists():
        return CHROMIUM
    apt = shutil.which("apt-get")
    if apt is None:
        raise fail(f"{CHROMIUM} is missing and apt-get is not available; install Chromium by hand")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        raise fail(f"{CHROMIUM} is missing; install it with `sudo apt-get install -y chromium`")
    log("installing Chromium (apt-get install -y chromium) …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in ([apt, "update"], [apt, "install", "-y", "chromium"]):
        proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise fail(f"`{' '.join(cmd)}` failed (exit {proc.returncode})")
    if not CHROMIUM.exists():
        raise fail(f"apt-get installed chromium but {CHROMIUM} still does not exist")
    return CHROMIUM
