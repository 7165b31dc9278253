// Boot steps, kept separate so a memory snapshot can later replace "start Python" + "import wasmblocks":
// 1 startPython, 2 installWasmblocks, 3 writeApp (+ installRequirements), 4 runApp.

import type { AppFiles, BootStage } from "../protocol";

export const APP_DIR = "/home/pyodide/app";

export interface RuntimeInfo {
  version: string;
  wheel: string;
  pyodide: string;
}

type Pyodide = any;

/** Fetch JSON or text relative to the site, with an error that names the URL. */
async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.pathname} (HTTP ${response.status})`);
  return response;
}

export async function readRuntimeInfo(base: URL): Promise<RuntimeInfo> {
  return (await fetchOk(new URL("runtime.json", base))).json();
}

/** The app's files: given inline by the page, or read from app/manifest.json next to the site. */
export async function fetchApp(base: URL, inline?: AppFiles): Promise<AppFiles> {
  if (inline) return inline;
  const appBase = new URL("app/", base);
  const manifest = await (await fetchOk(new URL("manifest.json", appBase))).json();
  const files: Record<string, string> = {};
  await Promise.all(
    (manifest.files as string[]).map(async (path) => {
      files[path] = await (await fetchOk(new URL(path, appBase))).text();
    }),
  );
  return { entrypoint: manifest.entrypoint, files, requirements: manifest.requirements ?? [] };
}

export async function startPython(base: URL, info: RuntimeInfo, log: (text: string) => void): Promise<Pyodide> {
  const indexURL = new URL(info.pyodide, base).href;
  // A computed URL keeps esbuild from bundling Pyodide: it is served as-is from the vendored folder.
  const { loadPyodide } = await import(/* webpackIgnore: true */ new URL("pyodide.mjs", indexURL).href);
  return loadPyodide({ indexURL, stdout: log, stderr: log, packages: [] });
}

export async function installWasmblocks(py: Pyodide, wheel: Promise<ArrayBuffer>): Promise<Pyodide> {
  py.unpackArchive(await wheel, "wheel");
  return py.pyimport("wasmblocks.runtime");
}

export async function installRequirements(py: Pyodide, requirements: string[], stage: (s: BootStage, d?: string) => void) {
  if (!requirements.length) return;
  stage("installing", requirements.join(", "));
  await py.loadPackage("micropip");
  const micropip = py.pyimport("micropip");
  await micropip.install(requirements);
}

/** Write the app's files (binary files arrive base64-free as text only for now: app sources and data). */
export function writeApp(py: Pyodide, app: AppFiles): void {
  for (const [path, text] of Object.entries(app.files)) {
    const full = `${APP_DIR}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, text);
  }
}

export function fetchWheel(base: URL, info: Promise<RuntimeInfo>): Promise<ArrayBuffer> {
  return info.then(async (i) => (await fetchOk(new URL(i.wheel, base))).arrayBuffer());
}
