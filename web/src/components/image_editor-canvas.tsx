// The editor's one visible <canvas> (in Gradio's .pixi-target, which users' tests click): it shows the
// document through the View and turns pointer input into strokes, pans, and the crop and resize drags.

import { useEffect, useRef } from "preact/hooks";
import type { BrushColor } from "./image_editor-color";
import type { EditorDoc, Rect } from "./image_editor-doc";
import { Stroke } from "./image_editor-stroke";
import { CURSORS, type Handle, handlePoints, hitHandle, dragRect, type View } from "./image_editor-view";

export type Tool = "image" | "draw" | "erase" | "pan";
export type Subtool = "upload" | "paste" | "webcam" | "color" | "size" | "crop";

/** The brush's color (hex + opacity) and radius in canvas pixels. */
export interface BrushChoice {
  color: BrushColor;
  radius: number;
}

/** Crop mode: the uploaded picture, its own view, and the rectangle being chosen (in its pixels). */
export interface CropState {
  view: View;
  rect: Rect;
  setRect(rect: Rect): void;
}

interface Props {
  doc: EditorDoc;
  view: View;
  tool: Tool;
  subtool: Subtool | null;
  brush: BrushChoice | null;
  eraserRadius: number;
  crop: CropState | null;
}

type Drag =
  | { kind: "stroke"; stroke: Stroke }
  | { kind: "pan"; x: number; y: number }
  | { kind: "rect"; target: "resize" | "crop"; handle: Handle; start: Rect; x: number; y: number; draft: Rect };

export function EditorCanvas({ doc, view, tool, subtool, brush, eraserRadius, crop }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<Drag | null>(null);
  const pointer = useRef<[number, number] | null>(null);
  const frame = useRef(0);
  const size = useRef<[number, number]>([0, 0]);
  const live = useRef({ tool, subtool, brush, eraserRadius, crop });
  live.current = { tool, subtool, brush, eraserRadius, crop };

  const resizing = tool === "image" && subtool === "size" && !!doc.placement;
  const schedule = (): void => {
    if (!frame.current) frame.current = requestAnimationFrame(paint);
  };

  function paint(): void {
    frame.current = 0;
    const el = canvas.current;
    if (!el || !view.width || !view.height) return;
    const dpr = window.devicePixelRatio || 1;
    const [pw, ph] = [Math.round(view.width * dpr), Math.round(view.height * dpr)];
    if (el.width !== pw || el.height !== ph) [el.width, el.height] = [pw, ph];
    const ctx = el.getContext("2d")!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
    const { crop } = live.current;
    if (crop && doc.original) paintCrop(ctx, crop);
    else paintDoc(ctx);
    paintCursor(ctx);
  }

  function paintDoc(ctx: CanvasRenderingContext2D): void {
    const r = view.toScreen({ x: 0, y: 0, w: doc.width, h: doc.height });
    ctx.imageSmoothingEnabled = view.scale < 1; // zoomed in, pixels stay sharp (Gradio: NEAREST)
    ctx.save();
    ctx.shadowColor = "rgba(0, 0, 0, 0.25)";
    ctx.shadowBlur = 6;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.restore();
    const d = drag.current;
    if (d?.kind === "rect" && d.target === "resize" && doc.picture) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(r.x, r.y, r.w, r.h);
      ctx.clip();
      const p = view.toScreen(d.draft);
      ctx.drawImage(doc.picture.image, p.x, p.y, p.w, p.h);
      ctx.restore();
    } else {
      ctx.drawImage(doc.background(), r.x, r.y, r.w, r.h);
    }
    for (const layer of doc.layers) {
      if (!layer.visible) continue;
      ctx.drawImage(layer.canvas, r.x, r.y, r.w, r.h);
      if (d?.kind === "stroke" && d.stroke.layer.canvas === layer.canvas && d.stroke.scratch) {
        ctx.save();
        ctx.globalAlpha = d.stroke.opacity;
        ctx.drawImage(d.stroke.scratch, r.x, r.y, r.w, r.h);
        ctx.restore();
      }
    }
    if (live.current.tool === "image" && live.current.subtool === "size" && doc.placement) {
      paintHandles(ctx, view.toScreen(d?.kind === "rect" ? d.draft : doc.placement), "#000000");
    }
  }

  function paintCrop(ctx: CanvasRenderingContext2D, crop: CropState): void {
    const original = doc.original!;
    const cv = crop.view;
    const r = cv.toScreen({ x: 0, y: 0, w: original.w, h: original.h });
    const d = drag.current;
    const c = cv.toScreen(d?.kind === "rect" && d.target === "crop" ? d.draft : crop.rect);
    ctx.imageSmoothingEnabled = cv.scale < 1;
    ctx.drawImage(original.image, r.x, r.y, r.w, r.h);
    // Outside the crop darkened, as in Gradio's crop view.
    ctx.save();
    ctx.fillStyle = "rgba(0, 0, 0, 0.55)";
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.rect(c.x, c.y, c.w, c.h);
    ctx.fill("evenodd");
    ctx.restore();
    paintHandles(ctx, c, "#ffffff");
  }

  function paintHandles(ctx: CanvasRenderingContext2D, r: Rect, color: string): void {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    ctx.setLineDash([]);
    ctx.fillStyle = color;
    ctx.strokeStyle = color === "#ffffff" ? "#000000" : "#ffffff";
    for (const [, hx, hy] of handlePoints(r)) {
      ctx.fillRect(hx - 5, hy - 5, 10, 10);
      ctx.strokeRect(hx - 5, hy - 5, 10, 10);
    }
    ctx.restore();
  }

  /** Gradio's brush cursor: a circle of the brush's size where the pointer is. */
  function paintCursor(ctx: CanvasRenderingContext2D): void {
    const { tool: t, brush: b, eraserRadius: er, crop: c } = live.current;
    const at = pointer.current;
    if (!at || c || (t !== "draw" && t !== "erase")) return;
    const radius = (t === "draw" ? b?.radius ?? 0 : er) * view.scale;
    ctx.save();
    ctx.beginPath();
    ctx.arc(at[0], at[1], Math.max(1, radius), 0, Math.PI * 2);
    ctx.strokeStyle = "rgba(0, 0, 0, 0.8)";
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.strokeStyle = "rgba(255, 255, 255, 0.8)";
    ctx.lineWidth = 0.75;
    ctx.stroke();
    ctx.restore();
  }

  // The box's size: the view refits on every change, as Gradio does when the editor is shown or resized.
  useEffect(() => {
    const el = box.current!;
    const observer = new ResizeObserver(() => {
      const { width, height } = el.getBoundingClientRect();
      if (!width || !height || (width === size.current[0] && height === size.current[1])) return;
      const first = size.current[0] === 0;
      size.current = [width, height];
      view.setBox(width, height);
      live.current.crop?.view.setBox(width, height);
      view.fit(doc.width, doc.height, first && !doc.picture);
      schedule();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [doc, view]);

  // A new document size (upload, crop, undo of one, clear) refits it.
  const docSize = useRef<[number, number]>([doc.width, doc.height]);
  useEffect(() => {
    const unsubscribe = doc.subscribe(() => {
      if (docSize.current[0] !== doc.width || docSize.current[1] !== doc.height) {
        docSize.current = [doc.width, doc.height];
        view.fit(doc.width, doc.height);
      }
      schedule();
    });
    const unview = view.subscribe(schedule);
    return () => {
      unsubscribe();
      unview();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [doc, view]);

  useEffect(() => {
    if (!crop || !doc.original) return;
    crop.view.setBox(view.width, view.height);
    crop.view.fit(doc.original.w, doc.original.h);
    return crop.view.subscribe(schedule);
  }, [crop?.view]);
  useEffect(schedule, [tool, subtool, brush, eraserRadius, crop?.rect]);

  // Wheel: Alt/Meta zooms at the pointer, a plain wheel pans a canvas larger than the box (Gradio's zoom
  // tool); otherwise the page scrolls as usual. Registered by hand: a passive listener cannot prevent it.
  useEffect(() => {
    const el = canvas.current!;
    const onWheel = (e: WheelEvent): void => {
      if (live.current.crop) return;
      const [sx, sy] = local(e);
      if (e.altKey || e.metaKey || e.ctrlKey) {
        e.preventDefault();
        view.zoomAt(view.scale * (1 - e.deltaY * 0.002), sx, sy, doc.width, doc.height);
      } else if (view.canPan(doc.width, doc.height)) {
        e.preventDefault();
        view.panBy(-e.deltaX, -e.deltaY, doc.width, doc.height);
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [doc, view]);

  function local(e: { clientX: number; clientY: number }): [number, number] {
    const rect = canvas.current!.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  function onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const [sx, sy] = local(e);
    const { tool: t, brush: b, eraserRadius: er, crop: c } = live.current;
    let next: Drag | null = null;
    if (c && doc.original) {
      const handle = hitHandle(c.view.toScreen(c.rect), sx, sy);
      if (handle) next = { kind: "rect", target: "crop", handle, start: { ...c.rect }, x: sx, y: sy, draft: { ...c.rect } };
    } else if ((t === "draw" && b) || t === "erase") {
      const layer = doc.activeLayer;
      if (!layer) return;
      const stroke = t === "draw" ? new Stroke(layer, "draw", b!.radius, b!.color.hex, b!.color.opacity) : new Stroke(layer, "erase", er, "#000", 1);
      stroke.to(...view.toDoc(sx, sy));
      next = { kind: "stroke", stroke };
    } else if (t === "pan") {
      next = { kind: "pan", x: sx, y: sy };
    } else if (resizing && doc.placement) {
      const handle = hitHandle(view.toScreen(doc.placement), sx, sy);
      if (handle) next = { kind: "rect", target: "resize", handle, start: { ...doc.placement }, x: sx, y: sy, draft: { ...doc.placement } };
    }
    if (!next) return;
    e.preventDefault();
    canvas.current!.setPointerCapture(e.pointerId);
    drag.current = next;
    schedule();
  }

  function onPointerMove(e: PointerEvent): void {
    const [sx, sy] = local(e);
    pointer.current = e.pointerType === "touch" ? null : [sx, sy];
    const d = drag.current;
    if (d?.kind === "stroke") {
      // Coalesced events keep a fast stroke smooth (the browser batches moves per frame).
      const events = e.getCoalescedEvents?.() ?? [e];
      for (const ev of events.length ? events : [e]) d.stroke.to(...view.toDoc(...local(ev)));
    } else if (d?.kind === "pan") {
      view.panBy(sx - d.x, sy - d.y, doc.width, doc.height);
      [d.x, d.y] = [sx, sy];
    } else if (d?.kind === "rect") {
      const v = d.target === "crop" ? live.current.crop!.view : view;
      const bounds = d.target === "crop"
        ? { x: 0, y: 0, w: doc.original!.w, h: doc.original!.h }
        : { x: 0, y: 0, w: doc.width, h: doc.height };
      d.draft = dragRect(d.start, d.handle, (sx - d.x) / v.scale, (sy - d.y) / v.scale, bounds, d.target === "resize" && !e.shiftKey);
    }
    updateCursor(sx, sy);
    schedule();
  }

  function onPointerUp(): void {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.kind === "stroke") {
      const command = d.stroke.finish();
      if (command) {
        doc.touched = true;
        doc.record(command);
      }
    } else if (d.kind === "rect" && d.target === "resize") {
      doc.placePicture(d.draft);
    } else if (d.kind === "rect" && d.target === "crop") {
      live.current.crop?.setRect(d.draft);
    }
    schedule();
  }

  function updateCursor(sx: number, sy: number): void {
    const el = canvas.current!;
    const { tool: t, crop: c } = live.current;
    let cursor = t === "draw" || t === "erase" ? "none" : t === "pan" ? "grab" : "";
    const handle = c ? hitHandle(c.view.toScreen(c.rect), sx, sy) : resizing && doc.placement ? hitHandle(view.toScreen(doc.placement), sx, sy) : null;
    if (handle) cursor = CURSORS[handle];
    if (el.style.cursor !== cursor) el.style.cursor = cursor;
  }

  return (
    <div class="pixi-target" ref={box}>
      <canvas
        ref={canvas}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => {
          pointer.current = null;
          schedule();
        }}
      />
    </div>
  );
}
