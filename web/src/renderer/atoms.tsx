// Small building blocks shared by components: Gradio's BlockTitle, BlockLabel and Info.

import type { ComponentChildren } from "preact";
import { cx } from "./hooks";
import type { Props } from "./props";
import "./atoms.css";

/** The gray title above a form control (Gradio's BlockTitle, data-testid="block-info"). */
export function BlockTitle({
  show,
  info,
  id,
  children,
}: {
  show: boolean;
  info?: string | null;
  id?: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <span id={id} class={cx("block-title", !show && "sr-only", info != null && "has-info")} data-testid="block-info">
        {children}
      </span>
      {info ? <div class="block-info-text">{info}</div> : null}
    </>
  );
}

/** The floating chip in a block's top-left corner (Gradio's BlockLabel, data-testid="block-label"). */
export function BlockLabel({
  show,
  label,
  htmlFor,
  icon,
}: {
  show: boolean;
  label: string;
  htmlFor?: string;
  icon?: ComponentChildren;
}) {
  return (
    <label for={htmlFor} class={cx("block-label", "float", !show && "sr-only")} data-testid="block-label">
      {icon ? <span class="block-label-icon" aria-hidden="true">{icon}</span> : null}
      {label}
    </label>
  );
}

/** props.label as text, or the component's name when it has none. */
export function labelOf(props: Props, fallback: string): string {
  const l = props.label;
  return l === null || l === undefined ? fallback : String(l);
}

export const ImageIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.5">
    <rect x="3" y="3" width="18" height="18" rx="2" ry="2" />
    <circle cx="8.5" cy="8.5" r="1.5" />
    <polyline points="21 15 16 10 5 21" />
  </svg>
);

export const UploadIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4" />
    <polyline points="17 8 12 3 7 8" />
    <line x1="12" y1="3" x2="12" y2="15" />
  </svg>
);

export const ChevronDown = () => (
  <svg viewBox="0 0 18 18" width="100%" height="100%" aria-hidden="true">
    <path d="M5 8l4 4 4-4z" fill="currentColor" />
  </svg>
);

/** The placeholder of an image block with no image (Gradio's "Empty image"). */
export const EmptyImage = () => (
  <div class="empty" aria-label="Empty image">
    <span class="empty-icon" aria-hidden="true">
      <ImageIcon />
    </span>
  </div>
);
