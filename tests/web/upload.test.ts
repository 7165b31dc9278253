// web/src/client/upload.ts: the upload rules the page checks before any bytes move (launch(max_file_size=…),
// file_types), with a toast naming the file and the rule, as Gradio shows them.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppStore } from "../../web/src/client/store";
import { acceptFor, prettyBytes, refusal, typeMatches, uploadChecked } from "../../web/src/client/upload";
import type { FileData } from "../../web/src/protocol";
import { appConfig } from "./fakes";

const png = new File([new Uint8Array(2048)], "Cat.PNG", { type: "image/png" });
const csv = new File(["a,b\n1,2\n"], "table.csv", { type: "text/csv" });

describe("file_types", () => {
  test("acceptFor: extensions and MIME types stay, categories become type/*, 'file' accepts all", () => {
    assert.equal(acceptFor([".csv", "image", "audio/wav"]), ".csv, image/*, audio/wav");
    assert.equal(acceptFor(["file", ".csv"]), undefined);
    assert.equal(acceptFor([]), undefined);
    assert.equal(acceptFor([".nii.gz"]), ".nii.gz, .gz"); // Gradio widens compound extensions
    assert.equal(acceptFor([".gz", ".nii.gz"]), ".gz, .nii.gz");
    assert.equal(acceptFor(null), undefined);
  });

  test("typeMatches: by extension (any case), category or exact MIME type", () => {
    assert.ok(typeMatches(png, [".png"]));
    assert.ok(typeMatches(png, ["image"]));
    assert.ok(typeMatches(png, ["image/png"]));
    assert.ok(!typeMatches(png, ["image/jpeg", ".jpg", "video"]));
    assert.ok(typeMatches(csv, ["file"]));
    assert.ok(typeMatches(csv, undefined));
    const nifti = new File(["x"], "brain.nii.gz", { type: "application/gzip" });
    assert.ok(typeMatches(nifti, [".nii.gz"]));
    assert.ok(!typeMatches(new File(["x"], "brain.nii"), [".nii.gz"]));
    assert.ok(!typeMatches(new File(["x"], ".nii.gz"), [".nii.gz"]));
  });
});

describe("refusal", () => {
  test("names the file and the limit, or the allowed types", () => {
    assert.equal(refusal([csv, png], null, 1000), 'File "Cat.PNG" (2.0 KB) exceeds the maximum file size of 1000 B.');
    assert.equal(refusal([csv, png], [".csv"], null), 'Invalid file type: Cat.PNG. Only .csv allowed.');
    assert.equal(refusal([csv, png], [".csv", "image"], 4096), null);
  });

  test("prettyBytes counts in 1024s", () => {
    assert.deepEqual([0, 1023, 1024, 1536, 5 * 1024 ** 3].map(prettyBytes), ["0 B", "1023 B", "1.0 KB", "1.5 KB", "5.0 GB"]);
  });
});

describe("uploadChecked", () => {
  function store(maxSize: number | null, upload: (files: File[]) => Promise<FileData[]>) {
    const s = new AppStore();
    s.load({ ...appConfig([]), max_file_size: maxSize });
    s.upload = upload;
    return s;
  }
  const uploaded: FileData = { path: "/tmp/s/table.csv", url: null, orig_name: "table.csv", size: 8, mime_type: "text/csv", meta: { _type: "gradio.FileData" } };

  test("a file that breaks a rule is never sent: a toast says why", async () => {
    let sent = 0;
    const s = store(1000, async () => (sent++, [uploaded]));
    assert.equal(await uploadChecked(s, [png], null), null);
    assert.equal(await uploadChecked(s, [csv], [".txt"]), null);
    assert.equal(sent, 0);
    assert.deepEqual(s.toasts.map((t) => [t.level, t.title]), [["error", null], ["error", null]]);
    assert.equal(await uploadChecked(s, [csv], [".txt"], "warning"), null);
    assert.equal(s.toasts.at(-1)?.level, "warning");
  });

  test("what passes is uploaded; a failed upload is a toast, not an exception", async () => {
    const ok = store(null, async () => [uploaded]);
    assert.deepEqual(await uploadChecked(ok, [csv], [".csv"]), [uploaded]);
    const failing = store(null, async () => {
      throw new Error("worker gone");
    });
    assert.equal(await uploadChecked(failing, [csv]), null);
    assert.deepEqual(failing.toasts.map((t) => t.message), ["Upload failed: worker gone"]);
  });
});
