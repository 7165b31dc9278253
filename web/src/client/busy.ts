// data-busy on the app's root element: how much work is still to land, so tests (and any script) can wait
// until the app is idle instead of guessing (docs/testing.md). "0" = idle: no event queued or running (a
// chained `.then` counts from the moment its parent ends), no upload on its way to the worker, no streamed
// update waiting for the next frame. Written once the app shows; absent while it loads.

export class BusyMark {
  private events = 0;
  private uploads = 0;

  constructor(private root: HTMLElement) {}

  /** The dispatcher's count of events (and waiting updates), re-read whenever it may have changed. */
  setEvents(count: number): void {
    this.events = count;
    this.write();
  }

  /** Count an upload from its start until `done` settles. */
  track<T>(done: Promise<T>): Promise<T> {
    this.uploads += 1;
    this.write();
    // A task later: the component's own continuation (setting the value, firing `upload`/`change`) runs in
    // the microtasks after `done` settles, and its events must be counted before the upload stops counting.
    const stop = () =>
      void setTimeout(() => {
        this.uploads -= 1;
        this.write();
      }, 0);
    done.then(stop, stop);
    return done;
  }

  private write(): void {
    const busy = String(this.events + this.uploads);
    if (this.root.dataset.busy !== busy) this.root.dataset.busy = busy;
  }
}
