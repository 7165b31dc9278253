// The corner buttons of media and file blocks (Gradio's IconButtonWrapper): download and clear.
// Labels follow Gradio's ("Download", "Clear", "Remove Image") because users' tests click them by name.

import type { ComponentChildren } from "preact";
import "./icon-buttons.css";

interface Props {
  /** A link that downloads the shown file; omitted when the file can't be downloaded. */
  download?: { url: string; name: string; icon?: ComponentChildren } | null;
  /** Called by the × button; omitted when the block is read-only. */
  onClear?: (() => void) | null;
  clearLabel?: string;
}

export function IconButtons({ download, onClear, clearLabel = "Clear" }: Props) {
  if (!download && !onClear) return null;
  return (
    <div class="icon-buttons">
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
    </div>
  );
}
