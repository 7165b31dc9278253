// gr.Plot: matplotlib arrives as an image rendered in the worker; plotly and altair specs are drawn here by
// their own libraries, each import()ed on first use (they are big, and most apps never need them).

import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { View } from "vega";
import type { VisualizationSpec } from "vega-embed";
import { errorText } from "../error-text";
import { BlockLabel, labelOf } from "../renderer/atoms";
import type { ComponentProps } from "../renderer/types";
import { isRecord, list, str } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./plot.css";

/** Draw a Vega / Vega-Lite spec into `el` with vega-embed (SVG, so titles are text a test can find). */
/**
 * Draw a Vega(-Lite) spec. `withView` may attach listeners to the drawn view and return what removes them:
 * a resize redraws into the same element, and the old drawing's listeners must go with it.
 */
export async function drawVega(el: HTMLElement, spec: VisualizationSpec, withView?: (view: View) => (() => void) | void): Promise<() => void> {
  const embed = (await import("vega-embed")).default;
  const result = await embed(el, spec, { actions: false, renderer: "svg" });
  const detach = withView?.(result.view);
  return () => {
    detach?.();
    result.finalize();
  };
}

async function drawPlotly(el: HTMLElement, json: string): Promise<() => void> {
  const Plotly = (await import("plotly.js-dist-min")).default;
  const figure: unknown = JSON.parse(json);
  const { data, layout } = isRecord(figure) ? figure : {};
  await Plotly.newPlot(el, list(data), { autosize: true, ...(isRecord(layout) ? layout : {}) }, { responsive: true, displaylogo: false });
  return () => Plotly.purge(el);
}

/**
 * Mount a library-drawn chart: `draw` returns its cleanup; errors show in place of the chart.
 * Charts size themselves to their container, so drawing waits until the container has a width (a chart in
 * a hidden tab would otherwise be drawn 0 px wide) and redraws when that width changes.
 */
export function useChart(draw: ((el: HTMLElement) => Promise<() => void>) | null, key: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !draw) return;
    let cleanup: (() => void) | null = null;
    let cancelled = false;
    let drawnWidth = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const render = () => {
      const width = el.clientWidth;
      if (!width || Math.abs(width - drawnWidth) < 2) return;
      drawnWidth = width;
      cleanup?.();
      cleanup = null;
      setError(null);
      draw(el)
        .then((c) => (cancelled ? c() : (cleanup = c)))
        .catch((err: unknown) => !cancelled && setError(errorText(err)));
    };
    const ro = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(render, drawnWidth ? 150 : 0);
    });
    ro.observe(el);
    render();
    return () => {
      cancelled = true;
      ro.disconnect();
      clearTimeout(timer);
      cleanup?.();
      el.replaceChildren();
    };
  }, [key]);
  return { ref, error };
}

export function Plot({ props, value, store}: ComponentProps) {
  // Plot.postprocess writes {type: "matplotlib" | "plotly" | "altair" | "vega", plot: an image URL or a JSON spec}.
  const v = isRecord(value) ? value : {};
  const kind = str(v.type) ?? null;
  const plot = v.plot;
  const draw =
    kind === "plotly" ? (el: HTMLElement) => drawPlotly(el, str(plot, "{}"))
    : kind === "altair" || kind === "vega" ? (el: HTMLElement) => drawVega(el, (typeof plot === "string" ? JSON.parse(plot) : plot ?? v.spec) as VisualizationSpec)
    : null;
  const { ref, error } = useChart(draw, JSON.stringify(value));
  return (
    <div class="wb-plot" data-testid="plot">
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <BlockLabel show={props.show_label !== false} label={labelOf(props, "Plot")} />
      {kind === "matplotlib" ? (
        <img class="matplotlib" src={str(plot)} alt={labelOf(props, "Plot")} />
      ) : draw ? (
        <div class="chart" ref={ref} />
      ) : (
        <div class="empty" aria-label="Empty plot">No plot</div>
      )}
      {error ? <div class="plot-error" role="alert">{error}</div> : null}
    </div>
  );
}
