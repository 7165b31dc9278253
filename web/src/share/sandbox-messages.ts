// Checks for the page ↔ sandbox messages of protocol.ts. The sandboxed iframe runs untrusted code, which
// can post anything to the hosting page, so every receiver passes what arrives through one of these and
// drops what is not a well-formed message: a malformed one is refused, it never throws or reaches a handler.

import type {
  AppFiles,
  AppState,
  BootErrorMessage,
  FileReply,
  FileRequest,
  HostToSandboxMessage,
  SandboxProxyMessage,
  SandboxToHostMessage,
} from "../protocol";

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isPort = (v: unknown): v is MessagePort => typeof MessagePort === "function" && v instanceof MessagePort;
/** Absent, null, or of the checked type (protocol fields `x?: T | null`). */
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || v === null || check(v);
const APP_STATES: readonly unknown[] = ["loading", "ready", "error"] satisfies AppState[];

export const isAppState = (v: unknown): v is AppState => APP_STATES.includes(v);

export function isAppFiles(v: unknown): v is AppFiles {
  if (!isObject(v) || !isString(v.entrypoint) || !isStrings(v.requirements) || !isObject(v.files)) return false;
  if (!Object.values(v.files).every((f) => isString(f) || f instanceof Uint8Array)) return false;
  return v.install === undefined || (isObject(v.install) && isStrings(v.install.pyodide) && isStrings(v.install.wheels));
}

export function isBootError(v: unknown): v is BootErrorMessage {
  return (
    isObject(v) &&
    v.type === "boot_error" &&
    isString(v.message) &&
    isString(v.traceback) &&
    optional(v.file, isString) &&
    optional(v.line, Number.isInteger)
  );
}

/** What the sandbox iframe accepts from its hosting page (wb-loader is read by the inline loader itself). */
export function asHostToSandbox(data: unknown): HostToSandboxMessage | null {
  if (!isObject(data)) return null;
  if (data.type === "wb-loader") {
    return isString(data.base) && URL.canParse(data.base) && isPort(data.port) ? { type: "wb-loader", base: data.base, port: data.port } : null;
  }
  if (!isAppFiles(data.app)) return null;
  if (data.type === "wb-run") return { type: "wb-run", app: data.app };
  if (data.type === "wb-start" && isString(data.base) && isString(data.workerSource) && isPort(data.port)) {
    if (!URL.canParse(data.base)) return null;
    return { type: "wb-start", app: data.app, base: data.base, workerSource: data.workerSource, port: data.port };
  }
  return null;
}

/** What the hosting page accepts from the sandbox iframe. */
export function asSandboxToHost(data: unknown): SandboxToHostMessage | null {
  if (!isObject(data)) return null;
  switch (data.type) {
    case "wb-loader-ready":
    case "wb-sandbox-ready":
      return { type: data.type };
    case "wb-load-error":
      return isString(data.message) ? { type: "wb-load-error", message: data.message } : null;
    case "wb-state":
      if (!isAppState(data.state) || !isString(data.title)) return null;
      return { type: "wb-state", state: data.state, title: data.title };
    case "wb-boot-error":
      return isBootError(data.error) ? { type: "wb-boot-error", error: data.error } : null;
    default:
      return null;
  }
}

/** The sandbox worker's prelude takes this one message from its iframe. */
export function asProxy(data: unknown): SandboxProxyMessage | null {
  if (!isObject(data) || data.type !== "wb-proxy" || !isPort(data.port) || !isString(data.origin)) return null;
  return { type: "wb-proxy", port: data.port, origin: data.origin };
}

/** A file request the hosting page answers (the prelude sends only these on the port). */
export function asFileRequest(data: unknown): FileRequest | null {
  if (!isObject(data) || !Number.isInteger(data.id) || !isString(data.url)) return null;
  return { id: data.id as number, url: data.url };
}

/** The hosting page's reply to a file request. */
export function asFileReply(data: unknown): FileReply | null {
  if (!isObject(data) || !Number.isInteger(data.id)) return null;
  const id = data.id as number;
  if (isString(data.error)) return { id, error: data.error };
  if (!Number.isInteger(data.status) || !isString(data.type) || !(data.body instanceof ArrayBuffer)) return null;
  return { id, status: data.status as number, type: data.type, body: data.body };
}
