// "Download the app": the alternative to a link that is too long to travel. One file without
// requirements downloads as itself; anything else as a .zip (fflate) with requirements.txt.

import { strToU8, zipSync } from "fflate";
import type { AppFiles } from "../protocol";

export function downloadApp(app: AppFiles): void {
  const names = Object.keys(app.files);
  let blob: Blob;
  let filename: string;
  const only = names.length === 1 ? names[0] : undefined;
  if (only !== undefined && !app.requirements.length) {
    blob = new Blob([app.files[only] as BlobPart], { type: "text/x-python" });
    filename = only.split("/").pop()!;
  } else {
    const entries: Record<string, Uint8Array> = {};
    for (const name of names) {
      const content = app.files[name] ?? "";
      entries[name] = typeof content === "string" ? strToU8(content) : content;
    }
    if (app.requirements.length) entries["requirements.txt"] = strToU8(app.requirements.join("\n") + "\n");
    blob = new Blob([zipSync(entries) as BlobPart], { type: "application/zip" });
    filename = "app.zip";
  }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
