"""How far wasmblocks matches Gradio's API: the manifest, the list of known gaps, and the compatibility doc.

    python3 build.py conformance manifest --gradio-python /work/venvs/gradio631/bin/python
        reads Gradio's API (api_manifest.describe, run under that Python) into tests/data/gradio_api.json
    python3 build.py conformance status
        prints the counts and how the current gaps differ from tests/data/api_gaps.json (writes nothing)
    python3 build.py conformance update [--accept-new]
        drops closed gaps from tests/data/api_gaps.json and rewrites docs/compatibility.md; refuses to
        record new gaps (regressions) unless --accept-new

A gap is one line: "name gradio.X", "module gradio.x", "param gradio.X.p" (not accepted by name), "default
gradio.X.p" (accepted, other default), "position gradio.X.p" (Gradio takes it by position, we do not at that
place) or "listener gradio.X.e". X is a class (its constructor), a function, or Class.method; Button.click
stands for every listener's signature. tests/test_api_parity.py fails on a gap missing from the file and on
a listed gap that is closed, so the file only shrinks.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .api_facts import call_parameters, kind_of, resolve, same_default
from .common import PY_DIR, ROOT

# Apps pass the leading parameters by position (gr.Slider(0, 10, 5), btn.click(fn, inputs, outputs),
# gr.Examples(examples, inputs, outputs, fn)), never the twentieth: positions past these are not compared.
POSITIONS_CHECKED = 4
MANIFEST = ROOT / "tests" / "data" / "gradio_api.json"
GAPS = ROOT / "tests" / "data" / "api_gaps.json"
GAPS_ABOUT = ("Known differences from Gradio's API (tests/data/gradio_api.json). Remove a line when you close a gap; "
              "`python3 build.py conformance update` does it for you. See py/wasmblocks_build/conformance.py.")


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def load_gaps(path: Path = GAPS) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["gaps"]) if path.is_file() else []


def write_gaps(gaps: list[str], path: Path = GAPS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(f"  {json.dumps(g)}" for g in sorted(gaps, key=gap_sort_key))
    path.write_text(f'{{\n "about": {json.dumps(GAPS_ABOUT)},\n "gaps": [\n{body}\n ]\n}}\n', encoding="utf-8")


def gap_sort_key(gap: str) -> tuple[str, str]:
    kind, _, target = gap.partition(" ")
    return target, kind


@contextmanager
def gradio_alias() -> Iterator[None]:
    """`import gradio` resolves to wasmblocks (as in the browser runtime) for the duration of the block."""
    from wasmblocks.aliases import GradioAlias, install_gradio_alias

    before = set(sys.modules)
    had = any(isinstance(f, GradioAlias) for f in sys.meta_path)
    install_gradio_alias()
    try:
        yield
    finally:
        if not had:
            sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, GradioAlias)]
            for name in set(sys.modules) - before:
                if name == "gradio" or name.startswith("gradio."):
                    del sys.modules[name]


def find_gaps(manifest: dict[str, Any]) -> dict[str, str]:
    """Every difference between the manifest and wasmblocks seen as `gradio`: gap line -> what differs."""
    import wasmblocks

    package_dir = str(Path(wasmblocks.__file__).parent)
    gaps: dict[str, str] = {}
    with gradio_alias():
        for module in manifest["modules"]:
            found, _ = resolve(module)
            if not found:
                gaps[f"module {module}"] = "cannot be imported"
        for dotted, facts in manifest["names"].items():
            found, obj = resolve(dotted)
            if not found:
                gaps[f"name {dotted}"] = "missing"
            elif (facts["kind"] == "module") != (kind_of(obj) == "module"):
                gaps[f"name {dotted}"] = f"Gradio's is a {facts['kind']}, ours a {kind_of(obj)}"
        for section in ("classes", "functions", "methods"):
            for dotted, facts in manifest.get(section, {}).items():
                found, ours = _our_parameters(dotted, section, package_dir)
                _parameter_gaps(dotted, facts["parameters"], ours, gaps)
                if section == "classes":
                    _, obj = resolve(dotted)
                    for event in facts["listeners"]:
                        if not found or not callable(getattr(obj, event, None)):
                            gaps[f"listener {dotted}.{event}"] = "missing"
    return gaps


def _our_parameters(dotted: str, section: str, package_dir: str) -> tuple[bool, dict[str, dict[str, Any]]]:
    """(found, our parameters by name) for a class, function or "Class.method" of the manifest."""
    if section == "methods":
        owner, _, method = dotted.rpartition(".")
        found, cls = resolve(owner)
        func = inspect.getattr_static(cls, method, None) if found else None
        if func is None:
            return False, {}
        func = getattr(func, "__func__", func)
        params = call_parameters(func, package_dir, bound=True, self_cls=cls)
    else:
        found, obj = resolve(dotted)
        if not found:
            return False, {}
        params = call_parameters(obj, package_dir)
    return True, {p["name"]: p for p in params}


def _parameter_gaps(
    dotted: str, expected: list[dict[str, Any]], ours: dict[str, dict[str, Any]], gaps: dict[str, str],
) -> None:
    for param in expected:
        key = f"{dotted}.{param['name']}"
        mine = ours.get(param["name"])
        if mine is None:
            gaps[f"param {key}"] = "not accepted"
            continue
        if not same_default(param["default"], mine["default"]):
            gaps[f"default {key}"] = f"Gradio {_show(param['default'])}, ours {_show(mine['default'])}"
        if param.get("position", POSITIONS_CHECKED) < POSITIONS_CHECKED and mine.get("position") != param["position"]:
            where = "keyword-only" if "position" not in mine else f"position {mine['position']}"
            gaps[f"position {key}"] = f"Gradio position {param['position']}, ours {where}"


def _show(encoded: dict[str, Any]) -> str:
    """An encoded default (api_facts.encode_default) as a reader would write it."""
    if "value" in encoded:
        return json.dumps(encoded["value"])
    if "items" in encoded:
        return "[" + ", ".join(_show(item) for item in encoded["items"]) + "]"
    if "factory" in encoded:
        return _show(encoded["factory"])
    if "object" in encoded:
        return f"{encoded['object']}({encoded['name']!r})"
    for key, text in (("callable", "a function {}"), ("sentinel", "a {} sentinel"), ("package_file", "its file {}"),
                      ("repr", "{}")):
        if key in encoded:
            return text.format(encoded[key])
    return "required" if encoded.get("required") else "optional" if encoded.get("optional") else json.dumps(encoded)


def _listing(gaps: list[str], details: dict[str, str], limit: int = 40) -> str:
    lines = [f"  {g}  ({details.get(g, 'closed')})" for g in gaps[:limit]]
    if len(gaps) > limit:
        lines.append(f"  … and {len(gaps) - limit} more")
    return "\n".join(lines)


def counts(manifest: dict[str, Any], gaps: set[str] | dict[str, str]) -> dict[str, tuple[int, int]]:
    """(present, total) per headline figure, as issue 12 counts them plus the names it leaves out."""
    names = manifest["names"]
    top_all = [n for n, f in names.items() if f["source"] == "__all__" and n != "gradio.__version__"]
    top = [n for n, f in names.items() if f["source"] != "module"]
    sub = [n for n, f in names.items() if f["source"] == "module"]
    top_classes = {d: f for d, f in manifest["classes"].items() if names[d]["source"] == "__all__"}

    def present(items: list[str], kind: str) -> tuple[int, int]:
        return sum(f"{kind} {i}" not in gaps for i in items), len(items)

    params = [f"{d}.{p['name']}" for d, f in top_classes.items() for p in f["parameters"]]
    all_params = [f"{d}.{p['name']}" for d, f in manifest["classes"].items() for p in f["parameters"]]
    positional = [f"{d}.{p['name']}" for section in ("classes", "functions", "methods")
                  for d, f in manifest.get(section, {}).items() for p in f["parameters"]
                  if p.get("position", POSITIONS_CHECKED) < POSITIONS_CHECKED]
    listeners = [f"{d}.{e}" for d, f in top_classes.items() for e in f["listeners"]]
    accepted = sum(f"param {p}" not in gaps for p in all_params)
    functions = [f"{d}.{p['name']}" for d, f in manifest.get("functions", {}).items() for p in f["parameters"]]
    methods = [f"{d}.{p['name']}" for d, f in manifest.get("methods", {}).items() for p in f["parameters"]]
    return {
        "public names (gradio.__all__, without __version__)": present(top_all, "name"),
        "public names (with __version__, gr.Navbar, gr.Draggable, gr.api, gr.component)": present(top, "name"),
        "submodule names": present(sub, "name"),
        "constructor parameters accepted (gr.* classes in __all__)": present(params, "param"),
        "constructor parameters accepted (also gr.Navbar, gr.Draggable, themes)": present(all_params, "param"),
        "  ... of those, with Gradio's default": (
            sum(f"param {p}" not in gaps and f"default {p}" not in gaps for p in all_params), accepted),
        f"leading parameters (first {POSITIONS_CHECKED}) in Gradio's positions": present(positional, "position"),
        "event listeners (gr.* classes in __all__)": present(listeners, "listener"),
        "function parameters (gr.on, gr.render, gr.Examples, …)": present(functions, "param"),
        "method parameters (the listener signature, Blocks.launch/queue/load, …)": present(methods, "param"),
    }


def format_counts(table: dict[str, tuple[int, int]]) -> str:
    return "\n".join(f"{label}: {have:,}/{total:,}" for label, (have, total) in table.items())


def compare(manifest: dict[str, Any], listed: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """(current gaps, new gaps not in the file, listed gaps that are closed)."""
    current = find_gaps(manifest)
    listed_set = set(listed)
    new = sorted((g for g in current if g not in listed_set), key=gap_sort_key)
    closed = sorted((g for g in listed_set if g not in current), key=gap_sort_key)
    return current, new, closed


# ---- commands ----

def make_manifest(gradio_python: str, out: Path = MANIFEST) -> dict[str, Any]:
    """Run api_manifest under gradio_python and write its JSON to out (byte-identical when nothing changed)."""
    env = {**os.environ, "PYTHONPATH": str(PY_DIR), "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONHASHSEED": "0"}
    proc = subprocess.run([gradio_python, "-m", "wasmblocks_build.api_manifest"], check=False, env=env, cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"reading Gradio's API failed:\n{proc.stderr[-4000:]}")
    manifest: dict[str, Any] = json.loads(proc.stdout)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def _status(args: argparse.Namespace) -> int:
    manifest = load_manifest()
    current, new, closed = compare(manifest, load_gaps())
    print(format_counts(counts(manifest, current)))
    for title, items in (("new gaps (not in api_gaps.json)", new), ("closed gaps still listed", closed)):
        if items:
            print(f"\n{title}: {len(items)}")
            print(_listing(items, current))
    return 1 if new or closed else 0


def _update(args: argparse.Namespace) -> int:
    from .compat_doc import write_doc

    manifest = load_manifest()
    current, new, closed = compare(manifest, load_gaps())
    if new and not args.accept_new:
        print(f"{len(new)} new gap(s) (regressions) — fix them, or record them with --accept-new:")
        print(_listing(new, current))
        return 1
    write_gaps(list(current))
    print(f"{len(closed)} closed gap(s) removed, {len(new)} new gap(s) recorded; {len(current)} left")
    print(f"wrote {write_doc(manifest, current).relative_to(ROOT)}")
    return 0


def _manifest(args: argparse.Namespace) -> int:
    manifest = make_manifest(args.gradio_python)
    print(f"wrote {MANIFEST.relative_to(ROOT)} (Gradio {manifest['gradio']}, {len(manifest['names'])} names, "
          f"{len(manifest['classes'])} classes)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 build.py conformance", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("manifest", help="read Gradio's API into tests/data/gradio_api.json")
    p.add_argument("--gradio-python", required=True, help="a Python that has gradio installed")
    p.set_defaults(func=_manifest)
    p = sub.add_parser("status", help="print counts and differences from the gap file")
    p.set_defaults(func=_status)
    p = sub.add_parser("update", help="drop closed gaps and rewrite docs/compatibility.md")
    p.add_argument("--accept-new", action="store_true", help="also record new gaps (regressions) in the file")
    p.set_defaults(func=_update)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.path.insert(0, str(PY_DIR))
    sys.exit(main())
