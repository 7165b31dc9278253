// gr.FileExplorer: the worker's files as a tree (Gradio's DirectoryExplorer). Folders are listed when they
// open, through the block's `ls` server function, and listed again after every event that ran in the worker
// (it may have written or deleted files). The value is the checked files, each a list of path parts below
// root_dir; checking a folder (file_count="multiple") checks everything below it, as Gradio does, in one
// change (an event that reads the value meanwhile waits for it). A new root_dir, glob or ignore_glob starts
// the tree afresh and empties the value.

import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "preact/hooks";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { cssSize } from "../renderer/hooks";
import { isRecord, list, num, str, strings } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import { type FileNode, Listings, pathKey } from "./file_explorer-listing";
import { FileTree, isInside, samePath, type TreeModel } from "./file_explorer-tree";
import "./file_explorer.css";

type Path = string[];

const has = (paths: Path[], path: Path): boolean => paths.some((p) => samePath(p, path));
const union = (a: Path[], b: Path[]): Path[] => [...a, ...b.filter((p) => !has(a, p))];
const sameSet = (a: Path[], b: Path[]): boolean => a.length === b.length && a.every((p) => has(b, p));

interface CustomButton {
  id: number;
  value: string;
}

/** The value as Python sends it (Gradio's FileExplorerData: lists of path parts); anything else is dropped. */
const pathsOf = (value: unknown): Path[] => list(value).map(strings).filter((p): p is Path => p !== undefined);

/** buttons=[gr.Button(…)] as the Python side sends them: {id, value}. */
const buttonsOf = (v: unknown): CustomButton[] =>
  list(v).flatMap((b) => {
    const bid = isRecord(b) ? num(b.id) : undefined;
    return isRecord(b) && bid !== undefined ? [{ id: bid, value: str(b.value, "") }] : [];
  });

export function FileExplorer({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const selected = useMemo(() => pathsOf(value), [value]);
  const latest = useRef(selected);
  latest.current = selected;
  // Checked folders (Gradio's selected_folders): page-only state, the value holds files only.
  const folders = useRef<Path[]>([]);
  // The value this component set last; any other value came from Python.
  const mine = useRef<unknown>(value);
  // Checked folders whose contents are still being listed: an event reading the value waits for them.
  const pending = useRef(new Set<Promise<void>>());
  const stopWaiting = useRef<(() => void) | null>(null);

  const listings = useMemo(() => {
    const made: Listings = new Listings(
      (path) => store.callServer(id, "ls", [path]),
      (path, nodes, first) => {
        // Gradio opens, in a folder listed for the first time, the folders that hold checked files.
        if (first) {
          for (const node of nodes) {
            const child = [...path, node.name];
            const holds = latest.current.some((f) => f.length > child.length && isInside(f, child));
            if (node.type === "folder" && (holds || has(folders.current, child))) openFolder(made, child);
          }
        }
        redraw(0);
      },
    );
    return made;
  }, [store, id]);

  useEffect(() => {
    void listings.load([]);
    // Gradio's FileExplorer fires `change` once when it mounts.
    trigger("change");
    return store.onEventEnded(() => void listings.refresh());
  }, [listings]);

  const treeKey = JSON.stringify([props.root_dir, props.glob, props.ignore_glob]);
  const previous = useRef({ treeKey, value });
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { treeKey, value };
    if (before.treeKey === treeKey) return;
    folders.current = [];
    listings.reset();
    void listings.load([]);
    // As in Gradio, the value empties unless the same update set one.
    if (Object.is(before.value, value)) {
      mine.current = [];
      store.setValue(id, [], false);
    }
  });

  useLayoutEffect(() => {
    if (Object.is(value, mine.current)) return;
    mine.current = value;
    // A value from Python: open the folders its files are in, so the user sees what is selected.
    for (const file of selected) for (let i = 1; i < file.length; i++) openFolder(listings, file.slice(0, i));
  }, [value]);

  const commit = (next: Path[]): void => {
    if (sameSet(next, latest.current)) {
      trigger("input");
      redraw(0);
      return;
    }
    mine.current = next;
    setValue(next);
  };

  /** Check a folder and everything below it: its files, its "." when it matches glob, its subfolders. */
  const checkFolder = async (path: Path, pickable: boolean): Promise<void> => {
    const collect = async (at: Path, self: boolean): Promise<{ files: Path[]; dirs: Path[] }> => {
      openFolder(listings, at, false);
      const nodes = await listings.load(at);
      // Gradio's order: this folder's own entries first, then each subfolder's.
      const files: Path[] = self ? [[...at, "."]] : [];
      const dirs: Path[] = [at];
      nodes.filter((n) => n.type === "file").forEach((n) => files.push([...at, n.name]));
      const subs = await Promise.all(nodes.filter((n) => n.type === "folder").map((n) => collect([...at, n.name], !!n.valid)));
      for (const sub of subs) {
        files.push(...sub.files);
        dirs.push(...sub.dirs);
      }
      return { files, dirs };
    };
    const { files, dirs } = await collect(path, pickable);
    if (!has(folders.current, path)) return; // unchecked while its contents were being listed
    folders.current = union(folders.current, dirs);
    commit(union(latest.current, files));
  };

  const track = (work: Promise<void>): void => {
    const set = pending.current;
    if (!set.size) {
      stopWaiting.current = store.setReader(id, async () => {
        while (set.size) await Promise.all([...set]);
        return store.getValue(id);
      });
    }
    set.add(work);
    const settled = (): void => {
      set.delete(work);
      if (!set.size) stopWaiting.current?.();
    };
    work.then(settled, settled);
  };

  const interactive = props.interactive !== false;
  const single = props.file_count === "single";
  const model: TreeModel = {
    interactive,
    single,
    selectable: store.hasListener(id, "select"),
    listing: (path) => listings.get(path),
    isOpen: (path) => listings.open.has(pathKey(path)),
    toggle: (path) => {
      const key = pathKey(path);
      if (listings.open.has(key)) listings.open.delete(key);
      else openFolder(listings, path);
      redraw(0);
    },
    isSelected: (path, type) => has(type === "folder" ? folders.current : latest.current, path),
    check: (path, checked, node: FileNode) => {
      const files = latest.current;
      if (checked) {
        if (single) commit([path]);
        else if (node.type === "folder") {
          folders.current = union(folders.current, [path]);
          redraw(0);
          track(checkFolder(path, !!node.valid));
        } else commit(union(files, [path]));
        return;
      }
      // Unchecking anything unchecks the folders it is in; unchecking a folder also unchecks all below it.
      folders.current = folders.current.filter((f) => !isInside(path, f));
      if (node.type === "folder") {
        folders.current = folders.current.filter((f) => !isInside(f, path));
        commit(files.filter((f) => !isInside(f, path)));
      } else commit(files.filter((f) => !samePath(f, path)));
    },
    select: (index, path) => trigger("select", { index, value: path.join("/"), selected: true }),
  };

  const buttons = buttonsOf(props.buttons);
  const showLabel = props.show_label !== false;
  const style = { height: cssSize(props.height), maxHeight: cssSize(props.max_height), minHeight: cssSize(props.min_height) };
  return (
    <div class="wb-fileexplorer" style={style}>
      {showLabel && buttons.length ? (
        <div class="icon-buttons">
          {buttons.map((b) => (
            <button key={b.id} type="button" class="icon-button custom" title={b.value} onClick={() => store.trigger(b.id, "click")}>
              {b.value}
            </button>
          ))}
        </div>
      ) : null}
      <BlockLabel show={showLabel} label={labelOf(props, "FileExplorer")} icon={<LabelIcon />} />
      <div class="file-wrap" aria-busy={listings.get([]) === undefined}>
        <FileTree model={model} path={[]} index={[]} pickable={false} />
      </div>
    </div>
  );
}

/** Show a folder open and list it (again: what it holds may have changed since it was last open). */
function openFolder(listings: Listings, path: Path, load = true): void {
  const key = pathKey(path);
  const wasOpen = listings.open.has(key);
  listings.open.add(key);
  if (load && (!wasOpen || listings.get(path) === undefined)) void listings.load(path);
}

const LabelIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d="M13 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <polyline points="13 2 13 9 20 9" />
  </svg>
);
