// FrameStreamer (web/src/client/frame-stream.ts): frames every stream_every seconds while the visitor streams,
// none while the last one runs, and an end at time_limit, at a failed frame, or when the visitor stops.

import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, mock, test } from "node:test";
import { FrameStreamer, type StreamStore } from "../../web/src/client/frame-stream";
import type { StreamSettings } from "../../web/src/client/store";
import type { FileData } from "../../web/src/protocol";

class FakeStore implements StreamStore {
  busy = false;
  uploads = 0;
  toasts: string[] = [];
  enders = new Set<() => void>();
  constructor(private settings: StreamSettings | null) {}
  streamSettings = () => this.settings;
  streamBusy = () => this.busy;
  upload = async (files: File[]): Promise<FileData[]> => {
    this.uploads += 1;
    return files.map((f) => ({ path: `/tmp/${f.name}`, url: null, orig_name: f.name, size: f.size, mime_type: f.type,
      meta: { _type: "gradio.FileData" as const } }));
  };
  addToast = (_level: string, message: string) => void this.toasts.push(message);
  onStreamEnd = (_id: number, fn: () => void) => {
    this.enders.add(fn);
    return () => void this.enders.delete(fn);
  };
}

const frame = async () => new File([new Uint8Array([0xff, 0xd8])], "frame.jpeg", { type: "image/jpeg" });
/** Let the awaited capture and upload of a tick settle. */
const settle = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

describe("FrameStreamer", () => {
  beforeEach(() => mock.timers.enable({ apis: ["setInterval", "setTimeout"] }));
  afterEach(() => mock.timers.reset());

  test("sends a frame at once and one every stream_every seconds, as stream events", async () => {
    const store = new FakeStore({ every: 0.5, timeLimit: null });
    const fired: [string, unknown][] = [];
    const streamer = new FrameStreamer(store, 3, frame, (e, d) => fired.push([e, d]), () => assert.fail("no end"));
    await settle();
    for (let i = 0; i < 4; i++) {
      mock.timers.tick(500);
      await settle();
    }
    assert.equal(fired.length, 5);
    assert.ok(fired.every(([event, data]) => event === "stream" && (data as FileData).path === "/tmp/frame.jpeg"));
    streamer.stop();
    mock.timers.tick(2000);
    await settle();
    assert.equal(fired.length, 5, "no frame after the visitor stopped");
  });

  test("skips frames while the last one is still running", async () => {
    const store = new FakeStore({ every: 0.1, timeLimit: null });
    let fired = 0;
    const streamer = new FrameStreamer(store, 3, frame, () => void (fired += 1), () => {});
    await settle();
    store.busy = true;
    for (let i = 0; i < 10; i++) {
      mock.timers.tick(100);
      await settle();
    }
    assert.equal(fired, 1);
    store.busy = false;
    mock.timers.tick(100);
    await settle();
    assert.equal(fired, 2);
    streamer.stop();
  });

  test("time_limit ends the stream, counted from its start", async () => {
    const store = new FakeStore({ every: 0.5, timeLimit: 2 });
    let fired = 0;
    let ended = 0;
    const streamer = new FrameStreamer(store, 3, frame, () => void (fired += 1), () => void (ended += 1));
    assert.equal(streamer.timeLimit, 2);
    await settle();
    for (let i = 0; i < 10; i++) {
      mock.timers.tick(500);
      await settle();
    }
    assert.equal(ended, 1);
    // t = 0, 0.5, 1, 1.5 (and 2 if the interval fires before the limit's timeout): never after
    assert.ok(fired >= 4 && fired <= 5, `fired ${fired}`);
    assert.equal(store.enders.size, 0, "the end listener is released");
  });

  test("a failed frame (the dispatcher's endStream) or a failed capture ends the stream", async () => {
    const store = new FakeStore({ every: 0.5, timeLimit: null });
    let ended = 0;
    new FrameStreamer(store, 3, frame, () => {}, () => void (ended += 1));
    await settle();
    [...store.enders].forEach((fn) => fn());
    mock.timers.tick(1000);
    await settle();
    assert.equal(ended, 1);
    assert.equal(store.uploads, 1);

    const broken = new FakeStore({ every: 0.5, timeLimit: null });
    new FrameStreamer(broken, 3, async () => { throw new Error("camera gone"); }, () => {}, () => void (ended += 1));
    await settle();
    assert.equal(ended, 2);
    assert.deepEqual(broken.toasts, ["camera gone"]);
  });

  test("without a .stream() listener nothing is captured", async () => {
    const store = new FakeStore(null);
    let captured = 0;
    new FrameStreamer(store, 3, async () => ((captured += 1), null), () => {}, () => {});
    mock.timers.tick(5000);
    await settle();
    assert.equal(captured, 0);
  });
});
