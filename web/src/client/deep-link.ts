// gr.DeepLinkButton's link: Gradio saves the session's component values on its server and links to them
// (`?deep_link=<id>`); with no server, the values travel in the link itself: `?deep_link=` base64url of raw
// DEFLATE of UTF-8 JSON {"v": 1, "values": [[id, value], …]}, the components the visitor or events changed.
// Values holding files are left out (their bytes live in this tab's worker only), as are gr.State ones.

import { isFileData } from "./files";
import type { AppStore } from "./store";
import type { JSONValue } from "../protocol";
import { fromBase64Url, pipe, toBase64Url } from "../share/link";

export const DEEP_LINK_PARAM = "deep_link";
const VERSION = 1;
const SKIPPED_TYPES = new Set(["state", "browserstate"]);

function holdsFile(value: unknown): boolean {
  if (isFileData(value)) return true;
  if (Array.isArray(value)) return value.some(holdsFile);
  return value !== null && typeof value === "object" && Object.values(value).some(holdsFile);
}

/** This page's URL with the changed values in `?deep_link=`. */
export async function deepLinkUrl(store: AppStore, href: string = location.href): Promise<string> {
  const values = store.changedValues().filter(([id, v]) => !SKIPPED_TYPES.has(store.get(id)?.type ?? "") && !holdsFile(v));
  const json = JSON.stringify({ v: VERSION, values });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  const url = new URL(href);
  url.searchParams.set(DEEP_LINK_PARAM, toBase64Url(packed));
  return url.toString();
}

/** The values a `?deep_link=` carries; null when there is none. Throws when the link is damaged. */
export async function readDeepLink(search: string = location.search): Promise<[number, JSONValue][] | null> {
  const payload = new URLSearchParams(search).get(DEEP_LINK_PARAM);
  if (!payload) return null;
  const text = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(fromBase64Url(payload), new DecompressionStream("deflate-raw")));
  const doc = JSON.parse(text) as { v?: unknown; values?: unknown };
  if (doc.v !== VERSION || !Array.isArray(doc.values)) throw new Error(`not a deep link of format v${VERSION}`);
  return doc.values.filter((e): e is [number, JSONValue] => Array.isArray(e) && e.length === 2 && typeof e[0] === "number");
}

/** Put a deep link's values into the freshly loaded app (no `change`: the app opens as it was). Gradio shows
 * "Deep link was not valid" as an error toast for a link it cannot use; so do we. */
export async function restoreDeepLink(store: AppStore, search: string = location.search): Promise<void> {
  let values: [number, JSONValue][] | null;
  try {
    values = await readDeepLink(search);
  } catch (err) {
    console.warn("wasmblocks: deep link", err);
    store.addToast("error", "Deep link was not valid", "Error", 10);
    return;
  }
  for (const [id, value] of values ?? []) store.restoreValue(id, value);
}
