// Gallery(buttons=["download_all"]): every image and video of the gallery in one .zip, as Gradio's
// "Download All" does; names are the files' own, made unique (a.png, a-1.png) so none overwrite another.

import { saveFile } from "../client/upload";
import type { FileData } from "../protocol";

export async function downloadAll(files: FileData[]): Promise<void> {
  const { zipSync } = await import("fflate");
  const used = new Map<string, number>();
  const entries: Record<string, Uint8Array> = {};
  for (const [i, file] of files.entries()) {
    if (!file.url) continue;
    const base = file.orig_name || `file-${i + 1}`;
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const dot = base.lastIndexOf(".");
    const name = seen === 0 ? base : dot > 0 ? `${base.slice(0, dot)}-${seen}${base.slice(dot)}` : `${base}-${seen}`;
    entries[name] = new Uint8Array(await (await fetch(file.url)).arrayBuffer());
  }
  const url = URL.createObjectURL(new Blob([zipSync(entries, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: "application/zip" }));
  saveFile(url, "gallery.zip");
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
