// The app's look: a gr.themes theme's CSS variables, light/dark mode, and the app's head= and js=.
// Dark mode follows the system (prefers-color-scheme) unless ?__theme=dark|light forces it, as in Gradio.

import type { ThemeVars } from "../protocol";
import { setStyleTag } from "./hooks";

export type Mode = "light" | "dark";

/** ?__theme=dark / ?__theme=light, or null to follow the system. */
export function forcedMode(search: string = location.search): Mode | null {
  const value = new URLSearchParams(search).get("__theme");
  return value === "dark" || value === "light" ? value : null;
}

let stopFollowing: (() => void) | null = null;

/** Put `dark` on the app root and <body> now, and keep it in step with the system unless forced (by
 * ?__theme=, or by `choice`, the footer's Settings). */
export function applyMode(root: HTMLElement, choice: Mode | "system" = "system"): void {
  const set = (dark: boolean): void => {
    root.classList.toggle("dark", dark);
    document.body.classList.toggle("dark", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  };
  stopFollowing?.();
  stopFollowing = null;
  const forced = choice === "system" ? forcedMode() : choice;
  if (forced) return set(forced === "dark");
  const query = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  set(!!query?.matches);
  if (!query) return;
  const onChange = (e: MediaQueryListEvent): void => set(e.matches);
  query.addEventListener("change", onChange);
  stopFollowing = () => query.removeEventListener("change", onChange);
}

function declarations(vars: Record<string, string>): string {
  // Values come from the app's own theme; a "}" or ";" cannot end the rule early because names are
  // checked and values are written as they are, like Gradio writes its theme CSS.
  return Object.entries(vars)
    .filter(([name]) => /^[a-z0-9-]+$/.test(name))
    .map(([name, value]) => `  --${name}: ${String(value).replace(/[{}]/g, "")};`)
    .join("\n");
}

/** Set (or remove) the theme's variables: a <style> after the built-in sheet, so it wins at equal specificity. */
export function applyThemeVars(vars: ThemeVars | null | undefined, scope?: string): void {
  // An embedded app (scope set) themes only its own root and leaves <body> to the host page.
  const tagId = scope ? `wasmblocks-theme-${scope}` : "wasmblocks-theme";
  const container = scope ? `.gradio-container[data-wb-scope="${scope}"]` : ".gradio-container";
  if (!vars) return setStyleTag(tagId, null);
  const light = vars.light["body-background-fill"] ?? "";
  const dark = vars.dark["body-background-fill"] ?? light;
  setStyleTag(
    tagId,
    `${container} {\n${declarations(vars.light)}\n}\n${container}.dark {\n${declarations(vars.dark)}\n}\n` +
    (scope ? "" : `body { background: ${light.replace(/[{};]/g, "")}; }\nbody.dark { background: ${dark.replace(/[{};]/g, "")}; }\n`),
  );
}

/** launch(favicon_path=…): make `url` the page's icon (an embedded app leaves the host page's alone). */
export function setFavicon(url: string | null | undefined): void {
  if (!url) return;
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.appendChild(link);
  }
  link.href = url;
}

let headInserted = false;

/** Append the app's head= HTML to document.head as-is (Gradio does not sanitize it); its scripts run. */
export function insertHead(html: string | null | undefined): void {
  if (!html || headInserted) return;
  headInserted = true;
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of Array.from(template.content.childNodes)) {
    if (node instanceof HTMLScriptElement) {
      // A script parsed by innerHTML never runs: re-create it so it does. A created script is async unless
      // told otherwise; as in Gradio, it runs in document order unless the author wrote `async`.
      const script = document.createElement("script");
      script.async = false;
      for (const attr of Array.from(node.attributes)) script.setAttribute(attr.name, attr.value);
      script.textContent = node.textContent;
      document.head.appendChild(script);
    } else {
      document.head.appendChild(node);
    }
  }
}

/** Run the app's js= once: a function expression (Gradio's form) is called; plain statements are run. */
export async function runAppJs(js: string | null | undefined): Promise<void> {
  if (!js) return;
  try {
    let fn: unknown;
    try {
      fn = new Function(`return (${js});`)();
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      fn = new Function(js);
    }
    if (typeof fn === "function") await fn();
  } catch (err) {
    console.error("wasmblocks: the app's js= failed:", err);
  }
}
