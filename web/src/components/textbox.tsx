// gr.Textbox: <input> when lines and max_lines are both 1 (password, email, or max_lines=1), a growing
// <textarea> otherwise (Gradio's default one-line box is a textarea); Gradio's label structure and
// data-testid="textbox".

import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { CopyButton, CornerButtons, readButtons } from "../renderer/corner-buttons";
import { cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { isRecord, num, str } from "../renderer/props";
import "./textbox.css";

const LINE_PX = 20;

export function Textbox({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const lines = num(props.lines, 1);
  const maxLines = num(props.max_lines, props.type === "password" || props.type === "email" ? 1 : Math.max(lines, 20));
  const single = lines === 1 && maxLines === 1;
  const label = labelOf(props, "Textbox");
  const disabled = props.interactive === false;
  const text = value === null || value === undefined ? "" : String(value);
  const type = props.type === "password" || props.type === "email" ? props.type : "text";
  const inputId = domId(store, id, "input");
  const buttons = readButtons(props.buttons);
  useHtmlAttributes(ref, props.html_attributes, single); // `single` swaps <input> and <textarea>

  // Grow the textarea with its content between `lines` and `max_lines` rows (as Gradio does).
  useLayoutEffect(() => {
    const el = ref.current;
    if (single || !el || lines === maxLines) return;
    const cs = getComputedStyle(el);
    const pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom) + parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth);
    const lh = parseFloat(cs.lineHeight) || LINE_PX;
    el.style.height = "auto";
    const min = lh * lines + pad;
    const max = lh * maxLines + pad;
    el.style.height = `${Math.min(max, Math.max(min, el.scrollHeight + (cs.boxSizing === "border-box" ? parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth) : 0)))}px`;
    el.style.overflowY = el.scrollHeight > max ? "auto" : "hidden";
  }, [text, lines, maxLines, single]);

  // Autoscroll a growing output to the bottom, like Gradio.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!single && el && props.autoscroll !== false && disabled) el.scrollTop = el.scrollHeight;
  }, [text]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" || e.isComposing) return;
    if (e.shiftKey && lines > 1) {
      e.preventDefault();
      trigger("submit");
    } else if (!e.shiftKey && lines === 1 && maxLines >= 1) {
      e.preventDefault();
      trigger("submit");
    }
  };
  // Chromium fires `select` again for the same selection (e.g. when focus moves to a button): report a
  // selection once, until it or the text changes.
  const lastSelection = useRef("");
  const onInput = (e: Event) => {
    lastSelection.current = "";
    setValue((e.currentTarget as HTMLInputElement).value);
  };
  const onSelect = (e: Event) => {
    const t = e.currentTarget as HTMLInputElement;
    const start = t.selectionStart ?? 0;
    const end = t.selectionEnd ?? 0;
    const key = `${start}:${end}:${t.value}`;
    if (end > start && key !== lastSelection.current) {
      lastSelection.current = key;
      trigger("select", { value: t.value.substring(start, end), index: [start, end], selected: true });
    }
  };
  const common = {
    id: inputId,
    "data-testid": type === "password" ? "password" : "textbox",
    class: "scroll-hide",
    dir: (props.rtl ? "rtl" : "ltr") as "rtl" | "ltr",
    value: text,
    placeholder: str(props.placeholder),
    maxLength: typeof props.max_length === "number" ? props.max_length : undefined,
    disabled,
    autoFocus: !!props.autofocus,
    style: props.text_align ? { textAlign: str(props.text_align) } : undefined,
    onInput,
    onKeyDown,
    onFocus: () => trigger("focus"),
    onBlur: () => trigger("blur"),
    onSelect,
  };

  return (
    // The buttons sit outside the <label>, so the input's accessible name is just the label (and info).
    <div class="wb-field container">
      <label for={inputId} class="wb-field-label">
        <BlockTitle show={props.show_label !== false} info={str(props.info)}>
          {label}
        </BlockTitle>
      </label>
      {props.show_label !== false ? (
        <CornerButtons buttons={buttons} store={store}>
          {buttons.has("copy") ? <CopyButton text={() => text} onCopied={(value) => trigger("copy", { value })} /> : null}
        </CornerButtons>
      ) : null}
      <div class={cx("input-container", (props.submit_btn || props.stop_btn) && "with-buttons")}>
        {single ? (
          <input ref={ref} type={type} autoComplete={type === "email" ? "email" : type === "password" ? "current-password" : undefined} {...common} />
        ) : (
          <textarea ref={ref} rows={lines} {...common} />
        )}
        {props.submit_btn ? (
          <ActionButton kind="submit" text={buttonText(props.submit_btn)} disabled={disabled} onClick={() => trigger("submit")} />
        ) : null}
        {props.stop_btn ? <ActionButton kind="stop" text={buttonText(props.stop_btn)} disabled={false} onClick={() => trigger("stop")} /> : null}
      </div>
    </div>
  );
}

/**
 * html_attributes= (gr.InputHTMLAttributes) set on the <input>/<textarea> as HTML attributes (Python sends only
 * those set). Set with setAttribute, not as props: Chromium's `autocorrect` property is a boolean, so "off"
 * given as a prop would read as true.
 */
export function useHtmlAttributes(ref: RefObject<HTMLElement>, v: unknown, element: unknown = null): void {
  const key = JSON.stringify(v ?? null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !isRecord(v)) return;
    const set = Object.entries(v).filter(([name]) => HTML_ATTRIBUTES.includes(name));
    for (const [name, value] of set) el.setAttribute(name, String(value));
    return () => set.forEach(([name]) => el.removeAttribute(name));
  }, [key, element]);
}
const HTML_ATTRIBUTES = ["autocapitalize", "autocorrect", "spellcheck", "autocomplete", "tabindex", "enterkeyhint", "lang"];

/** submit_btn= / stop_btn=: True (an icon) or the button's text. */
const buttonText = (v: unknown): string | boolean => (typeof v === "string" ? v : v === true);

/** Gradio's submit/stop buttons inside the box: an icon when the prop is True, else its text. Like Gradio's,
 * they carry no aria-label (a spec's getByLabel("Submit") finds the chatbot's edit Submit alone), only
 * data-testid="submit-button" / "stop-button". */
function ActionButton({ kind, text, disabled, onClick }: { kind: "submit" | "stop"; text: string | boolean; disabled: boolean; onClick(): void }) {
  const iconOnly = text === true;
  return (
    <button
      type="button"
      class={cx(`${kind}-button`, !iconOnly && "padded-button")}
      data-testid={`${kind}-button`}
      disabled={disabled}
      onClick={(e) => {
        e.preventDefault();
        onClick();
      }}
    >
      {iconOnly ? (
        <svg viewBox="0 0 24 24" width={kind === "submit" ? 22 : 16} height={kind === "submit" ? 22 : 16} fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
          {kind === "submit" ? <path d="M5 12h13M13 6l6 6-6 6" /> : <rect x="5" y="5" width="14" height="14" rx="1" />}
        </svg>
      ) : (
        String(text)
      )}
    </button>
  );
}
