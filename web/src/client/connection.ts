// The page's end of the protocol: one worker per app, requests with ids, uploads as transferables.

import type { FileData, PageMessage, SandboxProxyMessage, ServerResultMessage, UploadedMessage, WorkerMessage } from "../protocol";

/** What a Connection talks through: a Worker, or a MessagePort dressed as one (embed/pyscript.ts). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class Connection {
  private worker: WorkerLike;
  private uploads = new Map<string, (reply: UploadedMessage) => void>();
  private calls = new Map<string, (reply: ServerResultMessage) => void>();
  private seq = 0;
  private terminated = false;
  private handler: ((message: WorkerMessage) => void) | null = null;
  /** Messages that arrived before anyone listened (an early-started worker's first boot stages). */
  private pending: WorkerMessage[] = [];

  /**
   * workerType "classic": the sandboxed player's Blob URL worker (Chromium refuses module workers there).
   * A Worker instead of a URL adopts one started earlier (index.html), with the messages it already sent.
   */
  constructor(workerUrl: URL | WorkerLike, workerType: WorkerType = "module", received: MessageEvent[] = []) {
    this.worker = workerUrl instanceof URL ? new Worker(workerUrl, { type: workerType }) : workerUrl;
    received.forEach((event) => this.receive(event.data));
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.receive({ type: "boot_error", message: event.message || "The worker failed to start", traceback: "" });
    };
  }

  get onMessage(): (message: WorkerMessage) => void {
    return this.handler ?? (() => {});
  }

  /** Set the listener; messages that came before it are delivered to it first, in order. */
  set onMessage(handler: (message: WorkerMessage) => void) {
    this.handler = handler;
    for (const message of this.pending.splice(0)) handler(message);
  }

  private receive(message: WorkerMessage): void {
    if (message.type === "uploaded") {
      this.uploads.get(message.upload_id)?.(message);
      this.uploads.delete(message.upload_id);
      return;
    }
    if (message.type === "server_result") {
      this.calls.get(message.call_id)?.(message);
      this.calls.delete(message.call_id);
      return;
    }
    if (this.handler) this.handler(message);
    else this.pending.push(message);
  }

  post(message: PageMessage, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** The sandboxed worker's file port (pages/sandbox.ts): taken by its prelude before any protocol message. */
  postToPrelude(message: SandboxProxyMessage, transfer: Transferable[]): void {
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

  /** Run server function `name` of block `blockId` in the worker; resolves with what it returned. */
  async callServer(blockId: number, name: string, args: unknown[]): Promise<unknown> {
    const call_id = this.nextId("call");
    const reply = new Promise<ServerResultMessage>((resolve) => this.calls.set(call_id, resolve));
    this.post({ type: "server_call", call_id, block_id: blockId, fn_name: name, args });
    const answer = await reply;
    if (answer.error != null) throw new Error(answer.error);
    return answer.value;
  }

  /** Check a name and password against the app's launch(auth=…); true when they are accepted. */
  async login(username: string, password: string): Promise<boolean> {
    const call_id = this.nextId("login");
    const reply = new Promise<ServerResultMessage>((resolve) => this.calls.set(call_id, resolve));
    this.post({ type: "login", call_id, username, password });
    const answer = await reply;
    if (answer.error != null) throw new Error(answer.error);
    return answer.value === true;
  }

  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
  }

  /** Whether messages still reach a running app (false once terminated; see also pages/rerun.ts). */
  isCurrent(): boolean {
    return !this.terminated;
  }
}
