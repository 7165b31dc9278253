"""Run an app on a real Gradio server on loopback (the benchmark's peer): `python gradio_peer.py APP PORT`.

Runs inside the virtual environment bench/run.py creates (build/bench-venv). Prints "READY <url>" once the
server answers, then serves until killed.
"""

import runpy
import sys

import gradio as gr  # noqa: F401  (fails fast if the venv has no Gradio)


def main() -> None:
    app, port = sys.argv[1], int(sys.argv[2])
    namespace = runpy.run_path(app, run_name="gradio_peer")
    demo = namespace.get("demo")
    if demo is None:
        raise SystemExit(f"{app} defines no `demo`")
    demo.queue()
    demo.launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, show_error=True,
        quiet=True, share=False, inbrowser=False, ssr_mode=False,
    )
    print(f"READY http://127.0.0.1:{port}/", flush=True)
    demo.block_thread()


if __name__ == "__main__":
    main()
