// The editor's top-right controls, in Gradio's order and with its labels: Download, Pan, Zoom out, Zoom in,
// the zoom level (a menu: Fit to screen, 25 %…400 %), Undo, Redo, Save changes (only when the app listens
// to `apply`) and Clear canvas.

import { useEffect, useRef, useState } from "preact/hooks";
import {
  CheckIcon, DownloadIcon, IconButton, PanIcon, RedoIcon, TrashIcon, UndoIcon, ZoomInIcon, ZoomOutIcon,
} from "./image_editor-icons";

const ZOOMS = [0.25, 0.5, 1, 2, 4];

interface Props {
  zoom: number;
  canPan: boolean;
  panning: boolean;
  canUndo: boolean;
  canRedo: boolean;
  download: boolean;
  apply: boolean;
  onDownload(): void;
  onPan(): void;
  onZoom(level: number | "fit"): void;
  onUndo(): void;
  onRedo(): void;
  onApply(): void;
  onClear(): void;
}

export function Controls(p: Props) {
  const [menu, setMenu] = useState(false);
  const step = (z: number): number => (z < 1 ? 0.1 : z * 0.1); // Gradio's zoom steps
  return (
    <div class="icon-button-wrapper" onClick={(e) => e.stopPropagation()}>
      {p.download ? <IconButton label="Download" onClick={p.onDownload}><DownloadIcon /></IconButton> : null}
      <IconButton label="Pan" selected={p.panning} disabled={!p.canPan} onClick={p.onPan}><PanIcon /></IconButton>
      <IconButton label="Zoom out" onClick={() => p.onZoom(p.zoom - step(p.zoom))}><ZoomOutIcon /></IconButton>
      <IconButton label="Zoom in" onClick={() => p.onZoom(p.zoom + step(p.zoom))}><ZoomInIcon /></IconButton>
      <div class="zoom-number">
        <button type="button" aria-label="Zoom level" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)}>
          {Math.round(p.zoom * 100)}%
        </button>
        {menu ? <ZoomMenu onPick={(z) => (setMenu(false), p.onZoom(z))} onClose={() => setMenu(false)} /> : null}
      </div>
      <div class="separator" />
      <IconButton label="Undo" disabled={!p.canUndo} onClick={p.onUndo}><UndoIcon /></IconButton>
      <IconButton label="Redo" disabled={!p.canRedo} onClick={p.onRedo}><RedoIcon /></IconButton>
      {p.apply ? <IconButton label="Save changes" onClick={p.onApply}><CheckIcon /></IconButton> : null}
      <IconButton label="Clear canvas" onClick={p.onClear}><TrashIcon /></IconButton>
    </div>
  );
}

function ZoomMenu({ onPick, onClose }: { onPick(z: number | "fit"): void; onClose(): void }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const outside = (e: PointerEvent): void => {
      if (!ref.current?.parentElement?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, []);
  return (
    <ul class="zoom-controls" role="menu" ref={ref}>
      <li><button type="button" role="menuitem" onClick={() => onPick("fit")}>Fit to screen</button></li>
      {ZOOMS.map((z) => (
        <li key={z}><button type="button" role="menuitem" onClick={() => onPick(z)}>{z * 100}%</button></li>
      ))}
    </ul>
  );
}
