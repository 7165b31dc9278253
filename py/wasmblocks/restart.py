"""Drop the running app so another can run in the same interpreter (the editor's preview, `run` message).

Restarting Python would cost seconds; forgetting the app costs milliseconds: cancel its events
(worker_entry.stop_app), remove its modules (and the `gradio.*` alias entries) from sys.modules so
`import helpers` reads the new files, and empty the app folder so deleted files are gone.
worker_entry.start_app then runs the new entry file.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys


def app_module_names(app_dir: str) -> list[str]:
    """Names in sys.modules that belong to the app: loaded from app_dir, or gradio aliases."""
    root = os.path.abspath(app_dir) + os.sep
    names = []
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if name == "gradio" or name.startswith("gradio.") or (path and os.path.abspath(path).startswith(root)):
            names.append(name)
    return names


def forget_app(app_dir: str) -> None:
    """Forget the old app's modules and files (its events are cancelled by then)."""
    for name in app_module_names(app_dir):
        del sys.modules[name]
    importlib.invalidate_caches()
    os.makedirs(app_dir, exist_ok=True)
    os.chdir(app_dir)  # not inside a folder that is about to go
    for entry in os.listdir(app_dir):
        path = os.path.join(app_dir, entry)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
