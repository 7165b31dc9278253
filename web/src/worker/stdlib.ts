// The standard library's zip (2.5 MB) off the start-up path. A restored snapshot already holds every module
// the boot and the app import, and its zip importer remembers the zip's table of contents from build time
// (the same file: the snapshot key hashes it), so Python starts over an empty placeholder and the real
// file is written in place once it has arrived, after the app started. Until then, a finder at the front of
// sys.meta_path holds any import that is not in memory yet until the zip is there: through run_sync where
// the stack can suspend (an event handler), else with a synchronous request (a worker may make one).

import type { Pyodide } from "./python";

/** An empty zip archive: its end-of-central-directory record alone. */
export const EMPTY_ZIP = "data:application/zip;base64,UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";

const GUARD_PY = `
import sys
from pyodide.ffi import can_run_sync, run_sync
import _wasmblocks_stdlib as _pending


class _StdlibPending:
    """Until the standard library's zip has arrived, an import that is not in memory waits for it."""

    def find_spec(self, name, path=None, target=None):
        if not _pending.arrived():
            try:
                if can_run_sync():
                    run_sync(_pending.load())
                else:
                    _pending.load_now()
            except Exception as exc:
                raise ImportError(f"cannot import {name}: the standard library did not load ({exc})") from None
        return None  # the zip is in place: the usual finders take it from here


sys.meta_path.insert(0, _StdlibPending())
del _StdlibPending
`;

const UNGUARD_PY = "import sys\nsys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != '_StdlibPending']\n";

export interface DeferredStdlib {
  /** Download the zip (once) and put it in place; resolves when imports can read it. */
  load(): Promise<void>;
}

/** Guard imports of a Python started over EMPTY_ZIP until `load()` (or a waiting import) has brought `url`. */
export function deferStdlib(py: Pyodide, url: string): DeferredStdlib {
  const zipPath: string = py.runPython("import sys\nf'/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip'");
  let arrived = false;
  let loading: Promise<void> | null = null;
  const put = (bytes: ArrayBuffer) => {
    if (arrived) return;
    py.FS.writeFile(zipPath, new Uint8Array(bytes));
    arrived = true;
    py.runPython(UNGUARD_PY);
    performance.mark("wasmblocks:stdlib-loaded");
  };
  const load = () =>
    (loading ??= fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${new URL(url).pathname}`);
        return response.arrayBuffer();
      })
      .then(put)
      .catch((err) => {
        loading = null; // the next import tries again
        throw err;
      }));
  const loadNow = () => {
    if (arrived) return;
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.responseType = "arraybuffer";
    request.send();
    if (request.status !== 200) throw new Error(`HTTP ${request.status} for ${new URL(url).pathname}`);
    put(request.response);
  };
  py.registerJsModule("_wasmblocks_stdlib", { arrived: () => arrived, load, load_now: loadNow });
  py.runPython(GUARD_PY);
  return { load };
}
