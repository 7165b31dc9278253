// A live camera preview with a capture button, for gr.Image(sources=["webcam"]): the photo becomes a PNG
// file that goes through the same upload path as a chosen file. The camera opens only after a click on
// Gradio's "Click to Access Webcam" prompt (WebcamPrompt): opening it at load would ask every visitor for
// the camera, and show an error on machines without one, before they chose the webcam.

import { useEffect, useRef, useState } from "preact/hooks";
import { errorText } from "../error-text";
import "./webcam.css";

interface Props {
  onCapture(file: File): void;
  mirror?: boolean;
  /** getUserMedia's video constraints (Gradio's WebcamOptions(constraints={"video": …})). */
  video?: MediaTrackConstraints | boolean;
}

export function WebcamCapture({ onCapture, mirror = true, video: videoConstraints = true }: Props) {
  const video = useRef<HTMLVideoElement>(null);
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
        stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints });
      } catch (err) {
        setError(`Webcam unavailable: ${errorText(err)}`);
        return;
      }
      if (cancelled || !video.current) return stream.getTracks().forEach((t) => t.stop());
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

  function capture() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
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
    canvas.toBlob((blob) => blob && onCapture(new File([blob], "webcam.png", { type: "image/png" })), "image/png");
  }

  if (error) {
    return (
      <p class="wb-image-error" role="alert">
        {error}
      </p>
    );
  }
  return (
    <div class="wb-webcam">
      <video ref={video} data-testid="webcam" muted playsInline class={mirror ? "mirrored" : undefined} />
      <button type="button" class="capture-button" aria-label="capture photo" disabled={!live} onClick={capture}>
        ◉
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
