// gr.CheckboxGroup: one native checkbox per choice inside its <label> (Gradio: data-testid="checkbox-group" on the wrap).

import { BlockTitle, labelOf } from "../renderer/atoms";
import { cx, domId } from "../renderer/hooks";
import { choices as readChoices, list, str } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./radio.css";
import "./checkbox_group.css";

export function CheckboxGroup({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Checkbox Group");
  const disabled = props.interactive === false;
  const choices = readChoices(props.choices);
  const selected = list(value);
  const all = choices.map(([, internal]) => internal);
  const titleId = domId(store, id, "title");
  const toggle = (choice: unknown, i: number, checked: boolean) => {
    // Keep the order the user clicked in, as Gradio does (the value is a list, not a set).
    const next = checked ? [...selected.filter((v) => v !== choice), choice] : selected.filter((v) => v !== choice);
    setValue(next);
    trigger("select", { index: i, value: choice, selected: checked });
  };
  return (
    <fieldset class="wb-radio wb-checkboxgroup" role="group" aria-labelledby={titleId}>
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockTitle id={titleId} show={props.show_label !== false} info={str(props.info)}>
        {label}
      </BlockTitle>
      {props.show_select_all && !disabled ? (
        // Gradio's select/deselect-all box: checked when all are, indeterminate when some are.
        <label class="select-all-label">
          <input
            type="checkbox"
            class="select-all-checkbox"
            title="Select/Deselect All"
            checked={all.length > 0 && all.every((v) => selected.includes(v))}
            indeterminate={selected.length > 0 && !all.every((v) => selected.includes(v))}
            onChange={() => {
              setValue(all.every((v) => selected.includes(v)) ? [] : all.slice());
              trigger("input");
            }}
          />
          <span>Select All</span>
        </label>
      ) : null}
      <div class="wrap" data-testid="checkbox-group">
        {choices.map(([display, internal], i) => {
          const checked = selected.includes(internal);
          return (
            <label key={i} class={cx("choice", checked && "selected", disabled && "disabled")}>
              <input
                type="checkbox"
                name={String(internal)}
                title={String(internal)}
                checked={checked}
                disabled={disabled}
                onChange={(e) => toggle(internal, i, (e.currentTarget as HTMLInputElement).checked)}
              />{" "}
              {/* The space is Gradio's: its tests read the group's text as "Covid Malaria Lung Cancer". */}
              <span class="ml-2">{display}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
