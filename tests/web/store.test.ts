// AppStore (web/src/client/store.ts): what the page knows of each component, and who hears of a change.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppStore } from "../../web/src/client/store";
import { appConfig, node } from "./fakes";

function loaded() {
  const store = new AppStore();
  store.load(
    appConfig([
      node(1, "row", {}, [node(2, "textbox", { label: "Name", value: "Ada" }), node(3, "json", { value: { a: [1, 2] } })]),
      node(4, "column", {}, []),
    ]),
  );
  return store;
}

/** Calls of store.onValueChange, as [id, user]. */
function changes(store: AppStore): [number, boolean][] {
  const seen: [number, boolean][] = [];
  store.onValueChange = (id, user) => seen.push([id, user]);
  return seen;
}

describe("AppStore", () => {
  test("load keeps each node's value apart from its props, and its children's ids", () => {
    const store = loaded();
    assert.deepEqual(store.get(2), { id: 2, type: "textbox", props: { label: "Name" }, value: "Ada", children: [] });
    assert.deepEqual(store.get(1)?.children, [2, 3]);
    assert.deepEqual(store.get(0)?.children, [1, 4]);
    assert.deepEqual(store.types().sort(), ["blocks", "column", "json", "row", "textbox"]);
    assert.equal(store.getValue(99), null);
  });

  test("setValue notifies that component's listeners and says whether a person did it", () => {
    const store = loaded();
    const seen = changes(store);
    let heard = 0;
    let other = 0;
    store.subscribe(2, () => heard++);
    const stop = store.subscribe(3, () => other++);
    store.setValue(2, "Grace", true);
    store.setValue(2, "Grace", true); // the same value: nothing happens
    store.setValue(2, "Hopper", false);
    stop();
    store.setValue(3, {}, true);
    assert.deepEqual(seen, [[2, true], [2, false], [3, true]]);
    assert.deepEqual([heard, other], [2, 0]);
    store.setValue(99, "x"); // an unknown id is ignored
    assert.equal(seen.length, 3);
  });

  test("applyUpdate merges props, moves props.value to the value, and fires change only for a new value", () => {
    const store = loaded();
    const seen = changes(store);
    store.applyUpdate({ id: 2, props: { label: "Full name", value: "Ada L." } });
    assert.deepEqual(store.get(2)?.props, { label: "Full name" });
    assert.equal(store.getValue(2), "Ada L.");
    store.applyUpdate({ id: 3, value: { a: [1, 2] } }); // equal as JSON: no change event
    store.applyUpdate({ id: 3, value: { a: [1, 3] } });
    store.applyUpdate({ id: 2, props: { visible: false } }); // props only: no change event
    store.applyUpdate({ id: 99, value: 1 });
    assert.deepEqual(seen, [[2, false], [3, false]]);
    assert.equal(store.get(2)?.props.visible, false);
  });

  test("replaceChildren swaps a render block's subtree; a keyed child keeps what preserved_by_key names, if changed", () => {
    const store = loaded();
    store.setValue(2, "typed", true);
    let notified = 0;
    store.subscribe(1, () => notified++);
    const keep = { preserved_by_key: ["value"] };
    store.replaceChildren(1, node(1, "row", {}, [node(2, "textbox", { ...keep, label: "Again", value: "fresh" }), node(5, "number", { value: 7 })]));
    assert.deepEqual(store.get(1)?.children, [2, 5]);
    assert.equal(store.getValue(2), "typed");
    assert.equal(store.get(2)?.props.label, "Again");
    assert.equal(store.getValue(5), 7);
    assert.equal(store.get(3), undefined);
    assert.equal(notified, 1);
    // Unchanged since it was built, a keyed child takes the new constructor's value.
    store.replaceChildren(1, node(1, "row", {}, [node(5, "number", { ...keep, value: 8 })]));
    assert.equal(store.getValue(5), 8);
    // A label a listener set is kept when preserved_by_key names it; the value was never changed, so it is new.
    store.applyUpdate({ id: 5, props: { label: "Set by a listener" } });
    store.replaceChildren(1, node(1, "row", {}, [node(5, "number", { preserved_by_key: ["value", "label"], label: "Built", value: 9 })]));
    assert.equal(store.get(5)?.props.label, "Set by a listener");
    assert.equal(store.getValue(5), 9);
    // Without preserved_by_key nothing is kept.
    store.setValue(5, 10, true);
    store.replaceChildren(1, node(1, "row", {}, [node(5, "number", { value: 11 })]));
    assert.equal(store.getValue(5), 11);
    store.replaceChildren(99, node(99, "row")); // not a block of this app: nothing changes
    assert.deepEqual([...store.components.keys()].sort(), [0, 1, 4, 5]);
  });

  test("replaceChildren: a new child with its value unset takes the value shown in its place, if of the same type", () => {
    // Gradio's render_merge: unkeyed boxes are new components, yet keep what was typed in them.
    const store = loaded();
    store.replaceChildren(1, node(1, "row", {}, [node(10, "textbox", { value: "" }), node(11, "row", {}, [node(12, "number", { value: 0 })])]));
    store.setValue(10, "typed", true);
    store.setValue(12, 5, true);
    store.replaceChildren(1, node(1, "row", {}, [node(20, "textbox", { value: "" }), node(21, "row", {}, [node(22, "number", { value: 0 })]), node(23, "textbox", { value: "" })]), [20, 22, 23]);
    assert.deepEqual([store.getValue(20), store.getValue(22), store.getValue(23)], ["typed", 5, ""]);
    // Not listed (the constructor gave a value), or another type in that place: the new value.
    store.replaceChildren(1, node(1, "row", {}, [node(30, "textbox", { value: "given" }), node(31, "column", {}, [node(32, "number", { value: 0 })])]), [32]);
    assert.deepEqual([store.getValue(30), store.getValue(32)], ["given", 0]);
  });

  test("toasts come and go, and app-wide listeners hear of each", () => {
    const store = loaded();
    let heard = 0;
    store.subscribeAll(() => heard++);
    store.addToast("warning", "Careful", "Warning", 5);
    store.addToast("info", "FYI", null, null);
    assert.deepEqual(store.toasts.map((t) => [t.level, t.message, t.title, t.duration]), [
      ["warning", "Careful", "Warning", 5],
      ["info", "FYI", null, null],
    ]);
    store.dismissToast(store.toasts[0]!.id);
    assert.deepEqual(store.toasts.map((t) => t.message), ["FYI"]);
    assert.equal(heard, 3);
  });

  test("status changes reach the component's listeners", () => {
    const store = loaded();
    let heard = 0;
    store.subscribe(2, () => heard++);
    store.setStatus(2, { stage: "pending", started: 0, progress: null, position: null, show: "full", message: null });
    assert.equal(store.statuses.get(2)?.stage, "pending");
    store.setStatus(2, null);
    assert.equal(store.statuses.has(2), false);
    assert.equal(heard, 2);
  });
});
