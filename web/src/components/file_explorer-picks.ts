// What a FileExplorer's checkboxes hold: the checked files (the value) and the checked folders (Gradio's
// selected_folders, page-only). Checking a folder checks everything below it, as Gradio does; its contents
// are listed from the worker first, so the value takes them in one change when the listings are in. Until
// then the folder's entries already show checked (Gradio checks a listed folder's entries at once): a click
// on one of them in that time is the user's click on what they see, never swallowed by the value landing
// under it, and is applied on top of the folder's check when it lands (an unchecked entry stays unchecked).

import type { FileNode } from "./file_explorer-listing";

export type Path = string[];

export const isInside = (path: Path, folder: Path): boolean =>
  folder.length <= path.length && folder.every((part, i) => part === path[i]);
export const samePath = (a: Path, b: Path): boolean => a.length === b.length && isInside(a, b);
const has = (paths: Path[], path: Path): boolean => paths.some((p) => samePath(p, path));
export const union = (a: Path[], b: Path[]): Path[] => [...a, ...b.filter((p) => !has(a, p))];
const sameSet = (a: Path[], b: Path[]): boolean => a.length === b.length && a.every((p) => has(b, p));

export interface PicksHost {
  /** The value now: the store's, not the last render's, so two clicks between renders both count. */
  value(): Path[];
  /** Set a new value (one change event). */
  setValue(next: Path[]): void;
  /** A click that left the value as it was: Gradio still fires `input`. */
  unchanged(): void;
  /** List a folder afresh, showing it open. */
  list(path: Path): Promise<FileNode[]>;
  /** Something shown changed (the tree redraws). */
  changed(): void;
  /** A folder check is in flight: events that read the value wait for it. */
  track(work: Promise<void>): void;
}

/** A folder checked whose contents are still being listed, and what the user unchecked inside it since. */
interface FolderCheck {
  path: Path;
  unchecked: Path[];
}

/** Whether `path` (a file, or a folder when `folder`) survives the unchecks made inside a folder check. */
const keeps = (unchecked: Path[], path: Path, folder: boolean): boolean =>
  !unchecked.some((x) => isInside(path, x) || (folder && isInside(x, path)));

export class Picks {
  private folders: Path[] = [];
  private checking: FolderCheck[] = [];

  constructor(
    private host: PicksHost,
    private single: () => boolean,
  ) {}

  /** Forget checked folders and folder checks in flight (a new root_dir, glob or ignore_glob). */
  reset(): void {
    this.folders = [];
    this.checking = [];
  }

  /** Whether the entry shows checked. */
  isSelected(path: Path, type: FileNode["type"]): boolean {
    const folder = type === "folder";
    if (has(folder ? this.folders : this.host.value(), path)) return true;
    return this.checking.some((c) => isInside(path, c.path) && keeps(c.unchecked, path, folder));
  }

  /** Whether a folder is checked or being checked (Gradio opens such folders when it lists their parent). */
  holdsFolder(path: Path): boolean {
    return this.isSelected(path, "folder");
  }

  /** The user (un)checked an entry. */
  check(path: Path, checked: boolean, node: FileNode): void {
    const value = this.host.value();
    if (checked) {
      if (this.single()) this.commit([path]);
      else if (node.type === "folder") this.checkFolder(path, !!node.valid);
      else this.commit(union(value, [path]));
      return;
    }
    // Unchecking a folder (or one above it) drops its check in flight; unchecking inside one is kept for later.
    this.checking = this.checking.filter((c) => !isInside(c.path, path));
    for (const c of this.checking) if (isInside(path, c.path)) c.unchecked.push(path);
    // Unchecking anything unchecks the folders it is in; unchecking a folder also unchecks all below it.
    this.folders = this.folders.filter((f) => !isInside(path, f));
    if (node.type === "folder") {
      this.folders = this.folders.filter((f) => !isInside(f, path));
      this.commit(value.filter((f) => !isInside(f, path)));
    } else this.commit(value.filter((f) => !samePath(f, path)));
  }

  private commit(next: Path[]): void {
    if (sameSet(next, this.host.value())) {
      this.host.unchanged();
      this.host.changed();
    } else this.host.setValue(next);
  }

  private checkFolder(path: Path, pickable: boolean): void {
    const check: FolderCheck = { path, unchecked: [] };
    this.checking.push(check);
    this.host.changed();
    const work = this.collect(path, pickable).then(({ files, dirs }) => {
      const at = this.checking.indexOf(check);
      if (at < 0) return; // unchecked while its contents were being listed
      this.checking.splice(at, 1);
      this.folders = union(this.folders, dirs.filter((d) => keeps(check.unchecked, d, true)));
      this.commit(union(this.host.value(), files.filter((f) => keeps(check.unchecked, f, false))));
    });
    this.host.track(work);
  }

  /** A folder's files and folders, all the way down, in Gradio's order: its own entries, then each subfolder's. */
  private async collect(at: Path, self: boolean): Promise<{ files: Path[]; dirs: Path[] }> {
    const nodes = await this.host.list(at);
    const files: Path[] = self ? [[...at, "."]] : [];
    const dirs: Path[] = [at];
    nodes.filter((n) => n.type === "file").forEach((n) => files.push([...at, n.name]));
    const subs = await Promise.all(nodes.filter((n) => n.type === "folder").map((n) => this.collect([...at, n.name], !!n.valid)));
    for (const sub of subs) {
      files.push(...sub.files);
      dirs.push(...sub.dirs);
    }
    return { files, dirs };
  }
}
