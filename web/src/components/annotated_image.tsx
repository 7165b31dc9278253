// gr.AnnotatedImage: the base image with each annotation over it — a box (scaled from image pixels) or a
// mask PNG tinted with the label's colour — and a legend; clicking a legend entry or region fires `select`.

import { useState, useRef } from "preact/hooks";
import { isFileData } from "../client/files";
import type { FileData } from "../protocol";
import { BlockLabel, ImageIcon, labelOf, EmptyImage } from "../renderer/atoms";
import { cssSize } from "../renderer/hooks";
import { isRecord, list, stringMap } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import { CornerButtons, FullscreenButton, readButtons } from "../renderer/corner-buttons";
import "./annotated_image.css";

interface Annotation {
  label: string;
  box?: [number, number, number, number];
  image?: FileData | null;
}

const PALETTE = ["#ef4444", "#3b82f6", "#22c55e", "#f59e0b", "#a855f7", "#06b6d4", "#ec4899", "#84cc16"];

export function AnnotatedImage({ props, value, trigger, store}: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const frame = useRef<HTMLDivElement>(null);
  const label = labelOf(props, "Annotated Image");
  const [size, setSize] = useState<[number, number] | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const v = isRecord(value) ? value : {};
  const image = isFileData(v.image) ? v.image : null;
  // AnnotatedImage.postprocess writes each one as {image: FileData, label} or {box, label}.
  const annotations = list(v.annotations).filter((a): a is Annotation => isRecord(a) && typeof a.label === "string");
  const colorMap = stringMap(props.color_map);
  const labels = [...new Set(annotations.map((a) => a.label))];
  const colour = (l: string) => colorMap[l] ?? PALETTE[labels.indexOf(l) % PALETTE.length];
  const select = (i: number) => trigger("select", { index: i, value: annotations[i]?.label, selected: true });

  return (
    <div class="wb-annotated-image" ref={frame}>
      {image?.url ? (
        <CornerButtons buttons={buttons} store={store}>
          {buttons.has("fullscreen") ? <FullscreenButton target={frame} /> : null}
        </CornerButtons>
      ) : null}
      <BlockLabel show={props.show_label !== false} label={label} icon={<ImageIcon />} />
      {image?.url ? (
        <div class="annotated-frame" style={{ height: cssSize(props.height), width: cssSize(props.width) }}>
          <div class="image-holder">
            <img
              src={image.url}
              alt={label}
              data-testid="annotated-image"
              onLoad={(e) => {
                const img = e.currentTarget as HTMLImageElement;
                setSize([img.naturalWidth, img.naturalHeight]);
              }}
            />
            {annotations.map((a, i) =>
              a.box && size ? (
                <div
                  key={i}
                  class={active === null || active === i ? "annotation box" : "annotation box faded"}
                  title={a.label}
                  style={{
                    left: `${(a.box[0] / size[0]) * 100}%`,
                    top: `${(a.box[1] / size[1]) * 100}%`,
                    width: `${((a.box[2] - a.box[0]) / size[0]) * 100}%`,
                    height: `${((a.box[3] - a.box[1]) / size[1]) * 100}%`,
                    borderColor: colour(a.label),
                  }}
                  onClick={() => select(i)}
                />
              ) : a.image?.url ? (
                <div
                  key={i}
                  class={active === null || active === i ? "annotation mask" : "annotation mask faded"}
                  title={a.label}
                  style={{ background: colour(a.label), maskImage: `url(${a.image.url})`, WebkitMaskImage: `url(${a.image.url})` }}
                  onClick={() => select(i)}
                />
              ) : null,
            )}
          </div>
          {props.show_legend !== false && annotations.length ? (
            <div class="legend">
              {annotations.map((a, i) => (
                <button
                  type="button"
                  class="legend-item"
                  style={{ background: colour(a.label) }}
                  onMouseEnter={() => setActive(i)}
                  onMouseLeave={() => setActive(null)}
                  onClick={() => select(i)}
                >
                  {a.label}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : (
        <EmptyImage />
      )}
    </div>
  );
}
