// gr.Number: <input type=number>, data-testid="number-input"; the value is a number or null.

import { BlockTitle, labelOf } from "../renderer/atoms";
import { domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import "./textbox.css";
import "./number.css";

export function NumberInput({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Number");
  const inputId = domId(store, id, "input");
  const disabled = props.interactive === false;
  const shown = value === null || value === undefined || (typeof value === "number" && !isFinite(value)) ? "" : String(value);
  return (
    <label class="wb-field container" for={inputId}>
      <BlockTitle show={props.show_label !== false} info={props.info}>
        {label}
      </BlockTitle>
      <input
        id={inputId}
        type="number"
        data-testid="number-input"
        aria-label={label}
        value={shown}
        min={props.minimum ?? undefined}
        max={props.maximum ?? undefined}
        step={props.step ?? "any"}
        placeholder={props.placeholder ?? undefined}
        disabled={disabled}
        onInput={(e) => {
          const el = e.currentTarget as HTMLInputElement;
          if (el.value === "") {
            // Empty, or mid-typing something not yet a number ("-"): only an empty box is null.
            if (!el.validity.badInput) setValue(null);
            return;
          }
          const n = el.valueAsNumber;
          if (!isNaN(n)) setValue(n);
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
