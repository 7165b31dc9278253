// A read-only ImageEditor shows its composite, as Gradio does (its StaticImage), with the buttons= it asks
// for (download, fullscreen); a click reports the pixel to .select listeners, like gr.Image.

import { useRef } from "preact/hooks";
import { isFileData } from "../client/files";
import { BlockLabel, EmptyImage, ImageIcon, labelOf } from "../renderer/atoms";
import { cssSize } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { DownloadIcon, FullscreenIcon, IconButton } from "./image_editor-icons";
import { isRecord, strings } from "../renderer/props";

export function StaticEditor({ props, value, trigger }: ComponentProps) {
  const frame = useRef<HTMLDivElement>(null);
  const v = isRecord(value) ? value : {};
  const composite = [v.composite, v.background].find(isFileData) ?? null;
  const url = composite?.url ?? null;
  const buttons = strings(props.buttons) ?? [];
  const style = { height: cssSize(props.height), width: cssSize(props.width) };

  function select(e: MouseEvent): void {
    const img = e.currentTarget as HTMLImageElement;
    const rect = img.getBoundingClientRect();
    if (!img.naturalWidth || !rect.width) return;
    const x = Math.min(img.naturalWidth - 1, Math.floor(((e.clientX - rect.left) / rect.width) * img.naturalWidth));
    const y = Math.min(img.naturalHeight - 1, Math.floor(((e.clientY - rect.top) / rect.height) * img.naturalHeight));
    trigger("select", { index: [x, y], value: null });
  }

  return (
    <div class="wb-image-editor static">
      <BlockLabel show={props.show_label !== false} label={labelOf(props, "Image")} icon={<ImageIcon />} />
      <div data-testid="image" class="image-container" style={style} ref={frame}>
        {url ? (
          <>
            <div class="icon-button-wrapper">
              {buttons.includes("download") ? (
                <a class="editor-button" href={url} download={composite?.orig_name || "image.png"} aria-label="Download" title="Download">
                  <DownloadIcon />
                </a>
              ) : null}
              {buttons.includes("fullscreen") ? (
                <IconButton label="Fullscreen" onClick={() => (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())}>
                  <FullscreenIcon />
                </IconButton>
              ) : null}
            </div>
            <div class="image-frame">
              <img src={url} alt="" data-testid="detailed-image" onClick={select} />
            </div>
          </>
        ) : (
          <EmptyImage />
        )}
      </div>
    </div>
  );
}
