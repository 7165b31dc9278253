// Per-animation-frame coalescing of output updates, so a generator that yields thousands of values renders
// at most once per frame instead of once per message, and never drops the final value.
//
// Leading edge: when nothing was applied in the current frame, an update is applied at once (a click's
// answer is not delayed by a frame). Updates that arrive while the frame is still "open" are merged per
// component (later value wins, props merge) and applied together at the next animation frame. A timer
// backs the frame up, because hidden pages get no animation frames. flush() applies what is pending right
// now: the dispatcher calls it when an event ends, before chained events read their inputs.

import type { Update } from "../protocol";

export interface FrameScheduler {
  request(callback: () => void): () => void;
}

/** requestAnimationFrame with a setTimeout fallback (whichever comes first); returns a cancel function. */
export const animationFrames: FrameScheduler = {
  request(callback) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      if (raf !== null) cancelAnimationFrame(raf);
      clearTimeout(timer);
      callback();
    };
    const raf = typeof requestAnimationFrame === "function" ? requestAnimationFrame(run) : null;
    const timer = setTimeout(run, 50);
    return () => {
      done = true;
      if (raf !== null) cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  },
};

/** An update with `props.value` moved to `value`, so merging has one place to look. */
function normalize(update: Update): Update {
  if (!update.props || !("value" in update.props)) return update;
  const { value, ...props } = update.props;
  return { id: update.id, props, value };
}

/** b applied after a, as one update. */
export function mergeUpdates(a: Update, b: Update): Update {
  const out: Update = { id: b.id };
  if (a.props || b.props) out.props = { ...a.props, ...b.props };
  if ("value" in b) out.value = b.value;
  else if ("value" in a) out.value = a.value;
  return out;
}

export class UpdateCoalescer {
  private pending = new Map<number, Update>();
  private cancelFrame: (() => void) | null = null;
  /** Counters for benchmarks and debugging: updates received, and batches applied. */
  received = 0;
  applied = 0;

  /**
   * `keepsEvery(id)`: a component that must see every value (a streaming Audio plays each chunk it is
   * given); a second value for it within a frame applies what is pending first instead of replacing it.
   */
  constructor(
    private apply: (update: Update) => void,
    private frames: FrameScheduler = animationFrames,
    private keepsEvery: (id: number) => boolean = () => false,
  ) {}

  push(updates: Update[]): void {
    this.received += updates.length;
    if (this.cancelFrame === null) {
      // Nothing applied in this frame yet: apply now, and open the frame so followers are coalesced.
      this.applyAll(updates.map(normalize));
      this.openFrame();
      return;
    }
    for (const raw of updates) {
      const update = normalize(raw);
      if ("value" in update && "value" in (this.pending.get(update.id) ?? {}) && this.keepsEvery(update.id)) this.flush();
      const before = this.pending.get(update.id);
      // Re-inserting moves the component to the end, keeping the order in which the last values came.
      if (before) this.pending.delete(update.id);
      this.pending.set(update.id, before ? mergeUpdates(before, update) : update);
    }
  }

  /** Whether updates wait for the next frame. */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /** Apply everything pending now (an event ended, or a chained event is about to read inputs). */
  flush(): void {
    if (!this.pending.size) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.applyAll(batch);
  }

  /** Stop the frame timer (the app is being torn down); pending updates are applied first. */
  dispose(): void {
    this.flush();
    this.cancelFrame?.();
    this.cancelFrame = null;
  }

  private applyAll(batch: Update[]): void {
    this.applied += 1;
    for (const update of batch) this.apply(update);
  }

  private openFrame(): void {
    this.cancelFrame = this.frames.request(() => {
      this.cancelFrame = null;
      if (!this.pending.size) return; // a quiet frame closes the window: the next update applies at once
      this.flush();
      this.openFrame();
    });
  }
}
