// Upload rules checked in the page before any bytes move: launch(max_file_size=…) and a component's
// file_types. A refused file gets a toast naming it and the rule, as Gradio does.

import type { FileData } from "../protocol";
import type { AppStore } from "./store";
import { errorText } from "../error-text";

/** The <input accept> for Gradio's file_types: ".csv" stays, a category like "image" becomes "image/*", and a
 * compound extension also offers its last part (".nii.gz" → ".nii.gz, .gz"), as Gradio's to_accept_attribute
 * does: file choosers match only the last extension, so ".nii.gz" alone would grey out brain.nii.gz. */
export function acceptFor(fileTypes: string[] | null | undefined): string | undefined {
  if (!fileTypes || !fileTypes.length || fileTypes.includes("file")) return undefined;
  const widened = new Set<string>();
  for (const t of fileTypes) {
    const type = t.startsWith(".") || t.includes("/") ? t : `${t}/*`;
    widened.add(type);
    const lastDot = type.lastIndexOf(".");
    if (type.startsWith(".") && lastDot > 0) widened.add(type.slice(lastDot));
  }
  return Array.from(widened).join(", ");
}

/** Whether a file fits file_types (same rule as files.type_matches in Python). */
export function typeMatches(file: File, fileTypes: string[] | null | undefined): boolean {
  if (!fileTypes || !fileTypes.length) return true;
  const name = file.name.toLowerCase();
  const mime = file.type || "";
  return fileTypes.some((raw) => {
    const t = raw.toLowerCase();
    if (t === "file") return true;
    // The whole extension must match (".nii.gz" refuses brain.nii and a file named just ".nii.gz").
    if (t.startsWith(".")) return name.length > t.length && name.endsWith(t);
    return t.includes("/") ? mime === t : mime.startsWith(`${t}/`);
  });
}

export function prettyBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  let n = bytes;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

/** The reason these files may not be uploaded, or null. */
export function refusal(files: File[], fileTypes: string[] | null | undefined, maxSize: number | null | undefined): string | null {
  for (const file of files) {
    if (typeof maxSize === "number" && file.size > maxSize) {
      return `File "${file.name}" (${prettyBytes(file.size)}) exceeds the maximum file size of ${prettyBytes(maxSize)}.`;
    }
    if (!typeMatches(file, fileTypes)) {
      return `Invalid file type: ${file.name}. Only ${fileTypes!.join(", ")} allowed.`;
    }
  }
  return null;
}

/** Check the rules (toast and null when refused), then upload into the worker's session dir. A refused
 * file's toast is titled as Gradio's ("Error"; Audio and Video show a wrong type as a "Warning"). */
export async function uploadChecked(
  store: AppStore,
  files: File[],
  fileTypes?: string[] | null,
  wrongTypeLevel: "error" | "warning" = "error",
): Promise<FileData[] | null> {
  const reason = refusal(files, fileTypes, store.config?.max_file_size);
  if (reason) {
    const wrongType = reason.startsWith("Invalid file type");
    store.addToast(wrongType ? wrongTypeLevel : "error", reason, null, 10);
    return null;
  }
  try {
    return await store.upload(files);
  } catch (err) {
    store.addToast("error", `Upload failed: ${errorText(err)}`, "Error", 10);
    return null;
  }
}

/** Save a file under its name: a temporary <a download> on the Blob URL. */
export function saveFile(url: string, name: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
}
