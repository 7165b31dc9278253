// Files returned by Python arrive as transferred bytes; the page shows them through Blob URLs, one per path.

import type { FileData, FileRef, JSONValue, Update } from "../protocol";

const FILE_MARK = "gradio.FileData";

export function registerFiles(urls: Map<string, string>, refs: FileRef[] | undefined, buffers: ArrayBuffer[] | undefined) {
  if (!refs || !buffers) return;
  for (const ref of refs) {
    const bytes = buffers[ref.buffer];
    if (!bytes) continue; // a reference past the buffers sent: no file to show
    const old = urls.get(ref.path);
    if (old) URL.revokeObjectURL(old);
    const blob = new Blob([bytes], { type: ref.mime_type ?? "application/octet-stream" });
    urls.set(ref.path, URL.createObjectURL(blob));
  }
}

/** Whether a value is a FileData (Gradio marks files with meta._type wherever they sit in a value). */
export function isFileData(value: unknown): value is FileData {
  if (typeof value !== "object" || value === null) return false;
  const { meta, path } = value as { meta?: unknown; path?: unknown };
  return typeof meta === "object" && meta !== null && (meta as { _type?: unknown })._type === FILE_MARK && typeof path === "string";
}

/** `value` (a tree node, a value) with `url` filled in every FileData from the Blob URLs known so far. */
export function withFileUrls<T extends JSONValue>(value: T, urls: Map<string, string>): T {
  return fill(value, urls) as T; // the same shape: only the files' `url`s change
}

function fill(value: JSONValue, urls: Map<string, string>): JSONValue {
  if (Array.isArray(value)) return value.map((v) => fill(v, urls));
  if (isFileData(value)) return { ...value, url: urls.get(value.path) ?? value.url };
  if (value && typeof value === "object") {
    const out: Record<string, JSONValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fill(v, urls);
    return out;
  }
  return value;
}

export function resolveUpdate(update: Update, urls: Map<string, string>): Update {
  if (!("value" in update) || urls.size === 0) return update;
  return { ...update, value: withFileUrls(update.value, urls) };
}

/** The worker paths of every FileData inside a value (what a restarted worker must have again). */
export function filePaths(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => filePaths(v, into));
  else if (isFileData(value)) into.add(value.path);
  else if (value && typeof value === "object") Object.values(value).forEach((v) => filePaths(v, into));
  return into;
}
