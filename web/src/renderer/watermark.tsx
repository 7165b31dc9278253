// Image/Video(watermark=): the watermark picture drawn over the media, 10 px from the corner it names or
// at (x, y) pixels. Gradio writes it into the file on its server; here the file stays as it is.

import { isRecord, str } from "./props";
import "./watermark.css";

export function Watermark({ value }: { value: unknown }) {
  if (!isRecord(value)) return null;
  const url = str(value.url);
  if (!url) return null;
  const position = value.position;
  const style: Record<string, string> = {};
  if (Array.isArray(position) && typeof position[0] === "number" && typeof position[1] === "number") {
    style.left = `${position[0]}px`;
    style.top = `${position[1]}px`;
  } else {
    const corner = str(position, "bottom-right");
    style[corner.startsWith("top") ? "top" : "bottom"] = "10px";
    style[corner.endsWith("left") ? "left" : "right"] = "10px";
  }
  return <img class="wb-watermark" src={url} alt="" aria-hidden="true" data-testid="watermark" style={style} />;
}
