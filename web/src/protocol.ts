// The worker ⇄ page protocol, written once per side. Same as py/wasmblocks/protocol.py; see docs/protocol.md.

/** A JSON value from the other side: `unknown` until the code that reads it has checked its shape. */
export type JSONValue = unknown;

export interface AppFiles {
  entrypoint: string;
  /** Path (relative to the app folder) → text, or bytes for data files (images, parquet, …). */
  files: Record<string, string | Uint8Array>;
  requirements: string[];
  /** The pinned plan an export writes (py/wasmblocks_build/requirements.py); without it the worker
   * hands `requirements` to micropip as they are. */
  install?: InstallPlan;
}

export interface InstallPlan {
  /** Packages that ship with Pyodide, loaded with pyodide.loadPackage from the package index. */
  pyodide: string[];
  /** Exact wheel URLs (relative ones are relative to the site), installed with micropip, deps=False. */
  wheels: string[];
  /** Pyodide packages the app's inputs need by their type (numpy, Pillow, pandas): loaded in the
   * background once the plan is in, quietly; an event that needs one loads it again and names it. */
  prefetch?: string[];
}

export interface FileData {
  path: string;
  url: string | null;
  orig_name: string | null;
  size: number | null;
  mime_type: string | null;
  /** Marks the object as a file on the wire, as Gradio does. */
  meta: { _type: "gradio.FileData" };
}

export interface FileRef {
  path: string;
  mime_type: string | null;
  buffer: number;
}

export interface Node {
  id: number;
  type: string;
  props: Record<string, JSONValue>;
  children?: Node[];
}

export type TriggerMode = "once" | "multiple" | "always_last";
export type ShowProgress = "full" | "minimal" | "hidden";
export type ApiVisibility = "public" | "private" | "undocumented";

export interface Dependency {
  id: number;
  targets: [number, string][];
  inputs: number[];
  outputs: number[];
  backend_fn: boolean;
  js: string | null;
  trigger_after: number | null;
  trigger_only_on_success: boolean;
  trigger_only_on_failure: boolean;
  cancels: number[];
  trigger_mode: TriggerMode;
  show_progress: ShowProgress;
  queue: boolean;
  api_name: string | null;
  /** Gradio's api_visibility: "public" (in the API view), "undocumented" (callable, not listed), "private". */
  api_visibility: ApiVisibility;
  scroll_to_output: boolean;
  show_progress_on: number[] | null;
  every: number | null;
  /** Seconds; the worker cancels the event then, and the page ends a worker that cannot (docs/events.md). */
  time_limit: number | null;
  /** Seconds between the frames a live webcam (or microphone) sends to its .stream() listener (Gradio's
   * stream_every); time_limit then ends the whole stream, counted from its first frame. */
  stream_every: number;
  types: { generator: boolean; cancel: boolean };
  /** Indices of inputs sent as {...props, value}: the function takes the component itself (`a: gr.Audio`). */
  component_prop_inputs?: number[];
}

export interface ThemeVars {
  light: Record<string, string>;
  dark: Record<string, string>;
}

export interface AppConfig {
  title: string;
  fill_height: boolean;
  fill_width: boolean;
  css: string | null;
  theme: string | null;
  /** CSS custom properties (names without "--") of a gr.themes theme; absent/null = the built-in look. */
  theme_vars?: ThemeVars | null;
  /** A JS function expression run once in the page after the app mounts. */
  js?: string | null;
  /** HTML appended to document.head as-is (scripts run), like Gradio's head=. */
  head?: string | null;
  version: string;
  root: Node;
  dependencies: Dependency[];
  /** launch(max_file_size=…) in bytes: the page refuses bigger uploads before sending them. */
  max_file_size: number | null;
  /** launch(auth=…): the page asks for a name and password (a login message) before it shows the app. */
  auth_required?: boolean;
  /** launch(auth_message=…): HTML shown on that login form. */
  auth_message?: string | null;
  /** launch(footer_links=…): which of "api", "gradio", "settings" the footer shows; absent/null = all. */
  footer_links?: string[] | null;
  /** launch(favicon_path=…): the page's icon, as a data: URL (the file is in the worker). */
  favicon?: string | null;
  /** launch(stop_notice_after=…): seconds an event may run without a word before the page offers to stop it. */
  stop_notice_after: number | null;
}

export interface Update {
  id: number;
  value?: JSONValue;
  props?: Record<string, JSONValue>;
}

export interface ProgressUnit {
  index?: number | null;
  length?: number | null;
  unit?: string | null;
  progress?: number | null;
  desc?: string | null;
}

export type StatusStage = "queued" | "pending" | "streaming" | "complete" | "error" | "cancelled";
export type ToastLevel = "error" | "warning" | "info" | "success";
export type BootStage = "downloading" | "starting" | "installing" | "running";

// ---- page → worker ----
export interface InitMessage {
  type: "init";
  base_url: string;
  session_hash: string;
  url: string;
  /** navigator.languages, best first: the worker translates gr.I18n texts with them. */
  languages?: string[];
  /** What the page knows of the headers a server would get (user-agent, accept-language, host, origin,
   * referer), by lower-case name: gr.Request.headers. */
  headers?: Record<string, string>;
  app?: AppFiles;
}
export interface EventMessage {
  type: "event";
  event_id: string;
  dep_id: number;
  trigger_id: number | null;
  event_name: string;
  data: JSONValue[];
  event_data: JSONValue;
  /** The page's URL when the event fired (gr.Request.url and query_params read it; a navbar link may change it). */
  url?: string;
}
export interface CancelMessage {
  type: "cancel";
  dep_ids: number[];
}
export interface UploadMessage {
  type: "upload";
  upload_id: string;
  files: { name: string; type: string; size: number }[];
  buffers: ArrayBuffer[];
}
export interface UnloadMessage {
  type: "unload";
}
/** Replace the running app with these files, keeping the started Python (the editor's preview). */
export interface RunMessage {
  type: "run";
  app: AppFiles;
}
/** Write one file below the app folder (the embed API's writeFile); text in `data`, bytes as buffers[0]. */
export interface WriteFileMessage {
  type: "write_file";
  request_id: string;
  path: string;
  data?: string;
  buffers?: ArrayBuffer[];
}
/** Install requirements with micropip into the running Python (the embed API's install). */
export interface InstallMessage {
  type: "install";
  request_id: string;
  requirements: string[];
}
/** Run server function `fn_name` of block `block_id` (Gradio's @server methods: gr.Dialogue's format, …). */
export interface ServerCallMessage {
  type: "server_call";
  call_id: string;
  block_id: number;
  fn_name: string;
  args: JSONValue[];
}
/** Check a name and password against launch(auth=…); answered by a server_result (true/false). */
export interface LoginMessage {
  type: "login";
  call_id: string;
  username: string;
  password: string;
}
/** The page's view_api() asks for the app's endpoints; answered with api_info. */
export interface ViewApiMessage {
  type: "view_api";
  request_id: string;
}
/** Give a fresh worker the session the page knows (after Stop ended the old one); bytes in `buffers`. */
export interface RestoreMessage {
  type: "restore";
  states: { id: number; buffer: number }[];
  props: { id: number; props: Record<string, JSONValue> }[];
  files: { path: string; buffer: number }[];
  buffers: ArrayBuffer[];
}
export type PageMessage =
  | InitMessage
  | EventMessage
  | CancelMessage
  | UploadMessage
  | UnloadMessage
  | RunMessage
  | WriteFileMessage
  | InstallMessage
  | ServerCallMessage
  | LoginMessage
  | ViewApiMessage
  | RestoreMessage;

// ---- worker → page ----
export interface BootMessage {
  type: "boot";
  stage: BootStage;
  detail?: string;
}
export interface BootErrorMessage {
  type: "boot_error";
  message: string;
  traceback: string;
  file?: string | null;
  line?: number | null;
}
export interface TreeMessage {
  type: "tree";
  config: AppConfig;
  /** Initial values that are files: their bytes, as in UpdateMessage. */
  files?: FileRef[];
  buffers?: ArrayBuffer[];
}
/** A @gr.render block's new children; the page swaps the subtree and the session dependencies. */
export interface RenderMessage {
  type: "render";
  block_id: number;
  /** The render event that ran the function: the page runs it again in a restarted worker. */
  event_id: string;
  node: Node;
  dependencies: Dependency[];
  removed_dependencies: number[];
  /** New children whose constructor left the value unset: they keep the value shown in their place. */
  unset_values: number[];
}
export interface StatusMessage {
  type: "status";
  event_id: string;
  dep_id: number;
  stage: StatusStage;
  message?: string | null;
  position?: number | null;
  progress?: ProgressUnit[] | null;
  success?: boolean;
  /** validator= refused the inputs: the event ends and, as in Gradio, nothing chained to it runs. */
  validation_failed?: boolean;
}
export interface UpdateMessage {
  type: "update";
  event_id: string;
  dep_id: number;
  updates: Update[];
  files?: FileRef[];
  buffers?: ArrayBuffer[];
}
export interface ToastMessage {
  type: "toast";
  level: ToastLevel;
  message: string;
  title?: string | null;
  duration?: number | null;
  event_id?: string | null;
}
export interface UploadedMessage {
  type: "uploaded";
  upload_id: string;
  files?: FileData[];
  error?: string;
}
/** The gr.State values an event used, as pickles (`buffer`: index into buffers), or why one cannot be kept. */
export interface StateMessage {
  type: "state";
  states: { id: number; buffer?: number; error?: string }[];
  buffers?: ArrayBuffer[];
}
/** Reply to write_file / install; `error` is absent when it worked. */
export interface DoneMessage {
  type: "done";
  request_id: string;
  error?: string;
}
/** Reply to server_call or login: what the function returned (JSON), or `error` when it raised. */
export interface ServerResultMessage {
  type: "server_result";
  call_id: string;
  value?: JSONValue;
  error?: string;
}
export interface ErrorMessage {
  type: "error";
  message: string;
  ref?: string | null;
}
/** Reply to view_api: gradio_client's view_api dict, and the ids of the inputs/outputs the API skips. */
export interface ApiInfoMessage {
  type: "api_info";
  request_id: string;
  info: JSONValue;
  skipped: number[];
}
export type WorkerMessage =
  | BootMessage
  | BootErrorMessage
  | TreeMessage
  | RenderMessage
  | StatusMessage
  | UpdateMessage
  | ToastMessage
  | UploadedMessage
  | StateMessage
  | ErrorMessage
  | DoneMessage
  | ServerResultMessage
  | ApiInfoMessage;

export const PAGE_MESSAGE_TYPES = [
  "init", "event", "cancel", "upload", "unload", "run", "write_file", "install", "server_call", "login", "view_api",
  "restore",
] as const;
export const WORKER_MESSAGE_TYPES = [
  "boot",
  "boot_error",
  "tree",
  "render",
  "status",
  "update",
  "toast",
  "uploaded",
  "state",
  "error",
  "done",
  "server_result",
  "api_info",
] as const;

// ---- page ↔ sandbox (no Python twin) ----
// The share player and the editor (share/sandbox-host.ts) run shared code in a sandboxed iframe
// (pages/sandbox.ts) whose worker reads the site's files through the hosting page (worker/sandbox-prelude.ts).
// These messages never reach Python; share/sandbox-messages.ts checks each one on receipt, because the
// iframe runs untrusted code that can post anything.

/** The app root's data-state, as the player and the embed element show it. */
export type AppState = "loading" | "ready" | "error";

// hosting page → sandbox iframe (window.postMessage)
/** The module loader's port (the answer to wb-loader-ready): the iframe imports sandbox.js and its chunks through it. */
export interface SandboxLoaderMessage {
  type: "wb-loader";
  base: string;
  port: MessagePort;
}
/** Boot: the app, the site's URL, the worker's source (prelude + classic worker) and the file port. */
export interface SandboxStartMessage {
  type: "wb-start";
  app: AppFiles;
  base: string;
  workerSource: string;
  port: MessagePort;
}
/** Replace the running app in the same worker (the editor's Run). */
export interface SandboxRunMessage {
  type: "wb-run";
  app: AppFiles;
}
export type HostToSandboxMessage = SandboxLoaderMessage | SandboxStartMessage | SandboxRunMessage;

// sandbox iframe → hosting page
/** The iframe's inline loader runs (es-module-shims is next): the page may send wb-loader. */
export interface SandboxLoaderReadyMessage {
  type: "wb-loader-ready";
}
/** sandbox.js (or a chunk it imports statically) could not load; the page shows `message`. */
export interface SandboxLoadErrorMessage {
  type: "wb-load-error";
  message: string;
}
/** The iframe's script listens: the page may send wb-start. */
export interface SandboxReadyMessage {
  type: "wb-sandbox-ready";
}
/** The app root's data-state changed; `title` is the app's document title. */
export interface SandboxStateMessage {
  type: "wb-state";
  state: AppState;
  title: string;
}
/** The app failed to start (the editor points at its file and line). */
export interface SandboxBootErrorMessage {
  type: "wb-boot-error";
  error: BootErrorMessage;
}
export type SandboxToHostMessage =
  | SandboxLoaderReadyMessage
  | SandboxLoadErrorMessage
  | SandboxReadyMessage
  | SandboxStateMessage
  | SandboxBootErrorMessage;

// sandbox iframe → its worker, before `init`; the prelude takes it and worker.ts never sees it
/** The file port, and the site origin whose requests go through it. */
export interface SandboxProxyMessage {
  type: "wb-proxy";
  port: MessagePort;
  origin: string;
}

// sandbox worker (and the iframe's module loader) ⇄ hosting page, over their file ports (no `type`: a port
// carries nothing else); the page answers both with the same checks (share/file-policy.ts)
/** A GET of one of the site's files; the reply echoes `id`. */
export interface FileRequest {
  id: number;
  url: string;
}
/** The response to a FileRequest: status, Content-Type and body, as fetch() gave them. */
export interface FileResponse {
  id: number;
  status: number;
  type: string;
  body: ArrayBuffer;
}
/** The request could not be made (a network error): the worker's fetch() rejects with `error`. */
export interface FileFailure {
  id: number;
  error: string;
}
export type FileReply = FileResponse | FileFailure;
