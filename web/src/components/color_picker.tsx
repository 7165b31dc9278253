// gr.ColorPicker: a swatch button named by the label (as in Gradio 6) that opens a small dialog with the
// browser's colour input, a text field (Hex / RGB / HSL) and mode buttons. The value is "#rrggbb".

import { useEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { str } from "../renderer/props";
import "./color_picker.css";

type Mode = "hex" | "rgb" | "hsl";

/** Any CSS colour the browser understands → "#rrggbb", or null. */
export function toHex(text: string): string | null {
  const t = text.trim();
  if (/^#[0-9a-f]{3}$/i.test(t)) return ("#" + [...t.slice(1)].map((c) => c + c).join("")).toLowerCase();
  if (/^#[0-9a-f]{6}$/i.test(t)) return t.toLowerCase();
  const probe = document.createElement("span");
  probe.style.color = "";
  probe.style.color = t;
  if (!probe.style.color) return null;
  document.body.appendChild(probe);
  const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
  probe.remove();
  if (!rgb || rgb.length < 3) return null;
  return "#" + rgb.slice(0, 3).map((n) => Math.round(Number(n)).toString(16).padStart(2, "0")).join("");
}

function format(hex: string, mode: Mode): string {
  if (mode === "hex") return hex;
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  if (mode === "rgb") return `rgb(${r}, ${g}, ${b})`;
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  let h = 0;
  let s = 0;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === rr ? (gg - bb) / d + (gg < bb ? 6 : 0) : max === gg ? (bb - rr) / d + 2 : (rr - gg) / d + 4;
    h *= 60;
  }
  return `hsl(${Math.round(h)}, ${Math.round(s * 100)}%, ${Math.round(l * 100)}%)`;
}

export function ColorPicker({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Color Picker");
  const disabled = props.interactive === false;
  const hex = typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : "#000000";
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>("hex");
  const [text, setText] = useState(format(hex, "hex"));
  const wrap = useRef<HTMLDivElement>(null);
  const dialogId = domId(store, id, "picker");

  useEffect(() => setText(format(hex, mode)), [hex, mode]);
  // `release` when the native picker closes: a native listener, because preact/compat turns onChange on
  // an <input type="color"> into onInput.
  const native = useRef<HTMLInputElement>(null);
  const live = useRef(trigger);
  live.current = trigger;
  useEffect(() => {
    const el = native.current;
    if (!el) return;
    const onChange = () => live.current("release", el.value.toLowerCase());
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, [open]);
  // Close on a click outside the picker (Gradio does the same).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const commitText = () => {
    const parsed = toHex(text);
    if (parsed && parsed !== value) {
      setValue(parsed);
      trigger("release", parsed);
    } else if (!parsed) setText(format(hex, mode));
  };

  return (
    <div class="wb-colorpicker" ref={wrap}>
      <BlockTitle show={props.show_label !== false} info={str(props.info)}>
        {label}
      </BlockTitle>
      <button
        type="button"
        class="swatch"
        aria-label={label}
        aria-expanded={open}
        aria-controls={dialogId}
        data-testid="colorpicker"
        data-value={hex}
        disabled={disabled}
        style={{ background: hex }}
        onClick={() => setOpen(!open)}
        onFocus={() => trigger("focus")}
        onBlur={() => trigger("blur")}
      />
      {open && !disabled ? (
        <div class="picker" id={dialogId} role="dialog" aria-label={`${label} picker`}>
          <input
            ref={native}
            type="color"
            aria-label="Colour"
            value={hex}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value.toLowerCase())}
          />
          <input
            type="text"
            class="color-text"
            aria-label={`${label} value`}
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            onBlur={commitText}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                commitText();
                trigger("submit");
              }
            }}
          />
          <div class="modes" role="group" aria-label="Format">
            {(["hex", "rgb", "hsl"] as Mode[]).map((m) => (
              <button key={m} type="button" class={cx("mode", m === mode && "selected")} aria-pressed={m === mode} onClick={() => setMode(m)}>
                {m === "hex" ? "Hex" : m.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
