// The folders a FileExplorer has listed, fetched one at a time from the worker (the block's `ls` server
// function, as Gradio's frontend calls it) and kept until the tree's root, glob or ignore_glob change.
// A listing that arrives late — after a newer request for the same folder, or after such a change — is
// dropped, so a slow reply can never put back what the user no longer sees.

import { isRecord, list } from "../renderer/props";

export interface FileNode {
  type: "file" | "folder";
  name: string;
  /** A folder that matches `glob` itself: its tree starts with a "." entry that picks the folder. */
  valid?: boolean;
}

export const pathKey = (path: string[]): string => path.join("/");

function cleanNodes(raw: unknown): FileNode[] {
  return list(raw).flatMap((n): FileNode[] =>
    isRecord(n) && typeof n.name === "string" && (n.type === "file" || n.type === "folder")
      ? [{ type: n.type, name: n.name, valid: n.valid === true }]
      : [],
  );
}

export class Listings {
  private nodes = new Map<string, FileNode[]>();
  private requests = new Map<string, number>();
  private generation = 0;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  /** Folders shown open, by pathKey. */
  readonly open = new Set<string>();

  constructor(
    private ls: (path: string[]) => Promise<unknown>,
    /** A listing arrived (the tree redraws); `first` when this folder had none before. */
    private arrived: (path: string[], nodes: FileNode[], first: boolean) => void,
  ) {}

  get(path: string[]): FileNode[] | undefined {
    return this.nodes.get(pathKey(path));
  }

  /** Forget every listing and open folder (a new root_dir, glob or ignore_glob). */
  reset(): void {
    this.generation++;
    this.nodes.clear();
    this.requests.clear();
    this.open.clear();
  }

  /** List one folder now; resolves with what it holds (the last listing known when the request failed). */
  async load(path: string[]): Promise<FileNode[]> {
    const key = pathKey(path);
    const generation = this.generation;
    const request = (this.requests.get(key) ?? 0) + 1;
    this.requests.set(key, request);
    let nodes: FileNode[];
    try {
      nodes = cleanNodes(await this.ls(path));
    } catch (err) {
      // The worker has shown the error as a toast already; the tree keeps what it had.
      console.warn("wasmblocks: FileExplorer could not list", key || ".", err);
      return this.nodes.get(key) ?? [];
    }
    if (generation === this.generation && this.requests.get(key) === request) {
      const first = !this.nodes.has(key);
      this.nodes.set(key, nodes);
      this.arrived(path, nodes, first);
    }
    return nodes;
  }

  /** List again the root and every open folder the user can see (files may have changed in the worker). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<void> => {
      do {
        this.refreshAgain = false;
        await Promise.all(this.visibleFolders().map((path) => this.load(path)));
      } while (this.refreshAgain);
    };
    this.refreshing = run().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private visibleFolders(): string[][] {
    const out: string[][] = [];
    const walk = (path: string[]): void => {
      out.push(path);
      for (const node of this.get(path) ?? []) {
        const child = [...path, node.name];
        if (node.type === "folder" && this.open.has(pathKey(child))) walk(child);
      }
    };
    walk([]);
    return out;
  }
}
