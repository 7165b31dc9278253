// The corner buttons of media and file blocks (Gradio's IconButtonWrapper): download and clear.
// Labels follow Gradio's ("Download", "Clear", "Remove Image") because users' tests click them by name.

import type { ComponentChildren, RefObject } from "preact";
import type { AppStore } from "../client/store";
import { type ButtonList, FullscreenButton } from "./corner-buttons";
import "./icon-buttons.css";

interface Props {
  /** A link that downloads the shown file; omitted when the file can't be downloaded. */
  download?: { url: string; name: string; icon?: ComponentChildren } | null;
  /** Called by the × button; omitted when the block is read-only. */
  onClear?: (() => void) | null;
  clearLabel?: string;
  /** buttons=["fullscreen"]: the element shown full screen. */
  fullscreen?: RefObject<HTMLElement> | null;
  /** buttons= with gr.Button entries, drawn after the built-in ones (clicking fires the button's click). */
  custom?: { buttons: ButtonList; store: AppStore } | null;
  /** More built-in buttons, drawn first. */
  children?: ComponentChildren;
}

export function IconButtons({ download, onClear, clearLabel = "Clear", fullscreen, custom, children }: Props) {
  const extra = custom?.buttons.custom ?? [];
  if (!download && !onClear && !fullscreen && !extra.length && !children) return null;
  return (
    <div class="icon-buttons">
      {children}
      {fullscreen ? <FullscreenButton target={fullscreen} /> : null}
      {download ? (
        <a class="icon-button" href={download.url} download={download.name} aria-label="Download" title="Download">
          {download.icon ?? "⇣"}
        </a>
      ) : null}
      {onClear ? (
        <button
          type="button"
          class="icon-button"
          aria-label={clearLabel}
          title={clearLabel}
          onClick={(e) => {
            e.stopPropagation();
            onClear();
          }}
        >
          ×
        </button>
      ) : null}
      {extra.map((b) => (
        <button
          key={b.id}
          type="button"
          class="icon-button custom-button"
          title={b.value ?? ""}
          aria-label={b.value || "Custom action"}
          onClick={(e) => {
            e.stopPropagation();
            custom?.store.trigger(b.id, "click", null);
          }}
        >
          {b.icon ? <img class="custom-button-icon" src={b.icon} alt="" /> : null}
          {b.value}
        </button>
      ))}
    </div>
  );
}
