// The image editor's icons (24×24 line drawings in currentColor) and the button that shows one.

import type { ComponentChildren } from "preact";

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="1.8"
      stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

export const ImageIcon = () => (
  <Icon><rect x="3" y="4" width="18" height="16" rx="2" /><circle cx="9" cy="10" r="1.6" /><path d="M21 16l-5-5-9 9" /></Icon>
);
export const BrushIcon = () => (
  <Icon><path d="M18.4 3.6a2 2 0 0 1 2.8 2.8L12 15.6 8.4 12z" /><path d="M8 13c-2 0-3.5 1.4-3.5 3.3 0 1.7-1 2.7-2 3.2 3.9.9 7.5-.6 7.5-4z" /></Icon>
);
export const EraseIcon = () => (
  <Icon><path d="M7 20h13" /><path d="M4.6 14.6 13.6 5.6a2 2 0 0 1 2.8 0l3 3a2 2 0 0 1 0 2.8L12 18.8H8.8z" /><path d="M9 10l6 6" /></Icon>
);
export const CropIcon = () => (
  <Icon><path d="M6 2v14a2 2 0 0 0 2 2h14" /><path d="M18 22V8a2 2 0 0 0-2-2H2" /></Icon>
);
export const ResizeIcon = () => (
  <Icon><path d="M15 3h6v6" /><path d="M9 21H3v-6" /><path d="M21 3l-7 7" /><path d="M3 21l7-7" /></Icon>
);
export const UploadIcon = () => (
  <Icon><path d="M12 16V4" /><path d="M7 9l5-5 5 5" /><path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" /></Icon>
);
export const PasteIcon = () => (
  <Icon><rect x="6" y="4" width="12" height="17" rx="2" /><path d="M9 4V3h6v1" /><path d="M9 11h6M9 15h4" /></Icon>
);
export const WebcamIcon = () => (
  <Icon><circle cx="12" cy="10" r="7" /><circle cx="12" cy="10" r="3" /><path d="M8 21h8M12 17v4" /></Icon>
);
export const SizeIcon = () => (
  <Icon><circle cx="6" cy="12" r="1.5" /><circle cx="12" cy="12" r="2.5" /><circle cx="19" cy="12" r="3.5" /></Icon>
);
export const PanIcon = () => (
  <Icon><path d="M12 3v18M3 12h18" /><path d="M9 6l3-3 3 3M9 18l3 3 3-3M6 9l-3 3 3 3M18 9l3 3-3 3" /></Icon>
);
export const ZoomInIcon = () => (
  <Icon><circle cx="11" cy="11" r="7" /><path d="M21 21l-5-5M8 11h6M11 8v6" /></Icon>
);
export const ZoomOutIcon = () => (
  <Icon><circle cx="11" cy="11" r="7" /><path d="M21 21l-5-5M8 11h6" /></Icon>
);
export const UndoIcon = () => (
  <Icon><path d="M9 14 4 9l5-5" /><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" /></Icon>
);
export const RedoIcon = () => (
  <Icon><path d="m15 14 5-5-5-5" /><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" /></Icon>
);
export const CheckIcon = () => <Icon><path d="M20 6 9 17l-5-5" /></Icon>;
export const TrashIcon = () => (
  <Icon><path d="M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14M10 10v6M14 10v6" /></Icon>
);
export const DownloadIcon = () => (
  <Icon><path d="M12 4v12M7 11l5 5 5-5M4 20h16" /></Icon>
);
export const FullscreenIcon = () => (
  <Icon><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" /></Icon>
);
export const LayersIcon = () => (
  <Icon><path d="m12 3 9 5-9 5-9-5z" /><path d="m3 13 9 5 9-5" /></Icon>
);
export const EyeIcon = () => (
  <Icon><path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" /><circle cx="12" cy="12" r="3" /></Icon>
);
export const EyeOffIcon = () => (
  <Icon><path d="M3 3l18 18" /><path d="M10.6 5.1A10 10 0 0 1 12 5c6.4 0 10 7 10 7a17 17 0 0 1-3.2 4M6.6 6.6A17 17 0 0 0 2 12s3.6 7 10 7a9.7 9.7 0 0 0 5.4-1.6" /></Icon>
);
export const ArrowUpIcon = () => <Icon><path d="M12 19V5M6 11l6-6 6 6" /></Icon>;
export const ArrowDownIcon = () => <Icon><path d="M12 5v14M6 13l6 6 6-6" /></Icon>;
export const PlusIcon = () => <Icon><path d="M12 5v14M5 12h14" /></Icon>;
export const CloseIcon = () => <Icon><path d="M6 6l12 12M18 6 6 18" /></Icon>;

/** Gradio's IconButton: a square button named by aria-label and title (users' tests click it by label). */
export function IconButton({ label, onClick, children, selected = false, disabled = false, swatch }: {
  label: string;
  onClick(e: MouseEvent): void;
  children: ComponentChildren;
  selected?: boolean;
  disabled?: boolean;
  /** A color shown under the icon (the Color button shows the brush's color). */
  swatch?: string;
}) {
  return (
    <button
      type="button"
      class={selected ? "editor-button selected" : "editor-button"}
      aria-label={label}
      title={label}
      aria-pressed={selected || undefined}
      disabled={disabled}
      style={swatch ? { color: swatch } : undefined}
      onClick={(e) => {
        e.stopPropagation();
        onClick(e);
      }}
    >
      {children}
    </button>
  );
}
