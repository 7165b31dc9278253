// The page's end of the protocol: one worker per app, requests with ids, uploads as transferables, and a
// fresh worker for the same app when Stop has to end one (docs/events.md, "Stop for anything").

import type {
  AppFiles, FileData, InitMessage, PageMessage, ServerResultMessage, UploadedMessage, WorkerMessage,
} from "../protocol";

/** What a Connection talks through: a Worker, or a MessagePort dressed as one (embed/pyscript.ts). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Starts another worker like the first (same script, same kind, and for the sandbox, its file port). */
export type WorkerFactory = () => WorkerLike;

interface Standby {
  worker: WorkerLike;
  /** What it sent before it was adopted (boot stages, its tree). */
  messages: WorkerMessage[];
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
  private spawn: WorkerFactory | null;
  private standby: Standby | null = null;
  /** What a fresh worker is sent to run the same app: the init, the app a `run` put in place, host ops. */
  private init: InitMessage | null = null;
  private replacedApp: AppFiles | null = null;
  private hostOps: PageMessage[] = [];
  /** The login the worker accepted. An object, not a field: pages/rerun.ts's views inherit this one. */
  private readonly signedIn: { as: { username: string; password: string } | null } = { as: null };

  /**
   * workerType "classic": the sandboxed player's Blob URL worker (Chromium refuses module workers there).
   * A Worker instead of a URL adopts one started earlier (index.html), with the messages it already sent;
   * `spawn` then says how to start another (a URL's is `new Worker(url)`).
   */
  constructor(
    workerUrl: URL | WorkerLike, workerType: WorkerType = "module", received: MessageEvent[] = [], spawn?: WorkerFactory,
  ) {
    this.worker = workerUrl instanceof URL ? new Worker(workerUrl, { type: workerType }) : workerUrl;
    this.spawn = spawn ?? (workerUrl instanceof URL ? () => new Worker(workerUrl, { type: workerType }) : null);
    received.forEach((event) => this.receive(event.data));
    this.listen(this.worker);
  }

  get onMessage(): (message: WorkerMessage) => void {
    return this.handler ?? (() => {});
  }

  /** Set the listener; messages that came before it are delivered to it first, in order. */
  set onMessage(handler: (message: WorkerMessage) => void) {
    this.handler = handler;
    for (const message of this.pending.splice(0)) handler(message);
  }

  private listen(worker: WorkerLike): void {
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => {
      this.receive({ type: "boot_error", message: event.message || "The worker failed to start", traceback: "" });
    };
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
    // A refused upload or server call (say, malformed) is answered with an `error` naming it: settle the
    // promise waiting for it, which would otherwise wait forever. The error still reaches the handler.
    if (message.type === "error" && message.ref) this.settle(message.ref, message.message);
    if (this.handler) this.handler(message);
    else this.pending.push(message);
  }

  private settle(ref: string, error: string): void {
    const upload = this.uploads.get(ref);
    if (upload) upload({ type: "uploaded", upload_id: ref, error });
    const call = this.calls.get(ref);
    if (call) call({ type: "server_result", call_id: ref, error });
    this.uploads.delete(ref);
    this.calls.delete(ref);
  }

  post(message: PageMessage, transfer: Transferable[] = []): void {
    this.remember(message);
    this.worker.postMessage(message, transfer);
  }

  /** The init a worker started elsewhere was sent (index.html's early start), for a restart to resend. */
  rememberInit(init: InitMessage): void {
    this.init = init;
  }

  private remember(message: PageMessage): void {
    if (message.type === "init") this.init = message;
    else if (message.type === "run") {
      this.replacedApp = message.app;
      this.dropStandby(); // it boots the app being replaced
      this.hostOps = this.hostOps.filter((op) => op.type === "install"); // `run` empties the app folder
    } else if (message.type === "install") this.hostOps.push(message);
    else if (message.type === "write_file") {
      // Its buffers are transferred (and so emptied): keep copies.
      this.hostOps.push(message.buffers ? { ...message, buffers: message.buffers.map((b) => b.slice(0)) } : message);
    }
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
    // A fresh worker after Stop is sent the same login, so the session stays signed in.
    if (answer.value === true) this.signedIn.as = { username, password };
    return answer.value === true;
  }

  /** Whether a fresh worker can take over: it knows how to start one, and what to send it. */
  canRestart(): boolean {
    return !this.terminated && this.spawn !== null && this.init !== null;
  }

  /** Start a worker that boots the same app now, to take over at once if Stop has to end this one. */
  prepareStandby(): void {
    if (this.standby || !this.canRestart()) return;
    const worker = this.startAnother();
    const standby: Standby = { worker, messages: [] };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => standby.messages.push(event.data);
    this.standby = standby;
  }

  /** The standby is not needed after all (the event ended by itself). */
  dropStandby(): void {
    this.standby?.worker.terminate();
    this.standby = null;
  }

  /**
   * End this worker and go on with a fresh one running the same app (the standby when there is one). Its
   * boot messages and tree come to onMessage as usual; uploads still waiting for an answer fail.
   */
  restartWorker(): void {
    if (!this.canRestart()) throw new Error("this connection cannot start another worker");
    const next = this.standby ?? { worker: this.startAnother(), messages: [] };
    this.standby = null;
    // Deaf to the old worker from here: nothing it still had queued may land in the fresh session.
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = next.worker;
    this.listen(next.worker);
    for (const [upload_id, answer] of this.uploads) {
      answer({ type: "uploaded", upload_id, error: "Python was restarted while the file was uploading: add it again" });
    }
    this.uploads.clear();
    for (const [call_id, answer] of this.calls) {
      answer({ type: "server_result", call_id, error: "Python was restarted before the server function answered" });
    }
    this.calls.clear();
    for (const message of next.messages) this.receive(message);
  }

  private startAnother(): WorkerLike {
    const worker = this.spawn!();
    const init = this.replacedApp ? { ...this.init!, app: this.replacedApp } : this.init!;
    worker.postMessage(init, []);
    for (const op of this.hostOps) {
      const buffers = op.type === "write_file" ? op.buffers?.map((b) => b.slice(0)) : undefined;
      worker.postMessage(buffers ? { ...op, buffers } : op, buffers ?? []);
    }
    // Its server_result names a call nobody waits for, and is dropped.
    const login = this.signedIn.as;
    if (login) worker.postMessage({ type: "login", call_id: this.nextId("login"), ...login }, []);
    return worker;
  }

  terminate(): void {
    this.terminated = true;
    this.dropStandby();
    this.worker.terminate();
  }

  /** Whether messages still reach a running app (false once terminated; see also pages/rerun.ts). */
  isCurrent(): boolean {
    return !this.terminated;
  }
}
