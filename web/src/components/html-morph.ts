// A re-rendered gr.HTML template changes the page's nodes in place, as Gradio's does (HTML.svelte's
// updateDOM): nodes are paired by position, and a pair of elements with the same tag keeps the element —
// only its changed attributes and children are touched. So the listeners js_on_load attached (a star's
// click) and what the user did to the DOM (focus, a typed caret) survive a new value. A keyed morphing
// library would move nodes or reset form state where Gradio leaves them alone.

/** Make `target`'s children look like `source`'s; nodes of `source` may be moved into `target`. */
export function morphChildren(target: Node, source: Node): void {
  const olds = Array.from(target.childNodes);
  const news = Array.from(source.childNodes);
  for (let i = 0; i < Math.max(olds.length, news.length); i++) {
    const old = olds[i];
    const next = news[i];
    if (!old) target.appendChild(next!);
    else if (!next) target.removeChild(old);
    else morphNode(old, next);
  }
}

function morphNode(old: Node, next: Node): void {
  if (old.nodeType === Node.TEXT_NODE && next.nodeType === Node.TEXT_NODE) {
    if (old.textContent !== next.textContent) old.textContent = next.textContent;
    return;
  }
  if (old instanceof Element && next instanceof Element && old.tagName === next.tagName && old.namespaceURI === next.namespaceURI) {
    syncAttributes(old, next);
    morphChildren(old, next);
    return;
  }
  old.parentNode?.replaceChild(next, old);
}

function syncAttributes(old: Element, next: Element): void {
  for (const attr of Array.from(old.attributes)) {
    if (!next.hasAttributeNS(attr.namespaceURI, attr.localName)) old.removeAttributeNS(attr.namespaceURI, attr.localName);
  }
  for (const attr of Array.from(next.attributes)) {
    if (old.getAttributeNS(attr.namespaceURI, attr.localName) === attr.value) continue;
    old.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
    // The attribute is only the default of a form field that has been edited: set what it shows too.
    if (attr.name === "value" && (old instanceof HTMLInputElement || old instanceof HTMLTextAreaElement || old instanceof HTMLSelectElement)) {
      old.value = attr.value;
    }
  }
}
