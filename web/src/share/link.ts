// Share links: the app's files and requirements in the URL fragment (`#code=…`), which never reaches a
// server. Format v1 (same as py/wasmblocks_build/share.py; docs/publishing.md): base64url without
// padding of raw DEFLATE (CompressionStream "deflate-raw") of UTF-8 JSON
// {"v": 1, "entrypoint", "files": {name: text}, "requirements": [line]}.

import type { AppFiles } from "../protocol";

export const PAYLOAD_VERSION = 1;
export const FRAGMENT_KEY = "code";

// The size budget of a link (same numbers in py/wasmblocks_build/share.py, whose comment gives the
// reasons): past the safe length programs that carry links may cut them; past the maximum Chromium
// refuses the URL (url::kMaxURLChars) and the tab stays blank.
export const SAFE_LINK_CHARS = 8_000;
export const MAX_LINK_CHARS = 2 * 1024 * 1024;

/** What a link of `length` characters runs into: nothing, the safe length (a warning) or the maximum. */
export function linkBudget(length: number): "ok" | "long" | "too-long" {
  return length > MAX_LINK_CHARS ? "too-long" : length > SAFE_LINK_CHARS ? "long" : "ok";
}

/** A link that cannot be opened; `message` is written for the person who clicked it. */
export class ShareLinkError extends Error {}

export async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Uint8Array's base64 methods (TC39 "Uint8Array to/from base64", Chromium 140+), not in TypeScript's ES2022 lib. */
interface Base64Bytes {
  toBase64?: (this: Uint8Array, options: { alphabet: "base64url"; omitPadding: boolean }) => string;
}
interface Base64Decoder {
  fromBase64?: (text: string, options: { alphabet: "base64url" }) => Uint8Array;
}

export function toBase64Url(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & Base64Bytes).toBase64;
  if (typeof native === "function") return native.call(bytes, { alphabet: "base64url", omitPadding: true });
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  const native = (Uint8Array as Base64Decoder).fromBase64;
  if (typeof native === "function") return native(text, { alphabet: "base64url" });
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The text after `#code=` for this app. */
export async function encodeApp(app: AppFiles): Promise<string> {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(app.files)) {
    if (typeof content !== "string") throw new ShareLinkError(`${name} is binary; only text files can travel in a link`);
    files[name] = content;
  }
  const doc = { v: PAYLOAD_VERSION, entrypoint: app.entrypoint, files, requirements: app.requirements };
  const packed = await pipe(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream("deflate-raw"));
  return toBase64Url(packed);
}

/** The app in a fragment such as `#code=…` (or the bare payload); ShareLinkError says what is wrong. */
export async function decodeApp(fragment: string): Promise<AppFiles> {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const payload = params.get(FRAGMENT_KEY);
  if (payload === null || payload === "") {
    throw new ShareLinkError("This link has no app in it: the part after # must start with “code=”.");
  }
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) {
    throw new ShareLinkError("This link is damaged: the app code contains characters a share link never has.");
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    throw new ShareLinkError("This link is damaged: the app code is not valid base64url text.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, new DecompressionStream("deflate-raw")));
  } catch {
    throw new ShareLinkError("This link is damaged or cut off: the app code could not be decompressed. Copy the whole link and try again.");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ShareLinkError("This link is damaged: the app code is not valid JSON.");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ShareLinkError("This link is damaged: the app code is not an object.");
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc.v !== "number") throw new ShareLinkError("This link is damaged: it names no share format version.");
  if (doc.v !== PAYLOAD_VERSION) {
    throw new ShareLinkError(`This link uses share format v${doc.v}, which this site does not know (it reads v${PAYLOAD_VERSION}).`);
  }
  const files = doc.files;
  const valid = (f: unknown): f is Record<string, string> =>
    !!f && typeof f === "object" && Object.values(f).every((t) => typeof t === "string");
  if (!valid(files) || typeof doc.entrypoint !== "string" || !(doc.entrypoint in files)) {
    throw new ShareLinkError("This link is damaged: it names no entry file among its files.");
  }
  const requirements = Array.isArray(doc.requirements) ? doc.requirements.filter((r: unknown) => typeof r === "string") : [];
  return { entrypoint: doc.entrypoint, files, requirements };
}

/** Full link to `page` (player.html or editor.html) of the site at `base` with the app in the fragment. */
export async function shareUrl(base: URL, page: string, app: AppFiles): Promise<string> {
  return `${new URL(page, base).href}#${FRAGMENT_KEY}=${await encodeApp(app)}`;
}
