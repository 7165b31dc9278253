// Gradio 6's `buttons=` toolbar (its IconButtonWrapper): a component's built-in buttons by name ("copy",
// "fullscreen", …, drawn by the component) and the gr.Button entries, drawn here; clicking one fires that
// button's click listeners, as Gradio's custom_button_click does. Labels and classes follow Gradio's
// (CustomButton: class "custom-button", aria-label = the button's text) because users' tests click by name.

import type { ComponentChildren, RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AppStore } from "../client/store";
import { isRecord, list } from "./props";
import "./corner-buttons.css";

/** A gr.Button given in buttons=: Python sends its id, text and icon URL. */
export interface CustomButton {
  id: number;
  value: string | null;
  icon: string | null;
}

export interface ButtonList {
  /** Whether a built-in button is asked for (buttons=None sends the component's defaults from Python). */
  has(name: string): boolean;
  custom: CustomButton[];
}

/** props.buttons read as names and custom buttons (anything else dropped). */
export function readButtons(v: unknown): ButtonList {
  const items = list(v);
  const names = new Set(items.filter((b): b is string => typeof b === "string"));
  const custom = items
    .filter(isRecord)
    .filter((b) => typeof b.id === "number")
    .map((b) => ({
      id: b.id as number,
      value: typeof b.value === "string" ? b.value : b.value == null ? null : String(b.value),
      icon: typeof b.icon === "string" ? b.icon : null,
    }));
  return { has: (name) => names.has(name), custom };
}

/** The toolbar: built-in buttons (children) then the custom ones; nothing when both are empty. */
export function CornerButtons({ buttons, store, children, className }: { buttons: ButtonList; store: AppStore; children?: ComponentChildren; className?: string }) {
  if (!hasChild(children) && !buttons.custom.length) return null;
  return (
    <div class={`corner-buttons${className ? ` ${className}` : ""}`}>
      {children}
      {buttons.custom.map((b) => (
        <button
          key={b.id}
          type="button"
          class="custom-button"
          title={b.value ?? ""}
          aria-label={b.value || "Custom action"}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            store.trigger(b.id, "click", null);
          }}
        >
          {b.icon ? <img class="custom-button-icon" src={b.icon} alt="" /> : null}
          {b.value ? <span class="custom-button-label">{b.value}</span> : null}
        </button>
      ))}
    </div>
  );
}

const hasChild = (c: ComponentChildren): boolean =>
  Array.isArray(c) ? c.some(hasChild) : c !== null && c !== undefined && c !== false && c !== true && c !== "";

/** Gradio's copy button: "Copy" → "Copied" for a moment after a click. */
export function CopyButton({ text, onCopied, label = "Copy", copiedLabel = "Copied" }: { text: () => string; onCopied?: (text: string) => void; label?: string; copiedLabel?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <button
      type="button"
      class="icon-button copy-button"
      aria-label={copied ? copiedLabel : label}
      title={copied ? copiedLabel : label}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const value = text();
        navigator.clipboard?.writeText(value).catch(() => {});
        setCopied(true);
        onCopied?.(value);
      }}
    >
      <Glyph d={copied ? "M5 12l5 5L20 7" : "M8 8h12v12H8zM4 16V4h12"} />
    </button>
  );
}

/** Gradio's fullscreen toggle ("Fullscreen" / "Exit fullscreen mode") for the element `target` points at. */
export function FullscreenButton({ target }: { target: RefObject<HTMLElement> }) {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onChange = () => setFull(!!target.current && document.fullscreenElement === target.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [target]);
  const label = full ? "Exit fullscreen mode" : "Fullscreen";
  return (
    <button
      type="button"
      class="icon-button fullscreen-button"
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        else void target.current?.requestFullscreen().catch(() => {});
      }}
    >
      <Glyph d={full ? "M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" : "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"} />
    </button>
  );
}

/** A 16px stroke icon (text glyphs such as ⧉ are missing from many system fonts). */
export const Glyph = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);
