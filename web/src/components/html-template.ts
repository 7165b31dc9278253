// Gradio 6's gr.HTML templates: Handlebars-style blocks ({{value}}, {{{raw}}}, {{#each}}, {{#if}}/{{else}})
// first, then the result as a JS template string (${value}, ${props.x}) — both written by the app's author.

type Scope = { self: any; index?: number; vars: Record<string, any> };

const escapeHtml = (v: any) =>
  String(v ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // `$` and backquotes would otherwise be read by the JS template pass that follows.
    .replace(/\$/g, "&#36;")
    .replace(/`/g, "&#96;");

function lookup(expr: string, scope: Scope): any {
  const e = expr.trim();
  if (e === "this" || e === ".") return scope.self;
  if (e === "@index") return scope.index;
  if (/^-?\d+(\.\d+)?$/.test(e)) return Number(e);
  if (/^(['"]).*\1$/.test(e)) return e.slice(1, -1);
  const parts = e.replace(/^this\./, "").split(".");
  let cur: any = e.startsWith("this.") ? scope.self : parts[0] in scope.vars ? scope.vars : scope.self;
  for (const p of parts) cur = cur == null ? undefined : cur[p];
  return cur;
}

interface Block {
  kind: "each" | "if";
  expr: string;
  body: string;
  otherwise: string;
  end: number;
}

/** The block opened at `start` (just after its "{{#kind expr}}"), with nesting respected. */
function readBlock(src: string, kind: "each" | "if", expr: string, start: number): Block {
  const re = /\{\{(#(each|if)\b[^}]*|\/(each|if)|else)\}\}/g;
  re.lastIndex = start;
  let depth = 0;
  let elseAt = -1;
  let elseEnd = -1;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[1].startsWith("#")) depth++;
    else if (m[1] === "else" && depth === 0) {
      elseAt = m.index;
      elseEnd = re.lastIndex;
    } else if (m[1].startsWith("/")) {
      if (depth === 0) {
        const body = src.slice(start, elseAt >= 0 ? elseAt : m.index);
        const otherwise = elseAt >= 0 ? src.slice(elseEnd, m.index) : "";
        return { kind, expr, body, otherwise, end: re.lastIndex };
      }
      depth--;
    }
  }
  throw new Error(`html_template: {{#${kind} ${expr}}} is never closed`);
}

export function handlebars(src: string, scope: Scope): string {
  let out = "";
  let i = 0;
  const open = /\{\{\{([^}]+)\}\}\}|\{\{#(each|if)\s+([^}]+)\}\}|\{\{([^#/}][^}]*)\}\}/g;
  for (let m = open.exec(src); m; m = open.exec(src)) {
    out += src.slice(i, m.index);
    if (m[1] !== undefined) {
      out += String(lookup(m[1], scope) ?? "").replace(/\$/g, "&#36;").replace(/`/g, "&#96;");
      i = open.lastIndex;
    } else if (m[2] !== undefined) {
      const block = readBlock(src, m[2] as "each" | "if", m[3], open.lastIndex);
      const subject = lookup(block.expr, scope);
      if (block.kind === "if") {
        const truthy = Array.isArray(subject) ? subject.length > 0 : !!subject;
        out += handlebars(truthy ? block.body : block.otherwise, scope);
      } else {
        const items: [any, number][] = Array.isArray(subject)
          ? subject.map((v, k) => [v, k])
          : subject && typeof subject === "object"
            ? Object.values(subject).map((v, k) => [v, k])
            : [];
        out += items.length
          ? items.map(([v, k]) => handlebars(block.body, { self: v, index: k, vars: scope.vars })).join("")
          : handlebars(block.otherwise, scope);
      }
      i = open.lastIndex = block.end;
    } else {
      if (m[4].trim() === "else") continue;
      out += escapeHtml(lookup(m[4], scope));
      i = open.lastIndex;
    }
  }
  return out + src.slice(i);
}

/** Evaluate `${…}` in `template` with `value`, `props` and every prop as a variable. */
export function jsTemplate(template: string, vars: Record<string, any>): string {
  const names = Object.keys(vars).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const body = "return `" + template.replace(/\\/g, "\\\\").replace(/`/g, "\\`") + "`;";
  // eslint-disable-next-line no-new-func
  return new Function(...names, body)(...names.map((n) => vars[n]));
}

export function fillTemplate(template: string, value: any, props: Record<string, any>): string {
  const vars = { ...props, props: { ...props, value }, value };
  return jsTemplate(handlebars(template, { self: vars, vars }), vars);
}
