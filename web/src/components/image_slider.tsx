// gr.ImageSlider: two images stacked; a range input (role="slider", "Slider position") reveals the
// second one over the first from the left up to the handle.

import { useRef, useState } from "preact/hooks";
import { isFileData } from "../client/files";
import { BlockLabel, ImageIcon, labelOf, EmptyImage } from "../renderer/atoms";
import type { ComponentProps } from "../renderer/types";
import { list, num } from "../renderer/props";
import { readButtons } from "../renderer/corner-buttons";
import { IconButtons } from "../renderer/icon-buttons";
import "./image_slider.css";

export function ImageSlider({ props, value, store}: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const frame = useRef<HTMLDivElement>(null);
  const label = labelOf(props, "Image Slider");
  const [position, setPosition] = useState(num(props.slider_position, 50));
  const pair = list(value).map((v) => (isFileData(v) ? v : null));
  const [first = null, second = null] = pair;

  return (
    <div class="wb-image-slider">
      <BlockLabel show={props.show_label !== false} label={label} icon={<ImageIcon />} />
      {first?.url ? (
        <div class="slider-frame" ref={frame} style={{ maxHeight: `${num(props.max_height, 500)}px` }}>
          <IconButtons
            download={buttons.has("download") && second?.url ? { url: second.url, name: second.orig_name || "image" } : null}
            fullscreen={buttons.has("fullscreen") ? frame : null}
            custom={{ buttons, store }}
          />
          <img src={first.url} alt="before" data-testid="slider-image-1" />
          {second?.url ? (
            <img class="overlay" src={second.url} alt="after" data-testid="slider-image-2" style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }} />
          ) : null}
          <input
            type="range"
            min={0}
            max={100}
            step={0.5}
            value={position}
            aria-label="Slider position"
            class="slider-handle"
            onInput={(e) => setPosition(Number((e.currentTarget as HTMLInputElement).value))}
          />
        </div>
      ) : (
        <EmptyImage />
      )}
    </div>
  );
}
