"""`pip install wasmblocks` without this repository: the two wheels `build.py wheel` writes, installed into a
fresh venv outside the checkout, export an app with no Node on PATH, and the site boots in Chromium.

One test on purpose: a venv, an install and an export cost seconds on a loaded machine, and each step only
means something after the one before it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from playwright.sync_api import Browser, expect

from wasmblocks_build.common import ROOT, RUNTIME_DIR
from wasmblocks_build.dist import build_dists

# The browser wheel is what micropip unpacks in the worker: the package's Python, no runtime files.
BROWSER_WHEEL_MAX_BYTES = 1_000_000


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_the_installed_package_exports_an_app_that_boots_without_node(
    tmp_path_factory, static_server, browser: Browser
) -> None:
    work = tmp_path_factory.mktemp("installed")
    assert not work.resolve().is_relative_to(ROOT)
    browser_wheel, runtime_wheel = build_dists(work / "dist")
    with zipfile.ZipFile(browser_wheel) as zf:
        names = zf.namelist()
    assert browser_wheel.stat().st_size < BROWSER_WHEEL_MAX_BYTES
    assert not [n for n in names if n.startswith(("wasmblocks_build/", "wasmblocks_testing/"))]
    assert "wasmblocks/testing.py" not in names
    with zipfile.ZipFile(runtime_wheel) as zf:
        assert "wasmblocks_build/prebuilt/runtime/runtime.json" in zf.namelist()
        snapshots = {Path(n).name for n in zf.namelist() if n.startswith("wasmblocks_build/prebuilt/snapshots/")}

    # A venv without pip of its own (Debian's python3 may lack ensurepip, and nothing may lean on pip's
    # vendored packaging); this pip installs into it, offline: the two wheels, and packaging from the
    # vendored Pyodide's own wheels.
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--disable-pip-version-check",
          "--no-index", "--find-links", str(work / "dist"), "--find-links", str(RUNTIME_DIR / "pyodide"),
          "wasmblocks"], cwd=work, env=dict(os.environ))

    # No node, no npm, no checkout: only the venv's bin/ on PATH, run from a folder outside the repository.
    env = {"PATH": str(venv / "bin"), "HOME": str(work / "home"), "WASMBLOCKS_CACHE_DIR": str(work / "cache")}
    code = ("import importlib.metadata as m, wasmblocks.testing, wasmblocks_build; print(wasmblocks_build.__file__); "
            "print([e.value for e in m.entry_points(group='pytest11') if e.name == 'wasmblocks'])")
    where, plugin = _run([str(python), "-c", code], work, env).split()
    assert Path(where).is_relative_to(venv)
    assert plugin == "['wasmblocks_testing.plugin']"  # pytest finds the kit once pytest is installed too
    usage = _run([str(venv / "bin" / "wasmblocks"), "--help"], work, env)
    assert all(command in usage for command in ("serve", "export", "share")) and " test " not in usage
    site = static_server.root / "sites" / "installed-hello"
    _run([str(python), "-m", "wasmblocks", "export", str(ROOT / "examples" / "hello.py"), str(site)], work, env)
    # The site ships the browser package only (its .tar.gz, which the worker unpacks; the wheel only with
    # --pyscript), and the prebuilt base snapshot.
    shipped = sorted(p.name for p in (site / "wheels").iterdir())
    assert shipped == [f"wasmblocks-{browser_wheel.name.split('-')[1]}.tar.gz"]
    snapshot = [p.name for p in (site / "snapshot").iterdir()]
    assert len(snapshot) == 1 and snapshot[0] in snapshots, (snapshot, snapshots)

    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{static_server.url}sites/installed-hello/")
        page.wait_for_selector('#wasmblocks-app[data-state="ready"], #wasmblocks-app[data-state="error"]',
                               timeout=60_000)
        assert page.locator("#wasmblocks-app").get_attribute("data-state") == "ready", page.inner_text("body")
        page.get_by_label("Name").fill("Ada")
        expect(page.get_by_label("Greeting")).to_have_value("Welcome to Gradio, Ada!")
        assert not errors
        # The worker restored the prebuilt snapshot, and asked for nothing of the runtime wheel.
        assert any(u.endswith(f"snapshot/{snapshot[0]}") for u in requests), requests
        assert not [u for u in requests if "wasmblocks_runtime" in u or "prebuilt" in u]
    finally:
        context.close()
