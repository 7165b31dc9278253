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
import { Listings, pathKey } from "./file_explorer-listing";
import { isInside, type Path, Picks } from "./file_explorer-picks";
import { FileTree, type TreeModel } from "./file_explorer-tree";
import "./file_explorer.css";

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
  // The value this component set last; any other value came from Python.
  const mine = useRef<unknown>(value);
  // Checked folders whose contents are still being listed: an event reading the value waits for them.
  const pending = useRef(new Set<Promise<void>>());
  const stopWaiting = useRef<(() => void) | null>(null);
  const single = props.file_count === "single";
  const singleRef = useRef(single);
  singleRef.current = single;

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

  const { listings, picks } = useMemo(() => {
    const made: Listings = new Listings(
      (path) => store.callServer(id, "ls", [path]),
      (path, nodes, first) => {
        // Gradio opens, in a folder listed for the first time, the folders that hold checked files.
        if (first) {
          const files = pathsOf(store.getValue(id));
          for (const node of nodes) {
            const child = [...path, node.name];
            const holds = files.some((f) => f.length > child.length && isInside(f, child));
            if (node.type === "folder" && (holds || chosen.holdsFolder(child))) openFolder(made, child);
          }
        }
        redraw(0);
      },
    );
    const chosen = new Picks(
      {
        value: () => pathsOf(store.getValue(id)),
        setValue: (next) => {
          mine.current = next;
          setValue(next);
        },
        unchanged: () => trigger("input"),
        list: (path) => {
          openFolder(made, path, false);
          return made.load(path);
        },
        changed: () => redraw(0),
        track,
      },
      () => singleRef.current,
    );
    return { listings: made, picks: chosen };
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
    picks.reset();
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

  const interactive = props.interactive !== false;
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
    isSelected: (path, type) => picks.isSelected(path, type),
    check: (path, checked, node) => picks.check(path, checked, node),
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
