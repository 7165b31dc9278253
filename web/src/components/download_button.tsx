// gr.DownloadButton: clicking saves the value's file (a Blob URL) under its orig_name and fires `click`.

import { isFileData } from "../client/files";
import { saveFile } from "../client/upload";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { buttonIcon } from "./button";
import { str } from "../renderer/props";
import "./button.css";

export function DownloadButton({ props, value, trigger, store, root }: ComponentProps) {
  const file = isFileData(value) ? value : null;
  const label = str(props.label, "Download");
  const disabled = props.interactive === false;
  const style: Record<string, string> = { ...root.style };
  if (props.scale === 0) style.width = "fit-content";
  return (
    <button
      id={root.id}
      type="button"
      class={cx("wb-button", str(props.size) || "lg", str(props.variant) || "secondary", root.className)}
      style={style}
      disabled={disabled}
      onClick={() => {
        trigger("click");
        if (file?.url) saveFile(file.url, file.orig_name || "file");
        else store.addToast("warning", `"${label}" has no file to download yet.`, "Nothing to download", 5);
      }}
    >
      {buttonIcon(props.icon) ? <img class="button-icon right-padded" src={buttonIcon(props.icon)} alt="" /> : null}
      {label}
    </button>
  );
}
