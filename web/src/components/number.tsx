// gr.Number: <input type=number>, data-testid="number-input"; the value is a number or null.
//
// The field never rewrites what the user is typing. Written back as String(value), "-0" would become "0"
// and "1e1" would become "10" mid-typing (and "-0.5" would end as 0.5), so the input is uncontrolled: the
// text is replaced only when the value changes to something other than what the text itself means (an
// update from Python). As in Gradio, text that is not a number yet ("-", "1e", "1e-") sends null, and the
// field shows its error state (aria-invalid, the out-of-range border) until it is a number again.

import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { num, str } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./textbox.css";
import "./number.css";

/** What the text means: a number, null for an empty box, NaN for text that is not a number ("1e"). */
function parsed(el: HTMLInputElement): number | null {
  if (el.value === "") return el.validity.badInput ? NaN : null;
  return el.valueAsNumber;
}

const textOf = (value: unknown) => (typeof value === "number" && isFinite(value) ? String(value) : "");
const sameNumber = (a: unknown, b: unknown) => (a ?? null) === (b ?? null); // -0 === 0: "-0" stays
const isInvalid = (el: HTMLInputElement) => el.validity.badInput || el.validity.rangeUnderflow || el.validity.rangeOverflow;

export function NumberInput({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Number");
  const inputId = domId(store, id, "input");
  const disabled = props.interactive === false;
  const input = useRef<HTMLInputElement>(null);
  // The value this field's own text last produced; while the store holds it, the text stays as typed.
  const sent = useRef<{ value: number | null } | null>(null);
  const [invalid, setInvalid] = useState(false);

  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    if (!sent.current || !sameNumber(sent.current.value, value)) {
      sent.current = null;
      el.value = textOf(value);
    }
    setInvalid(isInvalid(el));
  }, [value, props.minimum, props.maximum]);

  return (
    <label class="wb-field container" for={inputId}>
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockTitle show={props.show_label !== false} info={str(props.info)}>
        {label}
      </BlockTitle>
      <input
        ref={input}
        id={inputId}
        type="number"
        data-testid="number-input"
        aria-label={label}
        aria-invalid={invalid ? "true" : undefined}
        min={num(props.minimum)}
        max={num(props.maximum)}
        step={num(props.step) ?? "any"}
        placeholder={str(props.placeholder)}
        disabled={disabled}
        onInput={(e) => {
          const el = e.currentTarget as HTMLInputElement;
          const n = parsed(el);
          const next = Number.isNaN(n) ? null : n;
          setInvalid(isInvalid(el));
          sent.current = { value: next };
          setValue(next);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.isComposing) {
            e.preventDefault();
            trigger("submit");
          }
        }}
        onFocus={() => trigger("focus")}
        onBlur={() => trigger("blur")}
      />
    </label>
  );
}
