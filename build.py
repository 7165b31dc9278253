#!/usr/bin/env python3
"""Entry point of the build: `python3 build.py site|wheel|bundle|vendor|serve|export|test` (stdlib only)."""

import sys
from pathlib import Path

# Runs before anything is pip-installed, so the pipeline is imported straight from the source tree.
sys.path.insert(0, str(Path(__file__).resolve().parent / "py"))

from wasmblocks_build.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
