// gr.Button: a <button> (or <a> when `link` is set) carrying elem_id and the size/variant classes, as in Gradio.

import { useState } from "preact/hooks";
import { deepLinkUrl } from "../client/deep-link";
import { isFileData } from "../client/files";
import { cx } from "../renderer/hooks";
import { str } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import "./button.css";

/** A button's icon= as a URL: a string, or a file Python sent (FileData with its Blob URL). */
export function buttonIcon(icon: unknown): string | undefined {
  return (isFileData(icon) ? icon.url : str(icon)) || undefined;
}

export function Button({ props, value, trigger, root }: ComponentProps) {
  const variant = str(props.variant) || "secondary";
  const size = str(props.size) || "lg";
  const disabled = props.interactive === false;
  const text = value === null || value === undefined ? "" : String(value);
  const cls = cx("wb-button", size, variant, root.className);
  const style: Record<string, string> = { ...root.style };
  if (props.scale === 0) style.width = "fit-content";
  const iconUrl = buttonIcon(props.icon);
  const icon = iconUrl ? <img class={cx("button-icon", text && "right-padded")} src={iconUrl} alt={`${text} icon`} /> : null;
  const link = str(props.link);
  // link_target (Gradio's default "_self": the link opens in place of the app).
  const target = str(props.link_target, "_self");
  if (link) {
    return (
      <a
        id={root.id}
        class={cx(cls, disabled && "disabled")}
        style={{ ...style, pointerEvents: disabled ? "none" : undefined }}
        href={link}
        target={target}
        rel={target === "_blank" ? "noopener noreferrer" : undefined}
        aria-disabled={disabled}
        onClick={() => trigger("click")}
      >
        {icon}
        {text}
      </a>
    );
  }
  return (
    <button id={root.id} type="button" class={cls} style={style} disabled={disabled} onClick={() => trigger("click")}>
      {icon}
      {text}
    </button>
  );
}

/**
 * gr.DeepLinkButton: copies a link that reopens the app as it is now. Gradio's link names a snapshot kept
 * on its server; here the changed values travel in the link (client/deep-link.ts).
 */
export function DeepLinkButton(p: ComponentProps) {
  const [copied, setCopied] = useState(false);
  const trigger = (event: string, data?: unknown) => {
    if (event === "click") {
      void deepLinkUrl(p.store)
        .then((url) => navigator.clipboard?.writeText(url))
        .catch((err) => console.warn("wasmblocks: deep link", err));
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    }
    p.trigger(event, data);
  };
  const value = copied ? (p.props.copied_value ?? "Link Copied!") : p.value;
  return <Button {...p} value={value} trigger={trigger} />;
}
