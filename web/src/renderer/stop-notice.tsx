// The notice an event that has gone quiet gets (client/stall-watch.ts): what runs, for how long, and a
// control that stops it even when Python does not respond. Its button is "Interrupt" (Jupyter's word),
// so it never clashes with an app's own "Stop" button in role-and-name selectors.

import type { AppStore } from "../client/store";
import { useGlobalSubscription } from "./hooks";
import "./stop-notice.css";

export function StopNoticeBar({ store }: { store: AppStore }) {
  useGlobalSubscription(store);
  const notice = store.notice;
  if (!notice) return null;
  return (
    <div class="wb-stop-notice" role="status" aria-live="polite" data-testid="stop-notice">
      <span class="wb-stop-notice-text">{notice.text}</span>
      <button type="button" class="wb-stop-notice-button" disabled={notice.stopping} onClick={() => notice.stop()}>
        Interrupt
      </button>
    </div>
  );
}
