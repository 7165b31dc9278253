// web/src/share/sandbox-messages.ts: each page ↔ sandbox receiver takes a well-formed message and drops
// anything else (the sandbox runs untrusted code, which can post anything) without throwing.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  asFileReply,
  asFileRequest,
  asHostToSandbox,
  asProxy,
  asSandboxToHost,
  isAppFiles,
} from "../../web/src/share/sandbox-messages";

const app = { entrypoint: "app.py", files: { "app.py": "import gradio as gr", "data.bin": new Uint8Array([1]) }, requirements: [] };
const bootError = { type: "boot_error", message: "NameError: x", traceback: "…", file: "app.py", line: 3 };
// Shapes that must never crash a receiver.
const junk: unknown[] = [null, undefined, 0, "wb-start", [], [{ type: "wb-run" }], { type: 1 }, { type: "wb-run", app: null }];

describe("page ↔ sandbox messages", () => {
  test("the iframe takes wb-start and wb-run from its page", () => {
    const { port1 } = new MessageChannel();
    const start = { type: "wb-start", app, base: "http://127.0.0.1/site/", workerSource: "//", port: port1 };
    assert.deepEqual(asHostToSandbox(start), start);
    assert.deepEqual(asHostToSandbox({ type: "wb-run", app, extra: 1 }), { type: "wb-run", app });
    const loader = { type: "wb-loader", base: "http://127.0.0.1/site/", port: port1 };
    assert.deepEqual(asHostToSandbox(loader), loader);
    assert.equal(asHostToSandbox({ ...loader, port: null }), null);
    assert.equal(asHostToSandbox({ ...loader, base: "site/" }), null);
    port1.close();
  });

  test("the iframe drops a wb-start without a port, a URL or a well-formed app", () => {
    const { port1 } = new MessageChannel();
    const start = { type: "wb-start", app, base: "http://127.0.0.1/site/", workerSource: "//", port: port1 };
    for (const bad of [
      { ...start, port: "port" },
      { ...start, base: "not a url" },
      { ...start, workerSource: 1 },
      { ...start, app: { ...app, files: { "app.py": 1 } } },
      { ...start, app: { ...app, requirements: "numpy" } },
      { ...start, app: { ...app, install: { pyodide: [], wheels: [1] } } },
      ...junk,
    ]) {
      assert.equal(asHostToSandbox(bad), null, JSON.stringify(bad));
    }
    port1.close();
  });

  test("the page takes ready, state and boot errors from the iframe; anything else is dropped", () => {
    assert.deepEqual(asSandboxToHost({ type: "wb-sandbox-ready" }), { type: "wb-sandbox-ready" });
    assert.deepEqual(asSandboxToHost({ type: "wb-loader-ready", x: 1 }), { type: "wb-loader-ready" });
    assert.deepEqual(asSandboxToHost({ type: "wb-load-error", message: "HTTP 404" }), { type: "wb-load-error", message: "HTTP 404" });
    assert.deepEqual(asSandboxToHost({ type: "wb-state", state: "ready", title: "App" }), { type: "wb-state", state: "ready", title: "App" });
    assert.deepEqual(asSandboxToHost({ type: "wb-boot-error", error: bootError }), { type: "wb-boot-error", error: bootError });
    for (const bad of [
      { type: "wb-state", state: "hacked", title: "" }, // only the app root's own states
      { type: "wb-state", state: "ready" },
      { type: "wb-boot-error", error: { ...bootError, line: "3" } },
      { type: "wb-boot-error", error: { ...bootError, type: "tree" } },
      { type: "wb-boot-error" },
      { type: "wb-load-error", message: 404 },
      { type: "wb-start", app },
      ...junk,
    ]) {
      assert.equal(asSandboxToHost(bad), null, JSON.stringify(bad));
    }
  });

  test("the worker prelude takes wb-proxy with a port; the file port's requests and replies are checked", () => {
    const { port1 } = new MessageChannel();
    assert.deepEqual(asProxy({ type: "wb-proxy", port: port1, origin: "http://x" }), { type: "wb-proxy", port: port1, origin: "http://x" });
    assert.equal(asProxy({ type: "wb-proxy", port: {}, origin: "http://x" }), null);
    port1.close();
    assert.deepEqual(asFileRequest({ id: 3, url: "http://x/a" }), { id: 3, url: "http://x/a" });
    assert.equal(asFileRequest({ id: "3", url: "http://x/a" }), null);
    const body = new ArrayBuffer(2);
    assert.deepEqual(asFileReply({ id: 3, status: 200, type: "text/plain", body }), { id: 3, status: 200, type: "text/plain", body });
    assert.deepEqual(asFileReply({ id: 3, error: "offline" }), { id: 3, error: "offline" });
    assert.equal(asFileReply({ id: 3, status: 200, type: "text/plain", body: "text" }), null);
    for (const bad of junk) {
      assert.equal(asProxy(bad), null);
      assert.equal(asFileRequest(bad), null);
      assert.equal(asFileReply(bad), null);
    }
    assert.ok(isAppFiles(app));
  });
});
