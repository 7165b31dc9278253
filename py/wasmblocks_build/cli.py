"""Command line of the build (`python3 build.py …` and the `wasmblocks` console script)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

from .common import INSTALLED, ROOT, log, python, run


def _site(args: argparse.Namespace) -> None:
    from .site import build_runtime

    out = build_runtime(force=args.force, snapshot=not args.no_snapshot)
    log(f"runtime ready in {out.relative_to(ROOT)}/")


def _wheel(args: argparse.Namespace) -> None:
    from .dist import build_dists

    for wheel in build_dists(force=args.force):
        log(f"wheel: {wheel.relative_to(ROOT)} ({wheel.stat().st_size / 1e6:.1f} MB)")


def _bundle(args: argparse.Namespace) -> None:
    from .bundle import bundle
    from .npm import ensure_node_modules

    ensure_node_modules()
    bundle(force=args.force)
    log("bundles written to build/runtime/assets/")


def _vendor(args: argparse.Namespace) -> None:
    from .npm import ensure_node_modules
    from .vendor import vendor

    ensure_node_modules()
    log(f"Pyodide vendored in {vendor(force=args.force).relative_to(ROOT)}/")


def _serve(args: argparse.Namespace) -> None:
    from .serve import serve

    serve(args.app, port=args.port, host=args.host, open_browser=args.open, snapshot=not args.no_snapshot,
          coi=args.coi, pyscript=args.pyscript)


def _export(args: argparse.Namespace) -> None:
    from .export import export
    from .many_apps import export_apps, is_folder_of_apps

    options: dict[str, Any] = {
        "snapshot": not args.no_snapshot, "vendor": args.vendor, "index_url": args.index_url,
        "share_readable_paths": args.share_readable, "sourcemaps": args.sourcemaps, "pyscript": args.pyscript,
        "draw_early": not args.no_draw_early,
    }
    if len(args.app) > 1 or is_folder_of_apps(args.app[0]):
        out = export_apps(args.app, args.outdir, **options)
    else:
        out = export(args.app[0], args.outdir, **options)
    log(f"site written to {out}")


def _share(args: argparse.Namespace) -> None:
    from .share import share_link

    print(share_link(args.app, args.base_url))


def _test(args: argparse.Namespace) -> int:
    from .bundle import typecheck
    from .chromium import ensure_chromium
    from .lint import lint, missing_requirements
    from .npm import ensure_node_modules
    from .site import build_runtime
    from .webtest import is_web_test, web_tests

    # The test dependencies first: mypy reads Playwright's types in py/wasmblocks_testing/, so linting
    # before they are installed would check a different program on a fresh machine than on a used one.
    missing = missing_requirements("test")
    if missing:
        log(f"installing test dependencies ({', '.join(missing)}) …")
        run([python(), "-m", "pip", "install", "-q", "--disable-pip-version-check", *missing],
            what="pip install " + " ".join(missing))
    status = lint()
    if status != 0:
        return status
    # Test files or folders given: only those (`build.py test tests/test_queue.py`, `tests/web/store.test.ts`);
    # else the whole suite. The TypeScript tests (tests/web, node --test, a few seconds) run before the
    # runtime build and pytest; a failure stops there.
    chosen = [a for a in args.pytest_args if not a.startswith("-") and (ROOT / a.split("::")[0]).exists()]
    web = [a for a in chosen if is_web_test(a)]
    if web or not chosen:
        ensure_node_modules()
        typecheck()  # web/src and tests/web
        status = web_tests(web)
        if status != 0:
            log(f"the TypeScript tests failed (exit {status}); fix them before the Python tests run")
            return status
    if chosen and len(web) == len(chosen):
        return 0
    ensure_chromium()
    build_runtime()
    log("running tests …")
    # A child process, so pytest imports freshly installed packages and owns its exit status.
    # The whole suite: tests/ and the sample app's own tests (docs/testing.md), which use the testing kit.
    where = [] if chosen else ["tests", "examples/testing"]
    pytest_args = [a for a in args.pytest_args if a not in web]
    return subprocess.run([python(), "-m", "pytest", "-q", *_testing_plugin(), *where, *pytest_args],
                          cwd=ROOT).returncode


def _testing_plugin() -> list[str]:
    """`-p wasmblocks_testing.plugin` unless an installed wasmblocks already registers it (pytest11): the
    sample app's tests under examples/ get the fixture from the source tree, as tests/conftest.py does."""
    import importlib.metadata

    installed = any(ep.name == "wasmblocks" for ep in importlib.metadata.entry_points(group="pytest11"))
    return [] if installed else ["-p", "wasmblocks_testing.plugin"]


def _snapshot_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-snapshot", action="store_true",
        help="ship no Pyodide memory snapshot (slower start; no Node run at build time)",
    )


def _pyscript_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pyscript", action="store_true",
        help="also write pyscript/: PyScript, mini-coi and a page running wasmblocks in PyScript (docs/pyscript.md)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The one argparse definition for every subcommand."""
    # Installed from the wheels there is nothing to build: the command line is serve, export and share.
    parser = argparse.ArgumentParser(
        prog="wasmblocks" if INSTALLED else "build.py",
        description="Serve, export and share wasmblocks apps." if INSTALLED
        else "Build, serve, export and test wasmblocks.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for name, func, help_text in [] if INSTALLED else [
        ("site", _site, "build the app-independent runtime into build/runtime/"),
        ("wheel", _wheel, "build the runtime and the wheels pip installs (wasmblocks, wasmblocks-runtime) in dist/"),
        ("bundle", _bundle, "build only the JS/CSS bundles"),
        ("vendor", _vendor, "vendor only Pyodide (+ micropip/packaging)"),
    ]:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--force", action="store_true", help="rebuild even when outputs look up to date")
        if name == "site":
            _snapshot_option(p)
        p.set_defaults(func=func)

    p = sub.add_parser("serve", help="serve an app with rebuild + live reload")
    p.add_argument("app", type=Path, help="an app .py file or a directory with app.py")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--open", action="store_true", help="open the page in a web browser")
    p.add_argument("--coi", action="store_true",
                   help="send the cross-origin isolation headers (COOP/COEP) that PyScript's workers need")
    _pyscript_option(p)
    _snapshot_option(p)
    p.set_defaults(func=_serve)

    p = sub.add_parser("export", help="export an app (or several, sharing one runtime) as a static site")
    p.add_argument("app", type=Path, nargs="+",
                   help="an app .py file or a directory with app.py; several (or a folder of apps): one site "
                        "with a folder per app, an index page and one runtime for all")
    p.add_argument("outdir", type=Path)
    _snapshot_option(p)
    p.add_argument("--vendor", action="store_true",
                   help="download every needed wheel into OUTDIR, so the site needs no third-party host")
    p.add_argument("--index-url", metavar="URL",
                   help="base URL of the Pyodide package index (default: the jsDelivr CDN of the pinned Pyodide)")
    p.add_argument("--share-readable", action="append", default=[], metavar="PATH",
                   help="a file or folder/ of the site that code from share links may read besides the runtime "
                        "(repeatable; docs/security.md)")
    p.add_argument("--sourcemaps", action="store_true", help="also ship the JavaScript source maps (for devtools)")
    p.add_argument("--no-draw-early", action="store_true",
                   help="do not run the app under CPython for the tree the page draws while Python starts")
    _pyscript_option(p)
    p.set_defaults(func=_export)

    p = sub.add_parser("share", help="print a link that opens an app in the player of a published site")
    p.add_argument("app", type=Path, help="an app .py file or a directory with app.py (text files only)")
    p.add_argument("--base-url", required=True, metavar="URL",
                   help="where the site is published, e.g. https://user.github.io/repo/")
    p.set_defaults(func=_share)

    # Listed for --help only: main() hands `conformance …` to wasmblocks_build.conformance before parsing.
    if not INSTALLED:
        sub.add_parser("conformance", help="Gradio API manifest, gap list, docs/compatibility.md (conformance --help)")

        p = sub.add_parser("test", help="lint (ruff, mypy), install test deps and Chromium if needed, build, "
                                        "run the TypeScript tests (node --test), then pytest")
        p.add_argument("pytest_args", nargs="*", help="passed on to pytest (options like -k too)")
        p.set_defaults(func=_test)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse argv and run the subcommand; returns the process exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["conformance"]:  # API manifest, gap list and docs/compatibility.md: its own argparse
        from .conformance import main as conformance_main

        return conformance_main(argv[1:])
    passthrough: list[str] = []
    # Everything after `test` belongs to pytest verbatim (-k, -x, …), so argparse never sees it.
    if argv and argv[0] == "test" and not INSTALLED:
        argv, passthrough = argv[:1], argv[1:]
        if passthrough[:1] == ["--"]:
            passthrough = passthrough[1:]
    args = build_parser().parse_args(argv)
    if args.command == "test":
        args.pytest_args = passthrough
    status = args.func(args)
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
