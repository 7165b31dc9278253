"""Code from a share link reads only the runtime's files (and what the host opted into), in no encoding
anything outside the site, and never with the host page's cookies.

The site is served by Python's stock `http.server` handler on purpose: like many static hosts, it decodes
`%2F` before resolving the path, so the sandbox host's own checks are what stands between shared code and
the files next to the site. One export, one player boot.
"""

from __future__ import annotations

import http.client
import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import expect

from traversal import TRAVERSALS
from wasmblocks_build.httpd import StaticHandler
from wasmblocks_build.share import encode_payload

SECRET = "TOPSECRET-7f3c"

# TRAVERSALS are relative to the site's folder (…/www/site/); secret.txt lies in …/www/ and at the root.
# Inside the site's folder, but not the runtime and not opted into.
NOT_OPTED_IN = ["private.txt", "app/app.py", "app/manifest.json", "index.html", ".nojekyll", "sw.js"]
# The runtime and the host's opt-ins.
SERVED = ["runtime.json", "pyodide/pyodide-lock.json", "notes.txt", "shared-data/table.csv"]
ELSEWHERE = ["other origin (localhost)", "protocol-relative //host", "credentials in the URL", "direct XHR"]

PROBE = '''import json
import gradio as gr
import js

SITE = {site!r}
ORIGIN = {origin!r}
PATHS = {paths!r}
ABSOLUTE = {absolute!r}


async def probe():
    found = {{}}
    for name, url in [*((p, SITE + p) for p in PATHS), *ABSOLUTE.items()]:
        try:
            response = await js.fetch(url)
            body = await response.text()
            found[name] = f"{{response.status}}:{{'SECRET' if {secret!r} in body else 'other'}}"
        except Exception as exc:
            found[name] = "refused:" + type(exc).__name__
    # Without the file port: the sandbox's opaque origin reads nothing of the site's origin directly.
    try:
        xhr = js.XMLHttpRequest.new()
        xhr.open("GET", ORIGIN + "/www/secret.txt", False)
        xhr.send()
        found["direct XHR"] = f"{{xhr.status}}:{{'SECRET' if {secret!r} in xhr.responseText else 'other'}}"
    except Exception as exc:
        found["direct XHR"] = "refused:" + type(exc).__name__
    return json.dumps(found)


with gr.Blocks() as demo:
    result = gr.Textbox(label="Result")
    demo.load(probe, None, result)
'''


class NaiveHandler(SimpleHTTPRequestHandler):
    """Python's stock static handler (it decodes %2F before resolving), logging each request's cookies."""

    extensions_map = StaticHandler.extensions_map
    seen: ClassVar[list[tuple[str, str | None]]] = []  # (path, Cookie header) of every GET

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Cookie")))
        super().do_GET()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="module")
def naive_site(tmp_path_factory, export_app):
    root = tmp_path_factory.mktemp("naive")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    (root / "www").mkdir()
    (root / "www" / "secret.txt").write_text(SECRET, encoding="utf-8")
    app = root / "hostapp.py"
    app.write_text(f"import gradio as gr\n# {SECRET}\nwith gr.Blocks() as demo:\n    gr.Markdown('host')\n")
    site = export_app(app, root / "www" / "site", share_readable_paths=["shared-data/", "notes.txt"])
    (site / "private.txt").write_text(SECRET, encoding="utf-8")
    (site / "notes.txt").write_text("notes for shared apps", encoding="utf-8")
    (site / "shared-data").mkdir()
    (site / "shared-data" / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(NaiveHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    yield origin, f"{origin}/www/site/", site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def probed(app_opener, naive_site):
    origin, site, _ = naive_site
    port = origin.rsplit(":", 1)[1]
    absolute = {
        "other origin (localhost)": f"http://localhost:{port}/www/secret.txt",
        "protocol-relative //host": f"//localhost:{port}/www/secret.txt",
        "credentials in the URL": f"http://user:pw@127.0.0.1:{port}/www/site/runtime.json",
    }
    paths = [*TRAVERSALS, *NOT_OPTED_IN, *SERVED]
    code = PROBE.format(site=site, origin=origin, paths=paths, absolute=absolute, secret=SECRET)
    NaiveHandler.seen.clear()
    page = app_opener(f"{site}player.html#code={encode_payload({'app.py': code}, 'app.py')}", wait_for=None,
                      service_workers="block")
    try:
        page.context.add_cookies([{"name": "hostsession", "value": "s3cr3t", "url": origin}])
        page.reload()
        expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "ready", timeout=60_000)
        box = page.frame_locator("iframe.wb-sandbox-frame").get_by_label("Result")
        expect(box).not_to_have_value("", timeout=30_000)
        yield json.loads(box.input_value())
    finally:
        page.context.close()


def test_the_server_itself_would_serve_the_secret(naive_site):
    """The server here is naive on purpose: the refusals below come from the sandbox host, not from it."""
    origin = naive_site[0]
    connection = http.client.HTTPConnection(origin.removeprefix("http://"))
    connection.request("GET", "/www/site/..%2fsecret.txt")
    assert connection.getresponse().read().decode() == SECRET
    connection.close()


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_encoding_of_a_path_leaves_the_site(probed, path):
    assert probed[path].startswith(("403:", "refused:")), probed[path]
    assert "SECRET" not in probed[path]


@pytest.mark.parametrize("name", ELSEWHERE)
def test_other_origins_and_direct_requests_read_nothing(probed, name):
    assert "SECRET" not in probed[name] and not probed[name].startswith("200:"), probed[name]


@pytest.mark.parametrize("path", NOT_OPTED_IN)
def test_site_files_the_host_did_not_opt_into_are_refused(probed, path):
    assert probed[path] == "403:other", probed[path]


def test_runtime_and_opted_in_files_are_served(probed):
    for path in SERVED:
        assert probed[path] == "200:other", (path, probed[path])


def test_files_for_shared_code_are_fetched_without_the_host_cookies(probed, naive_site):
    runtime = [(path, cookie) for path, cookie in NaiveHandler.seen
               if "/www/site/pyodide/" in path or path.endswith("/notes.txt")]
    assert runtime, NaiveHandler.seen
    assert all(cookie is None for _, cookie in runtime), runtime
    # The host page's own requests do carry it (the cookie was set, so its absence above means something).
    assert any(cookie and "hostsession" in cookie for path, cookie in NaiveHandler.seen if path.endswith("player.html"))


def test_refused_paths_never_reach_the_server(probed):
    """Refusals happen before any fetch: the server never sees an encoded separator or a dot segment."""
    paths = [path for path, _ in NaiveHandler.seen]
    assert not [p for p in paths if any(bad in p.lower() for bad in ("%2f", "%5c", "%25", "..", "%2e", "%00"))], paths


def share_readable_in_runtime(site: Path) -> list[str]:
    return json.loads((site / "runtime.json").read_text(encoding="utf-8")).get("share_readable", [])


def test_export_records_the_opt_in(naive_site):
    assert share_readable_in_runtime(naive_site[2]) == ["shared-data/", "notes.txt"]
