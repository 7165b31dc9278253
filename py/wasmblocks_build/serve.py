"""Development server: export an app, serve it, rebuild on source changes and live-reload the page."""

from __future__ import annotations

import threading
import time
import webbrowser
from pathlib import Path

from .common import BUILD_DIR, INSTALLED, PKG_DIR, WEB_DIR, fail, iter_files, log
from .export import export
from .httpd import StaticHandler, make_server, serve_in_thread
from .pyscript import FOLDER as PYSCRIPT_FOLDER

RELOAD_PATH = "/__wasmblocks_reload"
POLL_SECONDS = 0.5
# Reload when the generation differs from the first one this page saw; that also covers a
# restarted server, whose first generation is new.
RELOAD_SCRIPT = (
    "<script>(()=>{let first;const es=new EventSource(\"__wasmblocks_reload\");"
    "es.onmessage=(e)=>{if(first===undefined)first=e.data;else if(e.data!==first)location.reload();};})();"
    "</script>"
)


class Reloader:
    """A generation id that changes after every successful rebuild; SSE handlers wait on it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._start = f"{time.time():.3f}"
        self._count = 0

    @property
    def generation(self) -> str:
        """Current id: server start time and rebuild count."""
        return f"{self._start}-{self._count}"

    def bump(self) -> None:
        """Record a rebuild and wake every waiting reload stream."""
        with self._cond:
            self._count += 1
            self._cond.notify_all()

    def wait(self, seen: str, timeout: float) -> str:
        """Block until the generation differs from seen (or timeout); return the current one."""
        with self._cond:
            self._cond.wait_for(lambda: self.generation != seen, timeout=timeout)
            return self.generation


def make_handler(reloader: Reloader, coi: bool = False) -> type[StaticHandler]:
    """A StaticHandler class that injects the reload script into index.html and streams reload events;
    coi=True sends the cross-origin isolation headers (`serve --coi`)."""
    isolated = coi

    class ServeHandler(StaticHandler):
        no_cache = True
        coi = isolated

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            # Only failures are worth a line; a page load makes dozens of requests.
            if isinstance(code, int) and code >= 400:
                super().log_request(code, size)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            """Route the reload stream and index.html; everything else is a plain file."""
            path = self.path.split("?", 1)[0]
            if path in (RELOAD_PATH, f"/{PYSCRIPT_FOLDER}{RELOAD_PATH}"):
                self._stream_reloads()
            elif path in ("/", "/index.html", f"/{PYSCRIPT_FOLDER}/", f"/{PYSCRIPT_FOLDER}/index.html"):
                self._send_index()
            else:
                super().do_GET()

        def _send_index(self) -> None:
            """index.html (the app's, or the PyScript page's) with the live-reload script before </body>."""
            folder = PYSCRIPT_FOLDER if self.path.startswith(f"/{PYSCRIPT_FOLDER}/") else ""
            index = Path(self.directory) / folder / "index.html"
            if not index.is_file():
                self.send_error(404, "File not found")
                return
            page = index.read_text(encoding="utf-8")
            # Only the dev server's copy gets the script; exported index.html files stay clean.
            if "</body>" in page:
                page = page.replace("</body>", RELOAD_SCRIPT + "</body>", 1)
            else:
                page += RELOAD_SCRIPT
            body = page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _stream_reloads(self) -> None:
            """Server-sent events: the current generation now, then each new one."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            seen = reloader.generation
            try:
                self.wfile.write(f"data: {seen}\n\n".encode())
                self.wfile.flush()
                while True:
                    current = reloader.wait(seen, timeout=15)
                    # A comment line every 15 s notices closed tabs so their threads end.
                    message = f"data: {current}\n\n" if current != seen else ": ping\n\n"
                    seen = current
                    self.wfile.write(message.encode())
                    self.wfile.flush()
            except ConnectionError:
                return

    return ServeHandler


def _snapshot(paths: list[Path]) -> dict[Path, int]:
    """mtime of every watched file; added, removed and edited files all change the result."""
    return {f: f.stat().st_mtime_ns for p in paths for f in iter_files(p) if f.exists()}


def _watch(app: Path, outdir: Path, reloader: Reloader, snapshot: bool = True, pyscript: bool = False) -> None:
    """Poll the app, py/wasmblocks/ and web/ forever; re-export and reload the page after each change."""
    # An installed wasmblocks has no sources to edit: only the app is watched.
    watched = [app] if INSTALLED else [app, PKG_DIR, WEB_DIR]
    before = _snapshot(watched)
    while True:
        time.sleep(POLL_SECONDS)
        now = _snapshot(watched)
        if now == before:
            continue
        before = now
        log("change detected, rebuilding …")
        try:
            export(app, outdir, snapshot=snapshot, offline=False, sourcemaps=not INSTALLED, pyscript=pyscript)
        except SystemExit as exc:  # a broken edit must not stop the server; show it and wait
            print(exc, flush=True)
            continue
        reloader.bump()
        log("rebuilt; reloading the page")


def serve(
    app: str | Path, port: int = 8000, host: str = "127.0.0.1", open_browser: bool = False, snapshot: bool = True,
    coi: bool = False, pyscript: bool = False,
) -> None:
    """Export app into build/serve/<name>/ and serve it until Ctrl-C, rebuilding on changes.

    coi: send the cross-origin isolation headers; pyscript: also serve the PyScript page at /pyscript/.
    """
    app_path = Path(app).resolve()
    if not app_path.exists():
        raise fail(f"app not found: {app}")
    name = app_path.stem if app_path.is_file() else app_path.name
    outdir = BUILD_DIR / "serve" / name
    reloader = Reloader()
    # Bind first: a busy port should fail in a second, not after a full build.
    server = make_server(outdir, host, port, handler=make_handler(reloader, coi))
    try:
        export(app_path, outdir, snapshot=snapshot, offline=False, sourcemaps=not INSTALLED, pyscript=pyscript)
    except BaseException:
        server.server_close()
        raise
    url = f"http://{host}:{server.server_address[1]}/"
    print(f"wasmblocks: serving {app} at {url}", flush=True)
    if pyscript:
        print(f"wasmblocks: the PyScript page is at {url}{PYSCRIPT_FOLDER}/", flush=True)
    serve_in_thread(server)
    if open_browser:
        webbrowser.open(url)
    try:
        _watch(app_path, outdir, reloader, snapshot, pyscript)
    except KeyboardInterrupt:
        log("stopped")
    finally:
        server.shutdown()
        server.server_close()
