// The drop-or-click area shared by File, Gallery, Audio, Video and Image (Gradio's Upload): a <button
// data-testid="upload-button" aria-label="Click to upload or drop files"> and a hidden <input type=file
// data-testid="file-upload">, both inside the element that takes drops — Gradio appends its input inside the
// drop target, and Gradio's tests dispatch their drop events on the input itself. It checks max_file_size and
// file_types in the page, uploads into the worker and hands back FileData.

import { useRef, useState } from "preact/hooks";
import type { FileData } from "../protocol";
import type { AppStore } from "../client/store";
import { acceptFor, uploadChecked } from "../client/upload";
import { UploadIcon } from "./atoms";
import { cx } from "./hooks";
import "./upload-area.css";

export interface UploadAreaProps {
  store: AppStore;
  inputId: string;
  /** "single" | "multiple" | "directory" */
  fileCount?: string;
  fileTypes?: string[] | null;
  /** The first line, e.g. "Drop File Here". */
  text: string;
  onUploaded(files: FileData[]): void;
  style?: Record<string, string | undefined>;
  /** How a file of the wrong type is reported: Gradio's Audio and Video warn, the others show an error. */
  wrongTypeLevel?: "error" | "warning";
}

export function UploadArea({ store, inputId, fileCount = "single", fileTypes, text, onUploaded, style, wrongTypeLevel = "error" }: UploadAreaProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);

  async function load(list: FileList | null | undefined) {
    let files = Array.from(list ?? []);
    if (!files.length) return;
    if (fileCount === "single") files = files.slice(0, 1);
    setBusy(true);
    try {
      const uploaded = await uploadChecked(store, files, fileTypes, wrongTypeLevel);
      if (uploaded) onUploaded(uploaded);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  // Not in Preact's typings of <input> (browser-specific attributes): spread as plain attributes.
  const extra: Record<string, string> = fileCount === "directory" ? { webkitdirectory: "", mozdirectory: "" } : {};
  const stop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      class="wb-upload-drop"
      onDragEnter={(e) => {
        stop(e);
        setDragging(true);
      }}
      onDragOver={stop}
      onDragLeave={(e) => {
        stop(e);
        setDragging(false);
      }}
      onDrop={(e) => {
        stop(e);
        setDragging(false);
        load(e.dataTransfer?.files);
      }}
    >
      <button
        type="button"
        class={cx("wb-upload", dragging && "dragging")}
        data-testid="upload-button"
        aria-label="Click to upload or drop files"
        aria-dropeffect="copy"
        aria-busy={busy}
        disabled={busy}
        style={style}
        onClick={() => {
          if (input.current) input.current.value = "";
          input.current?.click();
        }}
      >
        <span class="upload-icon" aria-hidden="true">
          <UploadIcon />
        </span>
        {busy ? (
          <span>Uploading…</span>
        ) : (
          <span class="upload-text">
            {text}
            <span class="or">- or -</span>Click to Upload
          </span>
        )}
      </button>
      <input
        ref={input}
        id={inputId}
        type="file"
        class="hidden-file-input"
        aria-label="file upload"
        data-testid="file-upload"
        accept={acceptFor(fileTypes)}
        multiple={fileCount !== "single"}
        onChange={(e) => load((e.currentTarget as HTMLInputElement).files)}
        {...extra}
      />
    </div>
  );
}
