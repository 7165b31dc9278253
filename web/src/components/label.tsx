// gr.Label: the top class as a heading (data-testid="label-output-value") and one meter per class
// (data-testid="<label>-confidence-set"), as in Gradio.

import { BlockLabel, labelOf } from "../renderer/atoms";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { isRecord, numOrStr, str } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./label.css";

interface Confidence {
  label: string;
  confidence: number;
}

export function Label({ props, value, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Label");
  // Label.postprocess writes {label, confidences?: [{label, confidence}]}.
  const v = isRecord(value) ? { label: numOrStr(value.label) ?? null, confidences: Array.isArray(value.confidences) ? (value.confidences as Confidence[]) : null } : null;
  const confidences = v?.confidences ?? null;
  const showHeading = props.show_heading !== false || !confidences;
  return (
    <div class="wb-label">
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockLabel show={props.show_label !== false} label={label} />
      <div class="container">
        {v && showHeading ? (
          <h2
            class={cx("output-class", !confidences && "no-confidence")}
            data-testid="label-output-value"
            style={{ backgroundColor: str(props.color) || "transparent" }}
          >
            {v.label}
          </h2>
        ) : null}
        {confidences
          ? confidences.map((c, i) => {
              const pct = Math.round(c.confidence * 100);
              const textId = `${store.idPrefix}meter-text-${c.label.replace(/\s/g, "-")}`;
              return (
                <button
                  type="button"
                  key={i}
                  class="confidence-set"
                  data-testid={`${c.label}-confidence-set`}
                  onClick={() => trigger("select", { index: i, value: c.label })}
                >
                  <div class="inner-wrap">
                    <meter aria-labelledby={textId} aria-label={c.label} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} class="bar" min={0} max={1} value={c.confidence} style={{ width: `${c.confidence * 100}%` }} />
                    <dl class="label">
                      <dt id={textId} class="text">{c.label}</dt>
                      <div class="line" />
                      <dd class="confidence">{pct}%</dd>
                    </dl>
                  </div>
                </button>
              );
            })
          : null}
      </div>
    </div>
  );
}
