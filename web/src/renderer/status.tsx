// The status overlay drawn over an output while its event is queued or running (Gradio's StatusTracker).

import { useEffect, useState } from "preact/hooks";
import type { AppStore, OutputStatus } from "../client/store";
import type { ProgressUnit } from "../protocol";
import { cx } from "./hooks";
import "./status.css";

interface Props {
  status: OutputStatus | undefined;
  store: AppStore;
  id: number;
  /** Layouts (Column/Row show_progress) use a non-absolute variant? Always absolute here. */
}

function level(p: ProgressUnit): number | null {
  if (p.index != null && p.length != null && p.length > 0) return p.index / p.length;
  if (p.progress != null) return p.progress;
  return null;
}

function prettySi(n: number): string {
  const units = ["", "k", "M", "G", "T"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i += 1;
  }
  return (i === 0 ? String(Math.round(n * 100) / 100) : n.toFixed(1)) + units[i];
}

/** Elapsed seconds since `started`, refreshed ten times a second while `running`. */
function useElapsed(started: number | undefined, running: boolean): string {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    setNow(performance.now());
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, [running, started]);
  if (started === undefined) return "0.0";
  return Math.max(0, (now - started) / 1000).toFixed(1);
}

export function StatusTracker({ status }: Props) {
  const active =
    !!status && status.show !== "hidden" && (status.stage === "queued" || status.stage === "pending" || status.stage === "streaming");
  const elapsed = useElapsed(status?.started, active);
  if (!status || !active) return null;
  const { stage, show, progress, position } = status;

  if (stage === "streaming") {
    // Gradio: a pulsing accent border while a generator streams, the output stays readable.
    return show === "full" ? <div class="wb-status generating" data-testid="status-tracker" aria-hidden="true" /> : null;
  }

  const levels = progress ? progress.map(level) : null;
  const last = levels && levels.length ? levels[levels.length - 1] : null;
  let meta = "";
  if (progress && progress.length) {
    for (const p of progress) {
      if (p.index != null) {
        meta += p.length != null ? `${prettySi(p.index || 0)}/${prettySi(p.length)}` : prettySi(p.index || 0);
        meta += ` ${p.unit ?? ""} | `;
      }
    }
  } else if (stage === "queued" && position != null) {
    meta = `queue: ${position + 1} | `;
  }
  meta += `${elapsed}s`;

  if (show === "minimal") {
    return (
      <div class="wb-status minimal" data-testid="status-tracker" role="status" aria-label="Running">
        <span class="wb-spinner small" aria-hidden="true" />
        <span class="progress-text">{meta}</span>
      </div>
    );
  }

  return (
    <div class={cx("wb-status", "full", stage)} data-testid="status-tracker" role="status" aria-live="polite">
      <div class="progress-text meta-text">{meta}</div>
      {last != null && progress ? (
        <div class="progress-level">
          <div class="progress-level-inner">
            {progress
              .map((p, i) => {
                const parts: string[] = [];
                if (p.desc != null) parts.push(p.desc);
                const l = levels![i];
                if (l != null) parts.push(`${(100 * l).toFixed(1)}%`);
                return parts.join(" - ");
              })
              .filter(Boolean)
              .join(" / ")}
          </div>
          <div class="progress-bar-wrap">
            <div class="progress-bar" style={{ width: `${Math.min(1, Math.max(0, last)) * 100}%` }} />
          </div>
        </div>
      ) : (
        <>
          {progress && progress.some((p) => p.desc) ? (
            <div class="progress-level-inner">{progress.map((p) => p.desc).filter(Boolean).join(" / ")}</div>
          ) : null}
          <span class="wb-spinner" aria-hidden="true" />
        </>
      )}
      {stage === "queued" ? <span class="wb-status-label">{position != null ? "Queued" : "Waiting"}</span> : null}
    </div>
  );
}
