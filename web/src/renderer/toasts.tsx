// Toasts (gr.Info/Warning/Error/Success and event errors): a top-right stack, Gradio's DOM hooks.

import DOMPurify from "dompurify";
import { useEffect } from "preact/hooks";
import type { AppStore, Toast } from "../client/store";
import { CONTAIN_PAINT, scopeHtml, useContentScope } from "./content-scope";
import { useGlobalSubscription } from "./hooks";
import "./toasts.css";

const TITLES: Record<string, string> = { error: "Error", warning: "Warning", info: "Info", success: "Success" };
const ICONS: Record<string, string> = { error: "!", warning: "!", info: "i", success: "✓" };

function ToastItem({ toast, store }: { toast: Toast; store: AppStore }) {
  const { id, level, duration } = toast;
  useEffect(() => {
    if (duration === null || duration === undefined || !(duration > 0) || !isFinite(duration)) return;
    const t = setTimeout(() => store.dismissToast(id), duration * 1000);
    return () => clearTimeout(t);
  }, [id, duration, store]);
  const title = toast.title || TITLES[level] || level;
  // Gradio renders the message as HTML; keep that, sanitized, its styles and boxes inside the toast.
  const scope = useContentScope();
  const html = scopeHtml(DOMPurify.sanitize(toast.message ?? ""), scope.selector);
  return (
    <div class={`toast-body ${level}`} role="alert" data-testid="toast-body" data-level={level}>
      <div class={`toast-icon ${level}`} aria-hidden="true">
        {ICONS[level] ?? "i"}
      </div>
      <div class={`toast-details ${level}`}>
        <div class={`toast-title ${level}`}>{title}</div>
        <div
          class={`toast-text ${level}`}
          data-testid="toast-text"
          data-wb-scope={scope.id}
          style={CONTAIN_PAINT}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      </div>
      <button
        type="button"
        class={`toast-close ${level}`}
        aria-label="Close"
        data-testid="toast-close"
        onClick={() => store.dismissToast(id)}
      >
        ×
      </button>
      {duration && duration > 0 ? (
        <div class={`timer ${level}`} style={{ animationDuration: `${duration}s` }} aria-hidden="true" />
      ) : null}
    </div>
  );
}

export function Toasts({ store }: { store: AppStore }) {
  useGlobalSubscription(store);
  return (
    <div class="toast-wrap" aria-live="assertive">
      {store.toasts.map((t) => (
        <ToastItem key={t.id} toast={t} store={store} />
      ))}
    </div>
  );
}
