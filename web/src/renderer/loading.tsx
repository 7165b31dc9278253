// The boot screen: which stage the worker is at, with a spinner. Never a blank page.

import { render } from "preact";
import "./loading.css";

const STAGES: [string, string][] = [
  ["downloading", "Downloading the Python runtime…"],
  ["starting", "Starting Python…"],
  ["installing", "Installing packages…"],
  ["running", "Running the app…"],
];

function Loading({ stage, detail }: { stage: string; detail?: string }) {
  const index = STAGES.findIndex(([s]) => s === stage);
  const text = STAGES[index]?.[1] ?? (stage || "Loading…");
  return (
    <div class="wb-loading" role="status" aria-live="polite" aria-busy="true" data-stage={stage}>
      <div class="wb-spinner large" aria-hidden="true" />
      <p class="wb-loading-text">{text}</p>
      {detail ? <p class="wb-loading-detail">{detail}</p> : null}
      <ol class="wb-loading-steps" aria-label="Startup steps">
        {STAGES.map(([s, label], i) => (
          <li key={s} class={i < index ? "done" : i === index ? "current" : "todo"} aria-current={i === index ? "step" : undefined}>
            {label.replace("…", "")}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Roots whose static placeholder is gone: Preact draws into them from then on. */
const cleared = new WeakSet<HTMLElement>();

/** Drop the static "Loading…" placeholder of index.html from `root`, the first time a boot screen draws there. */
export function clearPlaceholder(root: HTMLElement): void {
  if (cleared.has(root)) return;
  root.replaceChildren();
  cleared.add(root);
}

/** Show boot progress in `root`. stage: "downloading" | "starting" | "installing" | "running". */
export function renderLoading(root: HTMLElement, stage: string, detail?: string): void {
  root.classList.add("gradio-container", "wb-boot");
  clearPlaceholder(root);
  render(<Loading stage={stage} detail={detail} />, root);
}

/**
 * While an app drawn from the export's tree waits for Python (client/early.ts): the boot stage in a small
 * corner badge, so the page says what it is waiting for without hiding the controls.
 */
export function renderBootBadge(host: HTMLElement, stage: string): void {
  const index = STAGES.findIndex(([s]) => s === stage);
  const text = STAGES[index]?.[1] ?? (stage || "Loading…");
  render(
    <div class="wb-boot-badge" role="status" aria-live="polite" data-stage={stage}>
      <div class="wb-spinner" aria-hidden="true" />
      <span>{text}</span>
    </div>,
    host,
  );
}
