// Gradio's footer: "Use via API · Built with Gradio · Settings" (launch(footer_links=…) picks which), under
// the app. "Use via API" opens a dialog listing this app's named endpoints with their inputs and outputs;
// "Settings" opens one with the display theme (light, dark or the system's). Gradio's Settings also picks
// the interface language, which needs its translations (gr.I18n): not offered here.

import { useState } from "preact/hooks";
import type { AppStore } from "../client/store";
import type { Dependency } from "../protocol";
import { applyMode, type Mode } from "./theme";
import "./footer.css";

const ALL_LINKS = ["api", "gradio", "settings"];

function componentName(store: AppStore, id: number): string {
  const state = store.get(id);
  const label = state?.props.label;
  const type = state?.type ?? "component";
  return typeof label === "string" && label ? `${label} (${type})` : type;
}

function ApiDialog({ store, onClose }: { store: AppStore; onClose(): void }) {
  const endpoints = (store.config?.dependencies ?? []).filter(
    (d): d is Dependency & { api_name: string } =>
      typeof d.api_name === "string" && d.api_name !== "" && d.backend_fn && (d.api_visibility ?? "public") === "public",
  );
  return (
    <div class="wb-footer-dialog" role="dialog" aria-modal="true" aria-label="Use via API">
      <div class="dialog-head">
        <h2>API</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p>
        This app runs in your browser, so there is no server to call: its endpoints are the event listeners with an{" "}
        <code>api_name</code>.
      </p>
      {endpoints.length ? (
        <ul class="endpoints">
          {endpoints.map((d) => (
            <li key={d.id}>
              <code>/{d.api_name}</code>
              <div>Inputs: {d.inputs.length ? d.inputs.map((id) => componentName(store, id)).join(", ") : "none"}</div>
              <div>Outputs: {d.outputs.length ? d.outputs.map((id) => componentName(store, id)).join(", ") : "none"}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p>No named endpoints.</p>
      )}
    </div>
  );
}

function SettingsDialog({ root, mode, setMode, onClose }: { root: HTMLElement; mode: Mode | "system"; setMode(m: Mode | "system"): void; onClose(): void }) {
  return (
    <div class="wb-footer-dialog" role="dialog" aria-modal="true" aria-label="Settings">
      <div class="dialog-head">
        <h2>Settings</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <fieldset class="theme-choice">
        <legend>Display Theme</legend>
        {(["light", "dark", "system"] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="wb-display-theme"
              checked={mode === m}
              onChange={() => {
                setMode(m);
                applyMode(root, m);
              }}
            />{" "}
            {m === "light" ? "☀︎ Light" : m === "dark" ? "⏾ Dark" : "🖥 System"}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

export function Footer({ store, root }: { store: AppStore; root: HTMLElement }) {
  const links = store.config?.footer_links ?? ALL_LINKS;
  const [open, setOpen] = useState<"api" | "settings" | null>(null);
  const [mode, setMode] = useState<Mode | "system">("system");
  const shown = ALL_LINKS.filter((l) => links.includes(l));
  if (!shown.length) return null;
  const items = shown.map((link) =>
    link === "api" ? (
      <button key="api" type="button" class="show-api" onClick={() => setOpen(open === "api" ? null : "api")}>
        Use via API
      </button>
    ) : link === "gradio" ? (
      <a key="gradio" href="https://gradio.app" class="built-with" target="_blank" rel="noreferrer" title="Gradio's Blocks API, run in the browser by wasmblocks">
        Built with Gradio
      </a>
    ) : (
      <button key="settings" type="button" class="settings" onClick={() => setOpen(open === "settings" ? null : "settings")}>
        Settings
      </button>
    ),
  );
  return (
    <>
      <footer class="wb-footer" aria-label="Gradio footer navigation">
        {items.flatMap((item, i) => (i === 0 ? [item] : [<div key={`d${i}`} class="divider">{" · "}</div>, item]))}
      </footer>
      {open === "api" ? <ApiDialog store={store} onClose={() => setOpen(null)} /> : null}
      {open === "settings" ? <SettingsDialog root={root} mode={mode} setMode={setMode} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
