// gr.Radio: a fieldset of native radio inputs, one <label> per choice (data-testid="<value>-radio-label").

import { BlockTitle, labelOf } from "../renderer/atoms";
import { domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { choices as readChoices, str } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./radio.css";

export function Radio({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Radio");
  const disabled = props.interactive === false;
  const choices = readChoices(props.choices);
  const titleId = domId(store, id, "title");
  const name = `radio-${str(props.elem_id) || id}`;
  return (
    <fieldset class="wb-radio" role="radiogroup" aria-labelledby={titleId} aria-disabled={disabled || undefined}>
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockTitle id={titleId} show={props.show_label !== false} info={str(props.info)}>
        {label}
      </BlockTitle>
      <div class="wrap">
        {choices.map(([display, internal], i) => {
          const selected = value === internal;
          return (
            <label key={i} class={`choice${selected ? " selected" : ""}${disabled ? " disabled" : ""}`} data-testid={`${internal}-radio-label`}>
              <input
                type="radio"
                name={name}
                value={String(internal)}
                checked={selected}
                disabled={disabled}
                onChange={() => {
                  setValue(internal);
                  trigger("select", { value: internal, index: i, selected: true });
                }}
              />
              <span class="ml-2">{display}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
