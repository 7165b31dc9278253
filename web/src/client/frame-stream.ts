// A live source (a webcam; a microphone could use it the same way) streaming to its .stream() listeners,
// as Gradio's streaming Webcam does: while the visitor streams, one frame every `stream_every` seconds is
// uploaded and fired as the block's "stream" event. A frame is skipped while the last one is still running
// (Gradio skips while its event is pending), and the stream ends when the visitor stops it, when
// `time_limit` seconds have passed since it started, or when a frame's function fails.

import { errorText } from "../error-text";
import type { AppStore } from "./store";

/** What a stream needs of the store (a narrow seam, so tests/web/frame-stream.test.ts runs without a page). */
export type StreamStore = Pick<AppStore, "streamSettings" | "streamBusy" | "upload" | "addToast" | "onStreamEnd">;

export class FrameStreamer {
  private over = false;
  private sending = false; // one frame at a time: capture, upload and the event it fires
  private timers: (() => void)[] = [];
  /** The stream's time_limit in seconds (what the countdown bar shows), or null. */
  readonly timeLimit: number | null;

  /**
   * Start streaming block `id` now: `capture` takes one frame (null while the source has none yet),
   * `trigger` fires the event, `onEnd` runs once when the stream ends by itself (time limit, failure).
   */
  constructor(
    private store: StreamStore,
    private id: number,
    private capture: () => Promise<File | null>,
    private trigger: (event: string, data?: unknown) => void,
    private onEnd: () => void,
  ) {
    const settings = store.streamSettings(id);
    this.timeLimit = settings?.timeLimit ?? null;
    if (!settings) return; // nothing listens: nothing to send
    void this.tick(); // the first frame goes at once, as Gradio's first chunk does when recording starts
    const every = setInterval(() => void this.tick(), settings.every * 1000);
    this.timers.push(() => clearInterval(every));
    if (this.timeLimit) {
      const limit = setTimeout(() => this.end(true), this.timeLimit * 1000);
      this.timers.push(() => clearTimeout(limit));
    }
    this.timers.push(store.onStreamEnd(id, () => this.end(true)));
  }

  /** The visitor stopped it (or the source went away): no more frames, no onEnd. */
  stop(): void {
    this.end(false);
  }

  private end(byItself: boolean): void {
    if (this.over) return;
    this.over = true;
    this.timers.forEach((clear) => clear());
    if (byItself) this.onEnd();
  }

  private async tick(): Promise<void> {
    if (this.over || this.sending || this.store.streamBusy(this.id)) return;
    this.sending = true;
    try {
      const frame = await this.capture();
      if (!frame || this.over) return;
      const [uploaded] = await this.store.upload([frame]);
      if (uploaded && !this.over) this.trigger("stream", uploaded);
    } catch (err) {
      this.store.addToast("error", errorText(err), "Streaming failed", 10);
      this.end(true);
    } finally {
      this.sending = false;
    }
  }
}
