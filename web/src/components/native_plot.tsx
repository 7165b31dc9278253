// gr.LinePlot / gr.BarPlot / gr.ScatterPlot: Python builds the Vega-Lite spec; vega-embed (loaded on first
// use, from plot.tsx's drawVega) draws it as SVG.

import { BlockLabel, labelOf } from "../renderer/atoms";
import type { ComponentProps } from "../renderer/types";
import { drawVega, useChart } from "./plot";

export function NativePlot({ type, props, value }: ComponentProps) {
  const spec = value?.type === "vega" ? value.spec : null;
  const { ref, error } = useChart(spec ? (el) => drawVega(el, spec) : null, JSON.stringify(spec));
  const label = labelOf(props, type === "lineplot" ? "LinePlot" : type === "barplot" ? "BarPlot" : "ScatterPlot");
  return (
    <div class="wb-plot wb-native-plot" data-testid="plot">
      <BlockLabel show={props.show_label !== false} label={label} />
      {spec ? <div class="chart" ref={ref} /> : <div class="empty" aria-label="Empty plot">No plot</div>}
      {props.caption ? <p class="caption">{props.caption}</p> : null}
      {error ? <div class="plot-error" role="alert">{error}</div> : null}
    </div>
  );
}
