// plotly.js-dist-min ships no types: the two functions gr.Plot calls (components/plot.tsx), as plotly.js documents them.
declare module "plotly.js-dist-min" {
  interface Plotly {
    newPlot(el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config: Record<string, unknown>): Promise<unknown>;
    purge(el: HTMLElement): void;
  }
  const plotly: Plotly;
  export default plotly;
}
