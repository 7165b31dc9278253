// gr.Audio's waveform, as Gradio draws it with wavesurfer.js: bars in waveform_color, the played part in
// waveform_progress_color, click or drag to seek, and play/skip buttons where a skip moves by skip_length
// percent of the duration (Gradio's get_skip_rewind_amount). The <audio> element stays the player: the
// waveform is drawn over it (wavesurfer's external `media`), so its events, currentTime and
// playback_position mean what they did with the browser's controls.

import { useEffect, useRef, useState } from "preact/hooks";
import { isRecord, num, str } from "../renderer/props";

/** WaveformOptions of py/wasmblocks/components/audio.py, as the page gets them. */
export interface WaveformOptions {
  waveform_color: string | null;
  waveform_progress_color: string | null;
  trim_region_color: string | null;
  show_recording_waveform: boolean;
  skip_length: number;
}

export function readWaveformOptions(value: unknown): WaveformOptions {
  const o = isRecord(value) ? value : {};
  return {
    waveform_color: str(o.waveform_color) || null,
    waveform_progress_color: str(o.waveform_progress_color) || null,
    trim_region_color: str(o.trim_region_color) || null,
    show_recording_waveform: o.show_recording_waveform !== false,
    skip_length: num(o.skip_length, 5),
  };
}

/** Seconds a skip button moves: skip_length percent of the duration, 5 s when that is nothing (Gradio's rule). */
export function skipSeconds(duration: number, skipLength: number): number {
  return (duration / 100) * (skipLength || 5) || 5;
}

// Gradio's playback speeds, cycled by one button.
const SPEEDS = [0.5, 1, 1.5, 2];

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds || 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

interface WaveformProps {
  media: HTMLAudioElement | null;
  url: string;
  label: string;
  options: WaveformOptions;
  /** The file could not be decoded: the page shows the browser's player instead (Gradio's native fallback). */
  onFail: () => void;
}

export function Waveform({ media, url, label, options, onFail }: WaveformProps) {
  const container = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const nextSpeed = SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length] ?? 1;

  useEffect(() => {
    const holder = container.current;
    if (!holder || !media) return;
    let ws: { destroy(): void } | null = null;
    let gone = false;
    // Gradio's progress default is the theme's accent colour.
    const accent = getComputedStyle(holder).getPropertyValue("--color-accent").trim() || "#f97316";
    void import("wavesurfer.js").then(({ default: WaveSurfer }) => {
      if (gone) return;
      const surfer = WaveSurfer.create({
        container: holder, media, height: 50, barWidth: 2, barGap: 3, barRadius: 10, cursorWidth: 2,
        cursorColor: "#ddd5e9", dragToSeek: true, normalize: true, minPxPerSec: 20,
        waveColor: options.waveform_color || "#9ca3af", progressColor: options.waveform_progress_color || accent,
      });
      ws = surfer;
      surfer.on("error", onFail);
      surfer.load(url).catch(() => !gone && onFail());
    }, onFail);
    return () => {
      gone = true;
      ws?.destroy();
    };
    // onFail is a fresh closure each render; the waveform depends on what it draws only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [media, url, options.waveform_color, options.waveform_progress_color]);

  useEffect(() => {
    if (!media) return;
    const sync = () => {
      setPlaying(!media.paused && !media.ended);
      setTime(media.currentTime);
      setDuration(Number.isFinite(media.duration) ? media.duration : 0);
    };
    const events = ["play", "pause", "ended", "timeupdate", "seeked", "loadedmetadata", "durationchange"];
    events.forEach((e) => media.addEventListener(e, sync));
    sync();
    return () => events.forEach((e) => media.removeEventListener(e, sync));
  }, [media]);

  const skip = skipSeconds(duration, options.skip_length);
  const seek = (by: number) => {
    if (media) media.currentTime = Math.min(Math.max(0, media.currentTime + by), duration || media.currentTime + by);
  };
  return (
    <div class="component-wrapper" data-testid={label ? `waveform-${label}` : "unlabelled-audio"}>
      <div class="waveform-container" ref={container} />
      <div class="timestamps">
        <time id="time">{clock(time)}</time>
        <time id="duration">{clock(duration)}</time>
      </div>
      <div class="waveform-controls">
        <button
          type="button"
          class="playback icon"
          aria-label={`Adjust playback speed to ${nextSpeed}x`}
          onClick={() => {
            if (media) media.playbackRate = nextSpeed;
            setSpeed(nextSpeed);
          }}
        >
          <span>{speed}x</span>
        </button>
        <button type="button" class="rewind icon" aria-label={`Skip backwards by ${skip} seconds`} onClick={() => seek(-skip)}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M11 6 3 12l8 6zM21 6l-8 6 8 6z" fill="currentColor" /></svg>
        </button>
        <button
          type="button"
          class="play-pause-button icon"
          aria-label={playing ? "Pause" : "Play"}
          onClick={() => void (media?.paused ? media.play().catch(() => {}) : media?.pause())}
        >
          {playing ? (
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 5h4v14H6zM14 5h4v14h-4z" fill="currentColor" /></svg>
          ) : (
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 4v16l13-8z" fill="currentColor" /></svg>
          )}
        </button>
        <button type="button" class="skip icon" aria-label={`Skip forward by ${skip} seconds`} onClick={() => seek(skip)}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6l8 6-8 6zM13 6l8 6-8 6z" fill="currentColor" /></svg>
        </button>
      </div>
    </div>
  );
}
