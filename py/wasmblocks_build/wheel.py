"""Build the pure-Python wasmblocks wheel, deterministically and with stdlib zipfile.

The same file serves the worker (site.py unpacks its files), exports, and micropip in any Pyodide (a
PyScript page's `packages`): complete core metadata, the package, and the top-level `gradio` module
(py/gradio_shim/gradio.py) that makes `import gradio` work right after micropip installs it.
"""

from __future__ import annotations

import base64
import hashlib
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from .common import PKG_DIR, PY_DIR, ROOT, RUNTIME_DIR, fail, is_stale, iter_files, log

NAME = "wasmblocks"
TAG = "py3-none-any"
# Shipped as the top-level module `gradio` (its docstring says why a module and not a package).
GRADIO_SHIM = PY_DIR / "gradio_shim" / "gradio.py"
LICENSE = ROOT / "LICENSE"
# Zip entries carry this date so the same sources always give byte-identical wheels.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def _project() -> dict[str, Any]:
    """The [project] table of pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        project: dict[str, Any] = tomllib.load(f)["project"]
    return project


def wheel_name(version: str) -> str:
    """File name of the wheel for a version (PEP 427)."""
    return f"{NAME}-{version}-{TAG}.whl"


def _record_hash(data: bytes) -> str:
    """RECORD hash field: sha256, urlsafe base64 without padding."""
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _metadata(project: dict) -> str:
    """Core metadata 2.4 (METADATA file) from the [project] table.

    No long description: the README is the repository's guide, and keeping it out means an edit to it
    does not change the wheel (and with it the snapshot, whose key hashes the wheel).
    """
    lines = [
        "Metadata-Version: 2.4",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"License-Expression: {project['license']}",
        *(f"License-File: {Path(name).name}" for name in project.get("license-files", [])),
        f"Requires-Python: {project['requires-python']}",
        *(f"Project-URL: {label}, {url}" for label, url in project.get("urls", {}).items()),
        *(f"Classifier: {classifier}" for classifier in project.get("classifiers", [])),
        *(f"Requires-Dist: {requirement}" for requirement in project.get("dependencies", [])),
    ]
    return "\n".join(lines) + "\n"


def _wheel_file() -> str:
    """The WHEEL file: a pure wheel for any Python 3."""
    return f"Wheel-Version: 1.0\nGenerator: wasmblocks_build\nRoot-Is-Purelib: true\nTag: {TAG}\n"


# Modules of the package that only CPython can import: they ship in the wasmblocks-runtime wheel (dist.py),
# so the browser never downloads them and the snapshot's import of every module does not trip on them.
CPYTHON_ONLY = ("wasmblocks/testing.py",)


def _package_files(pkg_dir: Path) -> list[tuple[str, bytes]]:
    """(archive path, bytes) for every shipped file of the package, sorted for determinism."""
    if not (pkg_dir / "__init__.py").exists():
        raise fail(f"{pkg_dir} has no __init__.py; cannot build the {NAME} wheel")
    files = []
    for path in iter_files(pkg_dir):
        rel = path.relative_to(pkg_dir.parent).as_posix()
        if rel not in CPYTHON_ONLY:
            files.append((rel, path.read_bytes()))
    return sorted(files)


def _write_entry(zf: zipfile.ZipFile, arcname: str, data: bytes) -> None:
    """Add one file with a fixed date and plain 0644 permissions."""
    info = zipfile.ZipInfo(arcname, date_time=FIXED_DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def build_wheel(out_dir: Path | None = None, pkg_dir: Path = PKG_DIR, force: bool = False) -> Path:
    """Write <out_dir>/wasmblocks-<version>-py3-none-any.whl (default build/runtime/wheels/) and return it."""
    out_dir = out_dir or RUNTIME_DIR / "wheels"
    project = _project()
    version = project["version"]
    target = out_dir / wheel_name(version)
    inputs = [pkg_dir, GRADIO_SHIM, LICENSE, ROOT / "pyproject.toml", Path(__file__),
              Path(__file__).with_name("dist.py")]
    if not force and not is_stale([target], inputs):
        return target
    log(f"building wheel {target.name} …")
    dist_info = f"{NAME}-{version}.dist-info"
    entries = [*_package_files(pkg_dir), ("gradio.py", GRADIO_SHIM.read_bytes())]
    from .dist import browser_requirements  # imported here: dist.py builds on this module

    # On CPython the package pulls in its prebuilt runtime; micropip skips it by the marker (dist.py).
    requires = "".join(f"{line}\n" for line in browser_requirements(project))
    entries.append((f"{dist_info}/METADATA", (_metadata(project) + requires).encode()))
    entries.append((f"{dist_info}/WHEEL", _wheel_file().encode()))
    entries.append((f"{dist_info}/top_level.txt", f"gradio\n{NAME}\n".encode()))
    entries += [(f"{dist_info}/licenses/{Path(name).name}", (ROOT / name).read_bytes())
                for name in project.get("license-files", [])]
    record = [f"{name},{_record_hash(data)},{len(data)}" for name, data in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{NAME}-*.whl"):
        old.unlink()  # a version bump must not leave the previous wheel in the runtime
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, data in entries:
            _write_entry(zf, name, data)
    tmp.replace(target)
    return target
