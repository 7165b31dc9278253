// gr.HTML's templates, as Gradio 6 fills them (js/html/shared/HTML.svelte): Handlebars first ({{value}},
// {{#each}}, {{#if}}), then the result is the body of a JS template literal whose variables are the props
// (`${value}`, `${Array.from({length: n}, (_, i) => `<img …>`).join('')}`). The template is the author's
// code and goes into the literal as written, backquotes and all: nested literals in `${…}` are the usual
// way to loop (escaping them broke Gradio's star-rating demos with "Invalid or unexpected token").
// What Handlebars puts in from values stays text: `\`, backquotes and `${` in a value are escaped for the
// literal, so a typed "${…}" is shown, never run, and a "\u" in it is no syntax error.
// Handlebars is loaded only when a template has "{{".

import type HandlebarsNS from "handlebars";
import { errorText } from "../error-text";

type Handlebars = typeof HandlebarsNS;
type Mustache = hbs.AST.MustacheStatement;

const TEXT = "__wb_text";
const RAW = "__wb_raw";

let handlebars: Handlebars | null = null;
let loading: Promise<void> | null = null;

export function needsHandlebars(template: string | null | undefined): boolean {
  return !!template && template.includes("{{");
}

/** Fetch Handlebars (a chunk of its own) once; later calls share the load. */
export function loadHandlebars(): Promise<void> {
  return (loading ??= import("handlebars").then(
    (mod) => {
      // The CommonJS build's namespace: its API is `default` where the bundler wraps it, else the module itself.
      const base = ((mod as { default?: Handlebars }).default ?? mod) as Handlebars;
      const hb = base.create();
      hb.registerHelper(TEXT, (v: unknown) => new hb.SafeString(literalText(hb.escapeExpression(v as string))));
      hb.registerHelper(RAW, (v: unknown) => new hb.SafeString(literalText(v == null ? "" : String(v))));
      handlebars = hb;
    },
    (err) => {
      loading = null; // the next render tries again
      throw err;
    },
  ));
}

/** `s` as it must be written inside a template literal to come out unchanged. */
function literalText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

/** {{x}} → {{__wb_text x}}, {{{x}}} → {{__wb_raw x}}, {{helper a b}} → {{__wb_text (helper a b)}}, everywhere. */
function wrapOutputs(node: unknown): void {
  if (!node || typeof node !== "object") return;
  // Any node of the tree: a Program has a body, a block its program and inverse.
  const n = node as { body?: unknown; program?: unknown; inverse?: unknown };
  if (Array.isArray(n.body)) {
    n.body = n.body.map((statement: hbs.AST.Statement) => {
      if (statement.type === "MustacheStatement") return wrapped(statement as Mustache);
      wrapOutputs(statement);
      return statement;
    });
  }
  wrapOutputs(n.program);
  wrapOutputs(n.inverse);
}

function wrapped(m: Mustache): Mustache {
  const isCall = m.params.length > 0 || (m.hash?.pairs?.length ?? 0) > 0;
  const inner = isCall ? { type: "SubExpression", path: m.path, params: m.params, hash: m.hash, loc: m.loc } : m.path;
  const helper = m.escaped ? TEXT : RAW;
  const path = { type: "PathExpression", data: false, depth: 0, parts: [helper], original: helper, loc: m.loc };
  const { hash: _, ...rest } = m; // the hash went into the call above
  return { ...rest, path, params: [inner], escaped: true } as Mustache;
}

const compiled = new Map<string, (ctx: Record<string, unknown>) => string>();

function runHandlebars(template: string, vars: Record<string, unknown>): string {
  let fn = compiled.get(template);
  if (!fn) {
    const hb = handlebars!;
    const ast = hb.parseWithoutProcessing(template);
    wrapOutputs(ast);
    fn = hb.compile<Record<string, unknown>>(ast);
    if (compiled.size > 200) compiled.clear();
    compiled.set(template, fn);
  }
  return fn(vars);
}

// Words a JS parameter cannot be named: a prop with such a name cannot be read by the template anyway.
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with yield let static implements interface package private protected public await arguments eval").split(" "),
);

/** `text` evaluated as a template literal with each of `vars` as a variable. */
export function templateLiteral(text: string, vars: Record<string, unknown>): string {
  const names = Object.keys(vars).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !RESERVED.has(n));
  // The author's own template code, trusted like Gradio's js= (see docs/security.md).
  // eslint-disable-next-line no-new-func
  return String(new Function(...names, "return `" + text + "`;")(...names.map((n) => vars[n])));
}

export type Filled = { text: string } | { error: string } | { waiting: Promise<void> };

/** One template filled with `vars`, an error message, or the Handlebars load to wait for. */
export function fillTemplate(template: string, vars: Record<string, unknown>): Filled {
  try {
    if (!needsHandlebars(template)) return { text: templateLiteral(template, vars) };
    if (!handlebars) return { waiting: loadHandlebars() };
    return { text: templateLiteral(runHandlebars(template, vars), vars) };
  } catch (err) {
    return { error: errorText(err) };
  }
}
