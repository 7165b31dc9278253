// Draw before Python: the page draws the component tree `export` made under CPython (wasmblocks_build/
// early_tree.py) while the worker boots. What the visitor does meanwhile is kept: the events it fires are
// held and sent once, in order, when the worker's own tree comes and is the same; when the worker's tree
// differs (an app that builds itself from the time, random numbers or the machine it runs on), the page
// swaps to it, carrying over the values the visitor changed and firing again, once, what they clicked.

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

/** What to do on the worker's tree, when it is not the early one: values to set and triggers to fire, in new ids. */
export function carryOver(
  early: AppConfig,
  worker: AppConfig,
  valueNow: (id: number) => JSONValue,
  triggers: HeldTrigger[],
): { values: [number, JSONValue][]; triggers: HeldTrigger[] } {
  const ids = matchIds(early.root, worker.root);
  const initial = initialValues(early.root);
  const values: [number, JSONValue][] = [];
  for (const [from, to] of ids) {
    const now = valueNow(from);
    if (JSON.stringify(now) !== JSON.stringify(initial.get(from) ?? null)) values.push([to, now]);
  }
  const moved = triggers.flatMap((t) => {
    const to = ids.get(t.id);
    return to === undefined ? [] : [{ ...t, id: to }];
  });
  return { values, triggers: moved };
}
