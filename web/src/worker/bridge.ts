// Messages ⇄ Python: page messages go to the app's handler as JSON; Python's messages come back as JSON
// text plus the paths of files whose bytes this side reads from the file system and transfers.

import type { PageMessage, WorkerMessage } from "../protocol";
import type { AppHandler, Pyodide, Send } from "./python";

type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

export function makeSender(py: Pyodide, post: Post): Send {
  return (text, paths) => {
    const message = JSON.parse(text) as WorkerMessage;
    if (!paths) {
      post(message);
      return;
    }
    const buffers = paths.split("\n").map((path) => {
      const bytes: Uint8Array = py.FS.readFile(path);
      return bytes.buffer.byteLength === bytes.byteLength ? bytes.buffer : bytes.slice().buffer;
    });
    post({ ...message, buffers } as WorkerMessage, buffers as ArrayBuffer[]);
  };
}

/** Hand one page message to Python; ArrayBuffers travel beside the JSON, never inside it. */
export function deliver(handler: AppHandler, message: PageMessage): void {
  if (message.type === "upload" || message.type === "restore") {
    const { buffers, ...rest } = message;
    handler(JSON.stringify(rest), buffers);
    return;
  }
  handler(JSON.stringify(message), null);
}
