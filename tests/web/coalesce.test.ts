// UpdateCoalescer (web/src/client/coalesce.ts): a streaming generator's updates render at most once per
// animation frame, the first at once and the last always; frames come from ManualFrames (the FrameScheduler seam).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mergeUpdates, UpdateCoalescer } from "../../web/src/client/coalesce";
import type { Update } from "../../web/src/protocol";
import { ManualFrames } from "./fakes";

function coalescer() {
  const applied: Update[] = [];
  const frames = new ManualFrames();
  const c = new UpdateCoalescer((u) => applied.push(u), frames);
  return { c, applied, frames };
}

describe("UpdateCoalescer", () => {
  test("the first update applies at once, and opens a frame", () => {
    const { c, applied, frames } = coalescer();
    c.push([{ id: 1, value: "a" }]);
    assert.deepEqual(applied, [{ id: 1, value: "a" }]);
    assert.equal(frames.requested, 1);
  });

  test("updates within the frame merge per component and apply at the frame, the last value winning", () => {
    const { c, applied, frames } = coalescer();
    c.push([{ id: 1, value: "a" }]);
    c.push([{ id: 1, value: "b" }, { id: 2, props: { label: "L" } }]);
    c.push([{ id: 2, props: { visible: false } }]);
    c.push([{ id: 1, value: "c", props: { visible: true } }]);
    assert.equal(applied.length, 1);
    frames.tick();
    assert.deepEqual(applied.slice(1), [
      { id: 2, props: { label: "L", visible: false } },
      { id: 1, props: { visible: true }, value: "c" },
    ]); // in the order the last values came
    assert.deepEqual([c.received, c.applied], [5, 2]);
  });

  test("a quiet frame closes the window: the next update applies at once again", () => {
    const { c, applied, frames } = coalescer();
    c.push([{ id: 1, value: "a" }]);
    frames.tick(); // nothing pending: no new frame is requested
    assert.equal(frames.requested, 0);
    c.push([{ id: 1, value: "b" }]);
    assert.deepEqual(applied.map((u) => u.value), ["a", "b"]);
  });

  test("a busy frame keeps the window open for the next one", () => {
    const { c, applied, frames } = coalescer();
    c.push([{ id: 1, value: "a" }]);
    c.push([{ id: 1, value: "b" }]);
    frames.tick();
    assert.equal(frames.requested, 1);
    c.push([{ id: 1, value: "c" }]);
    assert.deepEqual(applied.map((u) => u.value), ["a", "b"]);
    frames.tick();
    assert.deepEqual(applied.map((u) => u.value), ["a", "b", "c"]);
  });

  test("props.value counts as the value, so a later plain value replaces it", () => {
    const { c, applied, frames } = coalescer();
    c.push([{ id: 1, value: "a" }]);
    c.push([{ id: 1, props: { value: "b", label: "x" } }, { id: 1, value: "c" }]);
    frames.tick();
    assert.deepEqual(applied[1], { id: 1, props: { label: "x" }, value: "c" });
  });

  test("flush applies what is pending now; dispose flushes and cancels the frame", () => {
    const { c, applied, frames } = coalescer();
    c.push([{ id: 1, value: "a" }]);
    c.push([{ id: 1, value: "b" }]);
    c.flush();
    assert.deepEqual(applied.map((u) => u.value), ["a", "b"]);
    c.flush(); // nothing pending: nothing applied
    assert.equal(c.applied, 2);
    c.push([{ id: 1, value: "c" }]);
    c.dispose();
    assert.deepEqual(applied.map((u) => u.value), ["a", "b", "c"]);
    assert.equal(frames.requested, 0);
  });

  test("a component that keeps every value (a streaming Audio) gets each one, in order, none merged away", () => {
    const applied: Update[] = [];
    const c = new UpdateCoalescer((u) => applied.push(u), new ManualFrames(), (id) => id === 7);
    c.push([{ id: 7, value: "chunk 1" }]);
    c.push([{ id: 7, value: "chunk 2" }, { id: 1, value: "x" }]);
    c.push([{ id: 7, value: "chunk 3" }]);
    c.push([{ id: 1, value: "y" }]);
    c.flush();
    assert.deepEqual(applied.filter((u) => u.id === 7).map((u) => u.value), ["chunk 1", "chunk 2", "chunk 3"]);
    // Others still coalesce: "x" went out with the flush chunk 3 caused, "y" at the end.
    assert.deepEqual(applied.filter((u) => u.id === 1).map((u) => u.value), ["x", "y"]);
  });
});

describe("mergeUpdates", () => {
  test("b after a: b's value if it has one, props merged with b's winning", () => {
    assert.deepEqual(mergeUpdates({ id: 1, value: 1, props: { a: 1, b: 1 } }, { id: 1, props: { b: 2 } }), {
      id: 1,
      props: { a: 1, b: 2 },
      value: 1,
    });
    assert.deepEqual(mergeUpdates({ id: 1, value: 1 }, { id: 1, value: null }), { id: 1, value: null });
    assert.deepEqual(mergeUpdates({ id: 1 }, { id: 1 }), { id: 1 });
  });
});
