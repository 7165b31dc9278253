// gr.Video: a <video controls> player (data-testid="<label>-player") for value.video's Blob URL, with
// WebVTT subtitles as a <track>; when interactive and empty, upload and/or webcam recording per `sources`.
// A file the browser cannot decode shows an error (there is no ffmpeg in the page to convert it).
// streaming=True: the files a generator yields play one after another, as one stream (usePlaylist).

import { useEffect, useState } from "preact/hooks";
import { isFileData } from "../client/files";
import type { FileData } from "../protocol";
import { uploadChecked } from "../client/upload";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { cssSize, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { UploadArea } from "../renderer/upload-area";
import { WebcamPrompt, WebcamRecorder } from "../renderer/webcam";
import { IconButtons } from "../renderer/icon-buttons";
import { readButtons } from "../renderer/corner-buttons";
import { Watermark } from "../renderer/watermark";
import { isRecord, num, str, strings } from "../renderer/props";
import "./button.css";
import "./video.css";

export function Video({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const label = labelOf(props, "Video");
  const v = isRecord(value) ? value : {};
  const streamed = usePlaylist(!!props.streaming, v);
  const video = streamed ? streamed.current : isFileData(v.video) ? v.video : null;
  // The value's own subtitles, else the component's subtitles= (a data: URL of WebVTT made in Python).
  const subtitlesUrl = (isFileData(v.subtitles) ? v.subtitles.url : null) ?? str(props.subtitles) ?? null;
  const interactive = props.interactive !== false;
  // gr.Video(playback_position=…) returned by a function moves the player there (Gradio binds the prop).
  const [player, holdPlayer] = useState<HTMLVideoElement | null>(null);
  const position = num(props.playback_position, 0);
  useEffect(() => {
    if (player && player.readyState >= 1 && Math.abs(player.currentTime - position) > 0.01) player.currentTime = position;
  }, [position, player]);
  const sources = strings(props.sources) ?? ["upload", "webcam"];
  const [source, setSource] = useState(sources[0] ?? "upload");
  const [failed, setFailed] = useState<string | null>(null);
  // The camera opens only after a click on Gradio's "Click to Access Webcam" prompt, never at load.
  const [camera, setCamera] = useState(false);
  const style = { height: cssSize(props.height), width: cssSize(props.width) };

  /** The uploaded file (the first of a list that may, after a failure, be empty). */
  function accept(file: FileData | undefined, event: "upload" | "stop_recording") {
    if (!file) return;
    const next = { video: file, subtitles: null };
    setFailed(null);
    setValue(next);
    trigger(event, next);
  }

  async function saveRecording(file: File) {
    const uploaded = await uploadChecked(store, [file], null);
    // The value first, then the event: a stop_recording listener must see the new recording.
    if (uploaded) accept(uploaded[0], "stop_recording");
    else trigger("stop_recording");
  }

  return (
    <div class="wb-video">
      <BlockLabel show={props.show_label !== false} label={label} icon={<VideoIcon />} />
      {video?.url ? (
        <div class="video-player" style={style}>
          <IconButtons
            download={buttons.has("download") ? { url: video.url, name: video.orig_name || "video" } : null}
            onClear={interactive ? () => (setValue(null), trigger("clear")) : null}
            custom={{ buttons, store }}
          />
          <span class="watermarked">
          <video
            key={video.url}
            src={video.url}
            controls
            preload="metadata"
            // A streamed chunk after the first plays on from the one before (Gradio's stream is one video).
            autoPlay={!!props.autoplay || (streamed?.index ?? 0) > 0}
            loop={!!props.loop && !streamed}
            data-testid={`${label}-player`}
            data-chunk={streamed ? `${streamed.index + 1}/${streamed.count}` : undefined}
            onLoadedMetadata={(e) => {
              // playback_position: where the player starts (Gradio), in seconds.
              const at = num(props.playback_position, 0);
              if (at > 0) e.currentTarget.currentTime = at;
            }}
            ref={holdPlayer}
            onTimeUpdate={(e) => store.setLiveProp(id, "playback_position", e.currentTarget.currentTime)}
            onPlay={() => trigger("play")}
            onPause={(e) => !(e.currentTarget as HTMLVideoElement).ended && trigger("pause")}
            onEnded={() => (streamed?.next() ? undefined : trigger("end"))}
            onError={() =>
              setFailed(
                `This browser cannot play ${video.orig_name ?? "this video"}${video.mime_type ? ` (${video.mime_type})` : ""}. ` +
                  "There is no ffmpeg in the page to convert it: use MP4 (H.264), WebM or Ogg video.",
              )
            }
          >
            {subtitlesUrl ? <track kind="captions" src={subtitlesUrl} default /> : null}
          </video>
          <Watermark value={props.watermark} />
          </span>
          {failed ? (
            <p class="wb-media-error" role="alert">
              {failed}
            </p>
          ) : null}
        </div>
      ) : interactive ? (
        <div class="video-input">
          {source === "webcam" ? (
            camera ? (
              <WebcamRecorder
                constraints={webcamConstraints(props.webcam_constraints, props.include_audio !== false)}
                mirror={!isRecord(props.webcam_options) || props.webcam_options.mirror !== false}
                onStart={() => trigger("start_recording")}
                onRecorded={(file) => void saveRecording(file)}
              />
            ) : (
              <WebcamPrompt onClick={() => setCamera(true)} />
            )
          ) : (
            <UploadArea store={store} inputId={domId(store, id, "upload")} fileTypes={["video"]} text="Drop Video Here" style={style} wrongTypeLevel="warning" onUploaded={(files) => accept(files[0], "upload")} />
          )}
          {sources.length > 1 ? (
            <div class="source-selection" data-testid="source-select">
              {sources.map((s) => (
                <button type="button" class={s === source ? "icon selected" : "icon"} aria-label={s === "upload" ? "Upload file" : "Capture from camera"} onClick={() => (setSource(s), setCamera(s === "webcam"))}>
                  {s === "upload" ? "Upload" : "Webcam"}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : (
        <div class="empty" aria-label="Empty video">
          <span class="empty-icon" aria-hidden="true">
            <VideoIcon />
          </span>
        </div>
      )}
    </div>
  );
}

/** getUserMedia's constraints for recording: the app's, else any camera, with the microphone when include_audio. */
function webcamConstraints(given: unknown, audio: boolean): MediaStreamConstraints {
  return isRecord(given) ? (given as MediaStreamConstraints) : { video: true, audio };
}

/** A streaming Video's chunks, in order: the one playing, and next() to go on (false: none has come yet). */
interface Playlist {
  current: FileData | null;
  index: number;
  count: number;
  next(): boolean;
}

/**
 * streaming=True: every file the generator yielded so far ("chunks", Python's Video._stream_chunk), played
 * one after another. A chunk that comes after the player ran out starts at once; a new event starts over.
 */
function usePlaylist(streaming: boolean, v: Record<string, unknown>): Playlist | null {
  const chunks = Array.isArray(v.chunks) ? v.chunks.filter(isFileData) : isFileData(v.video) ? [v.video] : [];
  const first = chunks[0]?.path ?? null;
  const [at, setAt] = useState<{ first: string | null; index: number; waiting: boolean }>({ first, index: 0, waiting: false });
  const state = at.first === first ? at : { first, index: 0, waiting: false };
  useEffect(() => {
    if (state !== at) setAt(state);
    else if (at.waiting && at.index + 1 < chunks.length) setAt({ first, index: at.index + 1, waiting: false });
  });
  if (!streaming) return null;
  return {
    current: chunks[state.index] ?? null,
    index: state.index,
    count: chunks.length,
    next() {
      const more = state.index + 1 < chunks.length;
      setAt({ first, index: more ? state.index + 1 : state.index, waiting: !more });
      return more;
    },
  };
}

const VideoIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <polygon points="23 7 16 12 23 17 23 7" />
    <rect x="1" y="5" width="15" height="14" rx="2" ry="2" />
  </svg>
);
