// Draw before Python (web/src/client/early.ts): events fired on the tree drawn from the export wait, and go
// to the worker once, in order, when its tree is the same; a different tree gets the visitor's values and
// clicks carried over to the blocks that match. The dispatcher here is the real one, on a held connection.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { carryOver, HeldConnection, lostMessage, matchIds, matchMoved, sameTree } from "../../web/src/client/early";
import { EventDispatcher } from "../../web/src/client/events";
import { AppStore } from "../../web/src/client/store";
import type { PageMessage } from "../../web/src/protocol";
import { appConfig, dependency, ManualFrames, node, RecordingConnection } from "./fakes";

const hello = (nameId = 3, outId = 4) =>
  appConfig(
    [node(2, "markdown", { value: "# Hi" }), node(nameId, "textbox", { label: "Name", value: "" }), node(outId, "textbox", { label: "Greeting", value: "" })],
    [dependency({ id: 0, targets: [[nameId, "change"]], inputs: [nameId], outputs: [outId], trigger_mode: "multiple" })],
  );

const eventsOf = (posted: PageMessage[]) => posted.filter((m) => m.type === "event");

describe("HeldConnection", () => {
  test("events fired before the worker's tree wait, then go once, in order", () => {
    const worker = new RecordingConnection();
    const held = new HeldConnection(worker);
    const store = new AppStore();
    const config = hello();
    store.load(config);
    new EventDispatcher(store, held, config, new ManualFrames());
    store.setValue(3, "A");
    store.setValue(3, "Ad");
    assert.equal(worker.posted.length, 0, "nothing reaches a worker whose app is not running");
    assert.equal(held.waiting, 2);
    held.release();
    const sent = eventsOf(worker.take());
    assert.equal(sent.length, 2);
    assert.deepEqual(sent.map((m) => (m.type === "event" ? m.data : null)), [["A"], ["Ad"]]);
    // (trigger_mode "once", the default, would drop the second while the first runs: the same as when ready.)
    held.release(); // a second release sends nothing again
    assert.equal(worker.posted.length, 0);
    store.setValue(3, "Ada");
    assert.equal(eventsOf(worker.take()).length, 1, "after release, events go straight through");
  });

  test("discard drops what waited and lets later messages through; both resolve `released`", async () => {
    const worker = new RecordingConnection();
    const held = new HeldConnection(worker);
    held.post({ type: "unload" });
    held.discard();
    await held.released;
    assert.equal(worker.posted.length, 0);
    held.post({ type: "unload" });
    assert.equal(worker.posted.length, 1);
  });
});

describe("the worker's tree", () => {
  test("the same tree (as JSON) is kept; any difference is not the same", () => {
    assert.ok(sameTree(hello(), JSON.parse(JSON.stringify(hello()))));
    assert.ok(!sameTree(hello(), hello(5, 6)));
  });

  test("blocks match by place, type and label", () => {
    const other = appConfig([node(12, "markdown"), node(13, "textbox", { label: "Name" }), node(14, "number", { label: "Greeting" })]);
    assert.deepEqual([...matchIds(hello().root, other.root)], [[0, 0], [2, 12], [3, 13]]);
  });

  test("a different tree gets the values the visitor changed and their clicks, in its own ids", () => {
    const early = appConfig([node(3, "textbox", { label: "Name", value: "" }), node(4, "button", { value: "Go" }), node(5, "textbox", { label: "Out", value: "x" })]);
    const worker = appConfig([node(30, "textbox", { label: "Name", value: "" }), node(40, "button", { value: "Go" }), node(50, "slider", { label: "Out" })]);
    const now: Record<number, unknown> = { 3: "Ada", 4: "Go", 5: "x" };
    const carried = carryOver(early, worker, (id) => (now[id] ?? null) as never, [
      { id: 4, event: "click", data: null },
      { id: 5, event: "select", data: 1 }, // no match in the new tree: reported, not sent
    ]);
    assert.deepEqual(carried.values, [[30, "Ada"]], "only what the visitor changed, only where it matches");
    assert.deepEqual(carried.triggers, [{ id: 40, event: "click", data: null }]);
    assert.deepEqual(carried.lost, [{ name: "Out" }]);
  });

  test("a block that moved (a block inserted before it) keeps its value; one with no counterpart is reported", () => {
    const early = appConfig([node(3, "textbox", { label: "Name", value: "" }), node(4, "textbox", { label: "Notes", value: "" })]);
    const worker = appConfig([node(20, "markdown", { value: "in the browser" }), node(30, "textbox", { label: "Name", value: "" })]);
    assert.deepEqual([...matchMoved(early.root, worker.root, matchIds(early.root, worker.root))], [[0, 0], [3, 30]]);
    const now: Record<number, unknown> = { 3: "Ada", 4: "remember me" };
    const carried = carryOver(early, worker, (id) => (now[id] ?? null) as never, []);
    assert.deepEqual(carried.values, [[30, "Ada"]]);
    assert.deepEqual(carried.lost, [{ name: "Notes", value: "remember me" }]);
    assert.match(lostMessage(carried.lost), /Notes: “remember me”/);
  });

  test("two blocks alike are not guessed between", () => {
    const early = appConfig([node(3, "textbox", { value: "" }), node(4, "textbox", { value: "" })]);
    const worker = appConfig([node(20, "markdown"), node(21, "markdown"), node(30, "textbox"), node(31, "textbox")]);
    assert.deepEqual([...matchMoved(early.root, worker.root, matchIds(early.root, worker.root))], [[0, 0]]);
  });
});

describe("held events' status", () => {
  test("an event held for Python shows its outputs as pending at once; a released one waits for the worker", () => {
    const worker = new RecordingConnection();
    const held = new HeldConnection(worker);
    const store = new AppStore();
    const config = hello();
    store.load(config);
    new EventDispatcher(store, held, config, new ManualFrames());
    store.setValue(3, "A");
    assert.equal(store.statuses.get(4)?.stage, "pending");
    held.release();
    store.statuses.clear();
    store.setValue(3, "Ad");
    assert.equal(store.statuses.get(4), undefined, "once Python runs, its own statuses say it");
  });
});
