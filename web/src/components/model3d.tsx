// gr.Model3D: a 3-D model in an orbit viewer (model3d-viewer.ts, on three.js), with Gradio's corner buttons
// (Undo = back to the first view, Download on a read-only one, Clear on an interactive one) and, when
// interactive and empty, the upload area for .obj/.glb/.gltf/.stl/.ply/.splat files. The viewer and
// three.js are fetched only when there is a model to show. DOM as Gradio's: a read-only viewer is
// div.model3D[data-testid="model3d"], an interactive one div.input-model.

import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { isFileData } from "../client/files";
import type { FileData } from "../protocol";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { cssSize, cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { UploadArea } from "../renderer/upload-area";
import type { ModelViewer, ViewerOptions, ViewerStatus } from "./model3d-viewer";
import { isRecord, list, num, numOrStr, str, type Props } from "../renderer/props";
import "./model3d.css";

/** Gradio's upload filter for Model3D (the Python side checks the same list). */
export const MODEL_TYPES = [".stl", ".obj", ".gltf", ".glb", "model/obj", ".splat", ".ply"];

/** Whether a file name is one of those formats (Chatbot shows such a file in a viewer). */
export function isModelFile(name: string): boolean {
  return /\.(glb|gltf|obj|stl|ply|splat)$/i.test(name.split(/[?#]/)[0] ?? "");
}

export interface CustomButton {
  id: number;
  value: string;
}

export function Model3D({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "3D Model");
  const interactive = props.interactive !== false;
  const file = isFileData(value) ? value : null;
  // Model3D's buttons= arrive as {id, value} of the buttons Python made.
  const buttons = list(props.buttons).filter((b): b is CustomButton => isRecord(b) && typeof b.id === "number");
  const onCustom = (button: number) => store.trigger(button, "click");
  const inputId = domId(store, id, "upload");

  return (
    <div class="wb-model3d">
      <BlockLabel show={props.show_label !== false} label={label} htmlFor={interactive && !file ? inputId : undefined} icon={<FileIcon />} />
      {file ? (
        <ModelView
          file={file}
          options={viewerOptions(props)}
          interactive={interactive}
          height={numOrStr(props.height)}
          buttons={buttons}
          onCustom={onCustom}
          onClear={() => {
            setValue(null);
            trigger("clear");
          }}
        />
      ) : interactive ? (
        <>
          {buttons.length ? <Toolbar buttons={buttons} onCustom={onCustom} /> : null}
          <UploadArea
            store={store}
            inputId={inputId}
            fileTypes={MODEL_TYPES}
            text="Drop File Here"
            style={{ minHeight: cssSize(props.height) }}
            onUploaded={(files) => {
              setValue(files[0]);
              trigger("upload", files[0]);
            }}
          />
        </>
      ) : (
        <>
          {buttons.length ? <Toolbar buttons={buttons} onCustom={onCustom} /> : null}
          <div class="empty" aria-label="Empty 3D model" style={{ minHeight: cssSize(props.height) }}>
            <span class="empty-icon" aria-hidden="true">
              <FileIcon />
            </span>
          </div>
        </>
      )}
    </div>
  );
}

export function viewerOptions(props: Props): ViewerOptions {
  const numbers = (v: unknown) => list(v).map((n) => (typeof n === "number" ? n : null));
  const colour = numbers(props.clear_color);
  const camera = numbers(props.camera_position);
  return {
    displayMode: str(props.display_mode, "solid"),
    clearColor: colour.length === 4 && colour.every((n) => n !== null) ? (colour as number[]) : [0, 0, 0, 0],
    cameraPosition: [camera[0] ?? null, camera[1] ?? null, camera[2] ?? null],
    zoomSpeed: num(props.zoom_speed, 1),
    panSpeed: num(props.pan_speed, 1),
  };
}

interface ModelViewProps {
  file: FileData;
  options: ViewerOptions;
  interactive: boolean;
  height?: number | string | null;
  buttons?: CustomButton[];
  onCustom?: (id: number) => void;
  onClear?: () => void;
}

/** The viewer with its corner buttons; also drawn by Chatbot for a model in a message. */
export function ModelView({ file, options, interactive, height, buttons = [], onCustom, onClear }: ModelViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<ModelViewer | null>(null);
  const [status, setStatus] = useState<ViewerStatus>({ state: "loading" });
  const latest = useRef({ file, options });
  latest.current = { file, options };
  const name = file.orig_name || file.path.split("/").pop() || "model";

  useEffect(() => {
    let live = true;
    import("./model3d-viewer").then(
      ({ ModelViewer }) => {
        if (!live || !host.current) return;
        viewer.current = new ModelViewer(host.current, latest.current.options, (s) => live && setStatus(s));
        const { url } = latest.current.file;
        if (url) void viewer.current.show(url, name);
      },
      (err) => live && setStatus({ state: "error", message: `Could not load the 3-D viewer: ${err?.message ?? err}` }),
    );
    return () => {
      live = false;
      viewer.current?.dispose();
      viewer.current = null;
    };
  }, []);

  // A new file (an upload, an output) replaces the model in the same viewer; `url` arrives after `path`
  // when the bytes are still on their way from the worker.
  useEffect(() => {
    if (viewer.current && file.url) void viewer.current.show(file.url, name);
  }, [file.url, file.path]);

  const optionsKey = JSON.stringify(options);
  useEffect(() => viewer.current?.setOptions(options), [optionsKey]);

  const moved = status.state === "ready" && status.moved;
  return (
    <div
      class={cx(interactive ? "input-model" : "model3D", "wb-model3d-view", cssSize(height) === undefined && "auto-height")}
      data-testid={interactive ? undefined : "model3d"}
      style={{ height: cssSize(height) }}
    >
      <Toolbar buttons={buttons} onCustom={onCustom}>
        <button type="button" class="icon-button" aria-label="Undo" title="Undo (back to the first view)" disabled={!moved} onClick={() => viewer.current?.resetView()}>
          ↺
        </button>
        {!interactive && file.url ? (
          <a class="icon-button" data-testid="model3d-download-link" href={file.url} download={name} aria-label="Download" title="Download">
            ⇣
          </a>
        ) : null}
        {interactive && onClear ? (
          <button type="button" class="icon-button" aria-label="Clear" title="Clear" onClick={onClear}>
            ×
          </button>
        ) : null}
      </Toolbar>
      <div class="canvas-host" ref={host} aria-label={`3D model ${name}`} role="img" />
      {status.state === "loading" || !file.url ? (
        <div class="viewer-note" role="status">
          Loading {name}…
        </div>
      ) : status.state === "error" || status.state === "no-webgl" ? (
        <div class="viewer-note error" role="alert">
          {status.message}
        </div>
      ) : null}
    </div>
  );
}

/** A model in a chat message: a read-only viewer with Gradio's default settings. */
export function ModelInMessage({ file }: { file: FileData }) {
  return (
    <div class="wb-model3d in-message">
      <ModelView file={file} options={viewerOptions({})} interactive={false} />
    </div>
  );
}

// Gradio's Model3D label icon is its File icon; drawn here, not imported from file.tsx, so the page
// bundle and this lazily loaded chunk share no more than the upload area.
const FileIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d="M13 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <polyline points="13 2 13 9 20 9" />
  </svg>
);

function Toolbar({ buttons = [], onCustom, children }: { buttons?: CustomButton[]; onCustom?: (id: number) => void; children?: ComponentChildren }) {
  return (
    <div class="icon-buttons">
      {buttons.map((b) => (
        <button key={b.id} type="button" class="icon-button custom" title={b.value} onClick={() => onCustom?.(b.id)}>
          {b.value}
        </button>
      ))}
      {children}
    </div>
  );
}
