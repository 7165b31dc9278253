"""The init script of the shaped-link scenario: when the real app is drawn, and when it answered an event.

It runs in every page before the page's own scripts (context.add_init_script) and fills `window.__bench`:
- `paint`: the frame in which every labelled control the app shows first is visible (navigation start → ms);
- `ready`: #wasmblocks-app got data-state="ready" (ours only; the Gradio server's page has no such state);
- `answered`: once drawn and ready, the app was given an input (typed into a textbox, or a click) and the
  answer is in the output: this is time to interactive. The same code drives our page and Gradio's
  (both render `<label>` around or for their inputs, with the label's text).
"""

import json

# Per app: the labels (text of a label, button or tab) that must be visible, the textbox to type into,
# the button to click (None: typing alone triggers the event), the output textbox and the text it must show.
APPS = {
    "hello": {"labels": ["Name", "Greeting"], "type_into": "Name", "click": None,
              "output": "Greeting", "expect": "Welcome to Gradio, Ada!"},
    "showcase": {"labels": ["Name", "Greet", "Greeting", "Calculator", "Streaming", "Memory"], "type_into": "Name",
                 "click": "Greet", "output": "Greeting", "expect": "Hello, Ada!"},
}

_SCRIPT = """
(() => {
  if (window.top !== window || location.pathname.includes("bench-baseline")) return;
  const cfg = %s;
  const bench = (window.__bench = { paint: null, ready: null, answered: null, error: null });
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const allByText = (text) =>
    [...document.querySelectorAll("label, span, button, [role=tab]")].filter((el) => el.textContent.trim() === text && visible(el));
  const byText = (text) => allByText(text)[0] || null;
  // The input a label names (a tab may carry the same text: "Greeting" is a tab and a Textbox in the showcase).
  const field = (text) => {
    for (const el of allByText(text)) {
      const label = el.closest("label") || el;
      const box = label.control || label.querySelector("textarea, input");
      if (box) return box;
    }
    return null;
  };
  const isReady = () => {
    const root = document.getElementById("wasmblocks-app");
    return !root || root.dataset.state === "ready";  // the Gradio server's page: ready once drawn
  };
  let asked = false;
  const setValue = (box, value) => {
    const proto = box instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(box, value);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const tick = () => {
    try {
      const now = performance.now();
      if (bench.paint === null && cfg.labels.every(byText)) {
        const box = field(cfg.type_into);
        if (box && visible(box)) bench.paint = now;
      }
      if (bench.ready === null && document.getElementById("wasmblocks-app")?.dataset.state === "ready") bench.ready = now;
      if (bench.paint !== null && isReady() && !asked) {
        asked = true;
        setValue(field(cfg.type_into), "Ada");
        if (cfg.click) allByText(cfg.click).find((el) => el.tagName === "BUTTON").click();
      }
      if (asked && bench.answered === null) {
        const out = field(cfg.output);
        if (out && out.value.includes(cfg.expect)) bench.answered = now;
      }
    } catch (err) {
      bench.error = String(err && err.stack || err);
    }
    if (bench.answered === null && bench.error === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""


def init_script(app: str) -> str:
    return _SCRIPT % json.dumps(APPS[app])


# When the page's own code (HTML, CSS, JS bundle and the chunks it imports) had arrived: the earliest the
# page can draw the app from the tree `export` embedded in it (web/src/client/early.ts).
PAGE_CODE_JS = """
() => {
  const own = performance.getEntriesByType("resource").filter((e) =>
    /\\/assets\\/(wasmblocks\\.(js|css)|chunks\\/chunk-)/.test(e.name));
  const nav = performance.getEntriesByType("navigation")[0];
  return Math.max(nav ? nav.responseEnd : 0, ...own.map((e) => e.responseEnd));
}
"""
