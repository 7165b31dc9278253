// gr.LinePlot / gr.BarPlot / gr.ScatterPlot: Python builds the Vega-Lite spec; vega-embed (loaded on first
// use, from plot.tsx's drawVega) draws it as SVG. With a .select listener, dragging across a plot whose x is
// numeric or a date selects that x range (SelectData.index = [min, max], as in Gradio); .double_click fires
// on a double click (Gradio's demos reset the zoom with it).

import type { View } from "vega";
import type { VisualizationSpec } from "vega-embed";
import { useRef } from "preact/hooks";
import { saveFile } from "../client/upload";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { CornerButtons, FullscreenButton, readButtons } from "../renderer/corner-buttons";
import type { ComponentProps } from "../renderer/types";
import { drawVega, useChart } from "./plot";
import { isRecord, list, str } from "../renderer/props";
import "./plot.css";

const BRUSH = "wb_brush";

/** The spec with an x interval selection, when x is a continuous field (a range of categories means nothing). */
function withBrush(spec: Record<string, unknown>): Record<string, unknown> {
  const x = isRecord(spec.encoding) ? spec.encoding.x : undefined;
  if (!isRecord(x) || !x.field || !["quantitative", "temporal"].includes(str(x.type, ""))) return spec;
  return { ...spec, params: [...list(spec.params), { name: BRUSH, select: { type: "interval", encodings: ["x"] } }] };
}

export function NativePlot({ id, type, props, value, store, trigger }: ComponentProps) {
  const selectable = store.hasListener(id, "select");
  // NativePlot.postprocess writes {type: "vega", spec: a Vega-Lite spec}.
  const base = isRecord(value) && value.type === "vega" && isRecord(value.spec) ? value.spec : null;
  const spec = base && selectable ? withBrush(base) : base;
  const buttons = readButtons(props.buttons);
  const frame = useRef<HTMLDivElement>(null);
  const shown = useRef<View | null>(null);
  const watch = (view: View): (() => void) | void => {
    shown.current = view;
    view.addEventListener("dblclick", () => trigger("double_click")); // ends with the view
    if (spec !== base) {
      // The brush changes all through a drag; select fires once, when the pointer is released, with the x
      // range it covers (a click without a drag clears the brush and fires nothing).
      let range: unknown;
      view.addSignalListener(BRUSH, (_name, value: unknown) => {
        range = Object.values(isRecord(value) ? value : {})[0];
      });
      const released = () => {
        if (!Array.isArray(range) || range.length !== 2) return;
        const [a = 0, b = 0] = range.map((v) => (v instanceof Date ? v.getTime() : Number(v)));
        range = undefined;
        trigger("select", { index: [Math.min(a, b), Math.max(a, b)], value: null, selected: true });
      };
      const container = view.container();
      container?.addEventListener("pointerup", released);
      return () => container?.removeEventListener("pointerup", released);
    }
  };
  const { ref, error } = useChart(spec ? (el) => drawVega(el, spec as VisualizationSpec, watch) : null, JSON.stringify(spec));
  const label = labelOf(props, type === "lineplot" ? "LinePlot" : type === "barplot" ? "BarPlot" : "ScatterPlot");
  return (
    <div class="wb-plot wb-native-plot" data-testid="plot" ref={frame}>
      <CornerButtons buttons={buttons} store={store}>
        {buttons.has("export") && spec ? (
          <button type="button" class="icon-button" aria-label="Export" title="Export" onClick={() => void exportChart(shown.current, frame.current)}>
            ⇣
          </button>
        ) : null}
        {buttons.has("fullscreen") ? <FullscreenButton target={frame} /> : null}
      </CornerButtons>
      <BlockLabel show={props.show_label !== false} label={label} />
      {spec ? <div class="chart" ref={ref} /> : <div class="empty" aria-label="Empty plot">No plot</div>}
      {props.caption ? <p class="caption">{str(props.caption)}</p> : null}
      {error ? <div class="plot-error" role="alert">{error}</div> : null}
    </div>
  );
}

/** buttons=["export"]: the chart as chart.png at twice its size, on the block's background (as Gradio does). */
async function exportChart(view: View | null, el: HTMLElement | null): Promise<void> {
  if (!view || !el) return;
  const background = getComputedStyle(el).getPropertyValue("--block-background-fill").trim() || "white";
  await view.background(background).runAsync();
  try {
    saveFile(await view.toImageURL("png", 2), "chart.png");
  } finally {
    await view.background("transparent").runAsync();
  }
}
