// One brush or eraser stroke on a layer. The brush paints opaque into a scratch canvas that is laid on the
// layer at the stroke's opacity when it ends, so overlapping segments do not darken (a translucent brush
// looks even, as in Gradio). The eraser cuts the layer directly. Undo keeps only the touched rectangle.

import { type Command, type Layer, context, makeCanvas, type Rect } from "./image_editor-doc";

export type StrokeMode = "draw" | "erase";

export class Stroke {
  /** The brush's paint so far (null for the eraser); the view draws it over the layer while drawing. */
  readonly scratch: HTMLCanvasElement | null;
  private before: HTMLCanvasElement;
  private box: Rect | null = null;
  private last: [number, number] | null = null;

  constructor(
    readonly layer: Layer,
    readonly mode: StrokeMode,
    private radius: number,
    private color: string,
    readonly opacity: number,
  ) {
    const { width, height } = layer.canvas;
    this.before = makeCanvas(width, height);
    context(this.before).drawImage(layer.canvas, 0, 0);
    this.scratch = mode === "draw" ? makeCanvas(width, height) : null;
  }

  /** Extend the stroke to (x, y) in canvas pixels (the first point draws a dot). */
  to(x: number, y: number): void {
    const from = this.last ?? [x, y];
    this.last = [x, y];
    const ctx = context(this.scratch ?? this.layer.canvas);
    ctx.save();
    if (this.mode === "erase") ctx.globalCompositeOperation = "destination-out";
    ctx.strokeStyle = ctx.fillStyle = this.mode === "erase" ? "#000" : this.color;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.lineWidth = this.radius * 2;
    ctx.beginPath();
    if (from[0] === x && from[1] === y) {
      ctx.arc(x, y, this.radius, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.moveTo(from[0], from[1]);
      ctx.lineTo(x, y);
      ctx.stroke();
    }
    ctx.restore();
    this.grow(from[0], from[1]);
    this.grow(x, y);
  }

  /** Lay the paint on the layer; the undo step, or null when nothing was touched. */
  finish(): Command | null {
    if (this.scratch) {
      const ctx = context(this.layer.canvas);
      ctx.save();
      ctx.globalAlpha = this.opacity;
      ctx.drawImage(this.scratch, 0, 0);
      ctx.restore();
    }
    const box = this.box;
    if (!box) return null;
    const canvas = this.layer.canvas;
    const ctx = context(canvas);
    const before = context(this.before).getImageData(box.x, box.y, box.w, box.h);
    const after = ctx.getImageData(box.x, box.y, box.w, box.h);
    return {
      undo: () => ctx.putImageData(before, box.x, box.y),
      redo: () => ctx.putImageData(after, box.x, box.y),
    };
  }

  /** The touched rectangle, clipped to the layer and grown by the brush radius (whole pixels). */
  private grow(x: number, y: number): void {
    const { width, height } = this.layer.canvas;
    const r = this.radius + 2;
    const x0 = Math.max(0, Math.floor(x - r));
    const y0 = Math.max(0, Math.floor(y - r));
    const x1 = Math.min(width, Math.ceil(x + r));
    const y1 = Math.min(height, Math.ceil(y + r));
    if (x1 <= x0 || y1 <= y0) return;
    if (!this.box) {
      this.box = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
      return;
    }
    const bx1 = Math.max(this.box.x + this.box.w, x1);
    const by1 = Math.max(this.box.y + this.box.h, y1);
    this.box.x = Math.min(this.box.x, x0);
    this.box.y = Math.min(this.box.y, y0);
    this.box.w = bx1 - this.box.x;
    this.box.h = by1 - this.box.y;
  }
}
