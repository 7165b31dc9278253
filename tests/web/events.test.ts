// EventDispatcher (web/src/client/events.ts): the chain-rule table it shares with Python's events.EventFlow
// (tests/data/chain_cases.json, also read by tests/test_events.py), then what only the page does: js=
// functions, statuses and progress, and updates landing before a chained event reads its inputs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { EventDispatcher } from "../../web/src/client/events";
import { AppStore } from "../../web/src/client/store";
import type { Dependency, PageMessage, StatusStage } from "../../web/src/protocol";
import table from "../data/chain_cases.json";
import { appConfig, dependency, ManualFrames, node, RecordingConnection } from "./fakes";

interface Step {
  fire?: unknown[];
  end?: unknown[];
  actions?: unknown[];
  add?: Record<string, unknown>[];
  remove?: number[];
  running?: number[];
  listens?: unknown[];
  is?: boolean;
}
interface Case {
  name: string;
  dependencies: Record<string, unknown>[];
  steps: Step[];
}

const cases: Case[] = table.cases;
// The table is JSON: its strings are plain strings to TypeScript; tests/test_events.py reads the same rows.
const fromTable = (fields: Record<string, unknown>): Dependency =>
  ({ ...structuredClone(table.defaults), ...fields }) as unknown as Dependency;

/** A dispatcher over a recording connection, with the table's view of what it posts. */
class Page {
  readonly store = new AppStore();
  readonly conn = new RecordingConnection();
  readonly frames = new ManualFrames();
  readonly dispatcher: EventDispatcher;
  /** Per dependency, the ids of its events that have not ended, oldest first. */
  private open = new Map<number, string[]>();

  constructor(deps: Dependency[], components = appConfig([])) {
    this.store.load({ ...components, dependencies: deps });
    this.dispatcher = new EventDispatcher(this.store, this.conn, this.store.config!, this.frames);
  }

  /** What was posted since the last call, as table rows: ["start", dep, trigger, event, data] or ["cancel", ids]. */
  actions(): unknown[] {
    return this.conn.take().map((m: PageMessage) => {
      if (m.type === "cancel") return ["cancel", m.dep_ids];
      if (m.type !== "event") throw new Error(`unexpected ${m.type} message`);
      this.open.set(m.dep_id, [...(this.open.get(m.dep_id) ?? []), m.event_id]);
      return ["start", m.dep_id, m.trigger_id, m.event_name, m.event_data];
    });
  }

  /** End the oldest open event of `depId` as the worker would: a final status, or an error naming it. */
  end(depId: number, stage: StatusStage | "refused"): void {
    const eventId = this.open.get(depId)?.shift();
    assert.ok(eventId, `dependency ${depId} has no open event`);
    if (stage === "refused") this.dispatcher.onRejected(eventId);
    else this.dispatcher.onStatus({ type: "status", event_id: eventId, dep_id: depId, stage, success: stage === "complete" });
  }
}

describe("chain rules shared with Python (tests/data/chain_cases.json)", () => {
  for (const c of cases) {
    test(c.name, () => {
      const page = new Page(c.dependencies.map(fromTable));
      c.steps.forEach((step, i) => {
        const where = `step ${i}: ${JSON.stringify(step)}`;
        if (step.fire) {
          const [block, event, data = null] = step.fire as [number, string, unknown?];
          page.dispatcher.fire(block, event, data);
          assert.deepEqual(page.actions(), step.actions, where);
        } else if (step.end) {
          const [depId, stage] = step.end as [number, StatusStage | "refused"];
          page.end(depId, stage);
          assert.deepEqual(page.actions(), step.actions, where);
        } else if (step.add) {
          page.dispatcher.addDependencies(step.add.map(fromTable));
        } else if (step.remove) {
          page.dispatcher.removeDependencies(step.remove);
        } else if (step.running) {
          assert.deepEqual([...page.dispatcher.runningIds()].sort(), [...step.running].sort(), where);
        } else if (step.listens) {
          const [block, event] = step.listens as [number, string];
          assert.equal(page.store.hasListener(block, event), step.is, where);
        } else {
          throw new Error(`unknown step ${where}`);
        }
      });
    });
  }
});

const BUTTON = 1;
const BOX = 2;
const OUT = 3;
const components = appConfig([
  node(BUTTON, "button"),
  node(BOX, "textbox", { value: "abc" }),
  node(OUT, "textbox", { value: "" }),
]);
/** Until a js function's promise (and the dispatcher's await of it) has settled. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const click = (id: number, fields: Partial<Dependency> = {}) => dependency({ id, targets: [[BUTTON, "click"]], ...fields });

describe("js= functions", () => {
  test("run before Python, and what they return becomes the inputs", async () => {
    const page = new Page([click(0, { inputs: [BOX], js: "(v) => v.toUpperCase()" })], components);
    page.store.trigger(BUTTON, "click", { index: 0 });
    await settled();
    const [sync] = page.conn.take();
    assert.ok(sync?.type === "event");
    assert.deepEqual([sync.data, sync.event_data], [["ABC"], { index: 0 }]);
    assert.equal(page.store.getValue(BOX), "abc"); // the component keeps its value
    const page2 = new Page([click(0, { inputs: [BOX], js: "async (v) => v + '!'" })], components);
    page2.store.trigger(BUTTON, "click");
    await settled();
    const [event] = page2.conn.take();
    assert.ok(event?.type === "event");
    assert.deepEqual(event.data, ["abc!"]);
  });

  test("one that returns nothing leaves the inputs as they were", async () => {
    const page = new Page([click(0, { inputs: [BOX, OUT], js: "() => {}" })], components);
    page.store.trigger(BUTTON, "click");
    await settled();
    const [event] = page.conn.take();
    assert.ok(event?.type === "event");
    assert.deepEqual(event.data, ["abc", ""]);
  });

  test("without Python, their result goes to the outputs and fires change", async () => {
    const chained = dependency({ id: 1, targets: [[OUT, "change"]], inputs: [OUT] });
    const page = new Page([click(0, { inputs: [BOX], outputs: [OUT], backend_fn: false, js: "(v) => v + '?'" }), chained], components);
    page.store.trigger(BUTTON, "click");
    await settled();
    assert.equal(page.store.getValue(OUT), "abc?");
    const [event] = page.conn.take();
    assert.ok(event?.type === "event");
    assert.deepEqual([event.dep_id, event.event_name, event.data], [1, "change", ["abc?"]]);
  });

  test("an error shows a toast and ends the event as a failure", async () => {
    const onError = dependency({ id: 1, trigger_after: 0, trigger_only_on_failure: true });
    const page = new Page([click(0, { js: "() => { throw new Error('nope') }" }), onError], components);
    page.store.trigger(BUTTON, "click");
    await settled();
    assert.deepEqual(page.store.toasts.map((t) => [t.level, t.message]), [["error", "Error in js: nope"]]);
    assert.deepEqual(page.actions(), [["start", 1, BUTTON, "then", null]]); // the chain keeps its trigger
  });
});

describe("statuses and updates", () => {
  test("the outputs show the event's progress while it runs, and nothing once it ends", () => {
    const page = new Page([click(0, { outputs: [OUT] })], components);
    page.dispatcher.fire(BUTTON, "click");
    const [event] = page.conn.take();
    assert.ok(event?.type === "event");
    const progress = [{ index: 1, length: 3, unit: "steps", progress: null, desc: "Halfway" }];
    page.dispatcher.onStatus({ type: "status", event_id: event.event_id, dep_id: 0, stage: "pending", progress });
    assert.equal(page.store.statuses.get(OUT)?.stage, "pending");
    assert.deepEqual(page.store.statuses.get(OUT)?.progress, progress);
    page.dispatcher.onStatus({ type: "status", event_id: event.event_id, dep_id: 0, stage: "complete", success: true });
    assert.equal(page.store.statuses.has(OUT), false);
  });

  test("show_progress='hidden' shows no status; show_progress_on picks the components that do", () => {
    const page = new Page([click(0, { outputs: [OUT], show_progress: "hidden" }), click(1, { outputs: [OUT], show_progress_on: [BOX] })], components);
    page.dispatcher.fire(BUTTON, "click");
    const [first, second] = page.conn.take();
    assert.ok(first?.type === "event" && second?.type === "event");
    page.dispatcher.onStatus({ type: "status", event_id: first.event_id, dep_id: 0, stage: "pending" });
    assert.equal(page.store.statuses.has(OUT), false);
    page.dispatcher.onStatus({ type: "status", event_id: second.event_id, dep_id: 1, stage: "pending" });
    assert.deepEqual([...page.store.statuses.keys()], [BOX]);
  });

  test("the last streamed value lands before a chained event reads it", () => {
    const next = dependency({ id: 1, trigger_after: 0, inputs: [OUT] });
    const page = new Page([click(0, { outputs: [OUT] }), next], components);
    page.dispatcher.fire(BUTTON, "click");
    const [event] = page.conn.take();
    assert.ok(event?.type === "event");
    const update = (value: string) =>
      page.dispatcher.onUpdate({ type: "update", event_id: event.event_id, dep_id: 0, updates: [{ id: OUT, value }] });
    update("1"); // applied at once: nothing was applied in this frame
    update("2"); // waits for the next frame …
    assert.equal(page.store.getValue(OUT), "1");
    page.dispatcher.onStatus({ type: "status", event_id: event.event_id, dep_id: 0, stage: "complete", success: true });
    const [chained] = page.conn.take();
    assert.ok(chained?.type === "event");
    assert.deepEqual(chained.data, ["2"]); // … but the end of the event flushed it first
  });

  test("the store hears each end of an event that ran (complete, error, cancelled), after its last value", () => {
    // FileExplorer lists its open folders again then: the function may have written files.
    const page = new Page([click(0, { outputs: [OUT], trigger_mode: "multiple" })], components);
    const seen: unknown[] = [];
    page.store.onEventEnded(() => seen.push(page.store.getValue(OUT)));
    for (const stage of ["complete", "error", "cancelled"] as const) {
      page.dispatcher.fire(BUTTON, "click");
      const [event] = page.conn.take();
      assert.ok(event?.type === "event");
      page.dispatcher.onUpdate({ type: "update", event_id: event.event_id, dep_id: 0, updates: [{ id: OUT, value: "first" }] });
      page.dispatcher.onUpdate({ type: "update", event_id: event.event_id, dep_id: 0, updates: [{ id: OUT, value: stage }] });
      page.dispatcher.onStatus({ type: "status", event_id: event.event_id, dep_id: 0, stage, success: stage === "complete" });
    }
    // A refused event never ran in the worker: nothing to hear.
    page.dispatcher.fire(BUTTON, "click");
    const [refused] = page.conn.take();
    assert.ok(refused?.type === "event");
    page.dispatcher.onRejected(refused.event_id);
    assert.deepEqual(seen, ["complete", "error", "cancelled"]);
  });

  test("always_last runs once more with the inputs as they are when the run ends", () => {
    const page = new Page([click(0, { inputs: [BOX], trigger_mode: "always_last" })], components);
    page.dispatcher.fire(BUTTON, "click");
    page.store.setValue(BOX, "typed meanwhile", false);
    page.dispatcher.fire(BUTTON, "click");
    const [first] = page.conn.take();
    assert.ok(first?.type === "event");
    page.dispatcher.onStatus({ type: "status", event_id: first.event_id, dep_id: 0, stage: "complete", success: true });
    const [again] = page.conn.take();
    assert.ok(again?.type === "event");
    assert.deepEqual(again.data, ["typed meanwhile"]);
  });

  test("triggers fired together with the inputs a run took join that run; one later runs it again", () => {
    // Gradio's state_change demo: one output changes three watched gr.States; a gr.on over their `change`
    // reading a counter runs as if once (Changes=1), not once more after reading the count it just set.
    const STATES = [4, 5, 6];
    const page = new Page(
      [dependency({ id: 0, targets: STATES.map((s) => [s, "change"] as [number, string]), inputs: [OUT, ...STATES], trigger_mode: "always_last" })],
      appConfig([node(OUT, "number", { value: 0 }), ...STATES.map((s) => node(s, "state", { value: null }))]),
    );
    STATES.forEach((s, i) => page.store.applyUpdate({ id: s, value: `token${i}` }));
    const [first, ...more] = page.conn.take();
    assert.ok(first?.type === "event");
    assert.deepEqual(more, []);
    page.dispatcher.onStatus({ type: "status", event_id: first.event_id, dep_id: 0, stage: "complete", success: true });
    assert.deepEqual(page.conn.take(), []);
    // A trigger with other inputs in the same turn still gets its own run when this one ends.
    page.store.applyUpdate({ id: STATES[0]!, value: "again" });
    page.store.setValue(OUT, 1, false);
    page.store.applyUpdate({ id: STATES[1]!, value: "again" });
    const [second] = page.conn.take();
    assert.ok(second?.type === "event");
    page.dispatcher.onStatus({ type: "status", event_id: second.event_id, dep_id: 0, stage: "complete", success: true });
    const [third] = page.conn.take();
    assert.ok(third?.type === "event");
    assert.deepEqual(third.data[0], 1);
  });

  test("a value the user changes fires change and input; one from Python fires only change", () => {
    const page = new Page(
      [dependency({ id: 0, targets: [[BOX, "change"]] }), dependency({ id: 1, targets: [[BOX, "input"]], trigger_mode: "multiple" })],
      components,
    );
    page.store.setValue(BOX, "by hand", true);
    assert.deepEqual(page.actions().map((a) => (a as unknown[])[3]), ["change", "input"]);
    page.end(0, "complete");
    page.store.applyUpdate({ id: BOX, value: "from Python" });
    assert.deepEqual(page.actions().map((a) => (a as unknown[])[3]), ["change"]);
  });

  test("an event carries the page's URL as it is when the event fires (gr.Request.url)", () => {
    const page = new Page([click(0, { inputs: [BOX] })], components);
    page.dispatcher.fire(BUTTON, "click");
    const [before] = page.conn.take();
    assert.ok(before?.type === "event" && before.url === undefined); // no page here: no URL sent
    Object.defineProperty(globalThis, "location", { value: { href: "https://x.test/app/?a=1#/second" }, configurable: true });
    try {
      page.dispatcher.onStatus({ type: "status", event_id: before.event_id, dep_id: 0, stage: "complete", success: true });
      page.dispatcher.fire(BUTTON, "click");
      const [after] = page.conn.take();
      assert.ok(after?.type === "event");
      assert.equal(after.url, "https://x.test/app/?a=1#/second");
    } finally {
      Reflect.deleteProperty(globalThis, "location");
    }
  });

  test("status for an event the page does not know is ignored", () => {
    const page = new Page([click(0, { outputs: [OUT] })], components);
    page.dispatcher.onStatus({ type: "status", event_id: "event-none", dep_id: 0, stage: "pending" });
    page.dispatcher.onRejected("event-none");
    page.dispatcher.onRejected(null);
    assert.equal(page.store.statuses.size, 0);
    assert.deepEqual(page.conn.posted, []);
  });
});

describe(".stream() listeners", () => {
  const CAM = 7;
  const webcam = appConfig([node(CAM, "image", { streaming: true }), node(OUT, "image"), node(BOX, "textbox", { value: "flip" })]);
  const frame = { path: "/tmp/frame.jpeg", url: null, orig_name: "frame.jpeg", size: 2, mime_type: "image/jpeg",
    meta: { _type: "gradio.FileData" } };
  const stream = (fields: Partial<Dependency> = {}) =>
    dependency({ id: 0, targets: [[CAM, "stream"]], inputs: [CAM, BOX], outputs: [OUT], ...fields });

  test("the store hears each block's stream_every and time_limit (the shortest of its listeners)", () => {
    const page = new Page([stream({ stream_every: 0.1, time_limit: 30 }), stream({ id: 1, stream_every: 0.5 })], webcam);
    assert.deepEqual(page.store.streamSettings(CAM), { every: 0.1, timeLimit: 30 });
    assert.equal(page.store.streamSettings(OUT), null);
  });

  test("a frame takes the streamed block's place in the inputs; the others are read as they are", () => {
    const page = new Page([stream()], webcam);
    page.dispatcher.fire(CAM, "stream", frame);
    const [event] = page.conn.take();
    assert.ok(event?.type === "event");
    assert.deepEqual(event.data, [frame, "flip"]);
    assert.equal(event.event_data, null);
    assert.equal(page.store.getValue(CAM), null, "the frame is not the block's value");
  });

  test("a running frame makes the next wait, shows no progress, and a failed one ends the stream", () => {
    const page = new Page([stream()], webcam);
    let ended = 0;
    page.store.onStreamEnd(CAM, () => void (ended += 1));
    page.dispatcher.fire(CAM, "stream", frame);
    const [event] = page.conn.take();
    assert.ok(event?.type === "event");
    assert.equal(page.store.streamBusy(CAM), true);
    page.dispatcher.onStatus({ type: "status", event_id: event.event_id, dep_id: 0, stage: "pending" });
    assert.equal(page.store.statuses.has(OUT), false);
    page.dispatcher.onStatus({ type: "status", event_id: event.event_id, dep_id: 0, stage: "complete", success: true });
    assert.equal(page.store.streamBusy(CAM), false);
    assert.equal(ended, 0);
    page.dispatcher.fire(CAM, "stream", frame);
    const [failing] = page.conn.take();
    assert.ok(failing?.type === "event");
    page.dispatcher.onStatus({ type: "status", event_id: failing.event_id, dep_id: 0, stage: "error", success: false });
    assert.equal(ended, 1);
  });
});
