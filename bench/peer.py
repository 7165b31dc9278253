"""The peer: the same apps on a real Gradio server (bench/gradio_peer.py), run from build/bench-venv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from common import BENCH_DIR, HELLO_SELECTOR, VENV, WORK, ScenarioError, free_port
from wasmblocks_build.common import log


def ensure_gradio_venv(given: Path | None = None) -> tuple[Path | None, str]:
    """(python of build/bench-venv with Gradio, version) or (None, reason). Installs once, then reuses it.

    given: a Python that already has Gradio (--gradio-python); used as it is, never installed into.
    """
    if given is not None:
        proc = subprocess.run([str(given), "-c", "import gradio; print(gradio.__version__)"], capture_output=True, text=True)
        if proc.returncode != 0:
            return None, f"{given} cannot import gradio"
        return given, proc.stdout.strip()
    py = VENV / "bin" / "python"
    check = [str(py), "-c", "import gradio; print(gradio.__version__)"]
    if py.exists():
        proc = subprocess.run(check, capture_output=True, text=True)
        if proc.returncode == 0:
            return py, proc.stdout.strip()
    log("creating build/bench-venv and installing Gradio for the peer (once; this takes a while) …")
    try:
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, text=True)
        proc = subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "gradio"],
            capture_output=True, text=True, timeout=1800,
        )
    except subprocess.TimeoutExpired:
        return None, "pip install gradio timed out after 30 min"
    except (OSError, subprocess.CalledProcessError) as exc:
        return None, f"cannot create the virtual environment: {exc}"
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
        return None, f"pip install gradio failed: {tail[0][:200]}"
    proc = subprocess.run(check, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, "gradio installed but does not import"
    return py, proc.stdout.strip()


class GradioServer:
    """bench/gradio_peer.py APP on 127.0.0.1:<free port>, in the bench venv."""

    def __init__(self, venv_python: Path, app: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "NO_PROXY": "127.0.0.1,localhost"}
        self.log_path = WORK / f"gradio-{app.stem}.log"
        self.log_file = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [str(venv_python), str(BENCH_DIR / "gradio_peer.py"), str(app), str(self.port)],
            stdout=self.log_file, stderr=subprocess.STDOUT, env=env, cwd=str(WORK),
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ScenarioError(f"the Gradio server exited ({self.proc.returncode}); see {self.log_path}")
            if "READY" in self.log_path.read_text(errors="replace"):
                return
            time.sleep(0.2)
        self.close()
        raise ScenarioError(f"the Gradio server did not start within 180 s; see {self.log_path}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log_file.close()


# Records when the hello textbox (HELLO_SELECTOR) first appears, for the peer's first render.
FIRST_RENDER_SCRIPT = """
(() => {
  const sel = %s;
  const check = () => {
    if (window.__firstRender === undefined && document.querySelector(sel)) {
      window.__firstRender = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})();
""" % json.dumps(HELLO_SELECTOR)
