// gr.Audio's waveform, as Gradio draws it with wavesurfer.js: bars in waveform_color, the played part in
// waveform_progress_color, click or drag to seek, and play/skip buttons where a skip moves by skip_length
// percent of the duration (Gradio's get_skip_rewind_amount). An editable Audio can be trimmed to a region
// drawn in trim_region_color (Gradio's first region: the second quarter), or reset to its first value. The <audio> element stays the player: the
// waveform is drawn over it (wavesurfer's external `media`), so its events, currentTime and
// playback_position mean what they did with the browser's controls.

import { useEffect, useRef, useState } from "preact/hooks";
import type WaveSurfer from "wavesurfer.js";
import type RegionsPlugin from "wavesurfer.js/dist/plugins/regions.js";
import { isRecord, num, str } from "../renderer/props";

/** WaveformOptions of py/wasmblocks/components/audio.py, as the page gets them. */
export interface WaveformOptions {
  waveform_color: string | null;
  waveform_progress_color: string | null;
  trim_region_color: string | null;
  show_recording_waveform: boolean;
  skip_length: number;
  /** The rate the waveform decodes at, and so that of trimmed audio. */
  sample_rate: number;
}

export function readWaveformOptions(value: unknown): WaveformOptions {
  const o = isRecord(value) ? value : {};
  return {
    waveform_color: str(o.waveform_color) || null,
    waveform_progress_color: str(o.waveform_progress_color) || null,
    trim_region_color: str(o.trim_region_color) || null,
    show_recording_waveform: o.show_recording_waveform !== false,
    skip_length: num(o.skip_length, 5),
    sample_rate: num(o.sample_rate, 44100),
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
  onFail: (reason: unknown) => void;
  /** Editable and interactive: Trim hands over the region as a WAV file, Reset asks for the first value. */
  onTrim: ((wav: File) => void) | null;
  onReset: (() => void) | null;
}

/** A 16-bit PCM WAV of [start, end) seconds of decoded audio (the waveform decodes at sample_rate already). */
export function wavFile(buffer: AudioBuffer, start: number, end: number, name: string): File {
  const rate = buffer.sampleRate;
  const from = Math.max(0, Math.round(start * rate));
  const frames = Math.max(0, Math.min(buffer.length, Math.round(end * rate)) - from);
  const channels = buffer.numberOfChannels;
  const view = new DataView(new ArrayBuffer(44 + frames * channels * 2));
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + frames * channels * 2, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, frames * channels * 2, true);
  const data = Array.from({ length: channels }, (_, c) => buffer.getChannelData(c));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const sample = Math.max(-1, Math.min(1, data[c]?.[from + i] ?? 0));
      view.setInt16(44 + (i * channels + c) * 2, sample < 0 ? sample * 0x8000 : sample * 0x7fff, true);
    }
  }
  return new File([view.buffer], name, { type: "audio/wav" });
}

export function Waveform({ media, url, label, options, onFail, onTrim, onReset }: WaveformProps) {
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const regions = useRef<RegionsPlugin | null>(null);
  const [trimming, setTrimming] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const nextSpeed = SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length] ?? 1;

  useEffect(() => {
    const holder = container.current;
    if (!holder || !media) return;
    let ws: WaveSurfer | null = null;
    let gone = false;
    // Gradio's progress default is the theme's accent colour.
    const accent = getComputedStyle(holder).getPropertyValue("--color-accent").trim() || "#f97316";
    void import("wavesurfer.js").then(({ default: WaveSurfer }) => {
      if (gone) return;
      const created = WaveSurfer.create({
        container: holder, media, height: 50, barWidth: 2, barGap: 3, barRadius: 10, cursorWidth: 2,
        cursorColor: "#ddd5e9", dragToSeek: true, normalize: true, minPxPerSec: 20,
        waveColor: options.waveform_color || "#9ca3af", progressColor: options.waveform_progress_color || accent,
        sampleRate: options.sample_rate || 44100,
      });
      ws = created;
      surfer.current = created;
      // wavesurfer loads the media's own src by itself; destroying it aborts that fetch, no failure of the file.
      created.on("error", (err: unknown) => !gone && !(err instanceof DOMException && err.name === "AbortError") && onFail(err));
    }, onFail);
    return () => {
      gone = true;
      ws?.destroy();
      surfer.current = null;
      regions.current = null;
      setTrimming(false);
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

  async function startTrimming() {
    const ws = surfer.current;
    if (!ws) return;
    const { default: Regions } = await import("wavesurfer.js/dist/plugins/regions.js");
    const plugin = regions.current ?? (regions.current = ws.registerPlugin(Regions.create()));
    plugin.clearRegions();
    const length = ws.getDuration();
    // Gradio's trim region defaults to the theme's accent colour, see through so the bars show.
    const color = options.trim_region_color || "color-mix(in srgb, var(--color-accent, #f97316) 30%, transparent)";
    plugin.addRegion({ start: length / 4, end: length / 2, color, drag: true, resize: true });
    setTrimming(true);
  }

  function stopTrimming(apply: boolean) {
    const region = regions.current?.getRegions()[0];
    const decoded = surfer.current?.getDecodedData();
    regions.current?.clearRegions();
    setTrimming(false);
    if (apply && region && decoded && onTrim) onTrim(wavFile(decoded, region.start, region.end, "audio.wav"));
  }

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
        {onTrim && !trimming ? (
          <>
            {onReset ? (
              <button type="button" class="action icon" aria-label="Reset audio" onClick={onReset}>
                <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-4" fill="none" stroke="currentColor" stroke-width="2" /></svg>
              </button>
            ) : null}
            <button type="button" class="action icon" aria-label="Trim audio to selection" onClick={() => void startTrimming()}>
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <circle cx="6" cy="6" r="3" fill="none" stroke="currentColor" stroke-width="2" />
                <circle cx="6" cy="18" r="3" fill="none" stroke="currentColor" stroke-width="2" />
                <path d="M8.5 7.5 20 18M8.5 16.5 20 6" stroke="currentColor" stroke-width="2" />
              </svg>
            </button>
          </>
        ) : null}
        {trimming ? (
          <>
            <button type="button" class="text-button" onClick={() => stopTrimming(true)}>Trim</button>
            <button type="button" class="text-button" onClick={() => stopTrimming(false)}>Cancel</button>
          </>
        ) : null}
      </div>
    </div>
  );
}
