// Ending a worker that does not obey and going on with a fresh one (docs/events.md, "Stop for anything").
// The page keeps everything it shows — every component's value, BrowserState (a page value) — and gives
// the fresh worker the rest of the session in one `restore` message: the gr.State copies the old worker
// sent after its events, the props its updates set, and the bytes of the files the values point to.
// Events the old worker never started are sent again; the ones it was running end, and the user is told.

import type { RestoreMessage } from "../protocol";
import type { Connection } from "./connection";
import type { EventDispatcher, InFlight } from "./events";
import { filePaths } from "./files";
import { eventName, type RestartReason } from "./stall-watch";
import type { AppStore } from "./store";

export class WorkerRestart {
  private booted: ((ok: boolean) => void) | null = null;

  constructor(private store: AppStore, private dispatcher: EventDispatcher, private conn: Connection) {}

  /** A restart waits for its fresh worker: its boot stages are not shown, its tree is not rendered. */
  get active(): boolean {
    return this.booted !== null;
  }

  /** The fresh worker's tree or boot error arrived; true when it is a restart's (the caller ignores a tree). */
  booting(ok: boolean): boolean {
    const done = this.booted;
    if (!done) return false;
    this.booted = null;
    done(ok);
    return true;
  }

  async run(reason: RestartReason): Promise<void> {
    const stopped = reason.events.map((id) => this.dispatcher.inFlight.get(id)).filter((f): f is InFlight => !!f);
    if (!this.conn.canRestart()) {
      const name = stopped[0] ? eventName(stopped[0]) : "An event";
      this.store.addToast("error", `${name} does not respond, and this page cannot restart Python: reload it.`, "Not stopped", null);
      return;
    }
    const started = performance.now();
    this.store.setNotice({ text: "Restarting Python…", stopping: true, stop: () => {} });
    const restore = await this.restoreMessage();
    const again: string[] = [];
    const ended = new Set(reason.events);
    const dropped: InFlight[] = [];
    for (const [eventId, flight] of this.dispatcher.inFlight) {
      if (ended.has(eventId)) continue;
      if (flight.stage === "sent" || flight.stage === "queued") again.push(eventId);
      else {
        ended.add(eventId);
        dropped.push(flight);
      }
    }
    const booted = new Promise<boolean>((resolve) => (this.booted = resolve));
    this.conn.restartWorker();
    this.conn.post(restore.message, restore.message.buffers);
    this.dispatcher.endInterrupted([...ended]);
    this.dispatcher.rerunRenders();
    this.dispatcher.resend(again);
    const ok = await booted;
    const end = performance.now();
    // restart: from ending the worker to the fresh one's tree; stop: from the Stop (or time limit) on.
    performance.measure("wasmblocks:restart", { start: started, end });
    performance.measure("wasmblocks:stop", { start: Math.min(reason.asked, started), end });
    console.info(
      `wasmblocks: Python restarted in ${Math.round(end - started)} ms (${Math.round(end - reason.asked)} ms after ` +
        `the stop); ${again.length} waiting event(s) sent again`,
    );
    if (ok) this.tell(reason, stopped, dropped, restore.lost);
  }

  private tell(reason: RestartReason, stopped: InFlight[], dropped: InFlight[], lost: string[]): void {
    const kept = "Python was restarted; your inputs and gr.State values are kept.";
    for (const flight of unique(stopped)) {
      if (reason.why === "time_limit") {
        const limit = flight.dep.time_limit;
        this.store.addToast("error", `${eventName(flight)} took longer than its time limit of ${limit} s and was stopped. ${kept}`, "Time limit", 10);
      } else {
        this.store.addToast("warning", `${eventName(flight)} was stopped. ${kept}`, "Stopped", 8);
      }
    }
    for (const flight of unique(dropped)) {
      this.store.addToast("warning", `${eventName(flight)} was still running when Python restarted, and did not finish.`, "Interrupted", 10);
    }
    for (const problem of lost) this.store.addToast("warning", problem, "Not kept", 10);
  }

  /** The session as the page knows it, with copies of its bytes (the page keeps its own). */
  private async restoreMessage(): Promise<{ message: RestoreMessage; lost: string[] }> {
    const buffers: ArrayBuffer[] = [];
    const add = (bytes: ArrayBuffer) => buffers.push(bytes.slice(0)) - 1;
    const lost: string[] = [];
    const states: RestoreMessage["states"] = [];
    for (const [id, copy] of this.store.stateCopies) {
      if (copy.buffer) states.push({ id, buffer: add(copy.buffer) });
      else lost.push(`A gr.State value could not be kept across the restart (${copy.error}); it starts again from its initial value.`);
    }
    const props = [...this.store.updatedProps].map(([id, changed]) => ({ id, props: changed }));
    const paths = new Set<string>();
    for (const component of this.store.components.values()) filePaths(component.value, paths);
    const files: RestoreMessage["files"] = [];
    for (const path of paths) {
      const url = this.store.fileUrls.get(path);
      if (!url) continue;
      try {
        files.push({ path, buffer: add(await (await fetch(url)).arrayBuffer()) });
      } catch {
        lost.push(`The file ${path.split("/").pop()} could not be kept across the restart.`);
      }
    }
    return { message: { type: "restore", states, props, files, buffers }, lost };
  }
}

/** One report per listener. */
function unique(flights: InFlight[]): InFlight[] {
  const seen = new Set<number>();
  return flights.filter((f) => !seen.has(f.dep.id) && seen.add(f.dep.id));
}
