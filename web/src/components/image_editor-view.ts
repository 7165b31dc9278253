// Where the document sits on screen (zoom and pan, as Gradio's ZoomTool keeps them), and the handles of
// the crop and resize tools: hit-testing and dragging a rectangle by a corner, an edge or its inside.

import type { Rect } from "./image_editor-doc";

/** Gradio keeps 30 px around the canvas when it fits it to the box, and zooms up to 10×. */
const PAD = 30;
const MAX_ZOOM = 10;
const MIN_ZOOM = 0.02;

export class View {
  scale = 1;
  /** Screen position (CSS px, in the canvas element) of the document's top-left corner. */
  x = 0;
  y = 0;
  width = 0;
  height = 0;
  private listeners = new Set<() => void>();

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setBox(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  fitScale(w: number, h: number): number {
    const s = Math.min((this.width - 2 * PAD) / w, (this.height - 2 * PAD) / h);
    return Math.max(MIN_ZOOM, Number.isFinite(s) ? s : 1);
  }

  /** Fit the document in the box, centered; `atMostOne`: never enlarge (Gradio's first view). */
  fit(w: number, h: number, atMostOne = false): void {
    if (!this.width || !this.height) return;
    const s = this.fitScale(w, h);
    this.scale = atMostOne ? Math.min(1, s) : s;
    this.x = (this.width - w * this.scale) / 2;
    this.y = (this.height - h * this.scale) / 2;
    this.changed();
  }

  /** Zoom to `scale`, keeping the document point under screen point (cx, cy) where it is. */
  zoomAt(scale: number, cx: number, cy: number, w: number, h: number): void {
    const s = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
    this.x = cx - ((cx - this.x) / this.scale) * s;
    this.y = cy - ((cy - this.y) / this.scale) * s;
    this.scale = s;
    this.clamp(w, h);
    this.changed();
  }

  zoomCentered(scale: number, w: number, h: number): void {
    this.zoomAt(scale, this.width / 2, this.height / 2, w, h);
  }

  panBy(dx: number, dy: number, w: number, h: number): void {
    this.x += dx;
    this.y += dy;
    this.clamp(w, h);
    this.changed();
  }

  /** Whether the zoomed document overflows the box (Gradio enables Pan only then). */
  canPan(w: number, h: number): boolean {
    return w * this.scale > this.width - 2 * PAD + 0.5 || h * this.scale > this.height - 2 * PAD + 0.5;
  }

  toDoc(sx: number, sy: number): [number, number] {
    return [(sx - this.x) / this.scale, (sy - this.y) / this.scale];
  }

  toScreen(r: Rect): Rect {
    return { x: this.x + r.x * this.scale, y: this.y + r.y * this.scale, w: r.w * this.scale, h: r.h * this.scale };
  }

  /** A document smaller than the box stays centered; a larger one cannot leave a gap past its edges. */
  private clamp(w: number, h: number): void {
    const one = (pos: number, size: number, box: number): number => {
      const scaled = size * this.scale;
      if (scaled <= box - 2 * PAD) return (box - scaled) / 2;
      return Math.min(PAD, Math.max(box - PAD - scaled, pos));
    };
    this.x = one(this.x, w, this.width);
    this.y = one(this.y, h, this.height);
  }

  private changed(): void {
    this.listeners.forEach((fn) => fn());
  }
}

// ---- handles ----
/** Corners tl, tr, bl, br, then edges t, r, b, l, or the inside. */
export type Handle = "tl" | "tr" | "bl" | "br" | "t" | "r" | "b" | "l" | "move";
const CORNERS: Handle[] = ["tl", "tr", "bl", "br"];
const HIT = 10;

export function handlePoints(r: Rect): [Handle, number, number][] {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  return [
    ["tl", r.x, r.y], ["tr", r.x + r.w, r.y], ["bl", r.x, r.y + r.h], ["br", r.x + r.w, r.y + r.h],
    ["t", cx, r.y], ["r", r.x + r.w, cy], ["b", cx, r.y + r.h], ["l", r.x, cy],
  ];
}

/** Which handle of screen rectangle `r` is at (x, y), if any. */
export function hitHandle(r: Rect, x: number, y: number): Handle | null {
  for (const [handle, hx, hy] of handlePoints(r)) {
    if (Math.abs(x - hx) <= HIT && Math.abs(y - hy) <= HIT) return handle;
  }
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h ? "move" : null;
}

export const CURSORS: Record<Handle, string> = {
  tl: "nwse-resize", br: "nwse-resize", tr: "nesw-resize", bl: "nesw-resize",
  t: "ns-resize", b: "ns-resize", l: "ew-resize", r: "ew-resize", move: "move",
};

/**
 * `start` dragged by `handle` for (dx, dy) document pixels, kept inside `bounds`. Corners keep the aspect
 * ratio when `keepAspect` (Gradio's resize, unless Shift is held). `move` keeps the size; `cover`: a
 * rectangle larger than the bounds may move but must still cover them (Gradio's image dragging).
 */
export function dragRect(start: Rect, handle: Handle, dx: number, dy: number, bounds: Rect, keepAspect = false, min = 10): Rect {
  if (handle === "move") {
    const one = (pos: number, size: number, lo: number, span: number): number =>
      size > span ? Math.min(lo, Math.max(lo + span - size, pos)) : Math.max(lo, Math.min(lo + span - size, pos));
    return { ...start, x: one(start.x + dx, start.w, bounds.x, bounds.w), y: one(start.y + dy, start.h, bounds.y, bounds.h) };
  }
  let x0 = start.x;
  let y0 = start.y;
  let x1 = start.x + start.w;
  let y1 = start.y + start.h;
  const bx1 = bounds.x + bounds.w;
  const by1 = bounds.y + bounds.h;
  if (handle === "tl" || handle === "bl" || handle === "l") x0 = Math.max(bounds.x, Math.min(x1 - min, x0 + dx));
  if (handle === "tr" || handle === "br" || handle === "r") x1 = Math.min(bx1, Math.max(x0 + min, x1 + dx));
  if (handle === "tl" || handle === "tr" || handle === "t") y0 = Math.max(bounds.y, Math.min(y1 - min, y0 + dy));
  if (handle === "bl" || handle === "br" || handle === "b") y1 = Math.min(by1, Math.max(y0 + min, y1 + dy));
  if (keepAspect && CORNERS.includes(handle) && start.w > 0 && start.h > 0) {
    // The larger relative change wins, then both sides shrink together if that overflows the bounds.
    const ratio = start.w / start.h;
    let w = x1 - x0;
    let h = y1 - y0;
    if (w / start.w > h / start.h) h = w / ratio;
    else w = h * ratio;
    const left = handle === "tl" || handle === "bl";
    const top = handle === "tl" || handle === "tr";
    const roomW = left ? x1 - bounds.x : bx1 - x0;
    const roomH = top ? y1 - bounds.y : by1 - y0;
    const shrink = Math.min(1, roomW / w, roomH / h);
    w *= shrink;
    h *= shrink;
    if (left) x0 = x1 - w;
    else x1 = x0 + w;
    if (top) y0 = y1 - h;
    else y1 = y0 + h;
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
