"""`python -m wasmblocks serve|export|share APP`: the `wasmblocks` command (CPython, with wasmblocks-runtime)."""

if __name__ == "__main__":
    import sys

    # Imported only when run: the browser never runs this module, and has no wasmblocks_build.
    from wasmblocks_build.cli import main

    sys.exit(main())
