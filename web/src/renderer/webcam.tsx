// A live camera preview with a capture button, for gr.Image(sources=["webcam"]): the photo becomes a PNG
// file that goes through the same upload path as a chosen file. The camera opens only after a click on
// Gradio's "Click to Access Webcam" prompt (WebcamPrompt): opening it at load would ask every visitor for
// the camera, and show an error on machines without one, before they chose the webcam. StreamingWebcam is
// the same camera streaming frames to .stream() listeners (renderer/media-stream.ts).

import { useEffect, useRef, useState } from "preact/hooks";
import type { AppStore } from "../client/store";
import { errorText } from "../error-text";
import { cx } from "./hooks";
import { useFrameStream } from "./media-stream";
import { recordStream, type Recording } from "./recorder";
import "./webcam.css";

interface Props {
  onCapture(file: File): void;
  mirror?: boolean;
  /** getUserMedia's video constraints (Gradio's WebcamOptions(constraints={"video": …})). */
  video?: MediaTrackConstraints | boolean;
}

/** The camera in a <video>: opened on mount, released on unmount; `live` once it shows pictures. */
function useCamera(constraints: MediaStreamConstraints) {
  const video = useRef<HTMLVideoElement>(null);
  const opened = useRef<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setError("This browser cannot use a camera here (it needs a secure page: https or localhost).");
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia(constraints);
      } catch (err) {
        setError(`Webcam unavailable: ${errorText(err)}`);
        return;
      }
      if (cancelled || !video.current) return stream.getTracks().forEach((t) => t.stop());
      opened.current = stream;
      // The preview plays without sound (the microphone's own sound would echo); a recording keeps the track.
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setLive(true);
    })();
    // Unmounting (a capture, a source switch) must release the camera.
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);
  return { video, error, live, stream: opened };
}

/** The picture in the <video> now, mirrored as the preview showed it, or null before the camera has one. */
function grab(v: HTMLVideoElement | null, mirror: boolean, type: string, name: string): Promise<File | null> {
  if (!v || !v.videoWidth) return Promise.resolve(null);
  const canvas = document.createElement("canvas");
  canvas.width = v.videoWidth;
  canvas.height = v.videoHeight;
  const ctx = canvas.getContext("2d")!;
  if (mirror) {
    // What the user saw in the mirrored preview is what they get.
    ctx.translate(canvas.width, 0);
    ctx.scale(-1, 1);
  }
  ctx.drawImage(v, 0, 0);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob && new File([blob], name, { type })), type, 0.8));
}

function CameraError({ error }: { error: string }) {
  return (
    <p class="wb-image-error" role="alert">
      {error}
    </p>
  );
}

export function WebcamCapture({ onCapture, mirror = true, video: videoConstraints = true }: Props) {
  const { video, error, live } = useCamera({ video: videoConstraints });

  async function capture() {
    const file = await grab(video.current, mirror, "image/png", "webcam.png");
    if (file) onCapture(file);
  }

  if (error) return <CameraError error={error} />;
  return (
    <div class="wb-webcam">
      <video ref={video} data-testid="webcam" muted playsInline class={mirror ? "mirrored" : undefined} />
      <button type="button" class="capture-button" aria-label="capture photo" disabled={!live} onClick={capture}>
        ◉
      </button>
    </div>
  );
}

interface StreamingProps {
  store: AppStore;
  id: number;
  trigger(event: string, data?: unknown): void;
  mirror?: boolean;
  /** The block's own value: a stream whose output is its input (Gradio's streaming_filter_unified) shows it
   * over the live picture, which keeps streaming underneath. */
  shown?: string | null;
}

/**
 * gr.Image(streaming=True) / .stream(): the live camera with Gradio's Record / Stop button (still named
 * "capture photo", as Gradio's is) and, with a time_limit, a bar that runs out with it. Frames are JPEG, as
 * Gradio's streaming webcam sends them.
 */
export function StreamingWebcam({ store, id, trigger, mirror = true, shown = null }: StreamingProps) {
  const { video, error, live } = useCamera({ video: true });
  const stream = useFrameStream(store, id, () => grab(video.current, mirror, "image/jpeg", "frame.jpeg"), trigger);

  if (error) return <CameraError error={error} />;
  return (
    <div class="wb-webcam streaming" data-streaming={stream.live ? "live" : "idle"}>
      {stream.live && stream.timeLimit ? (
        <div class="streaming-bar" style={{ animationDuration: `${stream.timeLimit}s` }} />
      ) : null}
      <video ref={video} data-testid="webcam" muted playsInline class={cx(mirror && "mirrored", shown && "covered")} />
      {shown ? <img src={shown} alt="" data-testid="stream-image" /> : null}
      <button
        type="button"
        class="capture-button record"
        aria-label="capture photo"
        title={stream.live ? "stop recording" : "start recording"}
        disabled={!live}
        onClick={() => (stream.live ? stream.stop() : stream.start())}
      >
        {stream.live ? "■ Stop" : "● Record"}
      </button>
    </div>
  );
}

/** Gradio's WebcamPermissions: one large button; the camera is asked for only when it is clicked. */
export function WebcamPrompt({ onClick }: { onClick(): void }) {
  return (
    <button type="button" class="wb-webcam-prompt" title="grant webcam access" onClick={onClick}>
      <span class="icon-wrap" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5">
          <circle cx="12" cy="10" r="7" />
          <circle cx="12" cy="10" r="3" />
          <path d="M8 21h8M12 17v4" />
        </svg>
      </span>
      Click to Access Webcam
    </button>
  );
}

interface RecorderProps {
  /** getUserMedia's constraints (Gradio's webcam_constraints / WebcamOptions(constraints=…)). */
  constraints: MediaStreamConstraints;
  mirror?: boolean;
  onStart(): void;
  onRecorded(file: File): void;
}

/**
 * gr.Video(sources=["webcam"]): the live camera and Gradio's recording button (named "start recording" while
 * idle and recording alike, with Record / Stop on it). The preview is mirrored; the recording is as the
 * camera saw it.
 */
export function WebcamRecorder({ constraints, mirror = true, onStart, onRecorded }: RecorderProps) {
  const { video, error, live, stream } = useCamera(constraints);
  const [recording, setRecording] = useState<Recording | null>(null);

  async function toggle() {
    if (recording) {
      setRecording(null);
      onRecorded(await recording.stop());
      return;
    }
    if (!stream.current) return;
    setRecording(recordStream(stream.current, "video"));
    onStart();
  }

  if (error) return <CameraError error={error} />;
  return (
    <div class="wb-webcam">
      <video ref={video} data-testid="webcam" muted playsInline class={mirror ? "mirrored" : undefined} />
      <button type="button" class="capture-button record" aria-label="start recording"
        title={recording ? "stop recording" : "start recording"} disabled={!live} onClick={toggle}>
        {recording ? "■ Stop" : "● Record"}
      </button>
    </div>
  );
}
