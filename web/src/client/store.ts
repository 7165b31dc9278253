// Everything the page knows about the running app: each component's props, value and event status.
// Components subscribe per id, so an update re-renders only the components it touches.

import type { AppConfig, FileData, JSONValue, Node, ProgressUnit, StatusStage, ToastLevel, Update } from "../protocol";

export interface ComponentState {
  id: number;
  type: string;
  /** Python's props, `value` apart (JSON: read with renderer/props.ts). */
  props: Record<string, JSONValue>;
  value: JSONValue;
  children: number[];
}

export interface OutputStatus {
  stage: StatusStage;
  /** performance.now() when the event started running, for elapsed time. */
  started: number;
  progress: ProgressUnit[] | null;
  position: number | null;
  show: "full" | "minimal" | "hidden";
  message: string | null;
}

/** The notice an event that has gone quiet gets (client/stall-watch.ts), with its Stop control. */
export interface StopNotice {
  text: string;
  /** Stop was asked for: the button is disabled and the text says what happens. */
  stopping: boolean;
  stop: () => void;
}

/** The page's copy of one gr.State (a `state` message): its pickle, or why it could not be kept. */
export interface StateCopy {
  buffer?: ArrayBuffer;
  error?: string;
}

export interface Toast {
  id: number;
  level: ToastLevel;
  title: string | null;
  message: string;
  duration: number | null;
}

/** How a block streams to its .stream() listeners: seconds between frames, and seconds until the stream ends. */
export interface StreamSettings {
  every: number;
  timeLimit: number | null;
}

type Listener = () => void;

export class AppStore {
  config: AppConfig | null = null;
  /** Put before the renderer's element ids (renderer/hooks.ts domId): empty, or unique per embedded app. */
  idPrefix = "";
  readonly components = new Map<number, ComponentState>();
  readonly statuses = new Map<number, OutputStatus>();
  toasts: Toast[] = [];
  notice: StopNotice | null = null;
  /** What a worker restarted after Stop is given back (protocol `restore`): State copies, updated props. */
  readonly stateCopies = new Map<number, StateCopy>();
  readonly updatedProps = new Map<number, Record<string, JSONValue>>();
  private readonly liveProps = new Map<number, Record<string, JSONValue>>();
  /** Set by the event dispatcher: called when a value changes, with whether the user did it. */
  onValueChange: (id: number, user: boolean) => void = () => {};
  /** Set by the event dispatcher: a component fired an event ("click", "submit", …). */
  onTrigger: (id: number, event: string, data?: unknown) => void = () => {};
  /** Whether some listener (Python or js=) waits for this event of this block; the dispatcher answers. */
  hasListener: (id: number, event: string) => boolean = () => false;
  /** Set by the dispatcher: how block `id` streams (stream_every, time_limit), or null with no .stream() listener. */
  streamSettings: (id: number) => StreamSettings | null = () => null;
  /** Set by the dispatcher: whether a frame block `id` streamed is still running (the next one waits). */
  streamBusy: (id: number) => boolean = () => false;
  /** Set by the connection: upload files into the worker, get FileData back. */
  upload: (files: File[]) => Promise<FileData[]> = async () => {
    throw new Error("uploads are not available yet");
  };
  /** Set by the connection: run server function `name` of block `id` in the worker, get its result. */
  callServer: (id: number, name: string, args: unknown[]) => Promise<unknown> = async () => {
    throw new Error("server functions are not available yet");
  };
  readonly fileUrls = new Map<string, string>();

  /** Per block, the props (and "value") changed since Python built it: what preserved_by_key can keep. */
  private changed = new Map<number, Set<string>>();
  /** Components whose value an event reads on demand: the image editor exports its canvas only then. */
  private readers = new Map<number, () => Promise<JSONValue>>();
  private listeners = new Map<number, Set<Listener>>();
  private globalListeners = new Set<Listener>();
  private endedListeners = new Set<Listener>();
  private streamEnders = new Map<number, Set<Listener>>();
  private toastSeq = 0;

  /** The component types in the app now (the page fetches the code of lazily loaded ones). */
  types(): string[] {
    return [...this.components.values()].map((c) => c.type);
  }

  load(config: AppConfig): void {
    this.config = config;
    this.components.clear();
    this.stateCopies.clear();
    this.updatedProps.clear();
    this.liveProps.clear();
    const add = (node: Node): void => {
      const { value, ...props } = node.props;
      this.components.set(node.id, {
        id: node.id,
        type: node.type,
        props,
        value,
        children: (node.children ?? []).map((c) => c.id),
      });
      node.children?.forEach(add);
    };
    add(config.root);
    this.emitAll();
  }

  /**
   * A @gr.render block's new subtree (protocol `render`): its old descendants go, `node`'s children come in.
   * A child whose id is already known (a `key=` component re-created with the id it had) keeps the props
   * its `preserved_by_key` names ("value" unless the app says otherwise) when the visitor or a listener
   * changed them; the rest come from the new constructor, as in Gradio.
   * A new child listed in `unsetValues` (its constructor left the value unset) takes the value of the child
   * that was in the same place before, if of the same type all the way down: Gradio's page reuses the
   * mounted component by position and pushes only the props its config has (render_merge).
   */
  replaceChildren(id: number, node: Node, unsetValues: readonly number[] = []): void {
    const state = this.components.get(id);
    if (!state) return;
    const old = new Map<number, { state: ComponentState; changed: Set<string> }>();
    const placed = new Map<string, { state: ComponentState; changed: Set<string> }>();
    const drop = (cid: number, place: string): void => {
      const child = this.components.get(cid);
      if (!child) return;
      const entry = { state: child, changed: this.changed.get(cid) ?? new Set<string>() };
      old.set(cid, entry);
      placed.set(place, entry);
      child.children.forEach((c, i) => drop(c, `${place}/${this.components.get(c)?.type}@${i}`));
      this.components.delete(cid);
      this.changed.delete(cid);
    };
    state.children.forEach((c, i) => drop(c, `${this.components.get(c)?.type}@${i}`));
    const unset = new Set(unsetValues);
    const added: number[] = [];
    const add = (n: Node, place: string): void => {
      const { value: fresh, ...props } = n.props;
      let value = fresh;
      const before = old.get(n.id);
      const samePlace = placed.get(place);
      if (!before && unset.has(n.id) && samePlace) {
        value = samePlace.state.value;
        if (samePlace.changed.has("value")) this.changed.set(n.id, new Set(["value"]));
      }
      if (before) {
        const preserved = Array.isArray(props.preserved_by_key) ? props.preserved_by_key.filter((p) => typeof p === "string") : [];
        const kept = new Set(preserved.filter((name) => before.changed.has(name)));
        for (const name of kept) {
          if (name === "value") value = before.state.value;
          else if (name in before.state.props) props[name] = before.state.props[name] as JSONValue;
        }
        if (kept.size) this.changed.set(n.id, kept);
      }
      this.components.set(n.id, {
        id: n.id,
        type: n.type,
        props,
        value,
        children: (n.children ?? []).map((c) => c.id),
      });
      added.push(n.id);
      n.children?.forEach((c, i) => add(c, `${place}/${c.type}@${i}`));
    };
    node.children?.forEach((c, i) => add(c, `${c.type}@${i}`));
    state.children = (node.children ?? []).map((c) => c.id);
    this.notify(id);
    // Kept ids are mounted already and must redraw with their new props.
    added.forEach((cid) => this.notify(cid));
  }

  /** Note that a prop (or "value") of `id` now differs from what Python built it with. */
  private markChanged(id: number, names: Iterable<string>): void {
    let set = this.changed.get(id);
    if (!set) this.changed.set(id, (set = new Set()));
    for (const name of names) set.add(name);
  }

  /** [id, value] of the components whose value changed since Python built them (what a deep link keeps). */
  changedValues(): [number, JSONValue][] {
    return [...this.changed].filter(([id, names]) => names.has("value") && this.components.has(id)).map(([id]) => [id, this.getValue(id)]);
  }

  get(id: number): ComponentState | undefined {
    return this.components.get(id);
  }

  /** A prop the page itself keeps current (a player's playback_position), for events that send props
   * (Dependency.component_prop_inputs). Kept apart from Python's props: nothing redraws, nothing seeks. */
  setLiveProp(id: number, name: string, value: JSONValue): void {
    this.liveProps.set(id, { ...this.liveProps.get(id), [name]: value });
  }

  /** What an event sends for a component whose props go with its value: Python's props, then the live ones. */
  propsOf(id: number): Record<string, JSONValue> {
    return { ...this.components.get(id)?.props, ...this.liveProps.get(id) };
  }

  getValue(id: number): JSONValue {
    return this.components.get(id)?.value ?? null;
  }

  /** Let `read` produce this component's value for events (instead of the stored one); returns the undo. */
  setReader(id: number, read: () => Promise<JSONValue>): () => void {
    this.readers.set(id, read);
    return () => {
      if (this.readers.get(id) === read) this.readers.delete(id);
    };
  }

  hasReader(id: number): boolean {
    return this.readers.has(id);
  }

  /** The value an event sends for this component: what its reader produces, or the stored value. */
  async readValue(id: number): Promise<JSONValue> {
    const read = this.readers.get(id);
    return read ? read() : this.getValue(id);
  }

  /** A value changed in the page (user = typed/clicked by a person, which also fires `input`). */
  setValue(id: number, value: JSONValue, user = true): void {
    const state = this.components.get(id);
    if (!state || Object.is(state.value, value)) return;
    state.value = value;
    this.markChanged(id, ["value"]);
    this.notify(id);
    this.onValueChange(id, user);
  }

  /** Put a value back as it was (a restart's re-rendered children): no `change`, nothing changed for the user. */
  putBack(id: number, value: unknown): void {
    const state = this.components.get(id);
    if (!state) return;
    state.value = value;
    this.notify(id);
  }

  /** A value the page opens with instead of Python's (a deep link's): counts as changed, fires no `change`. */
  restoreValue(id: number, value: JSONValue): void {
    if (!this.components.has(id)) return;
    this.putBack(id, value);
    this.markChanged(id, ["value"]);
  }

  trigger(id: number, event: string, data?: unknown): void {
    this.onTrigger(id, event, data);
  }

  /** Apply one output update from the worker; a value change fires the component's `change`. */
  applyUpdate(update: Update): void {
    const state = this.components.get(update.id);
    if (!state) return;
    if (update.props) {
      const before = state.props.props;
      state.props = { ...state.props, ...update.props };
      // gr.HTML's template props arrive as only the ones that changed (Gradio merges them the same way).
      if (isPlainObject(before) && isPlainObject(update.props.props)) state.props.props = { ...before, ...update.props.props };
      const { value: _value, ...kept } = update.props;
      this.updatedProps.set(update.id, { ...this.updatedProps.get(update.id), ...kept, ...("props" in kept ? { props: state.props.props } : {}) });
      if ("value" in update.props) {
        update = { ...update, value: update.props.value };
        delete state.props.value;
      }
    }
    const valueChanged = "value" in update && !sameValue(state.value, update.value);
    if ("value" in update) state.value = update.value;
    this.markChanged(update.id, [...Object.keys(update.props ?? {}), ...("value" in update ? ["value"] : [])]);
    this.notify(update.id);
    if (valueChanged) this.onValueChange(update.id, false);
  }

  setStatus(id: number, status: OutputStatus | null): void {
    if (status) this.statuses.set(id, status);
    else this.statuses.delete(id);
    this.notify(id);
  }

  addToast(level: ToastLevel, message: string, title: string | null, duration: number | null): void {
    this.toasts = [...this.toasts, { id: ++this.toastSeq, level, message, title, duration }];
    this.emitGlobal();
  }

  setNotice(notice: StopNotice | null): void {
    this.notice = notice;
    this.emitGlobal();
  }

  /** Every component below `id`, depth first (what a @gr.render block holds). */
  descendants(id: number): ComponentState[] {
    const found: ComponentState[] = [];
    const walk = (cid: number): void => {
      for (const child of this.components.get(cid)?.children ?? []) {
        const state = this.components.get(child);
        if (!state) continue;
        found.push(state);
        walk(child);
      }
    };
    walk(id);
    return found;
  }

  dismissToast(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
    this.emitGlobal();
  }

  subscribe(id: number, fn: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  /** Called each time an event that ran in the worker ends: views of the worker's files (FileExplorer) look again. */
  onEventEnded(fn: Listener): () => void {
    this.endedListeners.add(fn);
    return () => this.endedListeners.delete(fn);
  }

  eventEnded(): void {
    this.endedListeners.forEach((fn) => fn());
  }

  /** Called when block `id`'s stream must end (a frame's function failed): its live webcam stops sending. */
  onStreamEnd(id: number, fn: Listener): () => void {
    let set = this.streamEnders.get(id);
    if (!set) this.streamEnders.set(id, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  endStream(id: number): void {
    this.streamEnders.get(id)?.forEach((fn) => fn());
  }

  /** For app-wide state: toasts, config. */
  subscribeAll(fn: Listener): () => void {
    this.globalListeners.add(fn);
    return () => this.globalListeners.delete(fn);
  }

  private notify(id: number): void {
    this.listeners.get(id)?.forEach((fn) => fn());
  }

  private emitGlobal(): void {
    this.globalListeners.forEach((fn) => fn());
  }

  private emitAll(): void {
    this.listeners.forEach((set) => set.forEach((fn) => fn()));
    this.emitGlobal();
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
