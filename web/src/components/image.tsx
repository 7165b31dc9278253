// gr.Image: shows value.url; when interactive and empty, an upload area (Gradio's data-testid="image",
// a <button> with "Drop Image Here - or - Click to Upload" and a hidden <input data-testid="file-upload">).

import { useRef, useState } from "preact/hooks";
import type { FileData } from "../protocol";
import { refusal } from "../client/upload";
import { BlockLabel, ImageIcon, UploadIcon, labelOf } from "../renderer/atoms";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { IconButtons } from "../renderer/icon-buttons";
import { WebcamCapture } from "../renderer/webcam";

export function Image({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Image");
  const interactive = props.interactive !== false;
  const sources: string[] = Array.isArray(props.sources) ? props.sources : ["upload"];
  const canUpload = interactive && (sources.includes("upload") || sources.includes("clipboard"));
  const [source, setSource] = useState<string>(sources[0] ?? "upload");
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `component-${id}-upload`;
  const fd = value as FileData | null;
  const url = fd && typeof fd === "object" ? fd.url : null;

  async function load(files: FileList | File[] | null | undefined) {
    const file = files && files[0];
    if (!file) return;
    if (file.type && !file.type.startsWith("image/")) {
      setError(`${file.name} is not an image`);
      return;
    }
    const refused = refusal([file], null, store.config?.max_file_size);
    if (refused) {
      store.addToast("error", refused, "Upload refused", 10);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const [uploaded] = await store.upload([file]);
      setValue(uploaded);
      trigger("upload", uploaded);
    } catch (err: any) {
      const message = err?.message ?? String(err);
      setError(message);
      store.addToast("error", `Upload failed: ${message}`, "Error", 10);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  const style = { height: cssSize(props.height), width: cssSize(props.width) };

  return (
    <div class="wb-image">
      <BlockLabel show={props.show_label !== false} label={label} htmlFor={canUpload && !url ? inputId : undefined} icon={<ImageIcon />} />
      <div data-testid="image" class="image-container" style={style}>
        {url ? (
          <>
            <IconButtons
              download={props.show_download_button !== false ? { url, name: fd?.orig_name || "image", icon: <DownloadIcon /> } : null}
              onClear={interactive ? () => (setValue(null), trigger("clear")) : null}
              clearLabel="Remove Image"
            />
            <div class="image-frame">
              <img src={url} alt={fd?.orig_name ?? ""} data-testid="detailed-image" onClick={(e) => select(e, trigger)} />
            </div>
          </>
        ) : interactive && source === "webcam" ? (
          <WebcamCapture onCapture={(file) => load([file])} mirror={props.webcam_options?.mirror !== false} />
        ) : canUpload ? (
          <>
            <button
              type="button"
              class={cx("upload-button", dragging && "dragging")}
              data-testid="upload-button"
              aria-busy={busy}
              disabled={busy}
              onClick={() => fileInput.current?.click()}
              onDragEnter={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragOver={(e) => e.preventDefault()}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                load(e.dataTransfer?.files);
              }}
            >
              <span class="upload-icon" aria-hidden="true">
                <UploadIcon />
              </span>
              {busy ? (
                <span>Uploading…</span>
              ) : (
                <span class="upload-text">
                  Drop Image Here<span class="or">- or -</span>Click to Upload
                </span>
              )}
            </button>
            <input
              ref={fileInput}
              id={inputId}
              type="file"
              accept="image/*"
              aria-label="file upload"
              data-testid="file-upload"
              class="hidden-file-input"
              onChange={(e) => load((e.currentTarget as HTMLInputElement).files)}
            />
          </>
        ) : (
          <div class="empty" aria-label="Empty image">
            <span class="empty-icon" aria-hidden="true">
              <ImageIcon />
            </span>
          </div>
        )}
        {interactive && !url && sources.length > 1 ? (
          <SourceBar sources={sources} current={source} onPick={(s) => (s === "clipboard" ? paste(load, setError) : setSource(s))} />
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
const SOURCE_LABELS: Record<string, [string, string]> = {
  upload: ["Upload file", "⇪"],
  webcam: ["Capture from camera", "◉"],
  clipboard: ["Paste from clipboard", "⎘"],
};

function SourceBar({ sources, current, onPick }: { sources: string[]; current: string; onPick(s: string): void }) {
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
async function paste(load: (files: File[]) => void, setError: (e: string | null) => void) {
  try {
    for (const item of await navigator.clipboard.read()) {
      const type = item.types.find((t) => t.startsWith("image/"));
      if (type) return load([new File([await item.getType(type)], "clipboard.png", { type })]);
    }
    setError("The clipboard holds no image");
  } catch (err: any) {
    setError(`Cannot read the clipboard: ${err?.message ?? err}`);
  }
}

function select(e: MouseEvent, trigger: (event: string, data?: any) => void) {
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
