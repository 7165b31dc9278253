// gr.MultimodalTextbox: a textarea (data-testid="textbox") with attached files, an upload button
// (hidden <input data-testid="file-upload">), and Submit/Stop buttons; Enter submits, Shift+Enter breaks a line.

import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { errorText } from "../error-text";
import { isFileData } from "../client/files";
import type { FileData } from "../protocol";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { isRecord, list, num, str, strings } from "../renderer/props";
import { useHtmlAttributes } from "./textbox";
import "./textbox.css";
import "./multimodal_textbox.css";

interface MultimodalValue {
  text: string;
  files: FileData[];
}

function asValue(value: unknown): MultimodalValue {
  if (isRecord(value)) return { text: String(value.text ?? ""), files: list(value.files).filter(isFileData) };
  return { text: typeof value === "string" ? value : "", files: [] };
}

export function MultimodalTextbox({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const current = asValue(value);
  const ref = useRef<HTMLTextAreaElement>(null);
  useHtmlAttributes(ref, props.html_attributes);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const disabled = props.interactive === false;
  // Gradio: with autofocus the box takes the focus again whenever its value changes (a ChatInterface's box,
  // cleared and re-enabled after each reply, is ready for the next message).
  useLayoutEffect(() => {
    if (props.autofocus && !disabled) ref.current?.focus();
  }, [current.text, current.files.length, disabled]);
  const lines = num(props.lines, 1);
  const maxLines = num(props.max_lines, 20);
  const inputId = domId(store, id, "input");
  const multiple = props.file_count === "multiple" || props.file_count === "directory";
  const accept = strings(props.file_types)?.join(",");

  // Grow with the text between `lines` and `max_lines` rows, as Gradio's does.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const lh = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.style.height = "auto";
    el.style.height = `${Math.min(lh * maxLines, Math.max(lh * lines, el.scrollHeight))}px`;
  }, [current.text, lines, maxLines]);

  async function attach(files: File[]) {
    if (!files.length) return;
    setBusy(true);
    try {
      const uploaded = await store.upload(multiple ? files : files.slice(0, 1));
      const next = { text: current.text, files: multiple ? [...current.files, ...uploaded] : uploaded };
      setValue(next);
      trigger("upload", uploaded);
    } catch (err) {
      store.addToast("error", `Upload failed: ${errorText(err)}`, "Error", 10);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  const submit = () => {
    if (!busy) trigger("submit");
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    // Gradio: pasted text longer than max_plain_text_length (1000) is attached as pasted_text.txt instead.
    const text = e.clipboardData?.getData("text") ?? "";
    const limit = typeof props.max_plain_text_length === "number" ? props.max_plain_text_length : 1000;
    if (text.length > limit) {
      e.preventDefault();
      void attach([new File([text], "pasted_text.txt", { type: "text/plain", lastModified: Date.now() })]);
      return;
    }
    const files = Array.from(e.clipboardData?.files ?? []);
    if (files.length) {
      e.preventDefault();
      void attach(files);
    }
  };

  return (
    <label class="wb-field container wb-multimodal" for={inputId}>
      <BlockTitle show={props.show_label !== false} info={str(props.info)}>
        {labelOf(props, "MultimodalTextbox") /* Gradio's own label when label is None */}
      </BlockTitle>
      {current.files.length ? (
        <div class="thumbnails" aria-label="Uploaded files">
          {current.files.map((f, i) => (
            <span class="thumbnail-item" key={f.path}>
              {f.mime_type?.startsWith("image/") && f.url ? <img class="thumbnail-image" src={f.url} alt={f.orig_name ?? "image"} /> : <span class="file-name">{f.orig_name}</span>}
              {!disabled ? (
                <button
                  type="button"
                  class="delete-button"
                  aria-label={`Remove ${f.orig_name ?? "file"}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setValue({ text: current.text, files: current.files.filter((_, j) => j !== i) });
                  }}
                >
                  ×
                </button>
              ) : null}
            </span>
          ))}
        </div>
      ) : null}
      <div class={cx("input-container", busy && "uploading")}>
        {!disabled && (strings(props.sources) ?? ["upload"]).includes("upload") ? (
          <>
            <button type="button" class="upload-button" data-testid="upload-button" aria-label="Upload a file" disabled={busy} onClick={(e) => { e.preventDefault(); fileInput.current?.click(); }}>
              <Glyph d="M21 11.5l-8.5 8.5a5 5 0 0 1-7-7l9-9a3.3 3.3 0 0 1 4.7 4.7l-9 9a1.7 1.7 0 0 1-2.4-2.4l8.3-8.3" />
            </button>
            <input
              ref={fileInput}
              type="file"
              data-testid="file-upload"
              class="hidden-upload"
              hidden
              multiple={multiple}
              accept={accept}
              onChange={(e) => void attach(Array.from((e.currentTarget as HTMLInputElement).files ?? []))}
            />
          </>
        ) : null}
        <textarea
          ref={ref}
          id={inputId}
          data-testid="textbox"
          class="scroll-hide"
          rows={lines}
          dir={props.rtl ? "rtl" : "ltr"}
          placeholder={str(props.placeholder)}
          disabled={disabled}
          autoFocus={!!props.autofocus}
          value={current.text}
          style={props.text_align ? { textAlign: str(props.text_align) } : undefined}
          onInput={(e) => setValue({ text: (e.currentTarget as HTMLTextAreaElement).value, files: current.files })}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onFocus={() => trigger("focus")}
          onBlur={() => trigger("blur")}
        />
        {props.submit_btn ? (
          <button type="button" class="submit-button" aria-label="Submit" disabled={disabled || busy} onClick={(e) => { e.preventDefault(); submit(); }}>
            {typeof props.submit_btn === "string" ? props.submit_btn : <Glyph d="M12 19V5M6 11l6-6 6 6" />}
          </button>
        ) : null}
        {props.stop_btn ? (
          <button type="button" class="stop-button" aria-label="Stop" onClick={(e) => { e.preventDefault(); trigger("stop"); }}>
            {typeof props.stop_btn === "string" ? props.stop_btn : <Glyph d="M7 7h10v10H7z" />}
          </button>
        ) : null}
      </div>
    </label>
  );
}

/** Gradio's MultimodalTextbox icons (arrow up, square, paperclip), drawn as strokes. */
function Glyph({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
