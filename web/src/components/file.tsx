// gr.File: a table of files (Gradio's FilePreview: table.file-preview, a download link per file showing
// its size), and, when interactive and empty, the upload area. Downloads are Blob URLs named orig_name.

import { isFileData } from "../client/files";
import { prettyBytes } from "../client/upload";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { cssSize, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { UploadArea } from "../renderer/upload-area";
import { IconButtons } from "../renderer/icon-buttons";
import { str, strings } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./file.css";

export function File({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "File");
  const interactive = props.interactive !== false;
  const fileCount = str(props.file_count, "single");
  const files = (Array.isArray(value) ? value : [value]).filter(isFileData);
  const inputId = domId(store, id, "upload");

  function remove(index: number) {
    const removed = files[index];
    const rest = files.filter((_, i) => i !== index);
    setValue(fileCount === "single" ? null : rest.length ? rest : null);
    trigger("delete", removed); // Gradio's payload: the FileData (gr.DeletedFileData.file)
  }

  return (
    <div class="wb-file">
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockLabel show={props.show_label !== false} label={label} htmlFor={interactive && !files.length ? inputId : undefined} icon={<FileIcon />} />
      {files.length ? (
        <>
          <IconButtons onClear={interactive ? () => (setValue(null), trigger("clear")) : null} />
          <div class="file-preview-holder" style={{ maxHeight: cssSize(props.height) }}>
            <table class="file-preview">
              <tbody>
                {files.map((file, i) => (
                  <tr
                    key={file.path}
                    class="file"
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest("a,button")) return;
                      trigger("select", { index: i, value: file.orig_name, selected: true });
                    }}
                  >
                    <td class="filename" aria-label={file.orig_name ?? ""}>
                      <FileName name={file.orig_name ?? "file"} />
                    </td>
                    <td class="download">
                      {file.url ? (
                        <a href={file.url} download={file.orig_name ?? "file"} onClick={() => trigger("download", { index: i, value: file })}>
                          {file.size != null ? prettyBytes(file.size) : "(size unknown)"}&nbsp;⇣
                        </a>
                      ) : (
                        "Uploading…"
                      )}
                    </td>
                    {interactive && files.length > 1 ? (
                      <td>
                        <button type="button" class="label-clear-button" aria-label="Remove this file" onClick={() => remove(i)}>
                          ×
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : interactive ? (
        <UploadArea
          store={store}
          inputId={inputId}
          fileCount={fileCount}
          fileTypes={strings(props.file_types)}
          text={fileCount === "single" ? "Drop File Here" : "Drop Files Here"}
          style={{ minHeight: cssSize(props.height) }}
          onUploaded={(uploaded) => {
            const next = fileCount === "single" ? uploaded[0] : uploaded;
            setValue(next);
            trigger("upload", next);
          }}
        />
      ) : (
        <div class="empty" aria-label="Empty file">
          <span class="empty-icon" aria-hidden="true">
            <FileIcon />
          </span>
        </div>
      )}
    </div>
  );
}

function FileName({ name }: { name: string }) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? (
    <>
      <span class="stem">{name.slice(0, dot)}</span>
      <span class="ext">{name.slice(dot)}</span>
    </>
  ) : (
    <span class="stem">{name}</span>
  );
}

export const FileIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d="M13 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <polyline points="13 2 13 9 20 9" />
  </svg>
);
