// gr.UploadButton: a button that opens the file picker (Gradio: a hidden <input type=file
// data-testid="<label>-upload-button"> beside the button). `click` fires on press, `upload` once the
// files are in the worker; uploads are checked against max_file_size and file_types first.

import { useRef, useState } from "preact/hooks";
import { acceptFor, uploadChecked } from "../client/upload";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { buttonIcon } from "./button";
import { str, strings } from "../renderer/props";
import "./button.css";

export function UploadButton({ props, setValue, trigger, store, root }: ComponentProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const label = str(props.label, "Upload a File");
  const fileCount = str(props.file_count, "single");
  const fileTypes = strings(props.file_types);
  const disabled = props.interactive === false || busy;
  const style: Record<string, string> = { ...root.style };
  if (props.scale === 0) style.width = "fit-content";

  async function load(list: FileList | null) {
    let files = Array.from(list ?? []);
    if (!files.length) return;
    if (fileCount === "single") files = files.slice(0, 1);
    setBusy(true);
    try {
      const uploaded = await uploadChecked(store, files, fileTypes);
      if (!uploaded) return;
      const value = fileCount === "single" ? uploaded[0] : uploaded;
      setValue(value);
      trigger("upload", value);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  // Not in Preact's typings of <input> (browser-specific attributes): spread as plain attributes.
  const extra: Record<string, string> = fileCount === "directory" ? { webkitdirectory: "", mozdirectory: "" } : {};
  return (
    <>
      <input
        ref={input}
        type="file"
        class="hidden-file-input"
        accept={acceptFor(fileTypes)}
        multiple={fileCount !== "single"}
        data-testid={`${label}-upload-button`}
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => load((e.currentTarget as HTMLInputElement).files)}
        {...extra}
      />
      <button
        id={root.id}
        type="button"
        class={cx("wb-button", str(props.size) || "lg", str(props.variant) || "secondary", root.className)}
        style={style}
        disabled={disabled}
        aria-busy={busy}
        onClick={() => {
          trigger("click");
          input.current?.click();
        }}
      >
        {buttonIcon(props.icon) ? <img class="button-icon right-padded" src={buttonIcon(props.icon)} alt="" /> : null}
        {busy ? "Uploading…" : label}
      </button>
    </>
  );
}
