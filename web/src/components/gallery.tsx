// gr.Gallery: a grid of thumbnails (Gradio: buttons labelled "Thumbnail i of n"); clicking one selects it
// (`select` with {index, value}) and, with allow_preview, opens the preview (img data-testid="detailed-image",
// a "Close" button, thumbnails below). Interactive and empty: an upload area for images/videos.

import { useEffect, useRef, useState } from "preact/hooks";
import { isFileData } from "../client/files";
import type { FileData } from "../protocol";
import { saveFile, uploadChecked } from "../client/upload";
import { WebcamCapture, WebcamPrompt } from "../renderer/webcam";
import { paste, SourceBar } from "./image";
import { BlockLabel, ImageIcon, labelOf } from "../renderer/atoms";
import { cssSize, cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { UploadArea } from "../renderer/upload-area";
import { IconButtons } from "../renderer/icon-buttons";
import { FullscreenButton, readButtons } from "../renderer/corner-buttons";
import { downloadAll } from "./gallery-download";
import { isRecord, list, num, str, strings } from "../renderer/props";
import "./gallery.css";

interface Item {
  image?: FileData;
  video?: FileData;
  caption: string | null;
}

export function Gallery({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Gallery");
  const buttons = readButtons(props.buttons);
  const frame = useRef<HTMLDivElement>(null);
  // Gallery.postprocess writes each item as {image | video: FileData, caption}.
  const items = list(value).filter((v): v is Item => isRecord(v) && (isFileData(v.image) || isFileData(v.video)));
  const interactive = props.interactive !== false;
  const selectedIndex = num(props.selected_index) ?? null;
  const [selected, setSelected] = useState<number | null>(selectedIndex ?? (props.preview && items.length ? 0 : null));
  const previewing = props.allow_preview !== false && selected !== null && selected < items.length;
  const asked = num(Array.isArray(props.columns) ? props.columns[0] : props.columns, 2);
  // fit_columns (default True): fewer items than columns spread over the full width.
  const columns = props.fit_columns !== false && items.length > 0 && items.length < asked ? items.length : asked;
  const sources = (strings(props.sources) ?? ["upload"]).filter((s) => s in SOURCE_TEXT);
  const [source, setSource] = useState(sources[0] ?? "upload");
  const [camera, setCamera] = useState(false);
  const [sourceError, setSourceError] = useState<string | null>(null);

  useEffect(() => {
    if (selectedIndex !== null) setSelected(selectedIndex);
  }, [selectedIndex]);
  useEffect(() => {
    if (selected !== null && selected >= items.length) setSelected(null);
  }, [items.length]);

  function select(i: number) {
    const wasOpen = previewing;
    setSelected(i);
    trigger("select", { index: i, value: items[i], selected: true });
    if (!wasOpen && props.allow_preview !== false) trigger("preview_open");
  }

  const media = (item: Item, testId?: string) =>
    item.image ? (
      <img src={item.image.url ?? ""} alt={item.caption ?? ""} title={item.caption ?? undefined} data-testid={testId} loading="lazy" />
    ) : (
      <video src={item.video?.url ?? ""} data-testid={testId === "detailed-image" ? "detailed-video" : testId} controls={testId === "detailed-image"} muted preload="metadata" />
    );

  /** New media from the upload area, the webcam or the clipboard: the gallery's value, then `upload`. */
  function added(files: FileData[]) {
    const next = files.map((f) => ((f.mime_type ?? "").startsWith("video/") ? { video: f, caption: null } : { image: f, caption: null }));
    setValue(next);
    trigger("upload", next);
  }
  async function add(files: File[]) {
    setSourceError(null);
    const uploaded = await uploadChecked(store, files, strings(props.file_types) ?? ["image", "video"]);
    if (uploaded) added(uploaded);
  }

  if (!items.length) {
    return (
      <div class="wb-gallery">
        <BlockLabel show={props.show_label !== false} label={label} icon={<ImageIcon />} />
        {interactive ? (
          <>
            {source === "webcam" ? (
              camera ? <WebcamCapture onCapture={(file) => void add([file])} /> : <WebcamPrompt onClick={() => setCamera(true)} />
            ) : source === "clipboard" ? (
              <button type="button" class="paste-area" onClick={() => void paste((files) => void add(files), setSourceError)}>
                Paste from clipboard
              </button>
            ) : (
              <UploadArea
                store={store}
                inputId={domId(store, id, "upload")}
                fileCount="multiple"
                fileTypes={strings(props.file_types) ?? ["image", "video"]}
                text="Drop Media Here"
                style={{ minHeight: cssSize(props.height) }}
                onUploaded={added}
              />
            )}
            {sourceError ? <p class="wb-image-error" role="alert">{sourceError}</p> : null}
            {sources.length > 1 ? (
              <SourceBar
                sources={sources}
                current={source}
                onPick={(s) => (s === "clipboard" ? void paste((files) => void add(files), setSourceError) : (setSource(s), setCamera(s === "webcam")))}
              />
            ) : null}
          </>
        ) : (
          <div class="empty" aria-label="Empty gallery">
            <span class="empty-icon" aria-hidden="true">
              <ImageIcon />
            </span>
          </div>
        )}
      </div>
    );
  }

  const current = previewing ? items[selected!] : null;
  const currentFile = current ? current.image ?? current.video : null;
  return (
    <div class="wb-gallery">
      <BlockLabel show={props.show_label !== false} label={label} icon={<ImageIcon />} />
      {current ? (
        <div class="preview" data-testid="gallery-preview" ref={frame}>
          <div class="icon-buttons">
            {buttons.has("fullscreen") ? <FullscreenButton target={frame} /> : null}
            {buttons.has("download") && currentFile?.url ? (
              <button type="button" class="icon-button" aria-label="Download" title="Download" onClick={() => saveFile(currentFile.url!, currentFile.orig_name || "image")}>
                ⇣
              </button>
            ) : null}
            <button
              type="button"
              class="icon-button"
              aria-label="Close"
              title="Close"
              onClick={() => {
                setSelected(null);
                trigger("preview_close");
              }}
            >
              ×
            </button>
          </div>
          <div class="media-button" aria-label="detailed view of selected image">
            {media(current, "detailed-image")}
          </div>
          {current.caption ? <div class="caption">{current.caption}</div> : null}
          <div class="thumbnails" data-testid="container_el">
            {items.map((item, i) => (
              <button
                key={i}
                type="button"
                class={cx("thumbnail-item", "thumbnail-small", i === selected && "selected")}
                aria-label={`Thumbnail ${i + 1} of ${items.length}`}
                onClick={() => select(i)}
              >
                {media(item, `thumbnail ${i + 1}`)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <div class={cx("grid-wrap", current && "hidden")} style={{ height: cssSize(props.height) }}>
        <IconButtons onClear={interactive ? () => (setValue(null), trigger("delete")) : null} custom={{ buttons, store }}>
          {buttons.has("download_all") && items.length ? (
            <button
              type="button"
              class="icon-button"
              aria-label="Download All"
              title="Download All"
              onClick={() => void downloadAll(items.map((item) => item.image ?? item.video).filter((f): f is FileData => !!f)).catch((err) => store.addToast("error", String(err), "Download failed", 10))}
            >
              ⇣
            </button>
          ) : null}
        </IconButtons>
        <div class="grid-container" style={{ gridTemplateColumns: `repeat(${columns}, minmax(100px, 1fr))`, "--object-fit": str(props.object_fit, "cover") }}>
          {items.map((item, i) => (
            <button
              key={i}
              type="button"
              class={cx("thumbnail-item", "thumbnail-lg", i === selected && "selected")}
              aria-label={`Thumbnail ${i + 1} of ${items.length}`}
              onClick={() => select(i)}
            >
              {media(item)}
              {item.caption ? <div class="caption-label">{item.caption}</div> : null}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

// Gallery(sources=): where new media may come from (Gradio's default: upload only).
const SOURCE_TEXT: Record<string, true> = { upload: true, webcam: true, clipboard: true };
