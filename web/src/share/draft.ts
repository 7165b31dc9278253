// The editor's draft in localStorage, and the one before it: a share link opened in the editor replaces
// the draft only when the user says so, and the replaced draft stays recoverable.

import type { AppFiles } from "../protocol";
import { isAppFiles } from "./sandbox-messages";

export class DraftStore {
  constructor(private key: string) {}

  load(): AppFiles | null {
    return read(this.key);
  }

  save(app: AppFiles): void {
    write(this.key, app);
  }

  /** The draft that a link's app replaced (kept until the next replacement). */
  previous(): AppFiles | null {
    return read(`${this.key}:previous`);
  }

  /** Keep the current draft as `previous`, then save `app` as the draft. */
  replace(app: AppFiles): void {
    const current = this.load();
    if (current) write(`${this.key}:previous`, current);
    this.save(app);
  }
}

/** Whether two apps have the same files and requirements (then opening one over the other loses nothing). */
export function sameApp(a: AppFiles, b: AppFiles): boolean {
  const names = Object.keys(a.files);
  return (
    a.entrypoint === b.entrypoint &&
    names.length === Object.keys(b.files).length &&
    names.every((n) => a.files[n] === b.files[n]) &&
    a.requirements.join("\n") === b.requirements.join("\n")
  );
}

/** A short description of an app for the question ("app.py and helpers.py, 42 lines"). */
export function describe(app: AppFiles): string {
  const names = Object.keys(app.files);
  const lines = names.reduce((n, name) => n + String(app.files[name] ?? "").split("\n").length, 0);
  const list = names.length <= 3 ? names.join(", ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
  return `${list}, ${lines} line${lines === 1 ? "" : "s"}`;
}

function read(key: string): AppFiles | null {
  try {
    const doc: unknown = JSON.parse(localStorage.getItem(key) ?? "null");
    return isAppFiles(doc) && doc.entrypoint in doc.files ? doc : null;
  } catch {
    return null;
  }
}

function write(key: string, app: AppFiles): void {
  try {
    localStorage.setItem(key, JSON.stringify(app));
  } catch {
    /* storage full or blocked: the editor still works, the draft is just not kept */
  }
}
