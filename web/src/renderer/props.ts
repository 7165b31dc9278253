// Readers for what a component gets from Python: its props and value are JSON, `unknown` on this side until
// read. Each reader returns the value when it has the expected type, else the fallback, so a prop of an
// unexpected type draws the component's default instead of breaking the render.

/** A block's props as the store keeps them. */
export type Props = Record<string, unknown>;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function str(v: unknown): string | undefined;
export function str(v: unknown, fallback: string): string;
export function str(v: unknown, fallback?: string): string | undefined {
  return typeof v === "string" ? v : fallback;
}

/** A finite number. */
export function num(v: unknown): number | undefined;
export function num(v: unknown, fallback: number): number;
export function num(v: unknown, fallback?: number): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** An array (of anything: read its items with these readers too), else []. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** An array of strings (file_types, sources, …), else undefined. */
export const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((s) => typeof s === "string") ? v : undefined;

/** An object of string values (color_map, …), else {}. */
export function stringMap(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** A number or a string, as sizes (height=300 or "50vh") and a Label's value are. */
export const numOrStr = (v: unknown): number | string | undefined =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? v : undefined;

/** One of a Radio's, Dropdown's or CheckboxGroup's choices: [what is shown, the value it stands for]. */
export type Choice = [string, unknown];

/** props.choices as Python sends them (pairs), dropping anything else. */
export const choices = (v: unknown): Choice[] =>
  list(v).filter((c): c is Choice => Array.isArray(c) && c.length === 2 && typeof c[0] === "string");
