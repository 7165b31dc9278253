// A stand-in for Gradio's `@self/tootils` (js/tootils in gradio-app/gradio), the helpers its browser tests
// (js/spa/test/*.spec.ts) import. Gradio's fixture starts the demo's Python server per spec file; this one
// opens the demo's wasmblocks export instead, served by tests/corpus/run_specs.py, and waits until the app
// is on screen (data-state="ready", or "login" for a login form), so each test starts where Gradio's would.

import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test as base, expect, type Locator, type Page } from "@playwright/test";

export { expect };

/** run_specs.py's map of export keys ("demo" or "demo__case") to URLs, written before Playwright starts. */
const SITES: Record<string, string> = JSON.parse(readFileSync(process.env.WASMBLOCKS_SPEC_SITES ?? "", "utf8"));
const READY_MS = Number(process.env.WASMBLOCKS_READY_MS ?? 60_000);
const APP = "#wasmblocks-app";

/**
 * Which export a test runs against: a title "case <name>: …" or "test case <name> …" names a testcase app
 * (demo/<demo>/<name>_testcase.py) when that demo has one, as in Gradio's fixture; otherwise the demo itself.
 */
function exportKey(demo: string, title: string): string {
  for (const pattern of [/^case\s+(\w+):/, /^test case\s+(\w+)\s/]) {
    const match = title.match(pattern);
    if (match && `${demo}__${match[1]}` in SITES) return `${demo}__${match[1]}`;
  }
  return demo;
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // "login": launch(auth=…)'s form is the first page, as Gradio's login page is.
  const states = ["ready", "error", "login"].map((state) => `${APP}[data-state="${state}"]`);
  await page.waitForSelector(states.join(", "), { timeout: READY_MS });
  if ((await page.locator(APP).getAttribute("data-state")) === "error") {
    const message = await page.locator("[data-testid=boot-error] .wb-boot-error-message").first().textContent();
    throw new Error(`the demo did not start on wasmblocks: ${(message ?? "").trim().split("\n")[0]}`);
  }
}

export const test = base.extend<{ setup: void }>({
  setup: [
    async ({ page }, use, testInfo) => {
      const demo = path.basename(testInfo.file, ".spec.ts");
      const key = exportKey(demo, testInfo.title);
      const url = SITES[key];
      if (!url) throw new Error(`no wasmblocks export of ${key} (see tests/corpus/results/specs.md)`);
      await openApp(page, url);
      await use();
    },
    { auto: true },
  ],
});

export function get_text<T extends HTMLElement>(el: T): string {
  return el.innerText.trim();
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Drop `count` copies of a file on an element, as a user dragging it from the desktop would. */
export async function drag_and_drop_file(
  page: Page,
  target: string | Locator,
  filePath: string,
  fileName: string,
  fileType = "",
  count = 1,
): Promise<void> {
  const base64 = (await readFile(filePath)).toString("base64");
  const transfer = await page.evaluateHandle(
    ({ base64, fileName, fileType, count }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      for (let i = 0; i < count; i++) data.items.add(new File([bytes], fileName, { type: fileType }));
      return data;
    },
    { base64, fileName, fileType, count },
  );
  const element = typeof target === "string" ? page.locator(target).first() : target;
  for (const type of ["dragenter", "dragover", "drop"]) {
    await element.dispatchEvent(type, { dataTransfer: transfer });
  }
}

/** Gradio's fixture already opened the testcase's own app (see exportKey); so has ours. */
export async function go_to_testcase(_page: Page, _testCase: string): Promise<void> {}
