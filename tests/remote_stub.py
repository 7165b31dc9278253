"""Loopback stand-ins for the servers gr.load and gr.load_chat talk to, for tests (no internet here).

RemoteStub serves, with CORS headers as a public server would:
- a Gradio app: GET /config (one Textbox in, one out, endpoint "reverse"), POST /gradio_api/call/reverse
  → {"event_id"}, GET /gradio_api/call/reverse/<id> → its server-sent events (the reversed text);
- an OpenAI-compatible chat endpoint: POST /v1/chat/completions, streamed as chat.completion.chunk
  events (one per word, then [DONE]) or as one JSON answer.
Every request is recorded in `requests` (method, path, headers, parsed JSON body).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CONFIG = {
    "mode": "interface",
    "title": "Reverser",
    "api_prefix": "/gradio_api",
    "components": [
        {"id": 1, "type": "textbox", "props": {"label": "Text", "lines": 1}},
        {"id": 2, "type": "textbox", "props": {"label": "Reversed"}},
        {"id": 3, "type": "button", "props": {"value": "Submit"}},
    ],
    "dependencies": [
        {"id": 0, "targets": [[3, "click"]], "inputs": [1], "outputs": [2], "api_name": "reverse",
         "backend_fn": True},
    ],
}


def chat_reply(messages: list[dict[str, Any]]) -> str:
    """What the stub model answers: how many messages it got, the system prompt, and the last message."""
    system = next((m["content"] for m in messages if m.get("role") == "system"), "none")
    last = messages[-1]["content"] if messages else ""
    return f"{len(messages)} messages, system {system}: you said {last}"


class _Handler(BaseHTTPRequestHandler):
    server: RemoteStubServer

    def log_message(self, *args: Any) -> None:
        pass

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Authorization")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")

    def _send(self, status: int, body: str, kind: str = "application/json") -> None:
        data = body.encode()
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self, body: Any = None) -> None:
        self.server.requests.append({"method": self.command, "path": self.path,
                                     "headers": {k.lower(): v for k, v in self.headers.items()}, "json": body})

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's name
        self._record()
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self._record()
        if self.path == "/config":
            self._send(200, json.dumps(CONFIG))
        elif self.path.startswith("/gradio_api/call/reverse/"):
            text = self.server.pending.pop(self.path.rsplit("/", 1)[1], None)
            if text is None:
                self._send(200, "event: error\ndata: null\n\n", "text/event-stream")
            else:
                self._send(200, f"event: generating\ndata: {json.dumps([text])}\n\n"
                                f"event: complete\ndata: {json.dumps([text[::-1]])}\n\n", "text/event-stream")
        else:
            self._send(404, '{"detail": "Not Found"}')

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null")
        self._record(body)
        if self.path == "/gradio_api/call/reverse":
            event_id = f"event{len(self.server.pending) + len(self.server.requests)}"
            self.server.pending[event_id] = str(body["data"][0])
            self._send(200, json.dumps({"event_id": event_id}))
        elif self.path == "/v1/chat/completions":
            reply = chat_reply(body["messages"])
            if not body.get("stream"):
                self._send(200, json.dumps({"choices": [{"message": {"role": "assistant", "content": reply}}]}))
                return
            self.send_response(200)
            self._cors()
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            words = reply.split(" ")
            chunks = [{"choices": [{"delta": {"role": "assistant"}}]}]
            chunks += [{"choices": [{"delta": {"content": w if i == 0 else " " + w}}]} for i, w in enumerate(words)]
            for chunk in chunks:
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
        else:
            self._send(404, '{"detail": "Not Found"}')


class RemoteStubServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict[str, Any]] = []
        self.pending: dict[str, str] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def start_stub() -> RemoteStubServer:
    """A running stub on a free loopback port; call .shutdown() and .server_close() when done."""
    server = RemoteStubServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
