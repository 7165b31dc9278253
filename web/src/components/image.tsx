// gr.Image: shows value.url; when interactive and empty, an upload area (Gradio's data-testid="image",
// a <button> with "Drop Image Here - or - Click to Upload" and a hidden <input data-testid="file-upload">).
// streaming=True: as an input, the live webcam streams frames (renderer/webcam.tsx StreamingWebcam); as an
// output, each frame replaces the last with no progress overlay (the dispatcher shows none for streams).

import { useRef, useState } from "preact/hooks";
import { errorText } from "../error-text";
import { isFileData } from "../client/files";
import type { FileData } from "../protocol";
import { uploadChecked } from "../client/upload";
import { BlockLabel, ImageIcon, labelOf, EmptyImage } from "../renderer/atoms";
import { cssSize, cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { IconButtons } from "../renderer/icon-buttons";
import { readButtons } from "../renderer/corner-buttons";
import { UploadArea } from "../renderer/upload-area";
import { StreamingWebcam, WebcamCapture, WebcamPrompt } from "../renderer/webcam";
import { Watermark } from "../renderer/watermark";
import { isRecord, str, strings } from "../renderer/props";
import "./image.css";

export function Image({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Image");
  const interactive = props.interactive !== false;
  const sources = strings(props.sources) ?? ["upload"];
  const canUpload = interactive && (sources.includes("upload") || sources.includes("clipboard"));
  const [source, setSource] = useState<string>(sources[0] ?? "upload");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = domId(store, id, "upload");
  const fd = isFileData(value) ? value : null;
  const url = fd?.url ?? null;
  const buttons = readButtons(props.buttons);
  const [camera, setCamera] = useState(false); // the visitor asked for the webcam (Gradio's prompt)
  const frame = useRef<HTMLDivElement>(null);
  const mirror = !isRecord(props.webcam_options) || props.webcam_options.mirror !== false;
  // An interactive streaming Image is a live webcam (the only source Gradio allows it); its own value, when an
  // event writes one (the stream's output is its input), shows over the picture while frames keep going.
  const live = interactive && !!props.streaming && sources.includes("webcam");

  /** Webcam photos and clipboard images take the same checked path as files dropped on the upload area. */
  async function load(files: File[]) {
    setBusy(true);
    try {
      const uploaded = await uploadChecked(store, files.slice(0, 1), ["image"]);
      if (uploaded) accept(uploaded[0]);
    } finally {
      setBusy(false);
    }
  }

  /** The uploaded file (the first of a list that may, after a failure, be empty). */
  function accept(uploaded: FileData | undefined) {
    if (!uploaded) return;
    setError(null);
    setValue(uploaded);
    trigger("upload", uploaded);
  }

  const style = { height: cssSize(props.height), width: cssSize(props.width) };

  return (
    <div class="wb-image">
      <BlockLabel show={props.show_label !== false} label={label} htmlFor={canUpload && !url ? inputId : undefined} icon={<ImageIcon />} />
      <div data-testid="image" class="image-container" style={style} ref={frame}>
        {live ? (
          camera ? (
            <StreamingWebcam store={store} id={id} trigger={trigger} mirror={mirror} shown={url} />
          ) : (
            <WebcamPrompt onClick={() => setCamera(true)} />
          )
        ) : url ? (
          <>
            <IconButtons
              download={buttons.has("download") ? { url, name: fd?.orig_name || "image", icon: <DownloadIcon /> } : null}
              onClear={interactive ? () => (setValue(null), trigger("clear")) : null}
              clearLabel="Remove Image"
              fullscreen={buttons.has("fullscreen") ? frame : null}
              custom={{ buttons, store }}
            />
            <div class={cx("image-frame", store.hasListener(id, "select") && "selectable")}>
              <span class="watermarked">
                <img src={url} alt={str(props.alt_text) ?? ""} data-testid="detailed-image" onClick={(e) => select(e, trigger)} />
                <Watermark value={props.watermark} />
              </span>
            </div>
          </>
        ) : interactive && source === "webcam" ? (
          camera ? (
            <WebcamCapture onCapture={(file) => load([file])} mirror={mirror} />
          ) : (
            <WebcamPrompt onClick={() => setCamera(true)} />
          )
        ) : canUpload ? (
          busy ? (
            <p class="wb-image-busy">Uploading…</p>
          ) : source === "clipboard" ? (
            // Gradio's clipboard source: the area becomes a paste button.
            <button type="button" class="wb-upload wb-image-paste" onClick={() => paste(load, setError)}>
              Paste from Clipboard
            </button>
          ) : (
            <UploadArea store={store} inputId={inputId} fileTypes={["image"]} text="Drop Image Here" onUploaded={(files) => accept(files[0])} />
          )
        ) : (
          <EmptyImage />
        )}
        {url && canUpload && sources.includes("upload") ? (
          // Gradio keeps its upload area mounted (hidden) under a shown image: a file dropped on it replaces it.
          <div hidden>
            <UploadArea store={store} inputId={inputId} fileTypes={["image"]} text="Drop Image Here" onUploaded={(files) => accept(files[0])} />
          </div>
        ) : null}
        {interactive && !url && !live && (sources.length > 1 || sources.includes("clipboard")) ? (
          <SourceBar
            sources={sources}
            current={source}
            onPick={(s) => {
              setSource(s);
              setCamera(s === "webcam");
              // Choosing the clipboard pastes at once, as on Gradio; the area then offers to paste again.
              if (s === "clipboard") void paste(load, setError);
            }}
          />
        ) : null}
        {error ? (
          <p class="wb-image-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

// Gradio's source buttons and their accessible names.
// (Short words, not symbol glyphs: system fonts lack several of those.)
const SOURCE_LABELS: Record<string, [string, string]> = {
  upload: ["Upload file", "Upload"],
  webcam: ["Capture from camera", "Webcam"],
  clipboard: ["Paste from clipboard", "Paste"],
};

export function SourceBar({ sources, current, onPick }: { sources: string[]; current: string; onPick(s: string): void }) {
  return (
    <div class="source-selection" data-testid="source-select">
      {sources.map((s) => (
        <button
          key={s}
          type="button"
          class={cx("icon-button", s === current && "selected")}
          aria-label={SOURCE_LABELS[s]?.[0] ?? s}
          title={SOURCE_LABELS[s]?.[0] ?? s}
          onClick={() => onPick(s)}
        >
          {SOURCE_LABELS[s]?.[1] ?? s}
        </button>
      ))}
    </div>
  );
}

/** The first image on the clipboard, uploaded like a chosen file. */
export async function paste(load: (files: File[]) => void, setError: (e: string | null) => void) {
  try {
    for (const item of await navigator.clipboard.read()) {
      const type = item.types.find((t) => t.startsWith("image/"));
      if (type) return load([new File([await item.getType(type)], "clipboard.png", { type })]);
    }
    setError("The clipboard holds no image");
  } catch (err) {
    setError(`Cannot read the clipboard: ${errorText(err)}`);
  }
}

function select(e: MouseEvent, trigger: (event: string, data?: unknown) => void) {
  const img = e.currentTarget as HTMLImageElement;
  const rect = img.getBoundingClientRect();
  if (!img.naturalWidth || !rect.width) return;
  // A pixel index: floor, clamped (rounding could name the column past the right edge).
  const x = Math.min(img.naturalWidth - 1, Math.floor(((e.clientX - rect.left) / rect.width) * img.naturalWidth));
  const y = Math.min(img.naturalHeight - 1, Math.floor(((e.clientY - rect.top) / rect.height) * img.naturalHeight));
  trigger("select", { index: [x, y], value: null });
}

const DownloadIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4" />
    <polyline points="7 10 12 15 17 10" />
    <line x1="12" y1="15" x2="12" y2="3" />
  </svg>
);
