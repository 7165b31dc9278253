// gr.Dataframe's table operations, kept apart from the component: the order rows are shown in (sorting is a
// view, like search: the value keeps its order, and select/edit indices stay those of the value), and the
// edits of the cell menu (add/delete rows and columns), each returning a new table.

export type SortDirection = "asc" | "desc";
export interface SortState {
  col: number;
  direction: SortDirection;
}

export interface Table {
  headers: string[];
  /** Cells are JSON scalars (numbers, text, booleans, null) as Dataframe.postprocess writes them. */
  data: unknown[][];
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Numbers by value, everything else as text (with numbers inside text in numeric order). */
export function compareCells(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return collator.compare(typeof a === "object" ? JSON.stringify(a) : String(a), typeof b === "object" ? JSON.stringify(b) : String(b));
}

/** `rows` (indices into data) in the sort's order; empty cells go last either way; ties keep their order. */
export function sortRows(data: unknown[][], rows: number[], sort: SortState | null): number[] {
  if (!sort) return rows;
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((i, j) => {
    const a = data[i]?.[sort.col];
    const b = data[j]?.[sort.col];
    if (isEmpty(a) || isEmpty(b)) return Number(isEmpty(a)) - Number(isEmpty(b));
    return sign * compareCells(a, b);
  });
}

/** Next state of a header's sort: ascending, then descending, then none. */
export function nextSort(sort: SortState | null, col: number): SortState | null {
  if (!sort || sort.col !== col) return { col, direction: "asc" };
  return sort.direction === "asc" ? { col, direction: "desc" } : null;
}

/** The empty cell a new row or column gets, by the column's datatype. */
function blank(datatype: string): string | boolean | null {
  if (datatype === "number") return null;
  if (datatype === "bool") return false;
  return "";
}

export function addRow(table: Table, at: number, datatypes: string[]): Table {
  const row = table.headers.map((_, j) => blank(datatypes[j] ?? "str"));
  const data = [...table.data.slice(0, at), row, ...table.data.slice(at)];
  return { ...table, data };
}

export function deleteRow(table: Table, row: number): Table {
  return { ...table, data: table.data.filter((_, i) => i !== row) };
}

/** A new column at `at`, named by the next free number (as Gradio's default headers are). */
export function addColumn(table: Table, at: number): Table {
  let n = table.headers.length + 1;
  while (table.headers.includes(String(n))) n += 1;
  const headers = [...table.headers.slice(0, at), String(n), ...table.headers.slice(at)];
  const data = table.data.map((r) => [...r.slice(0, at), "", ...r.slice(at)]);
  return { ...table, headers, data };
}

export function deleteColumn(table: Table, col: number): Table {
  return {
    ...table,
    headers: table.headers.filter((_, j) => j !== col),
    data: table.data.map((r) => r.filter((_, j) => j !== col)),
  };
}
