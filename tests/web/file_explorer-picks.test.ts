// Picks (web/src/components/file_explorer-picks.ts): a FileExplorer's checked files and folders. The folder
// listings a folder check waits for are answered by hand, so a click can land while they are in flight —
// the moment a user's (or a Playwright test's) click used to be undone by the folder's value arriving.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { FileNode } from "../../web/src/components/file_explorer-listing";
import { type Path, Picks } from "../../web/src/components/file_explorer-picks";

const file = (name: string): FileNode => ({ type: "file", name });
const folder = (name: string, valid = false): FileNode => ({ type: "folder", name, valid });

// dir4 as in Gradio's file_explorer_component_events demo: . dir5 dir7 dir_4_bar.log dir_4_foo.txt
const TREE: Record<string, FileNode[]> = {
  "": [folder("dir4", true), file("dir3_bar.log")],
  dir4: [folder("dir5"), folder("dir7"), file("dir_4_bar.log"), file("dir_4_foo.txt")],
  "dir4/dir5": [file("dir5_foo.txt")],
  "dir4/dir7": [file("dir7_foo.txt")],
};

function picks(single = false) {
  let value: Path[] = [];
  const changes: Path[][] = [];
  const held: { path: Path; answer(): void }[] = [];
  const work: Promise<void>[] = [];
  let inputs = 0;
  const made = new Picks(
    {
      value: () => value,
      setValue: (next) => {
        value = next;
        changes.push(next);
      },
      unchanged: () => inputs++,
      list: (path) => new Promise((resolve) => held.push({ path, answer: () => resolve(TREE[path.join("/")] ?? []) })),
      changed: () => {},
      track: (w) => work.push(w),
    },
    () => single,
  );
  /** Answer every listing asked for, as they come, until the folder checks in flight have landed. */
  const answerAll = async (): Promise<void> => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 0));
      const next = held.shift();
      if (!next) break;
      next.answer();
    }
    await Promise.all(work);
  };
  return { made, changes, held, answerAll, value: () => value, inputs: () => inputs };
}

const names = (paths: Path[]): string[] => paths.map((p) => p.join("/"));

describe("Picks", () => {
  test("a checked folder's entries show checked at once, before its listings come back", () => {
    const { made, held, changes } = picks();
    made.check(["dir4"], true, folder("dir4", true));
    assert.equal(held.length, 1, "dir4 is being listed");
    assert.deepEqual(changes, [], "the value waits for the listings");
    assert.ok(made.isSelected(["dir4"], "folder"));
    assert.ok(made.isSelected(["dir4", "dir_4_foo.txt"], "file"));
    assert.ok(made.isSelected(["dir4", "dir5"], "folder"));
    assert.ok(!made.isSelected(["dir3_bar.log"], "file"));
  });

  test("checking a file inside a folder whose check is in flight is kept, and the value changes once", async () => {
    const { made, changes, answerAll, value } = picks();
    made.check(["dir4"], true, folder("dir4", true));
    // A click that reached the page before the redraw showing the box checked: it checks, and stays checked.
    made.check(["dir4", "dir_4_foo.txt"], true, file("dir_4_foo.txt"));
    made.check(["dir3_bar.log"], true, file("dir3_bar.log"));
    assert.ok(made.isSelected(["dir4", "dir_4_foo.txt"], "file"));
    await answerAll();
    assert.ok(made.isSelected(["dir4", "dir_4_foo.txt"], "file"), "the folder's value landing did not undo the click");
    assert.ok(made.isSelected(["dir4"], "folder"));
    assert.deepEqual(new Set(names(value())), new Set(["dir4/dir_4_foo.txt", "dir3_bar.log", "dir4/.", "dir4/dir_4_bar.log",
      "dir4/dir5/dir5_foo.txt", "dir4/dir7/dir7_foo.txt"]));
    assert.equal(new Set(names(value())).size, value().length, "no file twice");
    assert.equal(changes.length, 3, "one change per click: the two files, then the folder's contents");
  });

  test("unchecking an entry while its folder's check is in flight keeps it unchecked when the folder lands", async () => {
    const { made, answerAll, value } = picks();
    made.check(["dir4"], true, folder("dir4", true));
    made.check(["dir4", "dir_4_foo.txt"], false, file("dir_4_foo.txt"));
    assert.ok(!made.isSelected(["dir4", "dir_4_foo.txt"], "file"));
    assert.ok(!made.isSelected(["dir4"], "folder"), "unchecking a file unchecks the folders it is in (Gradio)");
    assert.ok(made.isSelected(["dir4", "dir5"], "folder"), "a sibling folder stays checked");
    await answerAll();
    assert.ok(!made.isSelected(["dir4", "dir_4_foo.txt"], "file"));
    assert.ok(!made.isSelected(["dir4"], "folder"));
    assert.ok(made.isSelected(["dir4", "dir7"], "folder"));
    assert.deepEqual(names(value()), ["dir4/.", "dir4/dir_4_bar.log", "dir4/dir5/dir5_foo.txt", "dir4/dir7/dir7_foo.txt"]);
  });

  test("unchecking a subfolder while the check is in flight leaves out everything below it", async () => {
    const { made, answerAll, value } = picks();
    made.check(["dir4"], true, folder("dir4", true));
    made.check(["dir4", "dir5"], false, folder("dir5"));
    assert.ok(!made.isSelected(["dir4", "dir5", "dir5_foo.txt"], "file"));
    await answerAll();
    assert.ok(!made.isSelected(["dir4", "dir5"], "folder"));
    assert.ok(!names(value()).some((f) => f.startsWith("dir4/dir5")));
    assert.ok(names(value()).includes("dir4/dir7/dir7_foo.txt"));
  });

  test("unchecking the folder itself before its listings come back drops its check entirely", async () => {
    const { made, answerAll, value, changes } = picks();
    made.check(["dir4"], true, folder("dir4", true));
    made.check(["dir4"], false, folder("dir4", true));
    assert.ok(!made.isSelected(["dir4", "dir_4_foo.txt"], "file"));
    await answerAll();
    assert.deepEqual(value(), []);
    assert.deepEqual(changes, [], "nothing was ever in the value");
  });

  test("two clicks between renders both count (the value is read from the store, not the last render)", () => {
    const { made, value } = picks();
    made.check(["dir3_bar.log"], true, file("dir3_bar.log"));
    made.check(["dir4", "dir_4_foo.txt"], true, file("dir_4_foo.txt"));
    assert.deepEqual(names(value()), ["dir3_bar.log", "dir4/dir_4_foo.txt"]);
  });

  test("a click that leaves the value as it was still fires input", async () => {
    const { made, answerAll, inputs, changes } = picks();
    made.check(["dir4", "dir_4_foo.txt"], false, file("dir_4_foo.txt"));
    await answerAll();
    assert.equal(inputs(), 1);
    assert.deepEqual(changes, []);
  });

  test("file_count='single' keeps only the last file checked", () => {
    const { made, value } = picks(true);
    made.check(["dir3_bar.log"], true, file("dir3_bar.log"));
    made.check(["dir4", "dir_4_foo.txt"], true, file("dir_4_foo.txt"));
    assert.deepEqual(names(value()), ["dir4/dir_4_foo.txt"]);
  });
});
