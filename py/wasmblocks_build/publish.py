"""The publishing parts of an export: extra pages, the pinned install plan and the package index URL."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

from .common import PAGE_TEMPLATE, WEB_DIR, fail
from .requirements import DEFAULT_INDEX_URL, plan_requirements, point_lock_at_index

TITLE_PLACEHOLDER = "{{title}}"
# Pages every export ships besides index.html: the share-link player and the editor (docs/publishing.md).
EXTRA_PAGES = ["player.html", "editor.html"]


def write_pages(outdir: Path, title: str) -> None:
    """index.html (the app, titled after it), player.html and editor.html; relative URLs only."""
    page = PAGE_TEMPLATE.read_text(encoding="utf-8").replace(TITLE_PLACEHOLDER, html.escape(title))
    (outdir / "index.html").write_text(page, encoding="utf-8")
    for name in EXTRA_PAGES:
        shutil.copyfile(WEB_DIR / "pages" / name, outdir / name)


def pyodide_version(outdir: Path) -> str:
    """Version of the vendored Pyodide (its package.json), for the default package index URL."""
    return str(json.loads((outdir / "pyodide" / "package.json").read_text(encoding="utf-8"))["version"])


def install_plan(
    outdir: Path, requirements: list[str], app_dir: Path | None, *, vendor: bool, index_url: str | None,
    clear: bool = True,
) -> dict:
    """Pin the requirements (copying wheels into outdir/packages/) and point the lock at the package index.

    Returns the manifest's `install` field: {"pyodide": [names], "wheels": [urls]}. clear=False keeps the
    wheels already in packages/ (the other apps' of a site of several).
    """
    packages = outdir / "packages"
    if packages.exists() and clear:
        shutil.rmtree(packages)
    lock = json.loads((outdir / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    plan = plan_requirements(requirements, lock, app_dir, outdir, vendor=vendor)
    index = index_url or DEFAULT_INDEX_URL.format(version=pyodide_version(outdir))
    point_lock_at_index(outdir / "pyodide", index, plan.pyodide if vendor else None)
    return plan.as_json()


def vendor_packages(outdir: Path, names: list[str], index_url: str | None) -> None:
    """Download these Pyodide packages (and their lock dependencies) into outdir/pyodide/ (--vendor)."""
    index = index_url or DEFAULT_INDEX_URL.format(version=pyodide_version(outdir))
    point_lock_at_index(outdir / "pyodide", index, names)


# What code from a share link may read of the site (web/src/share/file-policy.ts, docs/security.md): the
# runtime, plus what the host lists in runtime.json's "share_readable" (`export --share-readable PATH`).
SHARE_SEGMENT = re.compile(r"[A-Za-z0-9_~+=@,-][A-Za-z0-9_.~+=@,-]*")


def share_readable(paths: list[str]) -> list[str]:
    """The host's opt-ins, checked: site-relative files ("notes.txt") or folders ("data/"), no dot segments."""
    checked = []
    for path in paths:
        folder = path.endswith("/")
        parts = path[:-1].split("/") if folder else path.split("/")
        if not path or not all(SHARE_SEGMENT.fullmatch(part) for part in parts):
            raise fail(
                f"--share-readable {path!r}: give a path inside the site such as data/ or notes.txt "
                "(letters, digits, '_', '-', '.'; no leading dots, no '..', no backslashes)"
            )
        checked.append(path)
    return checked


def write_share_readable(outdir: Path, paths: list[str]) -> None:
    """Record the host's opt-ins in runtime.json (absent: shared code reads the runtime only)."""
    info_path = outdir / "runtime.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    if paths:
        info["share_readable"] = share_readable(paths)
    else:
        info.pop("share_readable", None)
    info_path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
