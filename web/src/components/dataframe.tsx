// gr.Dataframe: a <table> whose body is virtualised (only the rows in view, plus a margin, are in the DOM,
// so 10,000 rows scroll smoothly), with search, sorting (a header's button or cell menu), cell selection
// (arrow keys), editing (double-click or Enter opens a cell, Enter commits, Escape cancels) and, where
// row_count/col_count are "dynamic", adding and deleting rows and columns from the cell menu. Fires select
// {index: [row, col], value, row_value} and edit {index, value, previous_value}.

import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { CellMenu, MenuButton, type MenuItem } from "./dataframe-menu";
import { addColumn, addRow, deleteColumn, deleteRow, nextSort, sortRows, type SortState, type Table } from "./dataframe-ops";
import { isRecord, list, str } from "../renderer/props";
import { CopyButton, FullscreenButton, readButtons } from "../renderer/corner-buttons";
import "../renderer/icon-buttons.css";
import "./dataframe.css";

// Rows have a fixed height unless wrap=True; the window is computed from it.
const ROW_PX = 36;
const OVERSCAN = 8;
// Small tables are drawn whole, so wrapped rows of any height stay exact.
const VIRTUAL_FROM = 60;

function asTable(value: unknown): Table {
  if (isRecord(value) && Array.isArray(value.data)) {
    return { headers: list(value.headers).map(String), data: value.data.map(list) };
  }
  return { headers: [], data: [] };
}

function display(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "object" ? JSON.stringify(cell) : String(cell);
}

/** What the user typed, as the column's datatype wants it. */
function parseCell(text: string, datatype: string, previous: unknown): string | number | boolean {
  if (datatype === "number" || (typeof previous === "number" && datatype !== "str")) {
    const n = Number(text);
    return text.trim() !== "" && !Number.isNaN(n) ? n : text;
  }
  if (datatype === "bool") return text === "true" || text === "1";
  return text;
}

export function Dataframe({ props, value, setValue, trigger }: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const frame = useRef<HTMLDivElement>(null);
  const table = asTable(value);
  const width = Math.max(table.headers.length, ...table.data.slice(0, 1).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) => table.headers[i] ?? String(i + 1));
  const datatypes: string[] = Array.from({ length: width }, (_, i) =>
    Array.isArray(props.datatype) ? str(props.datatype[i], "str") : str(props.datatype, "str"),
  );
  const interactive = props.interactive !== false;
  const staticCols = list(props.static_columns);
  const dynamic = (count: unknown) => Array.isArray(count) && count[1] === "dynamic";
  const rowsDynamic = interactive && dynamic(props.row_count);
  const colsDynamic = interactive && dynamic(props.col_count);
  // row_limits / column_limits: [min, max] (either null = unbounded) that adding and deleting respect.
  const [rowMin, rowMax] = limits(props.row_limits);
  const [colMin, colMax] = limits(props.column_limits);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortState | null>(null);
  const [menu, setMenu] = useState<{ row: number; col: number; x: number; y: number } | null>(null);
  const [selected, setSelected] = useState<[number, number] | null>(null);
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(500);
  const wrap = useRef<HTMLDivElement>(null);

  // Rows shown (indices into the value), after the search filter, in the sort's order.
  const rows = useMemo(() => {
    const all = table.data.map((_, i) => i);
    const q = query.trim().toLowerCase();
    const found = q ? all.filter((i) => table.data[i]?.some((c) => display(c).toLowerCase().includes(q))) : all;
    return sortRows(table.data, found, sort && sort.col < width ? sort : null);
  }, [table.data, query, sort, width]);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    setViewport(el.clientHeight || 500);
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 500));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const virtual = rows.length > VIRTUAL_FROM;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN) : 0;
  const last = virtual ? Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_PX) + OVERSCAN) : rows.length;
  const visible = rows.slice(first, last);

  const select = (row: number, col: number) => {
    setSelected([row, col]);
    const r = table.data[row] ?? [];
    trigger("select", { index: [row, col], value: r[col], row_value: r, col_value: table.data.map((x) => x[col]), selected: true });
  };
  const canEdit = (col: number) => interactive && !staticCols.includes(col);
  const startEdit = (row: number, col: number, text?: string) => {
    if (!canEdit(col)) return;
    const next = { row, col, text: text ?? display(table.data[row]?.[col]) };
    open.current = next;
    setEditing(next);
  };
  // Enter and the blur that follows both commit: the ref makes the second one a no-op.
  const open = useRef<object | null>(null);
  const commit = () => {
    if (!editing || open.current !== editing) return;
    open.current = null;
    const { row, col, text } = editing;
    setEditing(null);
    const previous = table.data[row]?.[col];
    const next = parseCell(text, datatypes[col] ?? "str", previous);
    if (next === previous) return;
    const data = table.data.map((r, i) => (i === row ? r.map((c, j) => (j === col ? next : c)) : r));
    setValue({ ...(isRecord(value) ? value : {}), headers: headers, data });
    trigger("edit", { index: [row, col], value: next, previous_value: previous });
    wrap.current?.focus();
  };

  /** A row or column added or deleted from the cell menu: a new value, then `change` as for any edit. */
  const reshape = (next: Table) => {
    setSelected(null);
    setSort(null); // the sorted column may be gone, and a new row belongs where it was put
    setValue({ ...(isRecord(value) ? value : {}), headers: next.headers, data: next.data });
  };
  const current: Table = { headers, data: table.data };
  const menuItems = (row: number, col: number): MenuItem[] => {
    const items: MenuItem[] = [];
    if (row < 0) {
      items.push(
        { label: "Sort ascending", run: () => setSort({ col, direction: "asc" }), active: sort?.col === col && sort.direction === "asc" },
        { label: "Sort descending", run: () => setSort({ col, direction: "desc" }), active: sort?.col === col && sort.direction === "desc" },
        { label: "Clear sort", run: () => setSort(null) },
      );
    } else if (rowsDynamic) {
      if (table.data.length < rowMax)
        items.push(
          { label: "Add row above", run: () => reshape(addRow(current, row, datatypes)) },
          { label: "Add row below", run: () => reshape(addRow(current, row + 1, datatypes)) },
        );
      if (table.data.length > Math.max(1, rowMin)) items.push({ label: "Delete row", run: () => reshape(deleteRow(current, row)), danger: true });
    }
    if (colsDynamic) {
      if (width < colMax)
        items.push(
          { label: "Add column to the left", run: () => reshape(addColumn(current, col)) },
          { label: "Add column to the right", run: () => reshape(addColumn(current, col + 1)) },
        );
      if (width > Math.max(1, colMin)) items.push({ label: "Delete column", run: () => reshape(deleteColumn(current, col)), danger: true });
    }
    return items;
  };

  /** Keep the selected cell's row in view while moving with the keyboard. */
  const reveal = (row: number) => {
    const el = wrap.current;
    const pos = rows.indexOf(row);
    if (!el || pos < 0) return;
    const head = (el.querySelector("thead") as HTMLElement | null)?.offsetHeight ?? ROW_PX;
    const top = pos * ROW_PX;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_PX > el.scrollTop + el.clientHeight - head) el.scrollTop = top + ROW_PX - el.clientHeight + head;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing || !selected) return;
    const [row, col] = selected;
    const pos = rows.indexOf(row);
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      const nextRow = rows[Math.min(rows.length - 1, Math.max(0, pos + dr))];
      const nextCol = Math.min(width - 1, Math.max(0, col + dc));
      if (nextRow === undefined) return;
      select(nextRow, nextCol);
      reveal(nextRow);
    };
    if (e.key === "ArrowDown") move(1, 0);
    else if (e.key === "ArrowUp") move(-1, 0);
    else if (e.key === "ArrowLeft") move(0, -1);
    else if (e.key === "ArrowRight") move(0, 1);
    else if (e.key === "Enter") {
      e.preventDefault();
      startEdit(row, col);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && canEdit(col)) {
      // Typing over a selected cell replaces its content, as in a spreadsheet.
      e.preventDefault();
      startEdit(row, col, e.key);
    }
  };

  const style: Record<string, string | undefined> = { maxHeight: cssSize(props.max_height ?? 500) };
  const widths = list(props.column_widths);

  return (
    <div class={cx("wb-dataframe", props.wrap && "wrap")} ref={frame}>
      <div class="header-row">
        <BlockTitle show={props.show_label !== false && !!props.label}>{labelOf(props, "Dataframe")}</BlockTitle>
        {props.show_search && props.show_search !== "none" ? (
          <input
            class="search-input"
            type="search"
            placeholder="Search..."
            aria-label="Search"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
        ) : null}
        {buttons.has("copy") || buttons.has("fullscreen") ? (
          <div class="toolbar" role="toolbar" aria-label="Table actions">
            {buttons.has("copy") ? (
              <CopyButton
                label="Copy table data"
                copiedLabel="Copied to clipboard"
                text={() => [headers, ...table.data].map((r) => r.map(display).join(",")).join("\n")}
              />
            ) : null}
            {buttons.has("fullscreen") ? <FullscreenButton target={frame} /> : null}
          </div>
        ) : null}
      </div>
      <div
        class="table-wrap"
        ref={wrap}
        style={style}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      >
        <table role="grid" aria-rowcount={rows.length + 1} aria-colcount={width}>
          <thead>
            <tr>
              {props.show_row_numbers ? <th class="row-number" aria-label="Row number" /> : null}
              {headers.map((h, j) => {
                const direction = sort?.col === j ? sort.direction : null;
                return (
                  <th
                    role="columnheader"
                    key={j}
                    aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}
                    style={widths[j] != null ? { width: cssSize(widths[j]) } : undefined}
                  >
                    <div class="header-cell">
                      <button type="button" class="header-button" title={`Sort by ${h}`} onClick={() => setSort(nextSort(sort, j))}>
                        <span class="header-text">{h}</span>
                        {direction ? <span class="sort-arrow" aria-hidden="true">{direction === "asc" ? "▲" : "▼"}</span> : null}
                      </button>
                      <MenuButton onOpen={(at) => setMenu({ row: -1, col: j, ...at })} />
                    </div>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {virtual && first > 0 ? <tr class="spacer" aria-hidden="true" style={{ height: `${first * ROW_PX}px` }} /> : null}
            {visible.map((row, k) => (
              <tr key={row} data-row={row} aria-rowindex={first + k + 2} class={cx(virtual && "fixed")}>
                {props.show_row_numbers ? <td class="row-number">{row + 1}</td> : null}
                {Array.from({ length: width }, (_, col) => {
                  const cell = table.data[row]?.[col];
                  const isSel = selected !== null && selected[0] === row && selected[1] === col;
                  const isEdit = editing !== null && editing.row === row && editing.col === col;
                  return (
                    <td
                      key={col}
                      data-row={row}
                      data-col={col}
                      data-testid={`cell-${row}-${col}`}
                      class={cx(isSel && "selected", datatypes[col] === "number" && "number")}
                      aria-selected={isSel}
                      onClick={() => {
                        if (!isEdit) select(row, col);
                      }}
                      onDblClick={() => startEdit(row, col)}
                    >
                      {isEdit ? (
                        <input
                          class="cell-input"
                          aria-label={`Edit cell ${row + 1}, ${headers[col]}`}
                          value={editing!.text}
                          ref={(el) => {
                            if (el && document.activeElement !== el) el.focus();
                          }}
                          onInput={(e) => {
                            const next = { row, col, text: (e.currentTarget as HTMLInputElement).value };
                            open.current = next;
                            setEditing(next);
                          }}
                          onKeyDown={(e) => {
                            e.stopPropagation();
                            if (e.key === "Enter") {
                              e.preventDefault();
                              commit();
                            } else if (e.key === "Escape") {
                              open.current = null;
                              setEditing(null);
                              wrap.current?.focus();
                            }
                          }}
                          onBlur={commit}
                        />
                      ) : datatypes[col] === "bool" ? (
                        <input type="checkbox" checked={!!cell} disabled aria-label={`${headers[col]} ${row + 1}`} />
                      ) : (
                        <span class="cell-text">{display(cell)}</span>
                      )}
                      {isSel && !isEdit && (rowsDynamic || colsDynamic) ? (
                        <MenuButton onOpen={(at) => setMenu({ row, col, ...at })} />
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
            {virtual && last < rows.length ? <tr class="spacer" aria-hidden="true" style={{ height: `${(rows.length - last) * ROW_PX}px` }} /> : null}
          </tbody>
        </table>
        {rows.length === 0 && table.data.length > 0 ? <div class="no-results">No matching rows</div> : null}
      </div>
      {menu ? (
        <CellMenu
          x={menu.x}
          y={menu.y}
          items={menuItems(menu.row, menu.col)}
          onClose={() => {
            setMenu(null);
            wrap.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/** A [min, max] limits prop as numbers (a missing bound: 0 or Infinity). */
function limits(v: unknown): [number, number] {
  const [lo, hi] = Array.isArray(v) ? v : [];
  return [typeof lo === "number" ? lo : 0, typeof hi === "number" ? hi : Infinity];
}
