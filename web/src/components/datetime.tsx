// gr.DateTime: a text field holding "YYYY-MM-DD[ HH:MM:SS]" (or "now - 1h"), committed on Enter or blur,
// plus a calendar button that opens the browser's date picker — Gradio's layout and behaviour.

import { useEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { str } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./datetime.css";

const pad = (n: number) => String(n).padStart(2, "0");

function formatDate(d: Date, withTime: boolean): string {
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return withTime ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : date;
}

function isValid(text: string, withTime: boolean): boolean {
  if (/^\s*now\s*(-\s*\d+\s*[dmhs])?\s*$/.test(text)) return true;
  return (withTime ? /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/ : /^\d{4}-\d{2}-\d{2}$/).test(text.trim());
}

export function DateTime({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Date"); // Gradio's DateTime shows "Date" when label is None
  const withTime = props.include_time !== false;
  const disabled = props.interactive === false;
  const current = value == null ? "" : String(value);
  const [text, setText] = useState(current);
  const picker = useRef<HTMLInputElement>(null);
  const inputId = domId(store, id, "input");
  useEffect(() => setText(current), [current]);

  const commit = (t: string) => {
    if (t === current || !isValid(t, withTime)) return;
    setValue(t.trim());
  };

  return (
    <div class="wb-datetime">
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <label for={inputId}>
        <BlockTitle show={props.show_label !== false} info={str(props.info)}>
          {label}
        </BlockTitle>
      </label>
      <div class="timebox">
        <input
          id={inputId}
          class={cx("time", !isValid(text, withTime) && text !== "" && "invalid")}
          data-testid="datetime"
          value={text}
          placeholder={withTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD"}
          disabled={disabled}
          aria-invalid={text !== "" && !isValid(text, withTime)}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          onBlur={() => commit(text)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit(text);
              trigger("submit");
            }
          }}
        />
        <input
          ref={picker}
          type={withTime ? "datetime-local" : "date"}
          class="datetime-native"
          step="1"
          tabIndex={-1}
          aria-hidden="true"
          disabled={disabled}
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            if (!raw) return;
            const t = formatDate(new Date(raw), withTime);
            setText(t);
            commit(t);
          }}
        />
        <button
          type="button"
          class="calendar"
          aria-label="Open date picker"
          disabled={disabled}
          onClick={() => {
            try {
              picker.current?.showPicker();
            } catch {
              picker.current?.focus();
            }
          }}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
            <rect x="3" y="4" width="18" height="18" rx="2" />
            <line x1="16" y1="2" x2="16" y2="6" />
            <line x1="8" y1="2" x2="8" y2="6" />
            <line x1="3" y1="10" x2="21" y2="10" />
          </svg>
        </button>
      </div>
    </div>
  );
}
