// gr.Code: CodeMirror 6, loaded on first use (its chunk is large), read-only when not interactive.
// Until the editor has loaded, the code is shown in a plain <pre> so the value is never hidden.

import { useEffect, useRef, useState } from "preact/hooks";
import { BlockLabel, labelOf } from "../renderer/atoms";
import type { ComponentProps } from "../renderer/types";
import { num, str } from "../renderer/props";
import { CopyButton, CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./code.css";

type CM = typeof import("./code-editor");
let loading: Promise<CM> | null = null;
function loadEditor(): Promise<CM> {
  return (loading ??= import("./code-editor"));
}

export function Code({ id, store, props, value, setValue, trigger }: ComponentProps) {
  const label = labelOf(props, "Code");
  const text = value == null ? "" : String(value);
  const buttons = readButtons(props.buttons);
  const editable = props.interactive !== false;
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<import("./code-editor").CodeEditor | null>(null);
  const [ready, setReady] = useState(false);
  // Callbacks change identity per render; the editor calls through this ref.
  const emitted = useRef<string | null>(null);
  const handlers = useRef({ setValue, trigger });
  handlers.current = { setValue, trigger };

  useEffect(() => {
    let cancelled = false;
    void loadEditor().then((cm) => {
      if (cancelled || !host.current) return;
      editor.current = new cm.CodeEditor(host.current, {
        doc: text,
        language: str(props.language) ?? null,
        editable,
        lineNumbers: props.show_line_numbers !== false,
        wrap: !!props.wrap_lines,
        onChange: (doc) => {
          emitted.current = doc;
          handlers.current.setValue(doc);
        },
        onFocus: () => handlers.current.trigger("focus"),
        onBlur: () => handlers.current.trigger("blur"),
      });
      setReady(true);
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
    // The editor is rebuilt only when its configuration changes; the text is synced below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.language, editable, props.show_line_numbers, props.wrap_lines]);

  // Only values that did not come from this editor replace its text: a re-render carrying the value of a
  // few keystrokes ago must not undo what was typed since (it did, with fast typing).
  useEffect(() => {
    // Effects run after paint: if the store moved on since this render (more typing), this text is stale.
    const latest = store.getValue(id);
    if (text === emitted.current || (latest ?? "") !== text) return;
    // A value that arrives while the editor is still loading is put in once it is there (`ready`).
    if (!editor.current) return;
    emitted.current = text;
    editor.current.setDoc(text);
  }, [text, ready]);

  const lines = num(props.lines, 5);
  const maxLines = num(props.max_lines) ?? null;
  const lineHeight = 20;
  return (
    <div class="wb-code" data-testid="code">
      <BlockLabel show={props.show_label !== false} label={label} />
      {text ? (
        <CornerButtons buttons={buttons} store={store}>
          {buttons.has("copy") ? <CopyButton text={() => text} /> : null}
          {buttons.has("download") ? <DownloadText text={text} name={`file.${extensionOf(str(props.language, ""))}`} /> : null}
        </CornerButtons>
      ) : null}
      <div
        class="codemirror-wrapper"
        style={{ minHeight: `${lines * lineHeight + 8}px`, maxHeight: maxLines ? `${maxLines * lineHeight + 8}px` : undefined }}
      >
        {ready ? null : <pre class="code-fallback">{text}</pre>}
        <div ref={host} class="code-host" />
      </div>
    </div>
  );
}

// Gradio's download button names the file by the language (file.py, file.js, …; "txt" otherwise).
const EXTENSIONS: Record<string, string> = {
  py: "py", python: "py", md: "md", markdown: "md", json: "json", html: "html", css: "css", js: "js", javascript: "js",
  ts: "ts", typescript: "ts", yaml: "yaml", yml: "yml", dockerfile: "dockerfile", sh: "sh", shell: "sh", r: "r",
  c: "c", cpp: "cpp", latex: "tex",
};
const extensionOf = (language: string): string => EXTENSIONS[language] ?? "txt";

/** A link that saves `text` as a file (a Blob URL made when clicked, released right after). */
function DownloadText({ text, name }: { text: string; name: string }) {
  return (
    <a
      class="icon-button"
      href="#"
      download={name}
      aria-label="Download"
      title="Download"
      onClick={(e) => {
        const a = e.currentTarget;
        const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
        a.href = url;
        setTimeout(() => {
          URL.revokeObjectURL(url);
          a.href = "#";
        }, 0);
      }}
    >
      ⇣
    </a>
  );
}
