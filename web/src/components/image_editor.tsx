// gr.ImageEditor (and Sketchpad, Paint, ImageMask): a background from upload/webcam/clipboard, brush and
// eraser strokes on layers, crop and resize, zoom and pan, undo/redo. A chunk of its own, loaded only by
// apps that have an editor. Read-only, it shows the composite like gr.Image. Gradio's DOM names are kept
// where users' tests look: data-testid="image" labelled "Click to upload or drop files", .pixi-target
// holding the drawing <canvas>, and buttons labelled Image, Brush, Erase, Undo, Save changes, Clear canvas….

import { useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { refusal, saveFile } from "../client/upload";
import { BlockLabel, ImageIcon, labelOf } from "../renderer/atoms";
import { cssSize, cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { type BrushColor, parseColor } from "./image_editor-color";
import { type BrushChoice, type CropState, EditorCanvas, type Subtool, type Tool } from "./image_editor-canvas";
import { Controls } from "./image_editor-controls";
import type { DocOptions } from "./image_editor-doc";
import { LayersPanel } from "./image_editor-layers";
import { editorModel, pictureOfFile } from "./image_editor-model";
import { clipboardImage, firstImage, WebcamModal } from "./image_editor-sources";
import { StaticEditor } from "./image_editor-static";
import { Toolbar } from "./image_editor-toolbar";
import { View } from "./image_editor-view";
import { isRecord, list, num, str, strings, type Props } from "../renderer/props";
import { errorText } from "../error-text";
import "./image_editor.css";

// Gradio's brush and eraser radius when default_size="auto".
const AUTO_RADIUS = 25;

export function ImageEditor(props: ComponentProps) {
  return props.props.interactive === false ? <StaticEditor {...props} /> : <InteractiveEditor {...props} />;
}

/** gr.LayerOptions as Python sends it (image_options.py). */
interface LayerOptions {
  allow_additional_layers: boolean;
  layers: string[];
  disabled: boolean;
}

function layerOptionsOf(v: unknown): LayerOptions {
  const o = isRecord(v) ? v : {};
  return {
    allow_additional_layers: o.allow_additional_layers !== false,
    layers: strings(o.layers) ?? ["Layer 1"],
    disabled: o.disabled === true,
  };
}

function docOptions(props: Props): DocOptions {
  const [w = 800, h = 800] = list(props.canvas_size).map((n) => num(n, 800));
  return { canvasSize: [w, h], fixedCanvas: !!props.fixed_canvas, layerNames: layerOptionsOf(props.layers).layers };
}

/** A palette entry as Python sends it: a CSS color, or a [color, opacity] pair. */
function colorOf(entry: unknown): BrushColor | null {
  if (typeof entry === "string") return parseColor(entry);
  if (Array.isArray(entry) && typeof entry[0] === "string") return parseColor([entry[0], num(entry[1]) ?? null]);
  return null;
}

/** gr.Brush (colors, default_color, default_size, color_mode), or null when the app allows no brush. */
function brushDefaults(brush: unknown): { palette: BrushColor[] | null; choice: BrushChoice } {
  const black = { hex: "#000000", opacity: 1 };
  if (!isRecord(brush)) return { palette: null, choice: { color: black, radius: AUTO_RADIUS } };
  const palette = list(brush.colors).map(colorOf).filter((c): c is BrushColor => !!c);
  const color = colorOf(brush.default_color) ?? palette[0] ?? black;
  const radius = num(brush.default_size, AUTO_RADIUS);
  return { palette, choice: { color, radius } };
}

function firstTool(sources: string[], brush: boolean, eraser: boolean): Tool {
  return sources.length ? "image" : brush ? "draw" : eraser ? "erase" : "image";
}

function InteractiveEditor({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const options = docOptions(props);
  const model = editorModel(store, id, options);
  const doc = model.doc;
  const view = useMemo(() => new View(), []);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const sources = strings(props.sources) ?? [];
  const transforms = strings(props.transforms) ?? [];
  const layerOptions = layerOptionsOf(props.layers);
  const brushKey = JSON.stringify(props.brush ?? null);
  const { palette, choice } = useMemo(() => brushDefaults(props.brush), [brushKey]);
  const eraserDefault = num(isRecord(props.eraser) ? props.eraser.default_size : undefined, AUTO_RADIUS);
  const webcam = isRecord(props.webcam_options) ? props.webcam_options : {};

  const [tool, setTool] = useState<Tool>(() => (doc.touched ? (palette ? "draw" : "image") : firstTool(sources, !!palette, !!props.eraser)));
  const [subtool, setSubtool] = useState<Subtool | null>(null);
  const [brush, setBrush] = useState<BrushChoice>(choice);
  const [eraserRadius, setEraserRadius] = useState<number>(eraserDefault);
  const [crop, setCrop] = useState<CropState | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = domId(store, id, "upload");

  model.onEdit = () => setValue(model.editMarker());
  // A value from Python is in: draw on it, as Gradio switches to the brush then.
  model.onLoaded = () => {
    setTool(doc.touched ? (palette ? "draw" : props.eraser ? "erase" : "image") : firstTool(sources, !!palette, !!props.eraser));
    setSubtool(null);
    setCrop(null);
    view.fit(doc.width, doc.height);
  };
  useEffect(() => doc.subscribe(() => redraw(0)), [doc]);
  useEffect(() => view.subscribe(() => redraw(0)), [view]);
  useEffect(() => void model.sync(value), [value]);
  // New options from the app (gr.ImageEditor(brush=…) returned by a function) replace the current ones.
  const first = useRef(true);
  useEffect(() => {
    if (!first.current) setBrush(choice);
  }, [brushKey]);
  useEffect(() => {
    if (!first.current) setEraserRadius(eraserDefault);
  }, [eraserDefault]);
  const layerKey = JSON.stringify(layerOptions.layers);
  useEffect(() => {
    if (!first.current) model.quietly(() => doc.setLayerNames(layerOptions.layers));
  }, [layerKey]);
  const sizeKey = JSON.stringify([options.canvasSize, options.fixedCanvas]);
  useEffect(() => {
    if (first.current) return;
    doc.options = { ...doc.options, canvasSize: options.canvasSize, fixedCanvas: options.fixedCanvas };
    if (!doc.touched) model.quietly(() => doc.reset(doc.options));
  }, [sizeKey]);
  useEffect(() => void (first.current = false), []);

  const afterBackground = (): void => {
    setTool(palette ? "draw" : props.eraser ? "erase" : "image");
    setSubtool(null);
    view.fit(doc.width, doc.height);
  };

  /** A picture from a file, the clipboard or the webcam becomes the background (Gradio's `upload`). */
  async function addBackground(blob: Blob, name: string): Promise<void> {
    const file = blob instanceof File ? blob : new File([blob], name, { type: blob.type || "image/png" });
    const reason = refusal([file], ["image"], store.config?.max_file_size);
    if (reason) return store.addToast("error", reason, "Upload refused", 10);
    try {
      doc.setPicture(await pictureOfFile(file));
    } catch (err) {
      return store.addToast("error", `Cannot read ${file.name} as an image: ${errorText(err)}`, "Error", 10);
    }
    afterBackground();
    trigger("upload");
  }

  function pickSubtool(next: Subtool | null): void {
    if (next === "upload") return input.current?.click();
    if (next === "paste") {
      clipboardImage().then(
        (blob) => addBackground(blob, "clipboard.png"),
        (err: unknown) => store.addToast("error", `Cannot paste: ${errorText(err)}`, "Error", 10),
      );
      return;
    }
    if (next === "crop" && doc.original) {
      const o = doc.original;
      const cropView = new View();
      cropView.setBox(view.width, view.height);
      const state: CropState = { view: cropView, rect: doc.cropRect ?? { x: 0, y: 0, w: o.w, h: o.h }, setRect: (rect) => setCrop({ ...state, rect }) };
      setCrop(state);
    }
    setSubtool(next);
  }

  function confirmCrop(): void {
    if (crop) doc.crop(crop.rect);
    setCrop(null);
    setSubtool(null);
  }

  function clearCanvas(): void {
    doc.reset();
    setCrop(null);
    setSubtool(null);
    setTool(firstTool(sources, !!palette, !!props.eraser));
    view.fit(doc.width, doc.height, true);
    trigger("clear");
  }

  async function download(): Promise<void> {
    try {
      const url = URL.createObjectURL(await model.compositePng());
      saveFile(url, "image.png");
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      store.addToast("error", `Unable to generate image to download: ${errorText(err)}`, "Error", 10);
    }
  }

  // Gradio's upload area: clicking the empty editor (Image tool, no background) opens the file chooser.
  const canClickUpload = tool === "image" && !doc.picture && !crop && subtool !== "webcam" && sources.includes("upload");
  const buttons = strings(props.buttons) ?? null;
  const showEmpty = tool === "image" && !doc.canUndo && !doc.picture && !crop && subtool !== "webcam";
  const style = { height: cssSize(props.height) ?? "450px", width: cssSize(props.width) };

  return (
    <div class="wb-image-editor">
      <BlockLabel show={props.show_label !== false} label={labelOf(props, "Image")} icon={<ImageIcon />} htmlFor={canClickUpload ? inputId : undefined} />
      <div
        data-testid="image"
        class={cx("image-container", dragging && "dragging", crop && "dark-bg")}
        style={style}
        aria-label="Click to upload or drop files"
        aria-dropeffect="copy"
        onClick={(e) => {
          if (canClickUpload && !(e.target as Element).closest(".toolbar-wrap, .icon-button-wrapper, .layers-wrap")) input.current?.click();
        }}
        onDragOver={(e) => {
          if (!sources.includes("upload")) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = sources.includes("upload") ? firstImage(e.dataTransfer?.files) : null;
          if (file) void addBackground(file, file.name);
        }}
      >
        <EditorCanvas doc={doc} view={view} tool={tool} subtool={subtool} brush={palette ? brush : null} eraserRadius={eraserRadius}
          crop={crop} />
        {crop ? (
          <div class="crop-confirm-button">
            <button type="button" class="confirm" aria-label="Confirm crop" onClick={(e) => (e.stopPropagation(), confirmCrop())}>Confirm crop</button>
            <button type="button" class="cancel" aria-label="Cancel crop" onClick={(e) => (e.stopPropagation(), setCrop(null), setSubtool(null))}>Cancel</button>
          </div>
        ) : (
          <>
            <Controls
              zoom={view.scale} canPan={view.canPan(doc.width, doc.height)} panning={tool === "pan"} canUndo={doc.canUndo} canRedo={doc.canRedo}
              download={buttons === null || buttons.includes("download")} apply={store.hasListener(id, "apply")}
              onDownload={download} onPan={() => setTool(tool === "pan" ? (palette ? "draw" : "image") : "pan")}
              onZoom={(z) => (z === "fit" ? view.fit(doc.width, doc.height) : view.zoomCentered(z, doc.width, doc.height))}
              onUndo={() => doc.undo()} onRedo={() => doc.redo()} onApply={() => trigger("apply")} onClear={clearCanvas}
            />
            <Toolbar
              tool={tool} subtool={subtool} sources={sources} transforms={transforms} hasPicture={!!doc.picture}
              palette={palette} customColors={!isRecord(props.brush) || props.brush.color_mode !== "fixed"} eraser={!!props.eraser}
              brush={brush} eraserRadius={eraserRadius}
              onTool={(t) => (setTool(t), setSubtool(null), setCrop(null))} onSubtool={pickSubtool} onBrush={setBrush} onEraserRadius={setEraserRadius}
            />
            {layerOptions.disabled ? null : (
              <LayersPanel
                layers={doc.layers} active={doc.activeId} allowAdd={layerOptions.allow_additional_layers}
                onSelect={(lid) => doc.selectLayer(lid)} onToggle={(lid) => doc.toggleLayer(lid)} onMove={(lid, d) => doc.moveLayer(lid, d)}
                onDelete={(lid) => doc.deleteLayer(lid)} onAdd={() => doc.addLayer()}
              />
            )}
          </>
        )}
        {subtool === "webcam" ? (
          <WebcamModal mirror={webcam.mirror !== false} constraints={isRecord(webcam.constraints) ? webcam.constraints : null}
            onCapture={(file) => void addBackground(file, "webcam.png")} onClose={() => setSubtool(null)} />
        ) : null}
        {showEmpty ? <EmptyPrompt sources={sources} brush={!!palette} placeholder={str(props.placeholder)} /> : null}
        <input ref={input} id={inputId} type="file" accept="image/*" class="hidden-file-input" aria-label="file upload" data-testid="file-upload"
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            const file = firstImage(el.files);
            el.value = "";
            if (file) void addBackground(file, file.name);
          }} />
      </div>
    </div>
  );
}

/** Gradio's prompt on an empty editor, or the app's placeholder ("# Heading" then a paragraph). */
function EmptyPrompt({ sources, brush, placeholder }: { sources: string[]; brush: boolean; placeholder?: string | null }) {
  const [heading, paragraph] = placeholder ? splitPlaceholder(placeholder) : [null, null];
  return (
    <div class="empty wrap">
      {sources.length ? (
        placeholder ? (
          <>
            {heading ? <h2>{heading}</h2> : null}
            {paragraph ? <p>{paragraph}</p> : null}
          </>
        ) : (
          <div>Upload an image</div>
        )
      ) : null}
      {sources.length && brush && !placeholder ? <div class="or">or</div> : null}
      {brush && !placeholder ? <div>select the draw tool to start</div> : null}
    </div>
  );
}

function splitPlaceholder(text: string): [string | null, string | null] {
  const trimmed = text.trim();
  const m = trimmed.match(/^#\s*(.+)$/m);
  if (!m) return [null, trimmed || null];
  const rest = (trimmed.slice(0, m.index) + trimmed.slice((m.index ?? 0) + m[0].length)).trim();
  return [(m[1] ?? "").trim(), rest || null];
}
