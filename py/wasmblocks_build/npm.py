"""Install the npm packages (esbuild, typescript, pyodide, preact, …) when node_modules is missing or stale."""

from __future__ import annotations

import shutil

from .common import NODE_MODULES, ROOT, fail, log, run

LOCK = ROOT / "package-lock.json"
# npm rewrites this file on every install, so its mtime tells when node_modules was last synced.
INSTALLED_MARKER = NODE_MODULES / ".package-lock.json"


def npm_needed() -> bool:
    """True when node_modules is missing or older than package-lock.json / package.json."""
    if not INSTALLED_MARKER.exists():
        return True
    marker = INSTALLED_MARKER.stat().st_mtime
    sources = [p for p in (LOCK, ROOT / "package.json") if p.exists()]
    return any(p.stat().st_mtime > marker for p in sources)


def ensure_node_modules(force: bool = False) -> None:
    """Run `npm ci` (or `npm install` without a lock) when node_modules needs it."""
    if not force and not npm_needed():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise fail("npm not found: install Node.js 20+ (it ships npm), e.g. `apt-get install -y nodejs npm`")
    # `npm ci` installs exactly the lock; without one we have to resolve and write it.
    args = ["ci"] if LOCK.exists() else ["install"]
    log(f"installing npm packages (npm {' '.join(args)}) …")
    run([npm, *args, "--no-audit", "--no-fund"], what=f"npm {args[0]}")
    # npm ci keeps the lock's mtime; refresh the marker so the next build sees node_modules as current.
    INSTALLED_MARKER.touch()
