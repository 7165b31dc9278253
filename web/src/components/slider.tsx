// gr.Slider: a range input plus a number box (data-testid="number-input") and a reset button, as in Gradio.

import { useEffect, useRef } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { str } from "../renderer/props";
import { readButtons } from "../renderer/corner-buttons";
import "./slider.css";

export function Slider({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Slider");
  const rangeId = domId(store, id, "range");
  const disabled = props.interactive === false;
  const min = typeof props.minimum === "number" ? props.minimum : 0;
  const max = typeof props.maximum === "number" ? props.maximum : 100;
  const step = typeof props.step === "number" && props.step > 0 ? props.step : 1;
  const initial = useRef(value);
  const v = typeof value === "number" && isFinite(value) ? value : min;
  const pct = max > min ? Math.min(100, Math.max(0, ((v - min) / (max - min)) * 100)) : 0;
  const lastRelease = useRef(0);
  // Released by pointer (pointerup) or keyboard (change); one release per gesture.
  const release = (e: Event) => {
    const now = performance.now();
    if (now - lastRelease.current < 150) return;
    lastRelease.current = now;
    const n = (e.currentTarget as HTMLInputElement).valueAsNumber;
    trigger("release", isNaN(n) ? v : n);
  };
  // A native listener: preact/compat turns onChange on a range input into onInput, which would fire
  // `release` on every step of a drag (and before the value is stored).
  const rangeRef = useRef<HTMLInputElement>(null);
  const releaseRef = useRef(release);
  releaseRef.current = release;
  useEffect(() => {
    const el = rangeRef.current;
    if (!el) return;
    const onChange = (e: Event) => releaseRef.current(e);
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, []);
  const fromInput = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    const n = el.valueAsNumber;
    if (!isNaN(n)) setValue(n);
  };
  return (
    <div class="wb-slider wrap">
      <div class="head">
        <label for={rangeId}>
          <BlockTitle show={props.show_label !== false} info={str(props.info)}>
            {label}
          </BlockTitle>
        </label>
        <div class="tab-like-container">
          <input
            type="number"
            data-testid="number-input"
            aria-label={`number input for ${label}`}
            value={String(v)}
            min={min}
            max={max}
            step={step}
            disabled={disabled}
            onInput={fromInput}
            onBlur={(e) => {
              const el = e.currentTarget as HTMLInputElement;
              const n = el.valueAsNumber;
              const clamped = isNaN(n) ? v : Math.min(max, Math.max(min, n));
              if (clamped !== value) setValue(clamped);
              el.value = String(clamped);
              trigger("release", clamped);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") (e.currentTarget as HTMLInputElement).blur();
            }}
          />
          {readButtons(props.buttons).has("reset") ? (
            <button
              type="button"
              class="reset-button"
              aria-label="Reset to default value"
              data-testid="reset-button"
              disabled={disabled}
              onClick={() => {
                setValue(initial.current);
                trigger("release", initial.current);
              }}
            >
              ↺
            </button>
          ) : null}
        </div>
      </div>
      <div class="slider_input_container">
        <span class="min_value">{min}</span>
        <input
          type="range"
          id={rangeId}
          name="cowbell"
          aria-label={`range slider for ${label}`}
          value={String(v)}
          min={min}
          max={max}
          step={step}
          disabled={disabled}
          style={{ "--range_progress": `${pct}%` }}
          ref={rangeRef}
          onInput={fromInput}
          onPointerUp={release}
        />
        <span class="max_value">{max}</span>
      </div>
    </div>
  );
}
