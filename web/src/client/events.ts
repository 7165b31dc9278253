// The page's half of the event engine, as in Gradio's frontend: which dependencies a trigger runs,
// `js` before (or instead of) Python, trigger modes, cancels, and .then/.success/.failure chains.

import type {
  AppConfig, Dependency, EventMessage, RenderMessage, StateMessage, StatusMessage, StatusStage, UpdateMessage,
} from "../protocol";
import { errorText } from "../error-text";
import { animationFrames, type FrameScheduler, UpdateCoalescer } from "./coalesce";
import type { Connection } from "./connection";
import { registerFiles, resolveUpdate } from "./files";
import { domId } from "../renderer/hooks";
import type { AppStore, StreamSettings } from "./store";

/** An event sent to the worker and not ended yet: what a restarted worker is sent again, or told about. */
export interface InFlight {
  message: EventMessage;
  dep: Dependency;
  /** "sent": the worker has not said a word about it yet. */
  stage: "sent" | StatusStage;
  /** performance.now() of the last word from the worker about it (or of sending it). */
  heard: number;
  /** performance.now() when it started running (its `pending` status), for time_limit. */
  started: number | null;
}

interface Running {
  eventId: string | null;
  /** The block whose event started the chain; .then/.success/.failure events carry it too (Gradio: their
   * gr.EventData.target is the original trigger, e.g. the Button of a gr.on(...).then(...)). */
  trigger: number | null;
  /** The event that started it ("click", "stream", "then", …). */
  event: string;
  /** always_last: run once more with fresh inputs when this one ends. */
  again: { trigger: number | null; event: string; data: unknown } | null;
  /** The inputs and event data this run took, as JSON, while the task that started it runs (then null). */
  sameTurnInputs: string | null;
}

/** What the dispatcher needs of the connection (a narrow seam, so tests/web/events.test.ts runs without a worker). */
export type DispatcherConnection = Pick<Connection, "post" | "nextId" | "isCurrent"> & {
  /** True while what is posted waits for Python (client/early.ts HeldConnection). */
  holding?: () => boolean;
};

export class EventDispatcher {
  private byTarget = new Map<string, Dependency[]>();
  private chained = new Map<number, Dependency[]>();
  private deps = new Map<number, Dependency>();
  private running = new Map<number, Running>();
  private byEvent = new Map<string, Dependency>();
  /** `every=` listeners' intervals, by dependency id; they run once startTimers() was called. */
  private timers = new Map<number, ReturnType<typeof setInterval>>();
  private timing = false;
  /** Streaming updates render at most once per animation frame; the last value always lands. */
  readonly updates: UpdateCoalescer;
  /** Runs started and not yet ended (a dependency with trigger_mode="multiple" can have several). */
  private runsInFlight = 0;
  /** Called when `busy` may have changed (the page's data-busy attribute, client/busy.ts). */
  onBusyChange: (() => void) | null = null;
  readonly inFlight = new Map<string, InFlight>();
  /** The event that last rendered each @gr.render block, and the dependencies renders added. */
  private renderEvents = new Map<number, EventMessage>();
  private sessionDeps = new Set<number>();
  /** A @gr.render block emptied for a restarted worker: the values its children had, depth first. */
  private carried = new Map<number, { type: string; value: unknown }[]>();
  /** Scroll to every event's first output when it completes, not only scroll_to_output ones (<gradio-app>). */
  autoscroll = false;
  /** Called when the page sends `cancel` (the stall watch gives the worker a grace period to obey). */
  onCancelSent: (depIds: number[]) => void = () => {};

  constructor(
    private store: AppStore,
    private conn: DispatcherConnection,
    config: AppConfig,
    frames: FrameScheduler = animationFrames,
  ) {
    this.updates = new UpdateCoalescer(
      (update) => {
        this.store.applyUpdate(update);
        this.onBusyChange?.();
      },
      frames,
      (id) => this.store.get(id)?.props.streaming === true && this.store.get(id)?.type === "audio",
    );
    this.addDependencies(config.dependencies);
    store.onTrigger = (id, event, data) => this.fire(id, event, data);
    store.hasListener = (id, event) => this.byTarget.has(`${id}:${event}`);
    store.streamSettings = (id) => this.streamSettings(id);
    store.streamBusy = (id) => (this.byTarget.get(`${id}:stream`) ?? []).some((dep) => this.running.has(dep.id));
    store.onValueChange = (id, user) => {
      this.fire(id, "change", null);
      if (user) this.fire(id, "input", null);
    };
  }

  /** Start listening for these dependencies (the app's, or a session's from a `render` message). */
  addDependencies(deps: Dependency[]): void {
    for (const dep of deps) {
      this.deps.set(dep.id, dep);
      for (const [id, event] of dep.targets) {
        const key = `${id}:${event}`;
        this.byTarget.set(key, [...(this.byTarget.get(key) ?? []), dep]);
      }
      if (dep.trigger_after !== null) {
        this.chained.set(dep.trigger_after, [...(this.chained.get(dep.trigger_after) ?? []), dep]);
      }
      this.startTimer(dep); // a @gr.render's listener with every= ticks from when it arrives
    }
  }

  /** Stop listening for these dependencies; events of theirs already running still finish. */
  removeDependencies(ids: number[]): void {
    const gone = new Set(ids);
    if (!gone.size) return;
    for (const id of ids) {
      this.deps.delete(id);
      clearInterval(this.timers.get(id));
      this.timers.delete(id);
    }
    const prune = <K>(map: Map<K, Dependency[]>): void => {
      for (const [key, list] of map) {
        const rest = list.filter((d) => !gone.has(d.id));
        if (rest.length) map.set(key, rest);
        else map.delete(key);
      }
    };
    prune(this.byTarget);
    prune(this.chained);
  }

  /** A @gr.render block ran: swap its subtree and its session dependencies. */
  onRender(message: RenderMessage): void {
    this.heardFrom(message.event_id);
    const rendering = this.inFlight.get(message.event_id);
    if (rendering) this.renderEvents.set(message.block_id, rendering.message);
    this.removeDependencies(message.removed_dependencies);
    this.store.replaceChildren(message.block_id, message.node, message.unset_values ?? []);
    this.carryValues(message.block_id);
    this.addDependencies(message.dependencies);
    message.dependencies.forEach((dep) => this.sessionDeps.add(dep.id));
  }

  /** Values the user had in a re-rendered block's children go back where the new subtree has the same shape. */
  private carryValues(blockId: number): void {
    const before = this.carried.get(blockId);
    if (!before) return;
    this.carried.delete(blockId);
    this.store.descendants(blockId).forEach((child, i) => {
      if (before[i]?.type === child.type) this.store.putBack(child.id, before[i].value);
    });
  }

  /** Events queued or running (js-only ones too) plus one while streamed updates wait for a frame. */
  get busy(): number {
    return this.runsInFlight + (this.updates.waiting ? 1 : 0);
  }

  /** Run every dependency listening to `event` on block `id`. */
  fire(id: number, event: string, data: unknown = null): void {
    for (const dep of this.byTarget.get(`${id}:${event}`) ?? []) void this.run(dep, id, event, data);
  }

  /** How block `id` streams to its .stream() listeners: the shortest stream_every and time_limit among them. */
  private streamSettings(id: number): StreamSettings | null {
    const deps = this.byTarget.get(`${id}:stream`);
    if (!deps?.length) return null;
    const limits = deps.map((d) => d.time_limit).filter((t): t is number => typeof t === "number" && t > 0);
    return { every: Math.min(...deps.map((d) => d.stream_every || 0.5)), timeLimit: limits.length ? Math.min(...limits) : null };
  }

  /** Dependency ids with a run going (as events.EventFlow.running() in Python). */
  runningIds(): Set<number> {
    return new Set(this.running.keys());
  }

  private async run(dep: Dependency, trigger: number | null, event: string, data: unknown): Promise<void> {
    const current = this.running.get(dep.id);
    if (current && dep.trigger_mode !== "multiple") {
      // Triggers fired together (one output changing several watched gr.States) with the inputs and data
      // the run already took: Gradio dispatches each before its first submission is registered, so they all
      // run with those same inputs, and one run shows the same. Deferred, it would read the run's outputs.
      if (current.sameTurnInputs !== null && current.sameTurnInputs === this.inputsNow(dep, data)) return;
      if (dep.trigger_mode === "always_last") current.again = { trigger, event, data };
      return;
    }
    const entry: Running = { eventId: null, trigger, event, again: null, sameTurnInputs: null };
    this.running.set(dep.id, entry);
    this.runsInFlight += 1;
    this.onBusyChange?.();
    if (dep.cancels.length) {
      this.conn.post({ type: "cancel", dep_ids: dep.cancels });
      this.onCancelSent(dep.cancels);
    }
    let inputs: unknown[];
    if (dep.inputs.some((id) => this.store.hasReader(id))) {
      // Only then does the event wait (an image editor exporting its canvas); others read synchronously.
      try {
        inputs = await Promise.all(dep.inputs.map((id) => this.store.readValue(id)));
      } catch (err) {
        this.store.addToast("error", `Could not read an input: ${errorText(err)}`, "Error", 10);
        return this.finish(dep, false);
      }
    } else {
      inputs = dep.inputs.map((id) => this.store.getValue(id));
      entry.sameTurnInputs = this.inputsNow(dep, data);
      queueMicrotask(() => void (entry.sameTurnInputs = null));
    }
    // A streamed frame is not the block's value (Gradio's stream data): it takes the block's place in the inputs.
    const streamed = event === "stream";
    if (streamed) inputs = dep.inputs.map((id, i) => (id === trigger ? data : inputs[i]));
    // `def f(a: gr.Audio)`: Gradio sends that input's props with its value (its gather_state).
    const withProps = dep.component_prop_inputs ?? [];
    if (withProps.length) {
      inputs = inputs.map((value, i) => {
        const id = dep.inputs[i];
        return withProps.includes(i) && id !== undefined ? { ...this.store.propsOf(id), value } : value;
      });
    }
    if (dep.js) {
      try {
        const fn: unknown = new Function(`return (${dep.js});`)();
        const result: unknown = typeof fn === "function" ? await fn(...inputs) : undefined;
        if (!dep.backend_fn) {
          this.applyJsOutputs(dep, result);
          return this.finish(dep, true);
        }
        // A js function that returns nothing leaves the inputs as they were (Gradio behaviour).
        if (result !== undefined) inputs = dep.inputs.length === 1 ? [result] : Array.isArray(result) ? result : [result];
      } catch (err) {
        this.store.addToast("error", `Error in js: ${errorText(err)}`, "Error", 10);
        return this.finish(dep, false);
      }
    }
    if (!dep.backend_fn) return this.finish(dep, true);
    const eventId = this.conn.nextId("event");
    entry.eventId = eventId;
    this.send(dep, {
      type: "event",
      event_id: eventId,
      dep_id: dep.id,
      trigger_id: trigger,
      event_name: event,
      data: inputs,
      event_data: streamed ? null : data,
      // gr.Request.url / query_params: the page's URL now (the unit tests run where there is none).
      ...(typeof location === "undefined" ? {} : { url: location.href }),
    });
  }

  /**
   * The dependency's inputs as they are now and the event's data (JSON), to compare with what a run took. A gr.State is left
   * out: the worker reads its value when the run starts, and the page's copy is only a change token.
   */
  private inputsNow(dep: Dependency, data: unknown): string | null {
    if (dep.inputs.some((id) => this.store.hasReader(id))) return null;
    const pageHeld = dep.inputs.filter((id) => this.store.get(id)?.type !== "state");
    return JSON.stringify([pageHeld.map((id) => this.store.getValue(id)), data ?? null]);
  }

  private send(dep: Dependency, message: EventMessage): void {
    this.byEvent.set(message.event_id, dep);
    this.inFlight.set(message.event_id, { message, dep, stage: "sent", heard: performance.now(), started: null });
    this.conn.post(message);
    // Held until Python is ready (the page drawn before it): Gradio's front end shows an event's outputs
    // as pending the moment it fires, so the visitor sees it was taken, not lost. The worker's statuses
    // take over once it runs.
    if (this.conn.holding?.() && dep.show_progress !== "hidden") {
      for (const id of this.progressTargets(dep)) {
        this.store.setStatus(id, { stage: "pending", started: performance.now(), progress: null, position: null,
          show: dep.show_progress, message: null });
      }
    }
  }

  /** The worker said something about this event (a status, an update, a toast): it is not stuck. */
  heardFrom(eventId: string | null | undefined): void {
    const flight = eventId ? this.inFlight.get(eventId) : undefined;
    if (flight) flight.heard = performance.now();
  }

  /** The worker's copy of gr.State values after an event: the page keeps the newest for a restart. */
  onState(message: StateMessage): void {
    for (const entry of message.states) {
      const buffer = entry.buffer !== undefined ? message.buffers?.[entry.buffer] : undefined;
      this.store.stateCopies.set(entry.id, buffer ? { buffer } : { error: entry.error ?? "no copy arrived" });
    }
  }

  // ---- a restarted worker (client/worker-restart.ts) ----
  /** End these events as a cancel does (no .then, outputs as they are): their worker is gone. */
  endInterrupted(eventIds: string[]): void {
    this.updates.flush();
    for (const eventId of eventIds) {
      const dep = this.byEvent.get(eventId);
      this.inFlight.delete(eventId);
      this.byEvent.delete(eventId);
      if (!dep) continue;
      for (const id of this.progressTargets(dep)) this.store.setStatus(id, null);
      // As a `cancelled` status ends it: it stops counting towards `busy`, and listeners hear it ended.
      this.stopCounting(this.running.get(dep.id)?.eventId === eventId ? dep : null);
      this.store.eventEnded();
    }
  }

  /** Send these events again, to a fresh worker: the old one never started them. */
  resend(eventIds: string[]): void {
    for (const eventId of eventIds) {
      const flight = this.inFlight.get(eventId);
      if (!flight) continue;
      Object.assign(flight, { stage: "sent", heard: performance.now(), started: null });
      this.conn.post(flight.message);
    }
  }

  /**
   * Run every @gr.render block's last render again in a fresh worker, which knows none of the blocks and
   * listeners renders made: their subtrees are emptied now and refilled (with the values they had) when
   * the new renders arrive.
   */
  rerunRenders(): void {
    this.removeDependencies([...this.sessionDeps]);
    this.sessionDeps.clear();
    for (const [blockId, message] of this.renderEvents) {
      const block = this.store.get(blockId);
      const dep = this.deps.get(message.dep_id);
      if (!block || !dep) continue;
      this.carried.set(blockId, this.store.descendants(blockId).map((c) => ({ type: c.type, value: c.value })));
      this.store.replaceChildren(blockId, { id: blockId, type: block.type, props: {}, children: [] });
      this.send(dep, { ...message, event_id: this.conn.nextId("event") });
    }
  }

  private applyJsOutputs(dep: Dependency, result: unknown): void {
    if (result === undefined || !dep.outputs.length) return;
    const values = dep.outputs.length === 1 ? [result] : Array.isArray(result) ? result : [result];
    dep.outputs.forEach((id, i) => {
      if (i < values.length) this.store.applyUpdate({ id, value: values[i] });
    });
  }

  private progressTargets(dep: Dependency): number[] {
    return dep.show_progress_on ?? dep.outputs;
  }

  onStatus(message: StatusMessage): void {
    const dep = this.byEvent.get(message.event_id);
    if (!dep) return;
    const ended = message.stage === "complete" || message.stage === "error" || message.stage === "cancelled";
    const flight = this.inFlight.get(message.event_id);
    if (flight) {
      flight.heard = performance.now();
      if (message.stage === "pending" && flight.started === null) flight.started = flight.heard;
      flight.stage = message.stage;
    }
    if (ended) this.inFlight.delete(message.event_id);
    if (ended) this.updates.flush(); // the final values land before chained events read their inputs
    // A stream's frames show no progress: the outputs update in place, as a live feed (Gradio's "streaming").
    const live = flight?.message.event_name === "stream" || this.running.get(dep.id)?.event === "stream";
    for (const id of this.progressTargets(dep)) {
      if (ended || dep.show_progress === "hidden" || live) {
        this.store.setStatus(id, null);
        continue;
      }
      const before = this.store.statuses.get(id);
      this.store.setStatus(id, {
        stage: message.stage,
        started: before && before.stage !== "queued" ? before.started : performance.now(),
        progress: message.progress ?? before?.progress ?? null,
        position: message.position ?? null,
        show: dep.show_progress,
        message: message.message ?? null,
      });
    }
    if (ended) {
      if (message.stage === "complete" && (dep.scroll_to_output || this.autoscroll)) this.scrollTo(dep.outputs[0]);
      this.byEvent.delete(message.event_id);
      // Gradio: an event its validator= stopped ends its chain there (as a cancelled one does).
      if (message.stage !== "cancelled" && !message.validation_failed) this.finish(dep, message.stage === "complete");
      else this.stopCounting(dep);
      this.store.eventEnded();
    }
  }

  private scrollTo(id: number | undefined): void {
    if (id === undefined) return;
    const elemId = this.store.get(id)?.props.elem_id;
    document.getElementById(typeof elemId === "string" && elemId ? elemId : domId(this.store, id))?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }

  onUpdate(message: UpdateMessage): void {
    this.heardFrom(message.event_id);
    registerFiles(this.store.fileUrls, message.files, message.buffers);
    this.updates.push(message.updates.map((update) => resolveUpdate(update, this.store.fileUrls)));
    this.onBusyChange?.();
  }

  /** The worker refused an event (bad id, bad values): end it as a failure. */
  onRejected(eventId: string | null | undefined): void {
    const dep = eventId ? this.byEvent.get(eventId) : undefined;
    if (!dep) return;
    this.updates.flush();
    this.byEvent.delete(eventId!);
    this.inFlight.delete(eventId!);
    for (const id of this.progressTargets(dep)) this.store.setStatus(id, null);
    this.finish(dep, false);
  }

  private finish(dep: Dependency, success: boolean): void {
    const entry = this.running.get(dep.id);
    this.running.delete(dep.id);
    // A frame whose function failed ends the stream (Gradio ends the streaming event on an error).
    if (!success && entry?.event === "stream" && entry.trigger !== null) this.store.endStream(entry.trigger);
    // Chained runs start (synchronously) before this one stops counting, so `busy` never dips to 0 between.
    for (const next of this.chained.get(dep.id) ?? []) {
      if ((next.trigger_only_on_success && !success) || (next.trigger_only_on_failure && success)) continue;
      void this.run(next, entry?.trigger ?? null, "then", null);
    }
    if (entry?.again) void this.run(dep, entry.again.trigger, entry.again.event, entry.again.data);
    this.stopCounting(null);
  }

  /** One run stopped counting (a cancelled one also leaves `running`). */
  private stopCounting(cancelled: Dependency | null): void {
    if (cancelled) this.running.delete(cancelled.id);
    this.runsInFlight = Math.max(0, this.runsInFlight - 1);
    this.onBusyChange?.();
  }

  /** Fire the app's load listeners once the page is showing. */
  load(rootId: number): void {
    this.fire(rootId, "load", null);
  }

  /** Listeners with `every=`: run on a timer, from now on (and those a @gr.render adds later). */
  startTimers(): void {
    this.timing = true;
    for (const dep of this.deps.values()) this.startTimer(dep);
  }

  /** Stop every timer: the app was replaced by another or unmounted. */
  private stopTimers(): void {
    this.timing = false;
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
  }

  private startTimer(dep: Dependency): void {
    if (!this.timing || !dep.every || this.timers.has(dep.id)) return;
    const tick = () => {
      // An app replaced on the same worker (editor, mount().run()) or unmounted: its timers end here.
      if (!this.conn.isCurrent()) return this.stopTimers();
      void this.run(dep, null, "every", null);
    };
    this.timers.set(dep.id, setInterval(tick, dep.every * 1000));
  }
}
