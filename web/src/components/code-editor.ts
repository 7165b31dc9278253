// The CodeMirror half of gr.Code, in its own module so esbuild puts it (and CodeMirror) in a lazy chunk.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting, type LanguageSupport } from "@codemirror/language";
import { c, cpp } from "@codemirror/legacy-modes/mode/clike";
import { dockerFile } from "@codemirror/legacy-modes/mode/dockerfile";
import { jinja2 } from "@codemirror/legacy-modes/mode/jinja2";
import { r } from "@codemirror/legacy-modes/mode/r";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import * as sql from "@codemirror/legacy-modes/mode/sql";
import { stex } from "@codemirror/legacy-modes/mode/stex";
import { yaml } from "@codemirror/legacy-modes/mode/yaml";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";

// Gradio's language names (gr.Code.languages) → CodeMirror: its language packages, or a legacy stream mode
// (as Gradio's own front end does) for C, C++, LaTeX, Jinja2, YAML, Dockerfile, shell, R and the SQL dialects.
type Language = () => LanguageSupport | StreamLanguage<unknown>;
const stream = (mode: Parameters<typeof StreamLanguage.define>[0]): Language => () => StreamLanguage.define(mode);
const SQL_DIALECTS = ["msSQL", "mySQL", "mariaDB", "sqlite", "cassandra", "plSQL", "hive", "pgSQL", "gql", "gpSQL", "sparkSQL", "esper"] as const;
const LANGUAGES: Record<string, Language> = {
  python,
  javascript,
  typescript: () => javascript({ typescript: true }),
  json,
  markdown,
  html,
  css,
  c: stream(c),
  cpp: stream(cpp),
  latex: stream(stex),
  jinja2: stream(jinja2),
  yaml: stream(yaml),
  dockerfile: stream(dockerFile),
  shell: stream(shell),
  r: stream(r),
  sql: stream(sql.standardSQL),
  ...Object.fromEntries(SQL_DIALECTS.map((d) => [`sql-${d}`, stream(sql[d])])),
};

export interface EditorOptions {
  doc: string;
  language: string | null;
  editable: boolean;
  lineNumbers: boolean;
  wrap: boolean;
  onChange(doc: string): void;
  onFocus(): void;
  onBlur(): void;
}

export class CodeEditor {
  private view: EditorView;
  private applying = false;
  private readonly readOnly = new Compartment();

  constructor(parent: HTMLElement, options: EditorOptions) {
    const extensions: Extension[] = [
      history(),
      bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      this.readOnly.of([EditorState.readOnly.of(!options.editable), EditorView.editable.of(options.editable)]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && !this.applying) options.onChange(u.state.doc.toString());
      }),
      EditorView.domEventHandlers({ focus: () => options.onFocus(), blur: () => options.onBlur() }),
    ];
    if (options.lineNumbers) extensions.push(lineNumbers());
    if (options.editable) extensions.push(highlightActiveLine());
    if (options.wrap) extensions.push(EditorView.lineWrapping);
    const lang = options.language ? LANGUAGES[options.language] : undefined;
    if (lang) extensions.push(lang());
    this.view = new EditorView({ parent, state: EditorState.create({ doc: options.doc, extensions }) });
    // Gradio's name for the editor's content; its specs find the editor by it (theme_builder.spec.ts).
    this.view.contentDOM.setAttribute("aria-label", "Code input container");
  }

  /** Replace the text (an update from Python) without reporting it back as a user edit. */
  setDoc(doc: string): void {
    const current = this.view.state.doc.toString();
    if (current === doc) return;
    this.applying = true;
    this.view.dispatch({ changes: { from: 0, to: current.length, insert: doc } });
    this.applying = false;
  }

  destroy(): void {
    this.view.destroy();
  }
}
