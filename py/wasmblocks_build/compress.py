"""gzip for the files every first visit downloads: zopfli when it can be had, else zlib at level 9.

Zopfli writes ordinary gzip (the worker's DecompressionStream reads it unchanged) about 5 % smaller, at the
cost of a slower compression at build time; it is worth it for the small files every visitor downloads
(the package archive), not for the 15 MB snapshot. The package comes from PyPI (`zopfli`, a maintained
binding of Google's library); when it cannot be installed (offline), the build uses zlib and says so.
"""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import subprocess
from types import ModuleType

from .common import log, python

_tried = False


def _zopfli() -> ModuleType | None:
    global _tried
    if importlib.util.find_spec("zopfli") is None and not _tried:
        _tried = True
        log("installing zopfli (pip) for a smaller package download …")
        done = subprocess.run(
            [python(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "zopfli"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        importlib.invalidate_caches()
        if done.returncode != 0:
            log("could not install zopfli; compressing with zlib instead (a few KB larger)")
    try:
        return importlib.import_module("zopfli.gzip")
    except ImportError:
        return None


def gzip_smallest(data: bytes) -> bytes:
    """Deterministic gzip (no name, mtime 0) of data, as small as the tools at hand make it."""
    zopfli = _zopfli()
    return zopfli.compress(data) if zopfli else gzip.compress(data, 9, mtime=0)
