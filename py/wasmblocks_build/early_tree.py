"""Draw before Python: run the app's Blocks layer under CPython at export time and keep its component tree.

The page draws that tree while the worker boots (web/src/client/early.ts), so a visitor sees the app's
controls after one small download instead of after Pyodide and the snapshot. The app runs in a child
process, in a throwaway copy of its folder and with a time limit, so that its side effects and hangs
stay out of the export. An app that cannot run here (browser-only imports such as `js` or `pyodide`, a
package not installed on this machine, an exception, a timeout, initial values that are files) gets no
early tree: its page starts as before, and `early_tree` says why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import PY_DIR

TIMEOUT_S = 20.0
EARLY_TREE_MARKER = "<!-- wasmblocks:early-tree -->"
EARLY_TREE_ID = "wasmblocks-early-tree"  # the element web/src/pages/app.ts reads

# Run in the child: the worker's own steps (worker_entry.start_app, PageSession.send_tree) up to the tree
# message, which goes to stdout as the worker would post it. Its stdout is the app's too, hence the marker.
_CHILD = r"""
import json, sys
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
from wasmblocks import protocol, runtime
from wasmblocks.aliases import install_gradio_alias
from wasmblocks.config import app_config
from wasmblocks.files import file_paths
from wasmblocks.loader import AppLoadError, load_app
install_gradio_alias()
try:
    app = load_app(sys.argv[3], sys.argv[2])
except AppLoadError as exc:
    print("\n@@wasmblocks-early@@" + json.dumps({"error": exc.message}))
    sys.exit(0)
message = protocol.tree_message(app_config(app))
if file_paths(message["config"]["root"]):
    print("\n@@wasmblocks-early@@" + json.dumps({"error": "its initial values include files"}))
    sys.exit(0)
if message["config"].get("auth_required"):
    print("\n@@wasmblocks-early@@" + json.dumps({"error": "it asks for a login first"}))
    sys.exit(0)
print("\n@@wasmblocks-early@@" + json.dumps({"message": json.loads(runtime.encode(message))}))
"""
_RESULT = "@@wasmblocks-early@@"


@dataclass
class EarlyTree:
    """The tree message of an app built at export time, or why there is none."""

    message: dict[str, Any] | None
    reason: str = ""


def early_tree(files: list[Path], base: Path, entrypoint: str, *, timeout: float = TIMEOUT_S) -> EarlyTree:
    """Run the app (its `files` below `base`) under CPython in a child process; return its tree message."""
    with tempfile.TemporaryDirectory(prefix="wasmblocks-early-") as tmp:
        app_dir = Path(tmp) / "app"
        app_dir.mkdir()
        for path in files:
            target = app_dir / path.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        # -I: the build machine's PYTHONPATH and user site stay out; HOME too, so the app writes nothing outside.
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
        try:
            # From a checkout, py/; installed (pip install wasmblocks), the package is on the path already.
            package = str(PY_DIR) if (PY_DIR / "wasmblocks").is_dir() else ""
            done = subprocess.run([sys.executable, "-I", "-c", _CHILD, package, str(app_dir), entrypoint],
                                  cwd=app_dir, env=env, capture_output=True, text=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return EarlyTree(None, f"it did not finish within {timeout:g} s")
    return _parse(done.stdout, done.stderr, done.returncode)


def _parse(stdout: str, stderr: str, returncode: int) -> EarlyTree:
    at = stdout.rfind(_RESULT)
    if at == -1:
        last = stderr.strip().splitlines()[-1:] or [f"exit status {returncode}"]
        return EarlyTree(None, f"it stopped before its tree was made ({last[0]})")
    result = json.loads(stdout[at + len(_RESULT):])
    if "error" in result:
        return EarlyTree(None, str(result["error"]))
    return EarlyTree(result["message"])


def embed_early_tree(index: Path, message: dict[str, Any]) -> None:
    """Put the tree message into index.html as JSON the page reads before its bundle runs anything."""
    # "<" escaped: a "</script>" inside a string value must not end the element.
    text = json.dumps(message, separators=(",", ":")).replace("<", "\\u003c")
    tag = f'<script type="application/json" id="{EARLY_TREE_ID}">{text}</script>'
    page = index.read_text(encoding="utf-8")
    if EARLY_TREE_MARKER not in page:
        raise ValueError(f"{index} has no {EARLY_TREE_MARKER} marker")
    index.write_text(page.replace(EARLY_TREE_MARKER, tag, 1), encoding="utf-8")
