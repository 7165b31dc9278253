// Listings (web/src/components/file_explorer-listing.ts): a FileExplorer's folders, listed through its `ls`
// server function. Replies are resolved by hand here, so a slow or late reply can be made to arrive last.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type FileNode, Listings } from "../../web/src/components/file_explorer-listing";

interface Call {
  path: string[];
  answer(value: unknown): void;
  fail(message: string): void;
}

function listings() {
  const calls: Call[] = [];
  const arrived: { path: string[]; names: string[]; first: boolean }[] = [];
  const made = new Listings(
    (path) =>
      new Promise((resolve, reject) =>
        calls.push({ path, answer: resolve, fail: (m) => reject(new Error(m)) }),
      ),
    (path, nodes, first) => arrived.push({ path, names: nodes.map((n) => n.name), first }),
  );
  return { made, calls, arrived };
}

const file = (name: string): FileNode => ({ type: "file", name, valid: true });
const folder = (name: string): FileNode => ({ type: "folder", name, valid: false });
const call = (calls: Call[], i: number): Call => {
  const c = calls[i];
  assert.ok(c, `no ls call #${i}`);
  return c;
};

describe("Listings", () => {
  test("a folder's entries are kept as the worker sent them; malformed entries are dropped", async () => {
    const { made, calls, arrived } = listings();
    const done = made.load(["notes"]);
    call(calls, 0).answer([file("a.md"), { name: 3, type: "file" }, { name: "x", type: "link" }, null, folder("sub")]);
    assert.deepEqual(await done, [file("a.md"), folder("sub")]);
    assert.deepEqual(made.get(["notes"]), [file("a.md"), folder("sub")]);
    assert.deepEqual(arrived, [{ path: ["notes"], names: ["a.md", "sub"], first: true }]);
  });

  test("an older reply that arrives after a newer one for the same folder is dropped", async () => {
    const { made, calls } = listings();
    const older = made.load([]);
    const newer = made.load([]);
    call(calls, 1).answer([file("new.txt")]);
    await newer;
    call(calls, 0).answer([file("old.txt")]);
    await older;
    assert.deepEqual(made.get([]), [file("new.txt")]);
  });

  test("a reply that arrives after a reset (new root_dir, glob or ignore_glob) is dropped", async () => {
    const { made, calls, arrived } = listings();
    made.open.add("sub");
    const late = made.load([]);
    made.reset();
    assert.equal(made.open.size, 0);
    call(calls, 0).answer([file("from-the-old-root")]);
    await late;
    assert.equal(made.get([]), undefined);
    assert.deepEqual(arrived, []);
  });

  test("a failed listing keeps what the tree had", async () => {
    const { made, calls } = listings();
    const first = made.load([]);
    call(calls, 0).answer([file("kept.txt")]);
    await first;
    const again = made.load([]);
    call(calls, 1).fail("PermissionError");
    const warn = console.warn;
    console.warn = () => {};
    try {
      assert.deepEqual(await again, [file("kept.txt")]);
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(made.get([]), [file("kept.txt")]);
  });

  test("refresh lists the root and the open folders again, not the closed ones", async () => {
    const { made, calls, arrived } = listings();
    const root = made.load([]);
    call(calls, 0).answer([folder("open"), folder("closed"), file("f")]);
    await root;
    const sub = made.load(["open"]);
    call(calls, 1).answer([file("g")]);
    await sub;
    made.open.add("open");
    const refreshed = made.refresh();
    await Promise.resolve();
    assert.deepEqual(calls.slice(2).map((c) => c.path), [[], ["open"]]);
    call(calls, 2).answer([folder("open"), folder("closed"), file("f"), file("written-by-an-event")]);
    call(calls, 3).answer([file("g")]);
    await refreshed;
    assert.deepEqual(made.get([])?.map((n) => n.name), ["open", "closed", "f", "written-by-an-event"]);
    assert.equal(arrived.at(-2)?.first, false);
  });

  test("a refresh asked for while one runs runs once more after it, not alongside", async () => {
    const { made, calls } = listings();
    const first = made.refresh();
    const second = made.refresh();
    assert.equal(calls.length, 1);
    call(calls, 0).answer([]);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(calls.length, 2); // the second pass started only after the first had its reply
    call(calls, 1).answer([file("late.txt")]);
    await Promise.all([first, second]);
    assert.deepEqual(made.get([]), [file("late.txt")]);
  });
});
