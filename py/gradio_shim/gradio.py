"""`import gradio` where wasmblocks is installed as a package: in the browser it is wasmblocks.

The wasmblocks wheel ships this file as the top-level module `gradio`, so `import gradio as gr` works in a
PyScript page or any Pyodide right after `micropip.install("wasmblocks")`: micropip (0.11) runs no .pth
file, so nothing else could install the alias before the user's first import. It installs the alias
finder (wasmblocks.aliases: `gradio.themes` → `wasmblocks.themes`, …) and becomes the wasmblocks module.

Anywhere else (CPython, where the wheel is installed for its build tools) it steps aside: a real Gradio
package later on sys.path is imported instead, and without one the import fails as it would have. Being a
module, not a `gradio/` package, it never overwrites or shadows a Gradio installed beside it (a package
directory wins over a module of the same name in one folder).
"""

import importlib.machinery
import importlib.util
import os
import sys


def _alias_to_wasmblocks() -> None:
    import wasmblocks
    from wasmblocks.aliases import install_gradio_alias

    install_gradio_alias()
    sys.modules[__name__] = wasmblocks  # the import statement hands out what sys.modules holds at the end


def _load_real_gradio() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    elsewhere = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec(__name__, elsewhere)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(
            "No module named 'gradio': wasmblocks answers `import gradio` only in the browser (Pyodide); "
            "here, import wasmblocks (`import wasmblocks as gr`) or install Gradio",
            name=__name__,
        )
    module = importlib.util.module_from_spec(spec)
    sys.modules[__name__] = module
    spec.loader.exec_module(module)


if sys.platform == "emscripten":
    _alias_to_wasmblocks()
else:
    _load_real_gradio()
