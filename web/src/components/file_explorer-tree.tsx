// One folder of a FileExplorer's tree (Gradio's FileTree): a checkbox per entry when interactive, the
// expand arrow of a folder (aria-label "expand directory"), the entry's name; an open folder holds its own
// list. The spaces between the parts are there on purpose: users' tests match an entry's text as Gradio's
// DOM reads ("dir4 . dir5 dir7 …").

import { cx } from "../renderer/hooks";
import type { FileNode } from "./file_explorer-listing";

export interface TreeModel {
  interactive: boolean;
  single: boolean;
  /** Whether clicking an entry fires `select` (the app listens for it). */
  selectable: boolean;
  listing(path: string[]): FileNode[] | undefined;
  isOpen(path: string[]): boolean;
  toggle(path: string[]): void;
  isSelected(path: string[], type: FileNode["type"]): boolean;
  check(path: string[], checked: boolean, node: FileNode): void;
  select(index: number[], path: string[]): void;
}

// "." stands for the folder itself, in the folder's own list (Gradio: a folder that matches glob).
const SELF: FileNode = { type: "file", name: "." };

export function FileTree({ model, path, index, pickable }: { model: TreeModel; path: string[]; index: number[]; pickable: boolean }) {
  const nodes = model.listing(path) ?? [];
  const entries = pickable ? [SELF, ...nodes] : nodes;
  return (
    <ul class={cx(!model.interactive && "no-checkboxes", path.length === 0 && "root")}>
      {entries.map((node, i) => (
        <Entry key={`${node.type}:${node.name}`} model={model} node={node} path={[...path, node.name]} index={[...index, i]} />
      ))}
    </ul>
  );
}

function Entry({ model, node, path, index }: { model: TreeModel; node: FileNode; path: string[]; index: number[] }) {
  const folder = node.type === "folder";
  const open = folder && model.isOpen(path);
  const selected = model.isSelected(path, node.type);
  const { interactive, selectable } = model;
  const pick = () => model.select(index, path);
  return (
    <li>
      <span
        class={cx("wrap", !interactive && selected && "selected", selectable && "selectable")}
        role={selectable ? "button" : undefined}
        tabIndex={selectable ? 0 : undefined}
        onClick={(e) => {
          e.stopPropagation();
          if (selectable) pick();
        }}
        onKeyDown={(e) => {
          if (selectable && e.target === e.currentTarget && (e.key === " " || e.key === "Enter")) {
            e.preventDefault();
            pick();
          }
        }}
      >
        {interactive ? (
          folder && model.single ? (
            <span class="no-checkbox" aria-hidden="true" />
          ) : (
            <input
              type="checkbox"
              checked={selected}
              aria-label={node.name}
              onChange={(e) => model.check(path, e.currentTarget.checked, node)}
            />
          )
        ) : null}{" "}
        {folder ? (
          <span
            class={cx("icon", !open && "hidden")}
            role="button"
            aria-label="expand directory"
            aria-expanded={open}
            tabIndex={0}
            onClick={(e) => {
              e.stopPropagation();
              model.toggle(path);
            }}
            onKeyDown={(e) => {
              if (e.key === " " || e.key === "Enter") {
                e.preventDefault();
                e.stopPropagation();
                model.toggle(path);
              }
            }}
          >
            <Arrow />
          </span>
        ) : (
          <span class="file-icon" aria-hidden="true">
            {node.name === "." ? <FolderIcon /> : <FileIcon />}
          </span>
        )}{" "}
        <span class="item-name">{node.name}</span>
      </span>{" "}
      {open ? <FileTree model={model} path={path} index={index} pickable={!!node.valid} /> : null}
    </li>
  );
}

// Gradio's arrow: a right-pointing triangle, turned down when the folder is open (CSS).
const Arrow = () => (
  <svg viewBox="0 0 14 17" width="100%" height="100%" aria-hidden="true">
    <path d="M2 1.6 12.6 8.5 2 15.4z" fill="currentColor" />
  </svg>
);

const FileIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" aria-hidden="true">
    <path d="M6 2h8l6 6v12.5A1.5 1.5 0 0 1 18.5 22h-12A1.5 1.5 0 0 1 5 20.5v-17A1.5 1.5 0 0 1 6.5 2z" fill="currentColor" />
    <path d="M14 2v6h6" fill="none" stroke="var(--block-background-fill)" stroke-width="1.2" />
  </svg>
);

const FolderIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" aria-hidden="true">
    <path d="M2.5 5A1.5 1.5 0 0 1 4 3.5h5l2 2.5h9a1.5 1.5 0 0 1 1.5 1.5V19a1.5 1.5 0 0 1-1.5 1.5H4A1.5 1.5 0 0 1 2.5 19z" fill="currentColor" />
  </svg>
);
