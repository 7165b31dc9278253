// The page's end of the protocol: one worker per app, requests with ids, uploads as transferables.

import type { FileData, PageMessage, UploadedMessage, WorkerMessage } from "../protocol";

export class Connection {
  private worker: Worker;
  private uploads = new Map<string, (reply: UploadedMessage) => void>();
  private seq = 0;
  onMessage: (message: WorkerMessage) => void = () => {};

  /** workerType "classic": the sandboxed player's Blob URL worker (Chromium refuses module workers there). */
  constructor(workerUrl: URL, workerType: WorkerType = "module") {
    this.worker = new Worker(workerUrl, { type: workerType });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === "uploaded") {
        this.uploads.get(message.upload_id)?.(message);
        this.uploads.delete(message.upload_id);
        return;
      }
      this.onMessage(message);
    };
    this.worker.onerror = (event) => {
      this.onMessage({ type: "boot_error", message: event.message || "The worker failed to start", traceback: "" });
    };
  }

  post(message: PageMessage, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.seq}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Copy files into the worker's session dir; resolves with their FileData. */
  async upload(files: File[]): Promise<FileData[]> {
    const buffers = await Promise.all(files.map((f) => f.arrayBuffer()));
    const upload_id = this.nextId("upload");
    const reply = new Promise<UploadedMessage>((resolve) => this.uploads.set(upload_id, resolve));
    this.post(
      { type: "upload", upload_id, files: files.map((f) => ({ name: f.name, type: f.type, size: f.size })), buffers },
      buffers,
    );
    const answer = await reply;
    if (answer.error || !answer.files) throw new Error(answer.error ?? "upload failed");
    return answer.files;
  }

  terminate(): void {
    this.worker.terminate();
  }
}
