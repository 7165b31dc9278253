// The app's files and packages in the worker: fetched as bytes (data files such as images and parquet
// must arrive unchanged), written below APP_DIR, and the export's pinned install plan carried out.

import type { AppFiles, BootStage } from "../protocol";
import { localPackages } from "./local-packages";
import { importMicropip, importWorkerEntry, type Pyodide } from "./python";

/** app/manifest.json, as py/wasmblocks_build/export.py writes it. */
interface Manifest {
  entrypoint: string;
  files: string[];
  requirements?: string[];
  install?: AppFiles["install"];
}

async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.pathname} (HTTP ${response.status})`);
  return response;
}

/** The app: given inline by the page, or read from app/manifest.json below the site, every file as bytes. */
export async function fetchAppFiles(base: URL, inline?: AppFiles): Promise<AppFiles> {
  if (inline) return inline;
  const appBase = new URL("app/", base);
  const manifest: Manifest = await (await fetchOk(new URL("manifest.json", appBase))).json();
  const files: Record<string, Uint8Array> = {};
  await Promise.all(
    manifest.files.map(async (path) => {
      files[path] = new Uint8Array(await (await fetchOk(new URL(path, appBase))).arrayBuffer());
    }),
  );
  return { entrypoint: manifest.entrypoint, files, requirements: manifest.requirements ?? [], install: manifest.install };
}

/** A safe relative path inside the app folder, or an error naming the bad one. */
function checkedPath(path: string): string {
  if (typeof path !== "string") throw new Error(`Bad app file name ${String(path)}: it must be text`);
  const parts = path.split("/");
  if (!path || path.startsWith("/") || parts.some((p) => p === ".." || p === "")) {
    throw new Error(`Bad app file name ${JSON.stringify(path)}: use a relative path such as "data/table.csv"`);
  }
  return path;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * A `run` message's app, checked before anything of the running app is touched (a `run` without one used
 * to stop the app and then fail on `undefined.files`); throws an error that says what is wrong.
 */
export function checkedApp(value: unknown): AppFiles {
  if (!value || typeof value !== "object") throw new Error("`run` needs `app`: {entrypoint, files, requirements}");
  const app = value as Record<string, unknown>;
  if (!app.files || typeof app.files !== "object" || Array.isArray(app.files)) {
    throw new Error("`run`: app.files must be an object of path → text or bytes");
  }
  const files = app.files as Record<string, unknown>;
  for (const [path, content] of Object.entries(files)) {
    checkedPath(path);
    if (typeof content !== "string" && !(content instanceof Uint8Array)) {
      throw new Error(`\`run\`: app file ${JSON.stringify(path)} must be text or a Uint8Array`);
    }
  }
  if (typeof app.entrypoint !== "string" || !(app.entrypoint in files)) {
    throw new Error(`\`run\`: app.entrypoint must name one of its files, not ${JSON.stringify(app.entrypoint) ?? "undefined"}`);
  }
  if (!isStringList(app.requirements)) throw new Error("`run`: app.requirements must be a list of strings");
  const install = app.install as Record<string, unknown> | undefined;
  if (install !== undefined && (!install || !isStringList(install.pyodide) || !isStringList(install.wheels))) {
    throw new Error("`run`: app.install must be {pyodide: [names], wheels: [urls]}");
  }
  return value as AppFiles;
}

/** Write every file (text as UTF-8, bytes unchanged) below appDir. */
export function writeAppFiles(py: Pyodide, appDir: string, app: AppFiles): void {
  for (const [path, content] of Object.entries(app.files)) {
    const full = `${appDir}/${checkedPath(path)}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, content);
  }
}

/** What the app needs without listing it (worker_entry.implied_requirements: tzdata when it names a time zone). */
/** What the app's sources imply (worker_entry.implied_requirements or implied_packages; implied.py). */
function implied(py: Pyodide, app: AppFiles, listed: string[], what: "implied_requirements" | "implied_packages"): string[] {
  const decoder = new TextDecoder();
  const sources = Object.entries(app.files)
    .filter(([path]) => path.endsWith(".py"))
    .map(([, content]) => (typeof content === "string" ? content : decoder.decode(content)));
  const entry = importWorkerEntry(py);
  try {
    const found = entry[what](sources, listed);
    try {
      return found.toJs();
    } finally {
      found.destroy();
    }
  } finally {
    entry.destroy();
  }
}

/** Requirements: the export's pinned plan when there is one, else the raw lines through micropip. */
export async function installAppPackages(
  py: Pyodide,
  base: URL,
  app: AppFiles,
  stage: (s: BootStage, d?: string) => void,
): Promise<void> {
  const plan = app.install;
  await installPlanned(py, base, app, stage);
  const prefetch = plan ? (plan.prefetch ?? []) : localPackages(py.lockfile.packages, implied(py, app, app.requirements, "implied_packages"));
  if (prefetch.length) prefetchPackages(py, prefetch);
}

/**
 * Start loading packages an input may need, without waiting and without a word: offline the fetch fails,
 * and the event that needs the package asks again and says which one is missing (packages.py).
 */
function prefetchPackages(py: Pyodide, names: string[]): void {
  const quiet = () => {};
  py.loadPackage(names, { messageCallback: quiet, errorCallback: quiet }).catch(quiet);
}

async function installPlanned(
  py: Pyodide,
  base: URL,
  app: AppFiles,
  stage: (s: BootStage, d?: string) => void,
): Promise<void> {
  const plan = app.install;
  // An export's plan already holds what the app implies; other apps (share links, the editor) get it here.
  const listed = plan ? [] : app.requirements.filter((r) => r.trim() && !r.trim().startsWith("#"));
  const raw = plan ? [] : [...listed, ...implied(py, app, listed, "implied_requirements")];
  if (plan ? !plan.pyodide.length && !plan.wheels.length : !raw.length) return;
  stage("installing", (plan ? [...plan.pyodide, ...plan.wheels.map((w) => w.split("/").pop()!)] : raw).join(", "));
  if (plan?.pyodide.length) await py.loadPackage(plan.pyodide, { checkIntegrity: true });
  if (plan && !plan.wheels.length) return;
  await py.loadPackage("micropip");
  const micropip = importMicropip(py);
  try {
    if (plan) {
      const urls = plan.wheels.map((w) => new URL(w, base).href);
      await micropip.install.callKwargs(py.toPy(urls), { deps: false });
    } else {
      await micropip.install(raw);
    }
  } finally {
    micropip.destroy();
  }
}
