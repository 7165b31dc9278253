// The editor's left toolbar, as Gradio lays it out: tools (Image, Brush, Erase) above, the current tool's
// options below (Upload/Paste/Webcam or Crop/Resize; Color and Brush Size; Eraser Size), with the brush's
// palette, color picker and size slider in a popup that closes on a click outside it.

import { useEffect, useRef } from "preact/hooks";
import type { BrushColor } from "./image_editor-color";
import { cssOf } from "./image_editor-color";
import type { BrushChoice, Subtool, Tool } from "./image_editor-canvas";
import {
  BrushIcon, CropIcon, EraseIcon, IconButton, ImageIcon, PasteIcon, ResizeIcon, SizeIcon, UploadIcon, WebcamIcon,
} from "./image_editor-icons";

interface Props {
  tool: Tool;
  subtool: Subtool | null;
  sources: string[];
  transforms: string[];
  hasPicture: boolean;
  /** The palette, or null when there is no brush tool. */
  palette: BrushColor[] | null;
  /** color_mode "defaults": any color may be picked besides the palette. */
  customColors: boolean;
  eraser: boolean;
  brush: BrushChoice;
  eraserRadius: number;
  onTool(tool: Tool): void;
  onSubtool(subtool: Subtool | null): void;
  onBrush(brush: BrushChoice): void;
  onEraserRadius(radius: number): void;
}

export function Toolbar(p: Props) {
  const canEditImage = p.sources.length > 0 || (p.hasPicture && p.transforms.length > 0);
  const sub = (s: Subtool) => () => p.onSubtool(p.subtool === s ? null : s);
  const hideRight = p.tool === "pan" || (p.tool === "image" && (p.hasPicture ? !p.transforms.length : !p.sources.length));
  const options = p.tool === "draw" && p.palette && (p.subtool === "color" || p.subtool === "size")
    ? (p.subtool === "color" ? "color" : "size")
    : p.tool === "erase" && p.subtool === "size" ? "eraser" : null;
  return (
    <div class="toolbar-wrap" onClick={(e) => e.stopPropagation()}>
      <div class="half-container">
        {canEditImage ? <IconButton label="Image" selected={p.tool === "image"} onClick={() => p.onTool("image")}><ImageIcon /></IconButton> : null}
        {p.palette ? <IconButton label="Brush" selected={p.tool === "draw"} onClick={() => p.onTool("draw")}><BrushIcon /></IconButton> : null}
        {p.eraser ? <IconButton label="Erase" selected={p.tool === "erase"} onClick={() => p.onTool("erase")}><EraseIcon /></IconButton> : null}
      </div>
      <div class="half-container right" hidden={hideRight}>
        {p.tool === "image" && p.hasPicture ? (
          <>
            {p.transforms.includes("crop") ? <IconButton label="Crop" selected={p.subtool === "crop"} onClick={sub("crop")}><CropIcon /></IconButton> : null}
            {p.transforms.includes("resize") ? <IconButton label="Resize" selected={p.subtool === "size"} onClick={sub("size")}><ResizeIcon /></IconButton> : null}
          </>
        ) : p.tool === "image" ? (
          <>
            {p.sources.includes("upload") ? <IconButton label="Upload" onClick={() => p.onSubtool("upload")}><UploadIcon /></IconButton> : null}
            {p.sources.includes("clipboard") ? <IconButton label="Paste" onClick={() => p.onSubtool("paste")}><PasteIcon /></IconButton> : null}
            {p.sources.includes("webcam") ? <IconButton label="Webcam" selected={p.subtool === "webcam"} onClick={sub("webcam")}><WebcamIcon /></IconButton> : null}
          </>
        ) : null}
        {p.tool === "draw" && p.palette ? (
          <>
            <IconButton label="Color" selected={p.subtool === "color"} swatch={cssOf(p.brush.color)} onClick={sub("color")}>
              <span class="color-dot" />
            </IconButton>
            <IconButton label="Brush Size" selected={p.subtool === "size"} onClick={sub("size")}><SizeIcon /></IconButton>
          </>
        ) : null}
        {p.tool === "erase" && p.eraser ? (
          <IconButton label="Eraser Size" selected={p.subtool === "size"} onClick={sub("size")}><SizeIcon /></IconButton>
        ) : null}
        {options ? <BrushOptions {...p} show={options} /> : null}
      </div>
    </div>
  );
}

function BrushOptions(p: Props & { show: "color" | "size" | "eraser" }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const outside = (e: PointerEvent): void => {
      const target = e.target as Element | null;
      // The button that opened the popup toggles it itself.
      if (ref.current && !ref.current.contains(target) && !target?.closest?.(".toolbar-wrap .right .editor-button")) p.onSubtool(null);
    };
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, []);
  const { brush } = p;
  const same = (c: BrushColor): boolean => c.hex === brush.color.hex && Math.abs(c.opacity - brush.color.opacity) < 0.005;
  return (
    <div class="brush-options" ref={ref} role="dialog" aria-label={p.show === "color" ? "Color options" : "Size options"}>
      {p.show === "color" ? (
        <>
          <div class="swatches">
            {p.palette!.map((c, i) => (
              <button key={i} type="button" class={same(c) ? "swatch selected" : "swatch"} style={{ background: cssOf(c) }}
                aria-label={`Color ${i + 1}`} title={`${c.hex} ${Math.round(c.opacity * 100)}%`} aria-pressed={same(c)}
                onClick={() => p.onBrush({ ...brush, color: c })} />
            ))}
          </div>
          {p.customColors ? (
            <div class="custom-color">
              <label>
                <span>Color</span>
                <input type="color" aria-label="Custom color" value={brush.color.hex}
                  onInput={(e) => p.onBrush({ ...brush, color: { ...brush.color, hex: (e.currentTarget as HTMLInputElement).value } })} />
              </label>
              <label>
                <span>Opacity</span>
                <input type="range" aria-label="Opacity" min={0} max={100} step={1} value={Math.round(brush.color.opacity * 100)}
                  onInput={(e) => p.onBrush({ ...brush, color: { ...brush.color, opacity: Number((e.currentTarget as HTMLInputElement).value) / 100 } })} />
              </label>
            </div>
          ) : null}
        </>
      ) : (
        <label class="size">
          <SizeIcon />
          <input type="range" min={1} max={100} step={1}
            aria-label="Size"
            value={p.show === "size" ? brush.radius : p.eraserRadius}
            onInput={(e) => {
              const v = Number((e.currentTarget as HTMLInputElement).value);
              if (p.show === "size") p.onBrush({ ...brush, radius: v });
              else p.onEraserRadius(v);
            }} />
        </label>
      )}
    </div>
  );
}
