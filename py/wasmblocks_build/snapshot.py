"""Pyodide memory snapshots: an interpreter with wasmblocks (and an app's stdlib imports) already imported.

At build time Node runs the vendored Pyodide with `_makeSnapshot: true`, unpacks the wasmblocks wheel into
site-packages, imports every wasmblocks module (plus the stdlib modules the app imports, where that is safe)
and writes `pyodide.makeMemorySnapshot()`. The site ships it xz-compressed as `snapshot/<key>.bin.xz`; the
worker decodes it as it streams in (xz-decompress, a small wasm build of xz-embedded) into
`loadPyodide({_loadSnapshot})`, which skips Python's start-up and every import done here. runtime.json
names the file:

    "snapshot": {"url": "snapshot/<key>.bin.xz", "encoding": "xz", "size": <raw bytes>,
                 "segments": [[offset, length], …], "compressed_size": <bytes>, "pyodide": "314.0.7",
                 "modules": <count>}

The file is not the whole snapshot: it is the runs of 4 KB pages that are not all zeros (about half of the
memory is free heap), one after the other, compressed; "segments" says where each run goes in the
`size`-byte snapshot, and everything between them is zero. xz (LZMA2, Python's lzma at preset 6) makes
these 15 MB about a third smaller than gzip -9 does (4.2 MB against 6.2 MB), which is what a visitor on a
slow link waits for; gzip ("encoding": "gzip", what DecompressionStream reads natively) is still read.

A snapshot holds only the wasm memory: the file system (site-packages, the app) is rebuilt by the worker
after the restore, and no JS object may be referenced from Python at snapshot time (the page's `send`
callback is handed to Python after the restore). Node runs with stack switching (JSPI) on, because CPython
records at start-up whether it has it (see web/src/worker/boot.ts for the trampoline the worker restores).
See docs/performance.md. Snapshots are cached in build/cache/snapshots/ under a
key made of everything that goes into them, so a rebuild with unchanged inputs takes no time.
"""

from __future__ import annotations

import ast
import hashlib
import json
import lzma
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .common import CACHE_DIR, PREBUILT_DIR, fail, log

SNAPSHOT_DIR_NAME = "snapshot"
SNAPSHOT_CACHE = CACHE_DIR / "snapshots"
# An installed wasmblocks-runtime ships the base snapshot in the cache's layout (read-only).
PREBUILT_SNAPSHOTS = PREBUILT_DIR / "snapshots"
# Bump when the prepared interpreter changes in a way the inputs below don't show.
FORMAT = 6
NODE_TIMEOUT_S = 240
CACHE_LIMIT = 12
SUFFIX = ".bin.xz"
XZ_PRESET = 6  # preset 9 gains 0.3 % for twice the time

# Standard-library modules never imported into a snapshot: they touch the browser or the terminal, start
# things, print on import, or are unvendored in Pyodide (those would fail anyway, and are skipped).
UNSAFE_MODULES = {
    "__main__", "antigravity", "this", "site", "sitecustomize", "usercustomize", "webbrowser", "turtle",
    "turtledemo", "tkinter", "idlelib", "ensurepip", "venv", "pydoc", "pydoc_data", "readline", "curses",
    "multiprocessing", "concurrent", "subprocess", "pty", "tty", "termios", "getpass", "sqlite3", "ssl",
    "lzma", "_lzma", "ctypes", "test", "unittest", "doctest", "pdb", "bdb", "code", "codeop", "cProfile",
    "profile", "trace", "tracemalloc", "faulthandler", "signal", "socket", "socketserver", "http", "urllib",
    "xmlrpc", "ftplib", "poplib", "imaplib", "smtplib", "telnetlib", "nntplib", "mailbox", "wsgiref",
    "zipimport", "pkgutil", "importlib", "runpy", "gc", "atexit", "threading", "_thread", "sched",
    "selectors", "select", "mmap", "resource", "syslog", "grp", "pwd", "crypt", "spwd", "nis", "msvcrt",
    "winreg", "winsound", "_winapi", "nt", "posix", "os", "sys", "builtins",
}

# Python run by Node inside Pyodide before the snapshot is taken. EXTRA is the list of app imports.
PREPARE_PY = r"""
def _wasmblocks_prepare(extra):
    import gc, importlib, json, pkgutil, sys
    import itertools
    import wasmblocks
    from wasmblocks import context
    first_id = next(context._ids)
    failed = []
    for info in pkgutil.walk_packages(wasmblocks.__path__, "wasmblocks."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # a module that needs the browser: imported after the restore instead
            failed.append(f"{info.name}: {exc!r}")
    # A module that builds an app when imported (Gradio's `from gradio.themes.builder_app import demo`) used up
    # block ids: the app's blocks must get the ids of the tree export drew at build time, or the page swaps
    # trees instead of adopting the worker's.
    context._ids = itertools.count(first_id)
    ok = []
    for name in extra:
        try:
            importlib.import_module(name)
            ok.append(name)
        except BaseException as exc:
            failed.append(f"{name}: {exc!r}")
    # No traceback, frame or JS object may outlive this function into the snapshot.
    sys.last_exc = sys.last_value = sys.last_type = sys.last_traceback = None
    gc.collect()
    return json.dumps({"modules": sorted(sys.modules), "extra": ok, "failed": failed})
"""

NODE_SCRIPT = r"""
import fs from "node:fs";
import { pathToFileURL } from "node:url";
const [indexDir, wheelPath, extraJson, outPath, metaPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(indexDir + "/pyodide.mjs").href);
const t0 = performance.now();
if (!("Suspending" in WebAssembly) && !("Suspender" in WebAssembly)) {
  // Python records at start-up whether the runtime can stack switch; a snapshot made without JSPI would
  // turn time.sleep into a blocking sleep and break run_sync in every browser that restores it.
  console.error("NO_JSPI: this Node has no WebAssembly stack switching (JSPI)");
  process.exit(3);
}
const py = await loadPyodide({
  indexURL: indexDir + "/", _makeSnapshot: true, packages: [],
  stdout: (s) => process.stderr.write(s + "\n"), stderr: (s) => process.stderr.write(s + "\n"),
});
py.unpackArchive(new Uint8Array(fs.readFileSync(wheelPath)), "wheel");
if (!py.runPython("from pyodide.ffi import can_run_sync; can_run_sync()") && !py._module.jspiSupported) {
  console.error("NO_JSPI: Pyodide did not enable stack switching");
  process.exit(3);
}
py.runPython(process.env.WASMBLOCKS_PREPARE_PY);
// A JSON list of strings is also a Python literal.
const result = JSON.parse(py.runPython(`_wasmblocks_prepare(${extraJson})`));
py.runPython("del _wasmblocks_prepare");
const raw = Buffer.from(py.makeMemorySnapshot().buffer);
// About half of the memory is free heap: whole pages of zeros. Only the runs of pages that are not all zero
// are shipped (the worker's buffer starts zeroed), which halves the gunzip in the browser.
const PAGE = 4096, zero = Buffer.alloc(PAGE), segments = [];
for (let at = 0; at < raw.length; at += PAGE) {
  const end = Math.min(at + PAGE, raw.length);
  if (raw.subarray(at, end).equals(zero.subarray(0, end - at))) continue;
  const last = segments[segments.length - 1];
  if (last && last[0] + last[1] === at) last[1] += end - at;
  else segments.push([at, end - at]);
}
// The runs one after the other, uncompressed: the build compresses them (snapshot.py).
fs.writeFileSync(outPath, Buffer.concat(segments.map(([at, n]) => raw.subarray(at, at + n))));
fs.writeFileSync(metaPath, JSON.stringify({
  size: raw.length, segments, pyodide: py.version, modules: result.modules.length,
  names: result.modules, extra: result.extra, failed: result.failed, seconds: (performance.now() - t0) / 1000,
}));
process.exit(0);
"""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise fail("node is not installed; it is needed to build the Pyodide memory snapshot (or pass --no-snapshot)")
    return node


# V8 flags that turn on WebAssembly stack switching (JSPI) in Node: the old API (Node 20-22), the new one
# (Node 22-24); newer Node has it on by default. The first that works is used.
JSPI_FLAGS: tuple[list[str], ...] = ([], ["--experimental-wasm-stack-switching"], ["--experimental-wasm-jspi"])
_JSPI_PROBE = "process.exit(('Suspending' in WebAssembly) || ('Suspender' in WebAssembly) ? 0 : 1)"
_jspi_flags: list[str] | None = None


def node_jspi_flags(node: str) -> list[str]:
    """Flags that give this Node JSPI, which the snapshot must be made with (see NODE_SCRIPT)."""
    global _jspi_flags
    if _jspi_flags is None:
        for flags in JSPI_FLAGS:
            proc = subprocess.run([node, *flags, "-e", _JSPI_PROBE], capture_output=True)
            if proc.returncode == 0:
                _jspi_flags = list(flags)
                break
        else:
            raise fail(
                f"{node} has no WebAssembly stack switching (JSPI) under any known flag; a snapshot made without "
                "it would make time.sleep block the worker. Use Node 20 or newer, or pass --no-snapshot."
            )
    return _jspi_flags


def snapshot_key(pyodide_dir: Path, wheel: Path, extra: list[str]) -> str:
    """Hash of everything a snapshot depends on: Pyodide's JS + wasm, the wheel, the imports, this file."""
    h = hashlib.sha256()
    h.update(f"format {FORMAT}\n".encode())
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        h.update(_file_digest(pyodide_dir / name).encode())
    h.update(_file_digest(wheel).encode())
    h.update(json.dumps(sorted(extra)).encode())
    h.update(_sha256(Path(__file__).read_bytes()).encode())
    return h.hexdigest()[:20]


_DIGESTS: dict[tuple[str, float, int], str] = {}


def _file_digest(path: Path) -> str:
    """sha256 of a file, memoised per (path, mtime, size): the wasm is 9 MB and every export asks."""
    st = path.stat()
    key = (str(path), st.st_mtime, st.st_size)
    if key not in _DIGESTS:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        _DIGESTS[key] = h.hexdigest()
    return _DIGESTS[key]


def make_snapshot(pyodide_dir: Path, wheel: Path, extra: list[str] | None = None) -> tuple[Path, dict]:
    """Return (compressed snapshot, its metadata) from the cache, building it with Node when missing."""
    extra = sorted(set(extra or []))
    key = snapshot_key(pyodide_dir, wheel, extra)
    found = cached_snapshot(key)
    if found:
        return found
    out = SNAPSHOT_CACHE / f"{key}{SUFFIX}"
    meta_path = SNAPSHOT_CACHE / f"{key}.json"
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    script = CACHE_DIR / "make-snapshot.mjs"
    script.write_text(NODE_SCRIPT, encoding="utf-8")
    what = "wasmblocks" + (f" + {', '.join(extra)}" if extra else "")
    log(f"making the Pyodide memory snapshot ({what}) …")
    # Per-process temporary names: two builds (a test run and `serve`) may make the same snapshot at once.
    tmp_raw = out.with_name(f"{key}.{os.getpid()}.raw.tmp")
    tmp_out = out.with_name(f"{key}.{os.getpid()}.xz.tmp")
    tmp_meta = meta_path.with_name(f"{key}.{os.getpid()}.json.tmp")
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [
                _node(),
                *node_jspi_flags(_node()),
                str(script),
                str(pyodide_dir.resolve()),
                str(wheel.resolve()),
                json.dumps(extra),
                str(tmp_raw),
                str(tmp_meta),
            ],
            env={"PATH": _env_path(), "WASMBLOCKS_PREPARE_PY": PREPARE_PY, "NODE_OPTIONS": "--max-old-space-size=4096"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=NODE_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        raise fail(f"making the memory snapshot took over {NODE_TIMEOUT_S} s; pass --no-snapshot to skip it") from None
    if proc.returncode != 0 or not tmp_raw.is_file():
        raise fail(f"making the memory snapshot failed (exit {proc.returncode}):\n{proc.stdout[-4000:]}")
    meta = json.loads(tmp_meta.read_text(encoding="utf-8"))
    # CRC32 (xz's default is CRC64): xz-embedded in the browser checks it without the optional CRC64 code.
    tmp_out.write_bytes(lzma.compress(tmp_raw.read_bytes(), preset=XZ_PRESET, check=lzma.CHECK_CRC32))
    tmp_raw.unlink()
    meta.update(encoding="xz", compressed_size=tmp_out.stat().st_size)
    tmp_meta.write_text(json.dumps(meta), encoding="utf-8")
    if meta["failed"]:
        log(f"snapshot: not preloaded (imported at run time instead): {'; '.join(meta['failed'])}")
    tmp_out.replace(out)
    tmp_meta.replace(meta_path)  # last: the meta file is what marks a cache entry as complete
    _prune_cache(keep={out.name, meta_path.name})
    log(f"snapshot {out.name}: {meta['size'] / 1e6:.1f} MB, {meta['compressed_size'] / 1e6:.1f} MB as xz, "
        f"{time.monotonic() - started:.1f} s")
    return out, meta


def cached_snapshot(key: str) -> tuple[Path, dict] | None:
    """(snapshot, metadata) under this key in the build cache or the installed wheel's prebuilt ones."""
    for folder in (SNAPSHOT_CACHE, PREBUILT_SNAPSHOTS):
        out, meta_path = folder / f"{key}{SUFFIX}", folder / f"{key}.json"
        if out.is_file() and meta_path.is_file():
            if folder == SNAPSHOT_CACHE:
                out.touch()  # recently used: pruning keeps it
            return out, json.loads(meta_path.read_text(encoding="utf-8"))
    return None


def _env_path() -> str:
    return os.environ.get("PATH", "/usr/bin:/bin")


def _prune_cache(keep: set[str], limit: int = CACHE_LIMIT) -> None:
    """Keep the newest `limit` cached snapshots (4 MB each); every source edit makes a new one."""
    entries = sorted(SNAPSHOT_CACHE.glob("*.bin.*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[limit:]:
        if old.name in keep:
            continue
        key = old.name.split(".", 1)[0]
        for path in (old, SNAPSHOT_CACHE / f"{key}.json"):
            path.unlink(missing_ok=True)
    cutoff = time.time() - 3600
    for tmp in SNAPSHOT_CACHE.glob("*.tmp"):  # left by a build that was killed
        if tmp.stat().st_mtime < cutoff:
            tmp.unlink(missing_ok=True)


def app_stdlib_imports(files: list[Path]) -> list[str]:
    """Top-level stdlib modules the app's .py files import, minus the unsafe ones (see UNSAFE_MODULES)."""
    stdlib = set(sys.stdlib_module_names)
    found: set[str] = set()
    for path in files:
        if path.suffix != ".py":
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # the app's own error shows in the page, not at build time
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in stdlib and top not in UNSAFE_MODULES and not top.startswith("_"):
                    found.add(name)
    return sorted(found)


def app_snapshot(pyodide_dir: Path, wheel: Path, app_files: list[Path]) -> tuple[Path, dict]:
    """The snapshot for an app: the base one, or one that also preloads the app's stdlib imports."""
    base, meta = make_snapshot(pyodide_dir, wheel)
    preloaded = set(meta.get("names", []))
    extra = [name for name in app_stdlib_imports(app_files) if name not in preloaded]
    if not extra:
        return base, meta
    if shutil.which("node") is None and cached_snapshot(snapshot_key(pyodide_dir, wheel, extra)) is None:
        # An installed wasmblocks without Node: the prebuilt snapshot still skips Python's start-up and
        # wasmblocks' imports; the app's own imports then run in the browser.
        log(f"node not found: the snapshot preloads wasmblocks but not {', '.join(extra)} "
            "(install Node.js 20+ to preload the app's imports too)")
        return base, meta
    return make_snapshot(pyodide_dir, wheel, extra)


def install_snapshot(site_dir: Path, snapshot: Path, meta: dict, *, alone: bool = True) -> dict:
    """Put the snapshot into site_dir/snapshot/ and return runtime.json's "snapshot" entry.

    alone=True removes the other snapshots there; a site of several apps keeps each app's (their names are
    content hashes, so apps with the same imports share one file)."""
    dest_dir = site_dir / SNAPSHOT_DIR_NAME
    target = dest_dir / snapshot.name
    dest_dir.mkdir(parents=True, exist_ok=True)
    for old in dest_dir.iterdir():
        if alone and old.name != snapshot.name:
            old.unlink()
    if not target.exists() or target.stat().st_size != snapshot.stat().st_size:
        shutil.copyfile(snapshot, target)
    return {
        "url": f"{SNAPSHOT_DIR_NAME}/{snapshot.name}",
        "size": meta["size"],
        "segments": meta["segments"],
        "encoding": meta["encoding"],
        "compressed_size": meta["compressed_size"],
        "pyodide": meta["pyodide"],
        "modules": meta["modules"],
    }


PRELOAD_MARKER = "<!-- wasmblocks:snapshot-preload -->"


def preload_snapshot(index_html: Path, entry: dict | None) -> None:
    """Fill index.html's snapshot preload hint (its file name changes with every snapshot), or drop it."""
    if not index_html.is_file():
        return
    page = index_html.read_text(encoding="utf-8")
    if PRELOAD_MARKER not in page:
        return
    link = f'<link rel="preload" href="{entry["url"]}" as="fetch" crossorigin>' if entry else ""
    index_html.write_text(page.replace(PRELOAD_MARKER, link), encoding="utf-8")


def remove_snapshot(site_dir: Path) -> None:
    """Drop the snapshot folder (a --no-snapshot build)."""
    shutil.rmtree(site_dir / SNAPSHOT_DIR_NAME, ignore_errors=True)
