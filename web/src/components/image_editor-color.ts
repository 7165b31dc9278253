// Brush colors as Gradio's Brush gives them: any CSS color ("pink", "#FFA50050", "hsla(…)"), or a
// [color, opacity] pair. The browser's own parser (a 2D context's fillStyle) reads them: it accepts every
// CSS color and normalises it to "#rrggbb" or "rgba(r, g, b, a)".

export interface BrushColor {
  /** "#rrggbb": what <input type=color> takes and strokes are drawn with. */
  hex: string;
  /** 0…1: the pair's opacity, else the color's own alpha. */
  opacity: number;
}

let probe: CanvasRenderingContext2D | null = null;

/** One palette entry ([css, opacity | null], or a plain CSS string) as hex + opacity; null if not a color. */
export function parseColor(entry: [string, number | null] | string): BrushColor | null {
  const [css, pairOpacity] = Array.isArray(entry) ? entry : [entry, null];
  probe ??= document.createElement("canvas").getContext("2d");
  if (!probe || typeof css !== "string") return null;
  // An unparseable color leaves fillStyle unchanged: set two sentinels to tell "invalid" from "black".
  probe.fillStyle = "#000000";
  probe.fillStyle = css;
  const first = probe.fillStyle;
  probe.fillStyle = "#ffffff";
  probe.fillStyle = css;
  if (probe.fillStyle !== first) return null;
  const { hex, alpha } = split(first);
  const opacity = pairOpacity ?? alpha;
  return { hex, opacity: Math.min(1, Math.max(0, opacity)) };
}

function split(normalised: string): { hex: string; alpha: number } {
  if (normalised.startsWith("#")) return { hex: normalised.toLowerCase(), alpha: 1 };
  const parts = normalised.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 1];
  const hex = "#" + parts.slice(0, 3).map((n) => Math.round(n).toString(16).padStart(2, "0")).join("");
  return { hex, alpha: parts[3] ?? 1 };
}

/** The CSS of a color at an opacity, for swatches. */
export function cssOf(color: BrushColor): string {
  const n = parseInt(color.hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${color.opacity})`;
}
