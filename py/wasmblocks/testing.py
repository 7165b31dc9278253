"""`wasmblocks.testing`: the testing kit's public names (docs/testing.md) — App, the controllers, the errors.

CPython only: the wasmblocks-runtime wheel ships this module beside wasmblocks_testing and the pytest plugin
(which pytest loads by its pytest11 entry point); the browser's wheel leaves it out (wheel.CPYTHON_ONLY).
"""

# The kit's names are listed once, in wasmblocks_testing; this module only gives them the public import path.
from wasmblocks_testing import *  # noqa: F403
from wasmblocks_testing import __all__ as __all__
