"""Several apps in one site: one shared runtime, one folder per app, and an index page that lists them.

`export a.py b.py … OUT` (or a folder of apps) writes the runtime (assets/, pyodide/, wheels/,
snapshot/) once at OUT/ and each app at OUT/<name>/ (index.html, runtime.json, app/). Every app page loads
the runtime from the same URLs, so a visitor who opened one demo has Pyodide, the bundles and, for apps
with the same imports, the snapshot in the browser's cache for the next; a docs site of ten demos is not
ten copies of Pyodide. Snapshot names are content hashes: apps whose imports differ get a file each.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from .common import RUNTIME_DIR, fail, log
from .early_tree import EARLY_TREE_ID
from .export import (
    AppSite,
    check_app_and_outdir,
    collect_app,
    prepare_runtime,
    write_app,
    write_runtime,
)
from .offline import write_service_worker
from .publish import share_readable, write_share_readable

# Names an app folder cannot take: the site's own folders and pages.
RESERVED = {"app", "assets", "pyodide", "wheels", "snapshot", "media", "packages", "pyscript"}


def is_folder_of_apps(path: Path) -> bool:
    """A folder without app.py that holds several apps (.py files, or sub-folders with an app.py)."""
    if not path.is_dir() or (path / "app.py").is_file():
        return False
    return len(_apps_in(path)) > 1


def _apps_in(folder: Path) -> list[Path]:
    found = [p for p in sorted(folder.iterdir()) if not p.name.startswith((".", "_"))]
    return [p for p in found if (p.is_file() and p.suffix == ".py") or (p.is_dir() and (p / "app.py").is_file())]


def name_apps(paths: list[Path]) -> dict[str, Path]:
    """Folder name → app for each argument (a folder of apps counts as its apps); refuses clashes."""
    apps: dict[str, Path] = {}
    for path in paths:
        for app in _apps_in(path) if is_folder_of_apps(path) else [path]:
            name = app.stem if app.is_file() else app.name
            if name in RESERVED or name.endswith(".html"):
                raise fail(f"{app}: an app cannot be called {name!r} in a site of several (the runtime uses "
                           "that name); rename it")
            if name in apps:
                raise fail(f"two apps would both go to {name}/: {apps[name]} and {app}; rename one")
            apps[name] = app
    return apps


def export_apps(
    paths: list[str | Path], outdir: str | Path, *, runtime_dir: Path = RUNTIME_DIR, build: bool = True,
    snapshot: bool = True, vendor: bool = False, index_url: str | None = None, offline: bool = True,
    share_readable_paths: list[str] | None = None, sourcemaps: bool = False, pyscript: bool = False,
    draw_early: bool = True,
) -> Path:
    """Write one site holding every app of paths (options as export()'s); returns outdir."""
    outdir = Path(outdir).resolve()
    apps = name_apps([Path(p).resolve() for p in paths])
    collected = {}
    for name, app in apps.items():
        check_app_and_outdir(app, outdir)
        collected[name] = collect_app(app, exclude=outdir)
    readable = share_readable(share_readable_paths or [])
    prepare_runtime(runtime_dir, build=build, snapshot=snapshot, sourcemaps=sourcemaps)

    log(f"exporting {len(apps)} apps ({', '.join(apps)}) -> {outdir} …")
    write_runtime(runtime_dir, outdir, sourcemaps=sourcemaps, pyscript=pyscript, title="wasmblocks apps")
    # snapshot/ now holds the runtime's base snapshot (the player's and editor's), packages/ is filled below.
    shutil.rmtree(outdir / "packages", ignore_errors=True)
    for name, app in apps.items():
        log(f"app {name}/ …")
        _entry, files, manifest = collected[name]
        write_app(app, files, manifest, AppSite(runtime_dir, outdir, outdir / name), snapshot=snapshot,
                  vendor=vendor, index_url=index_url, draw_early=draw_early, keep_snapshots=True,
                  clear_packages=False)
    if (outdir / "app").is_dir():  # a one-app export into the same folder left its app here
        shutil.rmtree(outdir / "app")
    if not snapshot:  # the player's and editor's runtime.json: no snapshot either
        info = json.loads((outdir / "runtime.json").read_text(encoding="utf-8"))
        info.pop("snapshot", None)
        (outdir / "runtime.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    write_apps_index(outdir, list(apps))
    write_share_readable(outdir, readable)
    write_service_worker(outdir, enabled=offline, apps=list(apps))  # last: it hashes every other file
    return outdir


def app_title(page: Path, name: str) -> str:
    """The app's title from the tree its page draws early (Blocks(title=…)), else its folder name."""
    text = page.read_text(encoding="utf-8")
    start = text.find(f'id="{EARLY_TREE_ID}">')
    if start == -1:
        return name
    body = text[start + len(EARLY_TREE_ID) + 6:text.index("</script>", start)]
    try:
        title = json.loads(body).get("config", {}).get("title")
    except ValueError:
        return name
    return title if isinstance(title, str) and title and title != "Gradio" else name


def write_apps_index(outdir: Path, names: list[str]) -> Path:
    """OUT/index.html: a list of the site's apps, each a link to its folder."""
    items = "\n".join(
        f'      <li><a href="{html.escape(name)}/">{html.escape(app_title(outdir / name / "index.html", name))}</a>'
        f' <code>{html.escape(name)}/</code></li>'
        for name in names
    )
    page = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Apps</title>
    <link rel="icon" href="data:,">
    <style>
      body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }}
      li {{ margin: .4rem 0; }} code {{ color: #6b7280; font-size: .85em; margin-left: .5rem; }}
    </style>
  </head>
  <body>
    <h1>Apps</h1>
    <ul id="wasmblocks-apps">
{items}
    </ul>
  </body>
</html>
"""
    target = outdir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
