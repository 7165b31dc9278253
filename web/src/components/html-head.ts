// gr.HTML(head=…): the component's own <script>/<link>/<style> tags go into document.head before its
// js_on_load runs, as in Gradio 6. Scripts are deduplicated by src (and inline ones by text), links by
// href, so two components that need one library load it once; a component whose script another one is
// still loading waits for that load. A created <script> would be async by default: it takes the author's
// own async flag instead, so plain scripts run in document order (Gradio's html_head_script_order demo)
// and async ones as they arrive.

const scriptLoads = new Map<string, Promise<void>>();

function addScript(parsed: HTMLScriptElement, waits: Promise<void>[]): void {
  const src = parsed.src;
  if (!src) {
    const text = parsed.textContent ?? "";
    if (Array.from(document.scripts).some((s) => !s.src && s.textContent === text)) return;
    const script = document.createElement("script");
    script.textContent = text;
    document.head.appendChild(script);
    return;
  }
  const pending = scriptLoads.get(src);
  if (pending) {
    waits.push(pending);
    return;
  }
  // Compared as strings, not with a selector: a src may hold characters a selector cannot.
  if (Array.from(document.scripts).some((s) => s.src === src)) return;
  const script = document.createElement("script");
  for (const attr of Array.from(parsed.attributes)) script.setAttribute(attr.name, attr.value);
  script.async = parsed.async;
  const load = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`head script ${src} did not load`));
  });
  scriptLoads.set(src, load);
  waits.push(load);
  document.head.appendChild(script);
}

/** Put `html`'s tags into document.head; resolves when its scripts have run (rejects if one fails). */
export async function loadHead(html: string): Promise<void> {
  const parsed = new DOMParser().parseFromString(`<head>${html}</head>`, "text/html");
  const waits: Promise<void>[] = [];
  for (const el of Array.from(parsed.head.children)) {
    if (el instanceof HTMLScriptElement) {
      addScript(el, waits);
      continue;
    }
    const href = el instanceof HTMLLinkElement ? el.href : "";
    if (href && Array.from(document.querySelectorAll("link")).some((l) => l.href === href)) continue;
    document.head.appendChild(document.importNode(el, true));
  }
  await Promise.all(waits);
}
