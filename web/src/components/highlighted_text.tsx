// gr.HighlightedText: labelled spans with colours (from color_map, else a palette by category) and an
// optional legend. Spans without a label are plain text. A click on a span fires select.

import { BlockLabel, labelOf } from "../renderer/atoms";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { isRecord, list, stringMap } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./highlighted_text.css";

interface Token {
  token: string;
  class_or_confidence: string | number | null;
}

/** A token's text as Gradio draws it: line by line, and without show_whitespaces a line of only blanks is left
 * out (its line break stays). "" when nothing of it is drawn. */
export function shownText(token: string, showWhitespaces: boolean): string {
  const lines = token.split("\n").map((line) => (showWhitespaces || line.trim() ? line : ""));
  return lines.join("\n");
}

const PALETTE = ["#f97316", "#3b82f6", "#22c55e", "#a855f7", "#eab308", "#ec4899", "#14b8a6", "#ef4444", "#6366f1", "#84cc16"];
// Gradio's named colours in color_map are CSS names; a hex or name is used as given, at low alpha for the fill.
function fill(color: string): string {
  return `color-mix(in srgb, ${color} 25%, transparent)`;
}

export function HighlightedText({ props, value, trigger, store}: ComponentProps) {
  const label = labelOf(props, "Highlighted Text");
  const tokens = list(value).filter((t): t is Token => isRecord(t) && typeof t.token === "string");
  const colorMap = stringMap(props.color_map);
  const categories: string[] = [];
  for (const t of tokens) {
    const c = t.class_or_confidence;
    if (typeof c === "string" && !categories.includes(c)) categories.push(c);
  }
  const colorOf = (c: string) => colorMap[c] ?? PALETTE[categories.indexOf(c) % PALETTE.length] ?? "currentColor";
  const showCategory = props.show_inline_category !== false;
  const showWhitespaces = props.show_whitespaces !== false;
  return (
    <div class="wb-highlighted-text" dir={props.rtl ? "rtl" : "ltr"}>
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockLabel show={props.show_label !== false} label={label} />
      {props.show_legend && categories.length ? (
        <div class="category-legend" data-testid="highlighted-text:category-legend">
          {categories.map((c) => (
            <div key={c} class="category-label" style={{ backgroundColor: fill(colorOf(c)), borderColor: colorOf(c) }}>
              {c}
            </div>
          ))}
        </div>
      ) : null}
      <div class="textfield" data-testid="highlighted-text">
        {tokens.map((t, i) => {
          const c = t.class_or_confidence;
          // Scores are drawn whole in Gradio; categories and plain text line by line (shownText).
          const text = typeof c === "number" ? t.token : shownText(t.token, showWhitespaces);
          if (text === "") return null;
          if (c === null || c === undefined) {
            return <span key={i} class="textspan no-cat">{text}</span>;
          }
          if (typeof c === "number") {
            // A confidence in [-1, 1]: red for negative, blue for positive (Gradio's scale).
            const color = c < 0 ? `rgba(239, 68, 68, ${Math.min(1, -c)})` : `rgba(59, 130, 246, ${Math.min(1, c)})`;
            return (
              <span key={i} class="textspan score-text" style={{ backgroundColor: color }} onClick={() => trigger("select", { index: i, value: [t.token, c] })}>
                {t.token}
              </span>
            );
          }
          return (
            <span
              key={i}
              class={cx("textspan", "hl")}
              style={{ backgroundColor: fill(colorOf(c)) }}
              title={c}
              onClick={() => trigger("select", { index: i, value: [t.token, c] })}
            >
              <span class="text">{text}</span>
              {showCategory ? (
                <span class="label" style={{ backgroundColor: colorOf(c) }}>
                  {c}
                </span>
              ) : null}
            </span>
          );
        })}
      </div>
    </div>
  );
}
