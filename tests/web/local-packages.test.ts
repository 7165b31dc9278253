// localPackages (web/src/worker/local-packages.ts): an app without an export's plan (a share link, the
// editor) prefetches only the packages the site serves itself, dependencies included.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { localPackages } from "../../web/src/worker/local-packages";

const lock = {
  numpy: { file_name: "numpy-2.4.6-cp314.whl", depends: [] },
  pillow: { file_name: "pillow-12.2.0-cp314.whl", depends: [] },
  pandas: { file_name: "pandas-2.3.0-cp314.whl", depends: ["numpy", "python-dateutil"] },
  "python-dateutil": { file_name: "https://cdn.example/python_dateutil-2.9.whl", depends: [] },
  tzdata: { file_name: "https://cdn.example/tzdata.whl", depends: [] },
};

describe("localPackages", () => {
  test("keeps the packages whose files are on the site, by normalised name", () => {
    assert.deepEqual(localPackages(lock, ["numpy", "Pillow"]), ["numpy", "Pillow"]);
  });
  test("drops a package on the index, or with a dependency there, or not in the lock", () => {
    assert.deepEqual(localPackages(lock, ["tzdata", "pandas", "nothere", "numpy"]), ["numpy"]);
  });
});
