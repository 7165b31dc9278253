// useFrameStream: a component's live source streaming to its .stream() listeners (client/frame-stream.ts),
// started and stopped by the visitor, and stopped when the component goes away.

import { useEffect, useRef, useState } from "preact/hooks";
import { FrameStreamer } from "../client/frame-stream";
import type { AppStore } from "../client/store";

export interface FrameStream {
  /** The visitor is streaming. */
  live: boolean;
  /** The stream's time_limit in seconds (what the countdown bar shows), or null. */
  timeLimit: number | null;
  start(): void;
  stop(): void;
}

export function useFrameStream(
  store: AppStore,
  id: number,
  capture: () => Promise<File | null>,
  trigger: (event: string, data?: unknown) => void,
): FrameStream {
  const [live, setLive] = useState(false);
  const latest = useRef({ capture, trigger });
  latest.current = { capture, trigger };

  useEffect(() => {
    if (!live) return;
    const streamer = new FrameStreamer(
      store,
      id,
      () => latest.current.capture(),
      (event, data) => latest.current.trigger(event, data),
      () => setLive(false),
    );
    return () => streamer.stop();
  }, [live]);

  return {
    live,
    timeLimit: store.streamSettings(id)?.timeLimit ?? null,
    start: () => setLive(true),
    stop: () => setLive(false),
  };
}
