// The embed API's worker messages (docs/embedding.md): `write_file` puts one file into the app folder,
// `install` installs requirements into the running Python. Both answer with `done`; neither goes to the app.

import type { InstallMessage, WorkerMessage, WriteFileMessage } from "../protocol";
import { installAppPackages, writeAppFiles } from "./app-files";
import { errorText } from "../error-text";
import type { RunningPython } from "./restart";

type Post = (message: WorkerMessage) => void;

/** Run one host operation on a started Python; `running` is null when Python never started. */
export async function hostOp(running: RunningPython | null, message: WriteFileMessage | InstallMessage, post: Post) {
  const { request_id } = message;
  try {
    if (!running) throw new Error("Python did not start in this worker (see the boot error)");
    if (message.type === "write_file") {
      const bytes = message.buffers?.[0];
      if (bytes === undefined && typeof message.data !== "string") throw new Error("write_file needs `data` (text) or one buffer");
      // writeAppFiles checks the path (relative, no ..) and makes its folders.
      writeAppFiles(running.py, running.appDir, {
        entrypoint: "",
        files: { [message.path]: bytes !== undefined ? new Uint8Array(bytes) : message.data! },
        requirements: [],
      });
    } else {
      const requirements = (message.requirements ?? []).map(String);
      // No stage callback: a running app keeps its UI while packages install.
      await installAppPackages(running.py, running.base, { entrypoint: "", files: {}, requirements }, () => {});
    }
    post({ type: "done", request_id });
  } catch (err) {
    post({ type: "done", request_id, error: errorText(err) });
  }
}
