// Files returned by Python arrive as transferred bytes; the page shows them through Blob URLs, one per path.

import type { FileRef, Update } from "../protocol";

const FILE_MARK = "gradio.FileData";

export function registerFiles(urls: Map<string, string>, refs: FileRef[] | undefined, buffers: ArrayBuffer[] | undefined) {
  if (!refs || !buffers) return;
  for (const ref of refs) {
    const old = urls.get(ref.path);
    if (old) URL.revokeObjectURL(old);
    const blob = new Blob([buffers[ref.buffer]], { type: ref.mime_type ?? "application/octet-stream" });
    urls.set(ref.path, URL.createObjectURL(blob));
  }
}

/** Fill `url` in every FileData inside a value from the Blob URLs known so far. */
export function withFileUrls(value: any, urls: Map<string, string>): any {
  if (Array.isArray(value)) return value.map((v) => withFileUrls(v, urls));
  if (value && typeof value === "object") {
    if (value.meta?._type === FILE_MARK && typeof value.path === "string") {
      return { ...value, url: urls.get(value.path) ?? value.url };
    }
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withFileUrls(v, urls);
    return out;
  }
  return value;
}

export function resolveUpdate(update: Update, urls: Map<string, string>): Update {
  if (!("value" in update) || urls.size === 0) return update;
  return { ...update, value: withFileUrls(update.value, urls) };
}
