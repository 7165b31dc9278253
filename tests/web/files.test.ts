// web/src/client/files.ts: files from Python get Blob URLs, one per worker path, found wherever they sit in a value.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { registerFiles, resolveUpdate, withFileUrls } from "../../web/src/client/files";
import type { FileData } from "../../web/src/protocol";

const file = (path: string, url: string | null = null): FileData => ({
  path,
  url,
  orig_name: path.split("/").pop() ?? null,
  size: null,
  mime_type: null,
  meta: { _type: "gradio.FileData" },
});

describe("registerFiles", () => {
  test("gives each path a Blob URL of its bytes, and replaces (revokes) an older one", async () => {
    const urls = new Map<string, string>();
    const bytes = new TextEncoder().encode("hello").buffer;
    registerFiles(urls, [{ path: "/tmp/a.txt", mime_type: "text/plain", buffer: 0 }], [bytes]);
    const first = urls.get("/tmp/a.txt");
    assert.ok(first?.startsWith("blob:"));
    const again = new TextEncoder().encode("again").buffer;
    registerFiles(urls, [{ path: "/tmp/a.txt", mime_type: null, buffer: 0 }], [again]);
    assert.notEqual(urls.get("/tmp/a.txt"), first);
    const blob = await fetch(urls.get("/tmp/a.txt")!).then((r) => r.text());
    assert.equal(blob, "again");
    await assert.rejects(fetch(first!)); // revoked
  });

  test("does nothing without refs or buffers", () => {
    const urls = new Map<string, string>();
    registerFiles(urls, undefined, undefined);
    registerFiles(urls, [{ path: "/x", mime_type: null, buffer: 0 }], undefined);
    assert.equal(urls.size, 0);
  });
});

describe("withFileUrls", () => {
  const urls = new Map([["/tmp/cat.png", "blob:cat"]]);

  test("fills url in every FileData, nested in lists and dicts", () => {
    const value = { gallery: [[file("/tmp/cat.png"), "a cat"]], other: file("/tmp/dog.png", "kept") };
    assert.deepEqual(withFileUrls(value, urls), {
      gallery: [[file("/tmp/cat.png", "blob:cat"), "a cat"]],
      other: file("/tmp/dog.png", "kept"),
    });
  });

  test("an object without the FileData mark is not a file, even with a path", () => {
    const plain = { path: "/tmp/cat.png", url: null };
    assert.deepEqual(withFileUrls(plain, urls), plain);
    assert.deepEqual(withFileUrls([1, "two", null], urls), [1, "two", null]);
  });

  test("resolveUpdate leaves an update without a value, or with no URLs known, as it is", () => {
    const update = { id: 1, props: { label: "x" } };
    assert.equal(resolveUpdate(update, urls), update);
    const valued = { id: 1, value: file("/tmp/cat.png") };
    assert.equal(resolveUpdate(valued, new Map()), valued);
    assert.deepEqual(resolveUpdate(valued, urls), { id: 1, value: file("/tmp/cat.png", "blob:cat") });
  });
});
