// The layers panel in the editor's bottom-right corner (Gradio's Layers): a "Show Layers" button naming the
// current layer, and a list to select, hide, reorder and delete layers, and to add one.

import { useEffect, useRef, useState } from "preact/hooks";
import type { Layer } from "./image_editor-doc";
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, EyeIcon, EyeOffIcon, IconButton, LayersIcon, PlusIcon } from "./image_editor-icons";

interface Props {
  layers: readonly Layer[];
  active: string;
  allowAdd: boolean;
  onSelect(id: string): void;
  onToggle(id: string): void;
  onMove(id: string, direction: "up" | "down"): void;
  onDelete(id: string): void;
  onAdd(): void;
}

export function LayersPanel(p: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent): void => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, [open]);
  const activeName = p.layers.find((l) => l.id === p.active)?.name ?? "";
  const many = p.layers.length > 1;
  return (
    <div class="layers-wrap" ref={ref} onClick={(e) => e.stopPropagation()}>
      <button type="button" class="layer-title-button" aria-label="Show Layers" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Layers" : activeName}
        <span class="icon"><LayersIcon /></span>
      </button>
      {open ? (
        <ul>
          {p.layers.map((layer, i) => (
            <li key={layer.id}>
              <IconButton label={`${layer.visible ? "Hide" : "Show"} ${layer.name}`} onClick={() => p.onToggle(layer.id)}>
                {layer.visible ? <EyeIcon /> : <EyeOffIcon />}
              </IconButton>
              <button type="button" class={layer.id === p.active ? "layer-name selected_layer" : "layer-name"}
                aria-label={`layer-${i + 1}`} aria-current={layer.id === p.active || undefined}
                onClick={() => (p.onSelect(layer.id), setOpen(false))}>
                {layer.name}
              </button>
              {many ? (
                <span class="layer-actions">
                  {i > 0 ? <IconButton label={`Move ${layer.name} up`} onClick={() => p.onMove(layer.id, "up")}><ArrowUpIcon /></IconButton> : null}
                  {i < p.layers.length - 1 ? (
                    <IconButton label={`Move ${layer.name} down`} onClick={() => p.onMove(layer.id, "down")}><ArrowDownIcon /></IconButton>
                  ) : null}
                  {layer.userCreated ? <IconButton label={`Delete ${layer.name}`} onClick={() => p.onDelete(layer.id)}><CloseIcon /></IconButton> : null}
                </span>
              ) : null}
            </li>
          ))}
          {p.allowAdd ? (
            <li class="add-layer">
              <IconButton label="Add Layer" onClick={p.onAdd}><PlusIcon /></IconButton>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
