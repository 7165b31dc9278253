// The app's events as an API, with @gradio/client's names and shapes: predict(), submit(), view_api()
// (docs/embedding.md). A call runs one event function in the app's worker, in the page's session (its
// gr.State), with the arguments given instead of what the components show, and answers with what the page
// would show in the outputs. It leaves the page alone, as a @gradio/client call leaves a Gradio page alone:
// no component changes, no toast, no chained `.then`, and data-busy does not count it.

import type { AppConfig, ApiInfoMessage, Dependency, StatusMessage, ToastLevel, WorkerMessage } from "../protocol";
import type { Connection } from "./connection";
import { registerFiles, resolveUpdate } from "./files";
import type { AppStore } from "./store";

/** gradio_client's view_api dict (py/wasmblocks/api_info.py). */
export interface ApiInfo {
  named_endpoints: Record<string, EndpointInfo>;
  unnamed_endpoints: Record<string, EndpointInfo>;
}
export interface EndpointInfo {
  parameters: { label: string; parameter_name: string; parameter_has_default: boolean; parameter_default: unknown;
    type: unknown; python_type: { type: string; description: string }; component: string; example_input: unknown }[];
  returns: { label: string; type: unknown; python_type: { type: string; description: string }; component: string }[];
  type: { generator: boolean; cancel: boolean };
}

interface Where {
  endpoint: string;
  fn_index: number;
  time: Date;
}
export interface DataEvent extends Where {
  type: "data";
  data: unknown[];
}
export interface StatusEvent extends Where {
  type: "status";
  stage: "pending" | "generating" | "complete" | "error";
  queue: boolean;
  position?: number;
  message?: string;
  success?: boolean;
  progress_data?: unknown[];
}
export interface LogEvent extends Where {
  type: "log";
  level: ToastLevel;
  log: string;
  title: string | null;
}
export type SubmitEvent = DataEvent | StatusEvent | LogEvent;

/** submit()'s answer: the events as they come (for await … of), and cancel(). */
export interface Submission extends AsyncIterable<SubmitEvent> {
  cancel(): Promise<void>;
  event_id(): string;
}

type Args = unknown[] | Record<string, unknown>;

/** One call's event stream: pushed by the worker's messages, pulled by the iterator. */
class Stream {
  private queued: SubmitEvent[] = [];
  private waiting: ((r: IteratorResult<SubmitEvent>) => void) | null = null;
  ended = false;

  push(event: SubmitEvent): void {
    if (this.ended) return;
    if (event.type === "status" && (event.stage === "complete" || event.stage === "error")) this.ended = true;
    const wake = this.waiting;
    this.waiting = null;
    if (wake) wake({ value: event, done: false });
    else this.queued.push(event);
  }

  next(): Promise<IteratorResult<SubmitEvent>> {
    const event = this.queued.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

interface Call {
  dep: Dependency;
  endpoint: string;
  outputs: Map<number, unknown>;
  emit(event: SubmitEvent): void;
}

export class AppApi {
  private calls = new Map<string, Call>();
  private infoRequests = new Map<string, (reply: ApiInfoMessage) => void>();
  private info: Promise<ApiInfoMessage> | null = null;
  /** The inputs and outputs the API leaves out (gr.State, buttons), from the first api_info. */
  private skipped = new Set<number>();

  constructor(
    private conn: Connection,
    private config: AppConfig,
    private store: AppStore,
  ) {}

  /** Take the worker's messages that answer an API call; returns false for the page's own. */
  claim(message: WorkerMessage): boolean {
    if (message.type === "api_info") {
      this.infoRequests.get(message.request_id)?.(message);
      this.infoRequests.delete(message.request_id);
      return true;
    }
    const id = message.type === "error" ? message.ref : "event_id" in message ? message.event_id : null;
    const call = id ? this.calls.get(id) : undefined;
    if (!call || !id) return false;
    if (message.type === "update") {
      registerFiles(this.store.fileUrls, message.files, message.buffers);
      for (const raw of message.updates) {
        const update = resolveUpdate(raw, this.store.fileUrls);
        const value = update.props && "value" in update.props ? update.props.value : update.value;
        if ("value" in update || (update.props && "value" in update.props)) call.outputs.set(update.id, value);
      }
      call.emit({ type: "data", data: this.outputsOf(call), ...this.where(call) });
    } else if (message.type === "status") {
      this.onStatus(id, call, message);
    } else if (message.type === "toast") {
      call.emit({ type: "log", level: message.level, log: message.message, title: message.title ?? null, ...this.where(call) });
    } else if (message.type === "error") {
      this.calls.delete(id);
      call.emit({ type: "status", stage: "error", queue: true, message: message.message, success: false, ...this.where(call) });
    }
    return true;
  }

  private onStatus(id: string, call: Call, message: StatusMessage): void {
    const base = { type: "status" as const, queue: true, ...this.where(call) };
    if (message.stage === "queued" || message.stage === "pending") {
      call.emit({ ...base, stage: "pending", position: message.position ?? undefined, progress_data: message.progress ?? undefined });
    } else if (message.stage === "streaming") {
      call.emit({ ...base, stage: "generating", progress_data: message.progress ?? undefined });
    } else {
      this.calls.delete(id);
      const complete = message.stage === "complete";
      const text = message.stage === "cancelled" ? "cancelled" : (message.message ?? undefined);
      call.emit({ ...base, stage: complete ? "complete" : "error", success: complete, message: text });
    }
  }

  private where(call: Call): Where {
    return { endpoint: call.endpoint, fn_index: call.dep.id, time: new Date() };
  }

  /** The app's endpoints: gradio_client's view_api dict. */
  async view_api(): Promise<ApiInfo> {
    return (await this.apiInfo()).info as ApiInfo;
  }

  /** Run an endpoint; resolves with the outputs the page would show (the last ones of a generator). */
  async predict(endpoint: string | number, data: Args = []): Promise<DataEvent> {
    let last: DataEvent | null = null;
    for await (const event of this.submit(endpoint, data)) {
      if (event.type === "data") last = event;
      if (event.type === "status" && event.stage === "error") throw new Error(event.message ?? "The event failed");
      if (event.type === "status" && event.stage === "complete") {
        // No output changed (gr.skip(), no outputs): what the page shows in them.
        const none = { ...this.callOf(endpoint), emit: () => {} };
        return last ?? { type: "data", data: this.outputsOf(none), endpoint: event.endpoint, fn_index: event.fn_index, time: event.time };
      }
    }
    throw new Error("The event ended without an answer");
  }

  /** Run an endpoint and stream what happens: status changes, each output (a generator's every yield), logs. */
  submit(endpoint: string | number, data: Args = []): Submission {
    const stream = new Stream();
    const eventId = this.conn.nextId("api");
    let target: ReturnType<AppApi["callOf"]> | null = null;
    const started = (async () => {
      target = this.callOf(endpoint);
      const info = await this.apiInfo();
      const values = this.arguments(target.dep, target.endpoint, info, data);
      this.calls.set(eventId, { ...target, emit: (event) => stream.push(event) });
      this.conn.post({ type: "event", event_id: eventId, dep_id: target.dep.id, trigger_id: null, event_name: "api",
        data: values, event_data: null });
    })();
    started.catch((err: unknown) => {
      const where = { endpoint: String(endpoint), fn_index: target?.dep.id ?? -1, time: new Date() };
      const message = err instanceof Error ? err.message : String(err);
      stream.push({ type: "status", stage: "error", queue: false, message, success: false, ...where });
    });
    return {
      [Symbol.asyncIterator]: () => ({ next: () => stream.next() }),
      event_id: () => eventId,
      cancel: async () => {
        await started.catch(() => {});
        if (target && !stream.ended) this.conn.post({ type: "cancel", dep_ids: [target.dep.id] });
      },
    };
  }

  private callOf(endpoint: string | number): Omit<Call, "emit"> {
    const backend = this.config.dependencies.filter((d) => d.backend_fn);
    const name = typeof endpoint === "string" ? endpoint.replace(/^\//, "") : null;
    const dep = name !== null ? backend.find((d) => d.api_name === name) : backend.find((d) => d.id === endpoint);
    if (!dep) {
      const names = backend.filter((d) => d.api_name).map((d) => `/${d.api_name}`).sort();
      throw new Error(`No endpoint ${JSON.stringify(endpoint)}; this app has ${names.join(", ") || "none"}`);
    }
    return { dep, endpoint: dep.api_name ? `/${dep.api_name}` : String(dep.id), outputs: new Map() };
  }

  /** One value per input: the arguments (by position or parameter name), the page's own for skipped ones. */
  private arguments(dep: Dependency, endpoint: string, reply: ApiInfoMessage, data: Args): unknown[] {
    const info = reply.info as ApiInfo;
    const params = (info.named_endpoints[endpoint] ?? info.unnamed_endpoints[String(dep.id)])?.parameters ?? [];
    const skipped = new Set(reply.skipped);
    const byName = !Array.isArray(data);
    if (Array.isArray(data) && data.length > params.length) {
      throw new Error(`${endpoint} takes ${params.length} argument(s), got ${data.length}`);
    }
    if (byName) {
      const unknown = Object.keys(data).filter((k) => !params.some((p) => p.parameter_name === k || p.label === k));
      if (unknown.length) throw new Error(`${endpoint} has no parameter ${unknown.join(", ")}`);
    }
    let next = 0;
    return dep.inputs.map((id) => {
      if (skipped.has(id)) return this.store.getValue(id);
      const param = params[next];
      const index = next++;
      const given = byName
        ? (param && param.parameter_name in data ? data[param.parameter_name] : param ? data[param.label] : undefined)
        : data[index];
      if (given !== undefined) return given;
      if (param?.parameter_has_default) return param.parameter_default;
      throw new Error(`${endpoint}: missing a value for ${param ? param.parameter_name : `input ${index + 1}`}`);
    });
  }

  /** The outputs the API returns (gr.State left out): their new values, else what the page shows. */
  private outputsOf(call: Call): unknown[] {
    return call.dep.outputs
      .filter((id) => !this.skipped.has(id))
      .map((id) => (call.outputs.has(id) ? call.outputs.get(id) : this.store.getValue(id)));
  }

  private apiInfo(): Promise<ApiInfoMessage> {
    if (!this.info) {
      const request_id = this.conn.nextId("api-info");
      this.info = new Promise<ApiInfoMessage>((resolve) => this.infoRequests.set(request_id, resolve)).then((reply) => {
        this.skipped = new Set(reply.skipped);
        return reply;
      });
      this.conn.post({ type: "view_api", request_id });
    }
    return this.info;
  }
}

/** The API's methods, callable before the app is up: each waits for `current()` (the app's ready API). */
export interface ApiMethods {
  predict(endpoint: string | number, data?: Args): Promise<DataEvent>;
  submit(endpoint: string | number, data?: Args): Submission;
  view_api(): Promise<ApiInfo>;
}

export function waitingApi(current: () => Promise<AppApi>): ApiMethods {
  return {
    predict: async (endpoint, data) => (await current()).predict(endpoint, data),
    view_api: async () => (await current()).view_api(),
    submit(endpoint, data) {
      let inner: Submission | null = null;
      const started = current().then((api) => (inner = api.submit(endpoint, data)));
      started.catch(() => {}); // the app did not start: the iterator's next() rejects with why
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => (await started)[Symbol.asyncIterator]().next(),
        }),
        event_id: () => inner?.event_id() ?? "",
        cancel: async () => (await started).cancel(),
      };
    },
  };
}
