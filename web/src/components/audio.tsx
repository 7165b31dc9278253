// gr.Audio: an <audio controls> player (data-testid="<label>-audio") for the value's Blob URL; when
// interactive and empty, upload and/or microphone recording per `sources`. A file the browser cannot
// decode shows an error instead of a silent, endless player.

import type { RefObject } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { FileData } from "../protocol";
import { isFileData } from "../client/files";
import { uploadChecked } from "../client/upload";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { UploadArea } from "../renderer/upload-area";
import { openMicrophone, startRecording, type LiveMicrophone, type Recording } from "../renderer/recorder";
import { useFrameStream } from "../renderer/media-stream";
import { IconButtons } from "../renderer/icon-buttons";
import { readButtons } from "../renderer/corner-buttons";
import { num, str } from "../renderer/props";
import { errorText } from "../error-text";
import { readWaveformOptions, Waveform } from "./audio-waveform";
import "./button.css";
import "./audio.css";

export function Audio({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const label = labelOf(props, "Audio");
  const streamed = useChunkQueue(store, id, !!props.streaming);
  const fd = streamed ? streamed.current : (value as FileData | null);
  const interactive = props.interactive !== false;
  const sources: string[] = Array.isArray(props.sources) ? props.sources : ["upload", "microphone"];
  const [source, setSource] = useState(sources[0] ?? "upload");
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const lastUrl = useRef<string | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);
  // The element itself, as state: the waveform attaches to it once it exists.
  const [media, setMedia] = useState<HTMLAudioElement | null>(null);
  // One callback for the component's life: a new one each render would be called with null and the element
  // again, and the waveform would be rebuilt every time.
  const holdPlayer = useCallback((el: HTMLAudioElement | null) => {
    player.current = el;
    setMedia(el);
  }, []);
  const [waveformFailed, setWaveformFailed] = useState(false);
  const waveform = readWaveformOptions(props.waveform_options);
  // Gradio's Reset audio goes back to the value the component was drawn with.
  const initial = useRef(fd);
  const editable = interactive && props.editable !== false;
  const subtitles = str(props.subtitles) ?? null;
  const cue = useSubtitle(player, subtitles, fd?.url ?? null);
  if (fd?.url !== lastUrl.current) {
    lastUrl.current = fd?.url ?? null;
    if (error) setError(null);
    if (waveformFailed) setWaveformFailed(false);
  }

  /** The uploaded file (the first of a list that may, after a failure, be empty). */
  function accept(file: FileData | undefined, event: "upload" | "stop_recording") {
    if (!file) return;
    setValue(file);
    trigger(event, file);
  }

  // gr.Audio(playback_position=…) returned by a function moves the player there (Gradio binds the prop).
  const position = num(props.playback_position, 0);
  useEffect(() => {
    if (media && media.readyState >= 1 && Math.abs(media.currentTime - position) > 0.01) media.currentTime = position;
  }, [position, media]);

  // recording=True: start at once when the microphone is the source (Gradio's Audio(recording=True)).
  const autoStarted = useRef(false);
  useEffect(() => {
    if (!props.recording || autoStarted.current || !interactive || fd?.url || source !== "microphone") return;
    autoStarted.current = true;
    void record();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.recording, source]);

  async function record() {
    if (recording) {
      setRecording(null);
      try {
        const file = await recording.stop();
        const uploaded = await uploadChecked(store, [file], null);
        // The value first, then the event: a stop_recording listener must see the new recording.
        if (uploaded) accept(uploaded[0], "stop_recording");
        else trigger("stop_recording");
      } catch (err) {
        store.addToast("error", errorText(err), "Recording failed", 10);
      }
      return;
    }
    try {
      setRecording(await startRecording("audio"));
      trigger("start_recording");
    } catch (err) {
      store.addToast("error", errorText(err), "Recording unavailable", 10);
    }
  }

  async function trimmed(wav: File) {
    try {
      const uploaded = await uploadChecked(store, [wav], null);
      if (uploaded?.[0]) setValue(uploaded[0]);
    } catch (err) {
      store.addToast("error", errorText(err), "Trimming failed", 10);
    }
  }
  const first = initial.current;
  const reset = () => {
    if (first?.url && first.url !== fd?.url) setValue(first); // nothing to undo otherwise, as in Gradio
  };

  // Gradio draws a waveform unless show_recording_waveform=False or it cannot decode the file.
  const drawWave = waveform.show_recording_waveform && !waveformFailed && !error;
  return (
    <div class="wb-audio">
      <BlockLabel show={props.show_label !== false} label={label} icon={<MusicIcon />} />
      {fd?.url ? (
        <div class="audio-player">
          <IconButtons
            download={buttons.has("download") ? { url: fd.url, name: fd.orig_name || "audio.wav" } : null}
            onClear={interactive ? () => (setValue(null), trigger("clear")) : null}
            custom={{ buttons, store }}
          />
          <audio
            key={fd.url}
            ref={holdPlayer}
            class={drawWave ? "behind-waveform" : undefined}
            src={fd.url}
            controls
            preload="metadata"
            // A streamed chunk after the first plays on from the one before (Gradio joins them into one stream).
            autoPlay={!!props.autoplay || (streamed?.index ?? 0) > 0}
            loop={!!props.loop && !streamed}
            data-testid={`${label}-audio`}
            data-chunk={streamed ? `${streamed.index + 1}/${streamed.count}` : undefined}
            onLoadedMetadata={(e) => {
              // playback_position: where the player starts (Gradio), in seconds.
              const at = num(props.playback_position, 0);
              if (at > 0) e.currentTarget.currentTime = at;
            }}
            onTimeUpdate={(e) => store.setLiveProp(id, "playback_position", e.currentTarget.currentTime)}
            onPlay={() => trigger("play")}
            onPause={(e) => !(e.currentTarget as HTMLAudioElement).ended && trigger("pause")}
            onEnded={() => (streamed?.next() ? undefined : trigger("stop"))}
            onError={() =>
              setError(
                `This browser cannot play ${fd.orig_name ?? "this file"}${fd.mime_type ? ` (${fd.mime_type})` : ""}. ` +
                  "There is no ffmpeg in the page to convert it: use WAV, MP3, OGG or WebM audio.",
              )
            }
          />
          {drawWave ? (
            <Waveform media={media} url={fd.url} label={label} options={waveform}
              onTrim={editable ? (wav) => void trimmed(wav) : null}
              onReset={editable ? reset : null}
              onFail={(reason) => {
              console.warn("wasmblocks: the waveform could not be drawn; showing the browser's player", reason);
              setWaveformFailed(true);
            }} />
          ) : null}
          {subtitles ? <p class="subtitle" data-testid="subtitle">{cue}</p> : null}
          {error ? (
            <p class="wb-media-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : interactive ? (
        <div class="audio-input">
          {source === "microphone" && props.streaming ? (
            <StreamingMicrophone store={store} id={id} trigger={trigger} />
          ) : source === "microphone" ? (
            <div class="recorder">
              <button type="button" class="wb-button sm secondary record-button" aria-label={recording ? "Stop recording" : "Record"} onClick={record}>
                {recording ? "■ Stop" : "● Record"}
              </button>
            </div>
          ) : (
            <UploadArea
              store={store}
              inputId={domId(store, id, "upload")}
              fileTypes={["audio"]}
              text="Drop Audio Here"
              wrongTypeLevel="warning"
              onUploaded={(files) => accept(files[0], "upload")}
            />
          )}
          {sources.length > 1 ? (
            <div class="source-selection" data-testid="source-select">
              {sources.map((s) => (
                <button
                  type="button"
                  class={s === source ? "icon selected" : "icon"}
                  aria-label={s === "upload" ? "Upload file" : "Record audio"}
                  onClick={() => setSource(s)}
                >
                  {s === "upload" ? "Upload" : "Microphone"}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : (
        <div class="empty" aria-label="Empty audio">
          <span class="empty-icon" aria-hidden="true">
            <MusicIcon />
          </span>
        </div>
      )}
    </div>
  );
}

/**
 * streaming=True / .stream(): Record opens the microphone and sends what it heard as a WAV chunk every
 * stream_every seconds (sound heard while a chunk runs goes with the next one, as in Gradio); Stop, time_limit
 * or a failing chunk ends it. start_recording / stop_recording fire as the visitor starts and stops.
 */
function StreamingMicrophone({ store, id, trigger }: Pick<ComponentProps, "store" | "id" | "trigger">) {
  const mic = useRef<LiveMicrophone | null>(null);
  const stream = useFrameStream(store, id, async () => mic.current?.take() ?? null, trigger);
  useEffect(() => {
    if (!stream.live) return;
    let closed = false;
    openMicrophone().then(
      (opened) => (closed ? opened.close() : (mic.current = opened)),
      (err: unknown) => {
        store.addToast("error", errorText(err), "Recording unavailable", 10);
        stream.stop();
      },
    );
    trigger("start_recording");
    return () => {
      closed = true;
      mic.current?.close();
      mic.current = null;
      trigger("stop_recording");
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stream.live]);
  return (
    <div class="recorder" data-streaming={stream.live ? "live" : "idle"}>
      <button type="button" class="wb-button sm secondary record-button" aria-label={stream.live ? "Stop recording" : "Record"}
        onClick={() => (stream.live ? stream.stop() : stream.start())}>
        {stream.live ? "■ Stop" : "● Record"}
      </button>
    </div>
  );
}

/** A streaming Audio output's chunks as they came: the one playing, and next() to go on (false: none yet). */
interface ChunkQueue {
  current: FileData | null;
  index: number;
  count: number;
  next(): boolean;
}

/**
 * streaming=True: every value the block is given is a chunk to play after the one before. Read from the
 * store at each change (the dispatcher applies each streamed Audio value, none merged away), since a render
 * may see only the last of several; a cleared value starts over.
 */
function useChunkQueue(store: ComponentProps["store"], id: number, streaming: boolean): ChunkQueue | null {
  const [queue, setQueue] = useState<{ chunks: FileData[]; index: number; waiting: boolean }>({ chunks: [], index: 0, waiting: false });
  useEffect(() => {
    if (!streaming) return;
    const take = () => {
      const v = store.getValue(id);
      if (!isFileData(v)) return setQueue({ chunks: [], index: 0, waiting: false });
      setQueue((q) => {
        if (q.chunks.at(-1)?.path === v.path && q.chunks.at(-1)?.url === v.url) return q;
        const chunks = [...q.chunks, v];
        // The player ran out before this chunk came: it starts at once.
        return q.waiting ? { chunks, index: q.index + 1, waiting: false } : { ...q, chunks };
      });
    };
    take();
    return store.subscribe(id, take);
  }, [streaming]);
  if (!streaming) return null;
  return {
    current: queue.chunks[queue.index] ?? null,
    index: queue.index,
    count: queue.chunks.length,
    next() {
      const more = queue.index + 1 < queue.chunks.length;
      setQueue({ ...queue, index: more ? queue.index + 1 : queue.index, waiting: !more });
      return more;
    },
  };
}

const MusicIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d="M9 18V5l12-2v13" />
    <circle cx="6" cy="18" r="3" />
    <circle cx="18" cy="16" r="3" />
  </svg>
);

/** The text of the subtitle cue playing now (a hidden <track> of the WebVTT that Python made), or "". */
function useSubtitle(player: RefObject<HTMLAudioElement>, src: string | null, mediaUrl: string | null): string {
  const [text, setText] = useState("");
  useEffect(() => {
    const audio = player.current;
    if (!audio || !src) return;
    const track = document.createElement("track");
    track.kind = "captions";
    track.src = src;
    track.default = true;
    audio.appendChild(track);
    track.track.mode = "hidden";
    const onCue = () => {
      const active = track.track.activeCues;
      setText(Array.from(active ?? []).map((c) => (c as VTTCue).text).join("\n"));
    };
    track.track.addEventListener("cuechange", onCue);
    return () => {
      track.track.removeEventListener("cuechange", onCue);
      track.remove();
      setText("");
    };
  }, [src, mediaUrl]);
  return text;
}
