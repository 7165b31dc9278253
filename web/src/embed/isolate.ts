// Several apps on one page render the same block ids, so the renderer's element ids (component-3,
// component-3-input, …) repeat, and a <label for="component-3-input"> of the second app would name the
// first app's input. Inside an embedded app's root this gives those ids a per-app prefix, and rewrites the
// attributes that point at them (for, aria-labelledby, …), as the renderer writes them.

const REFS = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant", "list"];
const RENDERER_ID = /^component-\d/;

/** Keep ids under `root` unique on the page; returns a function that stops watching. */
export function isolateIds(root: HTMLElement, scope: string): () => void {
  const prefix = `${scope}-`;
  const own = (id: string) => id.startsWith(prefix);
  const referenced = new Set<string>(); // ids some attribute points at; their element may come later

  const renameTarget = (id: string): void => {
    // CSS.escape: ids such as "My label-upload-button" are valid ids but not valid selectors.
    const target = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (target) target.id = prefix + id;
  };
  const fix = (el: Element): void => {
    if (el.id && !own(el.id) && (RENDERER_ID.test(el.id) || referenced.has(el.id))) el.id = prefix + el.id;
    for (const attr of REFS) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      const tokens = value.split(/\s+/).filter(Boolean);
      if (tokens.every(own)) continue;
      const fixed = tokens.map((t) => {
        if (own(t)) return t;
        // A target that is not the renderer's (e.g. `${label}-button`) is renamed only when referenced.
        if (!RENDERER_ID.test(t)) {
          referenced.add(t);
          renameTarget(t);
        }
        return prefix + t;
      });
      el.setAttribute(attr, fixed.join(" "));
    }
  };
  const fixTree = (node: Node): void => {
    if (!(node instanceof Element)) return;
    fix(node);
    node.querySelectorAll("[id], [for], [aria-labelledby], [aria-describedby], [aria-controls], [aria-owns], [aria-activedescendant], [list]").forEach(fix);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") fix(r.target as Element);
      else r.addedNodes.forEach(fixTree);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["id", ...REFS] });
  fixTree(root);
  return () => observer.disconnect();
}
