// web/src/client/connection.ts: replies find the promise waiting for them (an `error` naming an upload or a
// server call settles it too), and a restart after Stop gives a fresh worker what the first was sent.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Connection, type WorkerLike } from "../../web/src/client/connection";
import { currentOnly } from "../../web/src/pages/rerun";
import type { InitMessage, PageMessage, WorkerMessage } from "../../web/src/protocol";

/** A worker that records what the page posts; `answer` plays a message from it. */
class FakeWorker implements WorkerLike {
  posted: PageMessage[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: unknown): void {
    this.posted.push(message as PageMessage);
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(message: WorkerMessage): void {
    this.onmessage?.({ data: message } as MessageEvent);
  }

  last(): PageMessage {
    const message = this.posted.at(-1);
    assert.ok(message);
    return message;
  }
}

const INIT: InitMessage = { type: "init", session_hash: "s", url: "", base_url: "" };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("Connection", () => {
  test("an error naming a server call rejects it, and still reaches the listener", async () => {
    const worker = new FakeWorker();
    const conn = new Connection(worker);
    const heard: WorkerMessage[] = [];
    conn.onMessage = (message) => heard.push(message);
    const call = conn.callServer(3, "double", [2]);
    const sent = worker.last();
    assert.equal(sent.type, "server_call");
    if (sent.type !== "server_call") return;
    worker.answer({ type: "error", message: "Malformed server_call message: bad", ref: sent.call_id });
    await assert.rejects(call, /Malformed server_call/);
    assert.deepEqual(heard.map((m) => m.type), ["error"]);
  });

  test("an error naming an upload rejects it; a server_result resolves its own call only", async () => {
    const worker = new FakeWorker();
    const conn = new Connection(worker);
    const upload = conn.upload([new File(["x"], "a.txt")]);
    await flush(); // upload() reads the bytes first
    const sent = worker.last();
    assert.equal(sent.type, "upload");
    if (sent.type !== "upload") return;
    worker.answer({ type: "error", message: "Malformed upload message: files", ref: sent.upload_id });
    await assert.rejects(upload, /Malformed upload/);

    const first = conn.callServer(1, "f", []);
    const second = conn.callServer(1, "g", []);
    const [a, b] = worker.posted.slice(-2);
    assert.ok(a?.type === "server_call" && b?.type === "server_call");
    worker.answer({ type: "server_result", call_id: b.call_id, value: "g" });
    worker.answer({ type: "server_result", call_id: a.call_id, value: "f" });
    assert.deepEqual(await Promise.all([first, second]), ["f", "g"]);
  });

  test("a restart sends the fresh worker the init, the replaced app and host operations, and fails what waited", async () => {
    const first = new FakeWorker();
    const spawned: FakeWorker[] = [];
    const conn = new Connection(first, "module", [], () => {
      const worker = new FakeWorker();
      spawned.push(worker);
      return worker;
    });
    assert.equal(conn.canRestart(), false); // nothing to send a fresh worker yet
    conn.post(INIT);
    const app = { entrypoint: "app.py", files: { "app.py": "print(1)" }, requirements: [] };
    conn.post({ type: "write_file", request_id: "w1", path: "old.txt", data: "before the run" });
    conn.post({ type: "run", app });
    conn.post({ type: "install", request_id: "i1", requirements: ["six"] });
    conn.post({ type: "write_file", request_id: "w2", path: "data.txt", data: "kept" });
    const call = conn.callServer(1, "slow", []);
    assert.equal(conn.canRestart(), true);

    conn.restartWorker();
    assert.equal(first.terminated, true);
    const fresh = spawned[0];
    assert.ok(fresh && spawned.length === 1);
    // `run` empties the app folder, so the write before it is not repeated.
    assert.deepEqual(fresh.posted.map((m) => m.type), ["init", "install", "write_file"]);
    assert.deepEqual(fresh.posted[0], { ...INIT, app });
    assert.deepEqual(fresh.posted[2], { type: "write_file", request_id: "w2", path: "data.txt", data: "kept" });
    await assert.rejects(call, /restarted/);

    // From now on the fresh worker is the one talked to and heard.
    const heard: WorkerMessage[] = [];
    conn.onMessage = (message) => heard.push(message);
    conn.post({ type: "cancel", dep_ids: [1] });
    assert.equal(fresh.last().type, "cancel");
    first.answer({ type: "toast", level: "info", message: "from the old worker", title: null, duration: null, event_id: null });
    fresh.answer({ type: "error", message: "from the fresh one", ref: null });
    assert.deepEqual(heard.map((m) => m.type), ["error"]);
  });

  test("a fresh worker is sent the login the first one accepted, so the session stays signed in", async () => {
    const spawned: FakeWorker[] = [];
    const first = new FakeWorker();
    const conn = new Connection(first, "module", [], () => {
      const worker = new FakeWorker();
      spawned.push(worker);
      return worker;
    });
    conn.post(INIT);
    const page = currentOnly(conn); // what the player's login form calls through
    const refused = page.login("ada", "wrong");
    const ask = first.last();
    assert.ok(ask.type === "login");
    first.answer({ type: "server_result", call_id: ask.call_id, value: false });
    assert.equal(await refused, false);
    const accepted = page.login("ada", "secret");
    const again = first.last();
    assert.ok(again.type === "login");
    first.answer({ type: "server_result", call_id: again.call_id, value: true });
    assert.equal(await accepted, true);
    conn.restartWorker();
    const fresh = spawned[0];
    assert.ok(fresh);
    const login = fresh.posted[1];
    assert.deepEqual(fresh.posted.map((m) => m.type), ["init", "login"]);
    assert.ok(login?.type === "login" && login.username === "ada" && login.password === "secret");
  });

  test("a standby boots the same app at once and is adopted with what it sent meanwhile", () => {
    const spawned: FakeWorker[] = [];
    const conn = new Connection(new FakeWorker(), "module", [], () => {
      const worker = new FakeWorker();
      spawned.push(worker);
      return worker;
    });
    conn.post(INIT);
    conn.prepareStandby();
    conn.prepareStandby(); // one is enough
    assert.equal(spawned.length, 1);
    const standby = spawned[0];
    assert.ok(standby);
    assert.deepEqual(standby.posted.map((m) => m.type), ["init"]);
    standby.answer({ type: "boot", stage: "running" });
    const heard: WorkerMessage[] = [];
    conn.onMessage = (message) => heard.push(message);
    assert.equal(heard.length, 0); // not adopted yet: its messages wait
    conn.restartWorker();
    assert.equal(spawned.length, 1);
    assert.deepEqual(heard.map((m) => m.type), ["boot"]);
  });
});
