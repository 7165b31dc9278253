// Where a background comes from (sources=): a chosen or dropped file, the clipboard, or the webcam. The
// webcam opens only when the user asks: first Gradio's "Click to Access Webcam" prompt, then the preview.

import { useState } from "preact/hooks";
import { WebcamCapture } from "../renderer/webcam";
import { CloseIcon, IconButton, WebcamIcon } from "./image_editor-icons";

/** The first image file among `files`, or null. */
export function firstImage(files: FileList | File[] | null | undefined): File | null {
  return Array.from(files ?? []).find((f) => f.type.startsWith("image/")) ?? null;
}

/** The first image on the clipboard (navigator.clipboard.read needs the page's permission). */
export async function clipboardImage(): Promise<Blob> {
  if (!navigator.clipboard?.read) throw new Error("this browser cannot read images from the clipboard here");
  for (const item of await navigator.clipboard.read()) {
    const type = item.types.find((t) => t.startsWith("image/"));
    if (type) return item.getType(type);
  }
  throw new Error("the clipboard holds no image");
}

interface WebcamProps {
  mirror: boolean;
  /** webcam_options.constraints (getUserMedia's, as the app gave them). */
  constraints: Record<string, unknown> | null;
  onCapture(file: File): void;
  onClose(): void;
}

export function WebcamModal({ mirror, constraints, onCapture, onClose }: WebcamProps) {
  const [granted, setGranted] = useState(false);
  const video = constraints?.video;
  return (
    <div class="modal" onClick={(e) => e.stopPropagation()}>
      <div class="modal-inner">
        <div class="modal-close">
          <IconButton label="Close webcam" onClick={onClose}><CloseIcon /></IconButton>
        </div>
        {granted ? (
          <WebcamCapture onCapture={onCapture} mirror={mirror} video={video && typeof video === "object" ? video : true} />
        ) : (
          <button type="button" class="webcam-permission" title="grant webcam access" onClick={() => setGranted(true)}>
            <span class="icon-wrap"><WebcamIcon /></span>
            Click to Access Webcam
          </button>
        )}
      </div>
    </div>
  );
}
