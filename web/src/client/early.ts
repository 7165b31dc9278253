// Draw before Python: the page draws the component tree `export` made under CPython (wasmblocks_build/
// early_tree.py) while the worker boots. What the visitor does meanwhile is kept: the events it fires are
// held and sent once, in order, when the worker's own tree comes and is the same; when the worker's tree
// differs (an app that builds itself from the time, random numbers or the machine it runs on), the page
// swaps to it, carrying over the values the visitor changed and firing again, once, what they clicked, to
// the block at the same place or else the only one alike; what has no counterpart is named, not dropped.

import type { AppConfig, JSONValue, Node, PageMessage } from "../protocol";
import type { DispatcherConnection } from "./events";

/** A connection that keeps what the dispatcher posts until the worker's tree has come. */
export class HeldConnection implements DispatcherConnection {
  private held: { message: PageMessage; transfer: Transferable[] }[] = [];
  private open = false;
  private letGo!: () => void;
  /** Resolves once the worker's app runs and messages go through (server calls and uploads wait for it). */
  readonly released = new Promise<void>((resolve) => (this.letGo = resolve));

  constructor(private conn: DispatcherConnection) {}

  post(message: PageMessage, transfer: Transferable[] = []): void {
    if (this.open) this.conn.post(message, transfer);
    else this.held.push({ message, transfer });
  }

  nextId(prefix: string): string {
    return this.conn.nextId(prefix);
  }

  isCurrent(): boolean {
    return this.conn.isCurrent();
  }

  /** How many messages wait. */
  get waiting(): number {
    return this.held.length;
  }

  /** Whether what is posted now waits (the dispatcher then shows the event's outputs as pending itself). */
  holding(): boolean {
    return !this.open;
  }

  /** Send what waited, in order, and everything from now on. */
  release(): void {
    this.open = true;
    for (const { message, transfer } of this.held.splice(0)) this.conn.post(message, transfer);
    this.letGo();
  }

  /** Drop what waited (its ids belong to a tree that is going) and pass later calls on. */
  discard(): void {
    this.held = [];
    this.open = true;
    this.letGo();
  }
}

/** Whether the worker's tree is the one drawn early (then the page keeps what it drew, ids and all). */
export function sameTree(early: AppConfig, worker: AppConfig): boolean {
  return JSON.stringify(early) === JSON.stringify(worker);
}

const labelOf = (n: Node): JSONValue | undefined => n.props.label;

/**
 * Early block ids → the worker tree's ids, for blocks at the same place in both trees with the same type
 * (and the same label, when they have one). A block whose place or kind changed has no match.
 */
export function matchIds(early: Node, worker: Node, into = new Map<number, number>()): Map<number, number> {
  if (early.type !== worker.type || labelOf(early) !== labelOf(worker)) return into;
  into.set(early.id, worker.id);
  const a = early.children ?? [];
  const b = worker.children ?? [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) matchIds(a[i]!, b[i]!, into);
  return into;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  node.children?.forEach((c) => walk(c, visit));
}

/**
 * A second look for the blocks matchIds left out (a block moved, or a block inserted before it): an
 * early block and a worker block are the same when they are the only ones left of their type, elem_id
 * and label in each tree. Adds to and returns `ids`.
 */
export function matchMoved(early: Node, worker: Node, ids: Map<number, number>): Map<number, number> {
  const taken = new Set(ids.values());
  const keyOf = (n: Node) => JSON.stringify([n.type, n.props.elem_id ?? null, n.props.label ?? null]);
  const group = (root: Node, skip: (n: Node) => boolean) => {
    const by = new Map<string, Node[]>();
    walk(root, (n) => {
      if (!skip(n)) by.set(keyOf(n), [...(by.get(keyOf(n)) ?? []), n]);
    });
    return by;
  };
  const left = group(worker, (n) => taken.has(n.id));
  for (const [key, nodes] of group(early, (n) => ids.has(n.id))) {
    const there = left.get(key);
    if (nodes.length === 1 && there?.length === 1) ids.set(nodes[0]!.id, there[0]!.id);
  }
  return ids;
}

/** The initial value of each block of a tree, by id. */
export function initialValues(root: Node, into = new Map<number, JSONValue | undefined>()): Map<number, JSONValue | undefined> {
  into.set(root.id, root.props.value);
  root.children?.forEach((c) => initialValues(c, into));
  return into;
}

/** A trigger the visitor fired on the early tree (a click, a submit…), to fire again on a swapped tree. */
export interface HeldTrigger {
  id: number;
  event: string;
  data: unknown;
}

/** What the visitor did on a block of the early tree that the worker's tree has no counterpart for. */
export interface Lost {
  /** The block's label, else its button text, else its type. */
  name: string;
  /** The value typed or chosen (absent for a click). */
  value?: JSONValue;
}

/**
 * What to do on the worker's tree, when it is not the early one: values to set and triggers to fire, in
 * new ids, and what could not be carried over (`lost`), which the page tells the visitor about.
 */
export function carryOver(
  early: AppConfig,
  worker: AppConfig,
  valueNow: (id: number) => JSONValue,
  triggers: HeldTrigger[],
): { values: [number, JSONValue][]; triggers: HeldTrigger[]; lost: Lost[] } {
  const ids = matchMoved(early.root, worker.root, matchIds(early.root, worker.root));
  const initial = initialValues(early.root);
  const nodes = new Map<number, Node>();
  walk(early.root, (n) => nodes.set(n.id, n));
  const nameOf = (id: number): string => {
    const props = nodes.get(id)?.props ?? {};
    const name = props.label ?? (nodes.get(id)?.type === "button" ? props.value : null);
    return typeof name === "string" && name ? name : (nodes.get(id)?.type ?? "a block");
  };
  const values: [number, JSONValue][] = [];
  const lost: Lost[] = [];
  for (const id of initial.keys()) {
    const now = valueNow(id);
    if (JSON.stringify(now ?? null) === JSON.stringify(initial.get(id) ?? null)) continue;
    const to = ids.get(id);
    if (to === undefined) lost.push({ name: nameOf(id), value: now });
    else values.push([to, now]);
  }
  const moved = triggers.flatMap((t) => {
    const to = ids.get(t.id);
    if (to === undefined) lost.push({ name: nameOf(t.id) });
    return to === undefined ? [] : [{ ...t, id: to }];
  });
  return { values, triggers: moved, lost };
}

/** The warning for what could not be carried over to the worker's tree (never dropped without a word). */
export function lostMessage(lost: Lost[]): string {
  const shown = (v: JSONValue | undefined) => {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  const items = lost.map((l) => (l.value === undefined ? `your click on “${l.name}”` : `${l.name}: “${shown(l.value)}”`));
  return `The app changed when Python started, and has no place for what you did before: ${items.join("; ")}. Please do it again.`;
}
