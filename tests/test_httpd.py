"""The static server behind `build.py serve` and the tests: fixed MIME types, and no path traversal in any
encoding (raw requests, so no client normalises the path first)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from traversal import TRAVERSALS
from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread, unsafe_path

SECRET = b"TOPSECRET-httpd"


class Quiet(StaticHandler):
    quiet = True


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, int]]:
    root: Path = tmp_path_factory.mktemp("httpd")
    (root / "secret.txt").write_bytes(SECRET)
    (root / "www").mkdir()
    (root / "www" / "secret.txt").write_bytes(SECRET)
    site = root / "www" / "site"
    (site / "assets").mkdir(parents=True)
    (site / "pyodide").mkdir()
    (site / "assets" / "app.mjs").write_text("export const ok = 1;\n")
    (site / "a b.txt").write_text("spaced")
    (site / "v1..2.txt").write_text("dots inside a name")
    (site / ".nojekyll").write_text("")
    httpd = make_server(root, handler=Quiet)
    serve_in_thread(httpd)
    yield httpd.server_address
    httpd.shutdown()
    httpd.server_close()


def raw_get(address: tuple[str, int], target: str) -> tuple[int, bytes]:
    """Send `GET <target> HTTP/1.0` byte for byte; (status, body)."""
    with socket.create_connection(address, timeout=10) as conn:
        conn.sendall(f"GET {target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_below_a_site_is_refused(server, path):
    status, body = raw_get(server, f"/www/site/{path}")
    assert status == 400, (status, body[:200])
    assert SECRET not in body


@pytest.mark.parametrize("target", [
    "/www/site/../../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "//127.0.0.1/secret.txt",
    "http://127.0.0.1/secret.txt",
    "/www/site/%2e%2e%5c%2e%2e%5csecret.txt",
    "/www/site/.%20./secret.txt",
    "/www/site/..%09/secret.txt",
])
def test_dot_segments_absolute_forms_and_encoded_whitespace_are_refused(server, target):
    status, body = raw_get(server, target)
    assert status == 400 and SECRET not in body, (status, body[:200])


def test_the_refusal_says_why(server):
    status, body = raw_get(server, "/www/site/..%2fsecret.txt")
    assert status == 400 and b"encoded path separator" in body


@pytest.mark.parametrize("target, body", [
    ("/www/site/a%20b.txt", b"spaced"),
    ("/www/site/v1..2.txt", b"dots inside a name"),
    ("/www/site/assets/app.mjs?v=1", b"export const ok = 1;\n"),
    ("/www/secret.txt", SECRET),  # a file named plainly is served: only indirect paths are refused
])
def test_plain_paths_still_work(server, target, body):
    assert raw_get(server, target) == (200, body)


def test_module_scripts_get_a_javascript_type(server):
    with socket.create_connection(server, timeout=10) as conn:
        conn.sendall(b"HEAD /www/site/assets/app.mjs HTTP/1.0\r\n\r\n")
        head = conn.recv(65536)
    assert b"content-type: text/javascript" in head.lower()


def test_unsafe_path_reasons():
    assert unsafe_path("/site/app.py") is None
    assert unsafe_path("/site/..%2fx") == "an encoded path separator"
    assert unsafe_path("/site/%252e%252e/x") == "a percent sign after decoding (double encoding)"
    assert unsafe_path("/site/%c0%ae%c0%ae/x") == "malformed percent-encoding"
    assert unsafe_path("/site/%EF%BC%8E%EF%BC%8E/x") == "a dot segment"
    assert unsafe_path("//evil.example/x") == "not a path on this server"
