// The drop-or-click area shared by File, Gallery, Audio and Video (Gradio's Upload): a <button
// data-testid="upload-button"> and a hidden <input type=file data-testid="file-upload">. It checks
// max_file_size and file_types in the page, uploads into the worker and hands back FileData.

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
}

export function UploadArea({ store, inputId, fileCount = "single", fileTypes, text, onUploaded, style }: UploadAreaProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);

  async function load(list: FileList | null | undefined) {
    let files = Array.from(list ?? []);
    if (!files.length) return;
    if (fileCount === "single") files = files.slice(0, 1);
    setBusy(true);
    try {
      const uploaded = await uploadChecked(store, files, fileTypes);
      if (uploaded) onUploaded(uploaded);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  // Not in Preact's typings of <input> (browser-specific attributes): spread as plain attributes.
  const extra: Record<string, string> = fileCount === "directory" ? { webkitdirectory: "", mozdirectory: "" } : {};
  return (
    <>
      <button
        type="button"
        class={cx("wb-upload", dragging && "dragging")}
        data-testid="upload-button"
        aria-busy={busy}
        disabled={busy}
        style={style}
        onClick={() => input.current?.click()}
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
    </>
  );
}
