// gr.Checkbox: a native checkbox inside its <label> (data-testid="checkbox"), like Gradio.

import { BlockTitle, labelOf } from "../renderer/atoms";
import { domId } from "../renderer/hooks";
import { str } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./checkbox.css";

export function Checkbox({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Checkbox");
  const disabled = props.interactive === false;
  const inputId = domId(store, id, "input");
  return (
    <div class="wb-checkbox">
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      {props.info ? <BlockTitle show={false} info={str(props.info)}>{label}</BlockTitle> : null}
      <label class={disabled ? "checkbox-label disabled" : "checkbox-label"} for={inputId}>
        <input
          id={inputId}
          type="checkbox"
          name="test"
          data-testid="checkbox"
          checked={!!value}
          disabled={disabled}
          onChange={(e) => {
            const checked = (e.currentTarget as HTMLInputElement).checked;
            setValue(checked);
            trigger("select", { index: 0, value: checked, selected: checked });
          }}
        />
        <span class={props.show_label === false ? "sr-only" : undefined}>{label}</span>
      </label>
    </div>
  );
}
