// Stand-ins for the seams the page's client code takes, so its tests run in Node without a browser or a
// worker: a connection that records what it posts, animation frames that come when the test says, and
// app configs made of a few nodes and dependencies.

import type { FrameScheduler } from "../../web/src/client/coalesce";
import type { DispatcherConnection } from "../../web/src/client/events";
import type { AppConfig, Dependency, Node, PageMessage } from "../../web/src/protocol";

export class RecordingConnection implements DispatcherConnection {
  readonly posted: PageMessage[] = [];
  current = true;
  private seq = 0;

  post(message: PageMessage): void {
    this.posted.push(message);
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.seq}`;
  }

  isCurrent(): boolean {
    return this.current;
  }

  /** The messages posted since the last take(), oldest first. */
  take(): PageMessage[] {
    return this.posted.splice(0);
  }
}

/** A FrameScheduler whose frames run only on tick(). */
export class ManualFrames implements FrameScheduler {
  private waiting = new Set<() => void>();

  request(callback: () => void): () => void {
    const once = () => callback();
    this.waiting.add(once);
    return () => this.waiting.delete(once);
  }

  /** Run the callbacks requested before this frame (those they request wait for the next tick). */
  tick(): void {
    const due = [...this.waiting];
    this.waiting.clear();
    due.forEach((callback) => callback());
  }

  get requested(): number {
    return this.waiting.size;
  }
}

const DEPENDENCY: Omit<Dependency, "id"> = {
  targets: [],
  inputs: [],
  outputs: [],
  backend_fn: true,
  js: null,
  trigger_after: null,
  trigger_only_on_success: false,
  trigger_only_on_failure: false,
  cancels: [],
  trigger_mode: "once",
  show_progress: "full",
  queue: true,
  api_name: null,
  api_visibility: "public",
  scroll_to_output: false,
  show_progress_on: null,
  every: null,
  stream_every: 0.5,
  time_limit: null,
  types: { generator: false, cancel: false },
};

/** A protocol Dependency with Gradio's defaults under the given fields. */
export function dependency(fields: Partial<Dependency> & { id: number }): Dependency {
  return { ...structuredClone(DEPENDENCY), ...fields };
}

/** A component node. */
export function node(id: number, type: string, props: Record<string, unknown> = {}, children?: Node[]): Node {
  return children ? { id, type, props, children } : { id, type, props };
}

/** An app whose root (id 0, type "blocks") holds these nodes. */
export function appConfig(children: Node[], dependencies: Dependency[] = []): AppConfig {
  return {
    title: "test",
    fill_height: false,
    fill_width: false,
    css: null,
    theme: null,
    version: "test",
    root: node(0, "blocks", {}, children),
    dependencies,
    max_file_size: null,
    stop_notice_after: null,
  };
}
