// Gradio-Lite's `playground` attribute: the entry file in a code editor beside (layout="horizontal") or above
// (layout="vertical", the default on narrow pages) the running app; "Run" (or Shift/Ctrl/Cmd+Enter in the
// editor) runs the edited code in the same worker. CodeMirror loads only when a page has a playground.

import type { Controller } from "./mount";
import { errorText } from "../error-text";

export interface PlaygroundParts {
  /** Where the app mounts. */
  preview: HTMLElement;
  /** Starts the editor on `code`; each Run calls controller.run with the edited text. */
  start(code: string, controller: Controller): Promise<void>;
}

/** Lay out editor and preview inside `host` (which keeps nothing else). */
export function playground(host: HTMLElement, layout: string | null): PlaygroundParts {
  const wrap = document.createElement("div");
  wrap.className = "wb-lite-playground";
  wrap.dataset.layout = layout === "horizontal" ? "horizontal" : "vertical";
  const side = document.createElement("div");
  side.className = "wb-lite-code";
  const editorBox = document.createElement("div");
  editorBox.className = "wb-lite-editor";
  const bar = document.createElement("div");
  bar.className = "wb-lite-bar";
  const run = document.createElement("button");
  run.type = "button";
  run.className = "wb-lite-run";
  run.textContent = "Run";
  run.title = "Run the code (Shift+Enter)";
  const status = document.createElement("span");
  status.className = "wb-lite-status";
  status.setAttribute("role", "status");
  bar.append(run, status);
  side.append(editorBox, bar);
  const preview = document.createElement("div");
  preview.className = "wb-lite-preview";
  wrap.append(side, preview);
  host.appendChild(wrap);

  async function start(code: string, controller: Controller): Promise<void> {
    const { CodeEditor } = await import("../components/code-editor");
    let doc = code;
    const editor = new CodeEditor(editorBox, {
      doc,
      language: "python",
      editable: true,
      lineNumbers: true,
      wrap: false,
      onChange: (next) => (doc = next),
      onFocus: () => {},
      onBlur: () => {},
    });
    void editor;
    const rerun = async (): Promise<void> => {
      run.disabled = true;
      status.textContent = "Running…";
      try {
        await controller.run(doc);
        status.textContent = "";
      } catch (err) {
        status.textContent = errorText(err); // the app's own error also shows in the preview
      } finally {
        run.disabled = false;
      }
    };
    run.addEventListener("click", () => void rerun());
    editorBox.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.shiftKey || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void rerun();
      }
    });
  }

  return { preview, start };
}
