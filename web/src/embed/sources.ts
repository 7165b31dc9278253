// Read a <wasm-blocks> element's app: inline code (its own text), or src="app.py"; child
// <wasm-blocks-file name=… [entrypoint] [src=…]> files and <wasm-blocks-requirements> lines. Gradio-Lite's
// child names (<gradio-file>, <gradio-requirements>, <gradio-code>) are read the same way.

import type { AppFiles } from "../protocol";
import { errorText } from "../error-text";

const FILE = "wasm-blocks-file, gradio-file";
const REQS = "wasm-blocks-requirements, gradio-requirements";
// A <script type="text/x-python"> child keeps `<` and `&` as written (HTML text would parse them).
const CODE = 'wasm-blocks-code, gradio-code, script[type="text/x-python"], script[type="text/python"]';

/** Remove the common leading indentation and the blank first/last lines HTML layout adds. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && !lines[0]?.trim()) lines.shift();
  while (lines.length && !lines.at(-1)?.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n") + "\n";
}

async function fetchText(src: string, what: string): Promise<string> {
  const url = new URL(src, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error(`Could not load ${what} from ${url.href}: ${errorText(err)}`);
  }
  if (!response.ok) throw new Error(`Could not load ${what} from ${url.href} (HTTP ${response.status})`);
  return response.text();
}

async function fetchBytes(src: string, what: string): Promise<Uint8Array> {
  const url = new URL(src, document.baseURI);
  const response = await fetch(url).catch((err) => {
    throw new Error(`Could not load ${what} from ${url.href}: ${errorText(err)}`);
  });
  if (!response.ok) throw new Error(`Could not load ${what} from ${url.href} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The element's own text: its text nodes (and a <wasm-blocks-code> child), not its file children. */
function ownCode(el: Element): string {
  const code = el.querySelector(`:scope > :is(${CODE})`);
  if (code) return code.textContent ?? "";
  return Array.from(el.childNodes)
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join("");
}

/** The app an element describes; errors say which attribute or child is wrong. */
export async function readApp(el: Element): Promise<AppFiles> {
  const files: Record<string, string | Uint8Array> = {};
  let entrypoint = el.getAttribute("entrypoint") || "";
  const src = el.getAttribute("src");
  const inline = dedent(ownCode(el));
  if (src) {
    const name = entrypoint || src.split(/[?#]/)[0]?.split("/").pop() || "app.py";
    files[name] = await fetchText(src, `the app (src="${src}")`);
    entrypoint = name;
  } else if (inline.trim()) {
    entrypoint ||= "app.py";
    files[entrypoint] = inline;
  }
  for (const child of Array.from(el.querySelectorAll(`:scope > :is(${FILE})`))) {
    const name = child.getAttribute("name");
    if (!name) throw new Error(`<${child.localName}> needs a name="…" attribute (its path in the app folder)`);
    const childSrc = child.getAttribute("src");
    // Files from src= travel as bytes (images, data); inline ones are text.
    files[name] = childSrc ? await fetchBytes(childSrc, name) : dedent(child.textContent ?? "");
    if (child.hasAttribute("entrypoint")) entrypoint = name;
  }
  const requirements = Array.from(el.querySelectorAll(`:scope > :is(${REQS})`))
    .flatMap((r) => (r.textContent ?? "").split("\n"))
    .map((line) => (line.split(" #")[0] ?? "").trim())
    .filter((line) => line && !line.startsWith("#"));
  if (!entrypoint) {
    const py = Object.keys(files).filter((f) => f.endsWith(".py"));
    if (py.length !== 1 || !py[0]) {
      throw new Error(
        "<wasm-blocks> has no app: put the Python code inside the element, use src=\"app.py\", " +
          "or mark one <wasm-blocks-file> with the entrypoint attribute",
      );
    }
    entrypoint = py[0];
  }
  if (!(entrypoint in files)) throw new Error(`The entry file ${entrypoint} is not among the element's files`);
  return { entrypoint, files, requirements };
}
