// editor.html: CodeMirror beside a live preview (the sandboxed player). Ctrl/Cmd+Enter runs; "Run on
// pause" runs after a pause in typing; tabs hold several files; a box holds requirements; "Share" copies a
// player link (within the link size budget); a start error names file and line and jumps there; the draft is
// autosaved in localStorage, and a link's app replaces it only when the user says so (the old one is kept).
// Re-running replaces the app inside the same Python (the `run` message), so Pyodide loads only once.

import { basicSetup, EditorView } from "codemirror";
import { python } from "@codemirror/lang-python";
import { EditorState, Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import type { AppFiles } from "../protocol";
import { describe, DraftStore, sameApp } from "../share/draft";
import { downloadApp } from "../share/download";
import { decodeApp, linkBudget, MAX_LINK_CHARS, SAFE_LINK_CHARS, shareUrl, ShareLinkError } from "../share/link";
import { registerOffline } from "../share/offline";
import { SandboxHost } from "../share/sandbox-host";
import "./share.css";
import "./editor.css";

const base = new URL("../", import.meta.url);
const drafts = new DraftStore(`wasmblocks-editor-draft:${base.pathname}`);
const PAUSE_MS = 1200;
const STARTER = `import gradio as gr

def greet(name):
    return f"Hello, {name}!"

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(greet, name, out)

demo.launch()
`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const tabs = $<HTMLDivElement>("wb-editor-tabs");
const requirementsBox = $<HTMLTextAreaElement>("wb-requirements");
const problem = $<HTMLDivElement>("wb-editor-problem");
const autoRun = $<HTMLInputElement>("wb-auto-run");
const shareOut = $<HTMLInputElement>("wb-share-link");
const preview = $<HTMLDivElement>("wb-preview");
const notice = $<HTMLDivElement>("wb-editor-notice");

let app: AppFiles = { entrypoint: "app.py", files: { "app.py": STARTER }, requirements: [] };
let current = "app.py";
let pauseTimer: number | undefined;

function saveDraft(): void {
  drafts.save(app);
}

interface NoticeAction {
  label: string;
  run: () => void;
}

/** A message above the editor with buttons (the editor's questions and warnings; never confirm()). */
function showNotice(message: string, actions: NoticeAction[] = [], kind: "question" | "warning" | "info" = "info"): void {
  notice.replaceChildren();
  notice.hidden = !message;
  notice.dataset.kind = kind;
  if (!message) return;
  const text = document.createElement("p");
  text.textContent = message;
  notice.appendChild(text);
  for (const action of [...actions, { label: "Dismiss", run: () => showNotice("") }]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.onclick = action.run;
    notice.appendChild(button);
  }
}

const view = new EditorView({
  parent: $("wb-code"),
  state: EditorState.create({ doc: "", extensions: [] }),
});

function stateFor(text: string): EditorState {
  return EditorState.create({
    doc: text,
    extensions: [
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (void run(), true) }])),
      basicSetup,
      python(),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        app.files[current] = update.state.doc.toString();
        saveDraft();
        clearTimeout(pauseTimer);
        if (autoRun.checked) pauseTimer = window.setTimeout(() => void run(), PAUSE_MS);
      }),
    ],
  });
}

function renderTabs(): void {
  tabs.replaceChildren();
  for (const name of Object.keys(app.files)) {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.role = "tab";
    tab.className = "wb-editor-tab";
    tab.textContent = name;
    tab.setAttribute("aria-selected", String(name === current));
    tab.onclick = () => openFile(name);
    tabs.appendChild(tab);
  }
  const add = document.createElement("button");
  add.type = "button";
  add.className = "wb-editor-add";
  add.textContent = "+ File";
  add.title = "Add a file";
  add.onclick = () => add.replaceWith(newFileInput());
  tabs.appendChild(add);
}

/** The "+ File" button's inline name field: Enter adds (or opens) the file, Escape or leaving it cancels. */
function newFileInput(): HTMLInputElement {
  const input = document.createElement("input");
  input.className = "wb-editor-new-file";
  input.placeholder = "helpers.py";
  input.setAttribute("aria-label", "New file name");
  let done = false;
  const finish = (name: string | null): void => {
    if (done) return;
    done = true;
    if (name && (!/^[\w.-]+(\/[\w.-]+)*$/.test(name) || name.split("/").includes(".."))) {
      showProblem(`Bad file name: ${name} (letters, digits, "_", "-", "." and "/" between folders)`);
      name = null;
    }
    if (name && !(name in app.files)) {
      app.files[name] = "";
      saveDraft();
    }
    if (name) openFile(name);
    else renderTabs();
  };
  input.onkeydown = (event) => {
    if (event.key === "Enter") finish(input.value.trim() || null);
    else if (event.key === "Escape") finish(null);
  };
  input.onblur = () => finish(null);
  queueMicrotask(() => input.focus());
  return input;
}

function openFile(name: string, line?: number): void {
  current = name;
  view.setState(stateFor(String(app.files[name] ?? "")));
  renderTabs();
  if (line != null) {
    const pos = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    view.dispatch({ selection: { anchor: pos.from }, scrollIntoView: true });
  }
  view.focus();
}

function showProblem(message: string, file?: string | null, line?: number | null): void {
  problem.replaceChildren();
  problem.hidden = !message;
  if (!message) return;
  if (file) {
    const jump = document.createElement("button");
    jump.type = "button";
    jump.className = "wb-editor-jump";
    jump.textContent = `${file}${line != null ? `, line ${line}` : ""}`;
    jump.onclick = () => app.files[file] !== undefined && openFile(file, line ?? undefined);
    problem.append(jump, ": ");
  }
  problem.append(message);
}

const host = new SandboxHost(preview, base, {
  onState: (state) => {
    preview.dataset.state = state;
    if (state === "ready") showProblem("");
  },
  onBootError: (err) => showProblem(err.message, err.file, err.line),
});

async function run(): Promise<void> {
  clearTimeout(pauseTimer);
  app.requirements = requirementsBox.value.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  saveDraft();
  showProblem("");
  preview.dataset.state = "loading";
  await host.run({ ...app, files: { ...app.files } });
}

const exportHint = "export a site instead (python3 build.py export APP OUT) and link to it, or download the app and share the file";

async function share(): Promise<void> {
  app.requirements = requirementsBox.value.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const link = await shareUrl(base, "player.html", app);
  const download = { label: "Download the app", run: () => downloadApp(app) };
  const budget = linkBudget(link.length);
  if (budget === "too-long") {
    shareOut.hidden = true;
    shareOut.value = "";
    showNotice(
      `This app's link would be ${link.length.toLocaleString("en")} characters. Browsers refuse links over ` +
        `${MAX_LINK_CHARS.toLocaleString("en")} (2 MiB), so no link was made: ${exportHint}.`,
      [download],
      "warning",
    );
    return;
  }
  if (budget === "long") {
    showNotice(
      `This link is ${link.length.toLocaleString("en")} characters. Chat and mail programs may cut off links over ` +
        `${SAFE_LINK_CHARS.toLocaleString("en")} characters; if it does not arrive whole, ${exportHint}.`,
      [download],
      "warning",
    );
  } else {
    showNotice("");
  }
  shareOut.hidden = false;
  shareOut.value = link;
  shareOut.select();
  try {
    await navigator.clipboard.writeText(link);
    $("wb-share").textContent = "Link copied";
  } catch {
    $("wb-share").textContent = "Copy the link";
  }
  setTimeout(() => ($("wb-share").textContent = "Share"), 2500);
}

/** Show `next` in the editor and run it. */
function openApp(next: AppFiles): void {
  app = next;
  requirementsBox.value = app.requirements.join("\n");
  openFile(app.entrypoint);
  void run();
}

/** A link's app over a saved draft: ask first; the draft it replaces stays one click away. */
function askBeforeReplacing(linked: AppFiles, draft: AppFiles): void {
  const forgetLink = () => history.replaceState(null, "", location.pathname + location.search);
  const restore = () => {
    const previous = drafts.previous();
    if (!previous) return;
    drafts.replace(previous); // and the link's app becomes the previous one in turn
    openApp(previous);
    showNotice("Your draft is back. The link's app is kept as the previous draft.", [], "info");
  };
  showNotice(
    `This link holds an app (${describe(linked)}). Opening it replaces your saved draft (${describe(draft)}), ` +
      "which is kept and can be restored.",
    [
      {
        label: "Open the link's app",
        run: () => {
          forgetLink();
          drafts.replace(linked);
          openApp(linked);
          showNotice("Opened the link's app. Your previous draft is kept.", [{ label: "Restore my draft", run: restore }], "info");
        },
      },
      {
        label: "Keep my draft",
        run: () => {
          forgetLink();
          showNotice("");
        },
      },
    ],
    "question",
  );
}

async function init(): Promise<void> {
  const draft = drafts.load();
  let linked: AppFiles | null = null;
  if (location.hash) {
    try {
      linked = await decodeApp(location.hash);
    } catch (err) {
      // In the notice, not the problem box: running the draft clears that one.
      const reason = err instanceof ShareLinkError ? err.message : String(err);
      showNotice(`The link's app could not be opened. ${reason} Your draft is shown instead.`, [], "warning");
    }
  }
  if (linked && (!draft || sameApp(draft, linked))) {
    history.replaceState(null, "", location.pathname + location.search); // the draft takes over
    drafts.save(linked);
    app = linked;
  } else {
    app = draft ?? app;
  }
  requirementsBox.value = app.requirements.join("\n");
  requirementsBox.addEventListener("input", () => {
    app.requirements = requirementsBox.value.split("\n").map((l) => l.trim()).filter(Boolean);
    saveDraft();
  });
  $("wb-run").onclick = () => void run();
  $("wb-share").onclick = () => void share();
  openFile(app.entrypoint);
  if (linked && draft && !sameApp(draft, linked)) askBeforeReplacing(linked, draft);
  await run();
}

init().catch((err) => showProblem(String(err?.message ?? err)));
registerOffline(base);
