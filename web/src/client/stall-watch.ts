// Stop for anything (docs/events.md): notices an event that has gone quiet, and ends a worker that does
// not obey. Python in the worker cannot be interrupted from the page while it computes (`while True:
// pass` holds its only thread), but the worker can be ended and a fresh one given the session
// (client/worker-restart.ts). Three things lead there:
//  - an event has run `stop_notice_after` seconds without a word (no status, output, progress or toast):
//    the page shows a notice with a Stop control, and meanwhile boots a standby worker;
//  - the page sent `cancel` (that Stop, or the app's own cancels=[…] button) and a running event of those
//    listeners has not ended within GRACE_MS;
//  - an event has run past its listener's time_limit plus GRACE_MS (the worker's own time limit could not
//    reach it).

import type { Connection } from "./connection";
import type { EventDispatcher, InFlight } from "./events";
import type { AppStore } from "./store";

/** How long a cancelled (or timed-out) event may take to end before its worker is ended. */
export const GRACE_MS = 1000;
const CHECK_EVERY_MS = 250;

export interface RestartReason {
  /** The events to report as stopped: those that made the restart necessary, and any other the page had
   * cancelled (they are not sent to the fresh worker). */
  events: string[];
  why: "stopped" | "time_limit";
  /** performance.now() when the stop was asked for (Stop, cancels=) or the time limit ran out. */
  asked: number;
}

const isRunning = (flight: InFlight) => flight.stage === "pending" || flight.stage === "streaming";

export function eventName(flight: InFlight): string {
  return flight.dep.api_name ? `"${flight.dep.api_name}"` : "The event";
}

export class StallWatch {
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Event id → when it must have ended, after the page cancelled its listener. */
  private deadlines = new Map<string, number>();
  private restarting = false;

  /**
   * `noticeAfter`: milliseconds of quiet before the notice, or null for no notice. `current`: whether this
   * app still owns the connection (a `run` replaced it: its events will never end, and it must go quiet).
   */
  constructor(
    private dispatcher: EventDispatcher,
    private store: AppStore,
    private conn: Connection,
    private noticeAfter: number | null,
    private restart: (reason: RestartReason) => Promise<void>,
    private current: () => boolean = () => true,
  ) {
    dispatcher.onCancelSent = (depIds) => this.cancelled(depIds);
  }

  /** Check from now on while any event is in flight (called for every message about an event). */
  poke(): void {
    if (this.timer === null && !this.restarting) this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
  }

  /** The page sent `cancel` for these listeners: their running events get GRACE_MS to end. */
  private cancelled(depIds: number[]): void {
    const now = performance.now();
    for (const [eventId, flight] of this.dispatcher.inFlight) {
      if (!depIds.includes(flight.dep.id)) continue;
      if (!this.deadlines.has(eventId)) this.deadlines.set(eventId, now + GRACE_MS);
    }
    this.poke();
  }

  private check(): void {
    if (!this.current()) return this.halt();
    const now = performance.now();
    const flights = [...this.dispatcher.inFlight];
    for (const eventId of this.deadlines.keys()) if (!this.dispatcher.inFlight.has(eventId)) this.deadlines.delete(eventId);
    if (!flights.length) return this.idle();
    const overdue = [...this.deadlines].filter(([, at]) => now >= at).map(([eventId]) => eventId);
    if (overdue.length) return this.startRestart(overdue, "stopped", Math.min(...this.deadlines.values()) - GRACE_MS);
    // A worker that obeys ends a cancelled event within milliseconds; one still running at this check
    // (within CHECK_EVERY_MS) may be stuck, so a standby boots while the grace runs out.
    if (this.deadlines.size) this.conn.prepareStandby();
    const overLimit = (f: InFlight, extra: number) =>
      f.started !== null && !!f.dep.time_limit && now >= f.started + f.dep.time_limit * 1000 + extra;
    const late = flights.filter(([, f]) => overLimit(f, GRACE_MS));
    const firstLate = late[0];
    if (firstLate) {
      const [, first] = firstLate;
      return this.startRestart(late.map(([id]) => id), "time_limit", first.started! + first.dep.time_limit! * 1000);
    }
    const expiring = flights.some(([, f]) => overLimit(f, 0));
    if (expiring) this.conn.prepareStandby();
    const quiet = flights.filter(([, f]) => isRunning(f) && this.noticeAfter !== null && now - f.heard >= this.noticeAfter);
    if (quiet.length) this.showNotice(quiet, now);
    else if (!this.deadlines.size && !expiring) this.clearNotice();
  }

  private showNotice(quiet: [string, InFlight][], now: number): void {
    if (this.store.notice?.stopping) return;
    const [, oldest] = quiet.reduce((a, b) => ((a[1].started ?? now) <= (b[1].started ?? now) ? a : b));
    const seconds = Math.round((now - (oldest.started ?? oldest.heard)) / 1000);
    const more = quiet.length > 1 ? ` (and ${quiet.length - 1} more)` : "";
    this.store.setNotice({
      text: `${eventName(oldest)}${more} has been running for ${seconds} s with no result.`,
      stopping: false,
      stop: () => this.stop(quiet.map(([id]) => id)),
    });
    this.conn.prepareStandby(); // so that ending this worker, if it comes to that, takes no boot
  }

  /** The notice's Stop: cancel as the app's Stop buttons do; the grace decides whether the worker goes. */
  private stop(eventIds: string[]): void {
    const depIds = [...new Set(eventIds.map((id) => this.dispatcher.inFlight.get(id)?.dep.id))].filter(
      (id): id is number => id !== undefined,
    );
    const notice = this.store.notice;
    if (notice) this.store.setNotice({ ...notice, text: "Stopping…", stopping: true });
    this.conn.post({ type: "cancel", dep_ids: depIds });
    this.cancelled(depIds);
  }

  private startRestart(events: string[], why: RestartReason["why"], asked: number): void {
    if (this.restarting) return;
    this.restarting = true;
    this.halt();
    const reason = { events: [...new Set([...events, ...this.deadlines.keys()])], why, asked };
    this.deadlines.clear();
    void this.restart(reason).finally(() => {
      this.restarting = false;
      this.store.setNotice(null);
      this.poke(); // events sent again to the fresh worker are watched like any other
    });
  }

  private idle(): void {
    this.halt();
    this.clearNotice();
  }

  private clearNotice(): void {
    if (this.store.notice) this.store.setNotice(null);
    this.conn.dropStandby();
  }

  private halt(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
