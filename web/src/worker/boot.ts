// Boot steps, kept separate: 1 startPython (from the memory snapshot when the site has one, else a plain
// Pyodide boot), 2 installWasmblocks, 3 the app's files and packages (app-files.ts), 4 start_app (worker.ts).
// With a snapshot, step 1 restores an interpreter that already imported wasmblocks, so step 2 only puts the
// wheel's files back into site-packages (the file system is not part of a snapshot) and re-seeds `random`.

import { XzReadableStream } from "xz-decompress";
import { errorText } from "../error-text";
import { importHooked, importPyodideFile } from "./module-loader";
import { importWorkerEntry, type Pyodide, type WorkerEntry } from "./python";
import { deferStdlib, EMPTY_ZIP, type DeferredStdlib } from "./stdlib";

export const APP_DIR = "/home/pyodide/app";

/** runtime.json's "snapshot" entry, written by py/wasmblocks_build/snapshot.py. */
export interface SnapshotInfo {
  url: string;
  /** How the file is compressed; absent in sites built before xz: gzip. */
  encoding?: SnapshotEncoding;
  /** Bytes of the whole snapshot: the buffer is allocated once at this size. */
  size: number;
  /**
   * Where the file's bytes go: [offset, length] runs, one after the other in the file; the rest of the
   * snapshot is zeros. Absent: the file is the whole snapshot.
   */
  segments?: [number, number][];
  compressed_size?: number;
  pyodide: string;
  modules: number;
}

export interface RuntimeInfo {
  version: string;
  /** The package's wheel; an export leaves it out unless its PyScript page needs it (it ships `sources`). */
  wheel?: string;
  /** The wheel's files as one .tar.gz (smaller); preferred to the wheel when present. */
  sources?: string;
  pyodide: string;
  snapshot?: SnapshotInfo;
}

/** What startPython produced: the interpreter, and whether it came from the snapshot. */
export interface Started {
  py: Pyodide;
  fromSnapshot: boolean;
  /** Set when Python started without the standard library's zip: call load() once the app runs. */
  stdlib?: DeferredStdlib;
}

/** The parts of Pyodide's Emscripten module (`py._module`, not in its public types) the restore reads. */
interface TrampolineHeap {
  HEAP32: Int32Array;
  __PyRuntime: number;
  __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: number;
}

/** Fetch JSON or text relative to the site, with an error that names the URL. */
async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.pathname} (HTTP ${response.status})`);
  return response;
}

export async function readRuntimeInfo(base: URL): Promise<RuntimeInfo> {
  return (await fetchOk(new URL("runtime.json", base))).json();
}

/** Whether this page asked for no snapshot (`?snapshot=0`, for comparisons and debugging). */
export function snapshotDisabled(pageUrl: string | undefined): boolean {
  try {
    return new URL(pageUrl ?? "").searchParams.get("snapshot") === "0";
  } catch {
    return false;
  }
}

/**
 * Why this browser cannot use a snapshot, or null. Snapshots are made with stack switching (JSPI) on, and
 * the interpreter remembers that: restored where JSPI is missing, time.sleep and run_sync would fail.
 */
export function snapshotUnsupported(): string | null {
  if (typeof DecompressionStream === "undefined") return "this browser has no DecompressionStream";
  const wasm: object | undefined = globalThis.WebAssembly;
  if (!wasm || !("Suspending" in wasm || "Suspender" in wasm)) return "this browser has no WebAssembly stack switching (JSPI)";
  return null;
}

export type SnapshotEncoding = "gzip" | "xz";

/** The decoded bytes of a compressed stream: gzip natively, xz with xz-decompress (wasm, streaming). */
function decoded(body: ReadableStream<Uint8Array>, encoding: SnapshotEncoding): ReadableStream<Uint8Array> {
  if (encoding === "xz") return new XzReadableStream(body);
  return body.pipeThrough(new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/**
 * Download and decode the snapshot file as it streams in, into one buffer of `size` bytes; a size mismatch
 * or bad data rejects.
 */
async function inflateSnapshot(url: string, size: number, encoding: SnapshotEncoding): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${new URL(url).pathname} (HTTP ${response.status})`);
  if (!response.body) throw new Error("the snapshot response has no body");
  const reader = decoded(response.body, encoding).getReader();
  const out = new Uint8Array(size);
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.byteLength > size) {
      await reader.cancel();
      throw new Error(`the snapshot is larger than the ${size} bytes runtime.json announces`);
    }
    out.set(value, offset);
    offset += value.byteLength;
  }
  if (offset !== size) throw new Error(`the snapshot has ${offset} bytes, runtime.json announces ${size}`);
  return out;
}

/** The name of this worker script started again as the snapshot's decoder (serveInflate). */
export const INFLATE_WORKER = "wasmblocks-inflate";

/**
 * inflateSnapshot on a helper worker, so decoding 15 MB does not hold up this thread, which meanwhile
 * loads and instantiates Pyodide. The helper is this same script (in the HTTP cache by now) started under
 * INFLATE_WORKER; where it cannot start, the decoding runs here instead.
 */
function inflateOffThread(url: string, size: number, encoding: SnapshotEncoding): Promise<Uint8Array> {
  let helper: Worker;
  try {
    helper = new Worker(self.location.href, { type: "module", name: INFLATE_WORKER });
  } catch {
    return inflateSnapshot(url, size, encoding);
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    helper.onmessage = (event: MessageEvent<{ buffer?: ArrayBuffer; error?: string }>) => {
      helper.terminate();
      if (event.data.buffer) resolve(new Uint8Array(event.data.buffer));
      else reject(new Error(event.data.error ?? "the snapshot could not be read"));
    };
    helper.onerror = (event) => {
      event.preventDefault();
      helper.terminate();
      resolve(inflateSnapshot(url, size, encoding)); // the helper itself failed (not the data): do it here
    };
    helper.postMessage({ url, size, encoding });
  });
}

/** What this script does when started as INFLATE_WORKER: decode one snapshot and hand its bytes back. */
export function serveInflate(scope: DedicatedWorkerGlobalScope): void {
  scope.onmessage = async (event: MessageEvent<{ url: string; size: number; encoding: SnapshotEncoding }>) => {
    try {
      const out = await inflateSnapshot(event.data.url, event.data.size, event.data.encoding);
      scope.postMessage({ buffer: out.buffer }, [out.buffer]);
    } catch (err) {
      scope.postMessage({ error: errorText(err) });
    }
  };
}

/** A snapshot on its way: the buffer (allocated at once, at its final size) and when it is complete. */
export interface SnapshotDownload {
  buffer: Uint8Array;
  done: Promise<Uint8Array>;
}

/**
 * Start downloading the snapshot (before Pyodide's own downloads, so they run at once). `buffer` has the
 * final size at once, which is all Pyodide needs to create its module; the bytes land in it when `done`.
 */
export function fetchSnapshot(base: URL, snap: SnapshotInfo): SnapshotDownload {
  const unsupported = snapshotUnsupported();
  if (unsupported) return { buffer: new Uint8Array(0), done: Promise.reject(new Error(unsupported)) };
  const segments = snap.segments ?? [[0, snap.size]];
  const fileSize = segments.reduce((sum, [, length]) => sum + length, 0);
  const buffer = new Uint8Array(snap.size);
  // In the sandboxed player the site's files come through the hosting page (sandbox-prelude.ts replaces
  // this worker's fetch); a helper worker has no such path, so the snapshot is decoded here.
  const inflate = importHooked() ? inflateSnapshot : inflateOffThread;
  const done = inflate(new URL(snap.url, base).href, fileSize, snap.encoding ?? "gzip").then((bytes) => {
    placeSegments(bytes, segments, buffer);
    performance.mark("wasmblocks:snapshot-downloaded");
    return buffer;
  });
  done.catch(() => {}); // startPython reports a failed snapshot; never an unhandled rejection
  return { buffer, done };
}

/** Copy each run of the file to its place in the (zeroed) snapshot buffer; a table that does not fit rejects. */
function placeSegments(file: Uint8Array, segments: [number, number][], out: Uint8Array): void {
  let from = 0;
  for (const [at, length] of segments) {
    if (!(at >= 0 && length >= 0 && at + length <= out.length)) {
      throw new Error(`the snapshot's segment [${at}, ${length}] lies outside its ${out.length} bytes`);
    }
    out.set(file.subarray(from, from + length), at);
    from += length;
  }
}

/**
 * Step 1: an interpreter. From the snapshot when one is given and it restores; otherwise (no snapshot, a
 * download or gzip error, another Pyodide build, a browser that refuses it) a plain boot, with a warning.
 */
export async function startPython(
  base: URL,
  info: RuntimeInfo,
  log: (text: string) => void,
  snapshot: SnapshotDownload | null = null,
): Promise<Started> {
  const indexURL = new URL(info.pyodide, base).href;
  // A computed URL keeps esbuild from bundling Pyodide: it is served as-is from the vendored folder.
  const unsupported = snapshot ? snapshotUnsupported() : null;
  if (unsupported) {
    console.warn(`wasmblocks: not using the memory snapshot: ${unsupported}; starting Python without it (slower)`);
    snapshot = null;
  }
  const asm = snapshot ? importPyodideFile(indexURL, "pyodide.asm.mjs") : null;
  asm?.catch(() => {});
  const { loadPyodide } = await importPyodideFile(indexURL, "pyodide.mjs");
  const options = { indexURL, stdout: log, stderr: log, packages: [] };
  if (snapshot && asm) {
    const t0 = performance.now();
    // The restored interpreter needs the stdlib zip only for modules it has not imported yet (stdlib.ts).
    // Not in the sandboxed player, whose worker reaches the site only asynchronously through the page.
    const deferred = !importHooked();
    try {
      const trampoline = { value: 0 };
      const download = snapshot;
      const py = await loadPyodide({
        ...options,
        ...(deferred ? { stdLibURL: EMPTY_ZIP } : {}),
        // Pyodide only needs the snapshot's size to create the wasm module, and reads its bytes after that:
        // so it gets the buffer that is still filling, and the module waits for the download at the end.
        // Instantiating Pyodide and downloading + gunzipping the snapshot overlap instead of queueing.
        _loadSnapshot: download.buffer,
        createPyodideModule: async (settings) => {
          // Typed readonly by Pyodide, but Emscripten runs what is pushed onto it before main().
          const preRun = settings.preRun as (typeof settings.preRun)[number][];
          preRun.push((Module) => (trampoline.value = Module.HEAP32[trampolineSlot(Module as typeof Module & TrampolineHeap)] ?? 0));
          const module = await (await asm).default(settings);
          performance.mark("wasmblocks:pyodide-instantiated");
          await download.done;
          return module;
        },
      });
      // The restore overwrote CPython's call trampoline with the one Node picked when the snapshot was
      // made (a JS trampoline, through whose frames JSPI cannot suspend: time.sleep would fail). Put back
      // the one this browser's start-up installed.
      const heap = (py as Pyodide & { _module: TrampolineHeap })._module;
      heap.HEAP32[trampolineSlot(heap)] = trampoline.value;
      const ms = Math.round(performance.now() - t0);
      performance.mark("wasmblocks:snapshot-restored");
      console.info(`wasmblocks: Python restored from the memory snapshot (${info.snapshot?.url}) in ${ms} ms`);
      const stdlib = deferred ? deferStdlib(py, new URL("python_stdlib.zip", indexURL).href) : undefined;
      return { py, fromSnapshot: true, stdlib };
    } catch (err) {
      console.warn(
        `wasmblocks: could not start from the memory snapshot (${info.snapshot?.url}): ` +
          `${errorText(err).split("\n")[0]}; starting Python without it (slower)`,
      );
    }
  }
  const py = await loadPyodide(options);
  performance.mark("wasmblocks:python-started");
  return { py, fromSnapshot: false };
}

/** HEAP32 index of `_PyRuntime.emscripten_trampoline` (CPython's indirect-call trampoline pointer). */
function trampolineSlot(Module: TrampolineHeap): number {
  const offset = Module.HEAP32[Module.__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET >>> 2] ?? 0;
  return (Module.__PyRuntime + offset) >>> 2;
}

/**
 * Step 2: wasmblocks importable. A plain boot unpacks the wheel into site-packages and imports it. After a
 * restore every wasmblocks module is already imported, so the app does not wait for the wheel: its files
 * (the file system is not part of a snapshot; tracebacks and inspect read the sources) are unpacked when it
 * has arrived, off the start-up path: `wheel` is only called then, in a macrotask after the app started,
 * so its download does not share the link with what the start waits for. State the snapshot froze and
 * that must differ per load is renewed.
 */
export async function installWasmblocks(started: Started, wheel: () => Promise<PackageArchive>): Promise<WorkerEntry> {
  const { py, fromSnapshot } = started;
  if (fromSnapshot) {
    py.runPython(
      "import random, sys\n" +
        "random.seed()  # the snapshot froze the seed it was built with\n" +
        "if 'tempfile' in sys.modules: sys.modules['tempfile']._name_sequence = None\n",
    );
    // A macrotask: the rest of the boot (app files, start_app) runs in microtasks before it.
    const unpack = (archive: PackageArchive) =>
      setTimeout(async () => {
        try {
          await unpackPackage(py, archive);
          performance.mark("wasmblocks:wheel-unpacked");
        } catch (err) {
          console.warn(`wasmblocks: could not unpack the wasmblocks package: ${errorText(err)}`);
        }
      }, 0);
    setTimeout(() =>
      wheel().then(unpack, (err) => console.warn(`wasmblocks: could not download the wasmblocks wheel: ${errorText(err)}`)),
    );
  } else {
    await unpackPackage(py, await wheel());
  }
  // worker_entry is the one Python module the worker calls (start_app, stop_app, implied_requirements).
  const entry = importWorkerEntry(py);
  performance.mark("wasmblocks:wasmblocks-imported");
  return entry;
}

/** The wasmblocks package to unpack into site-packages: its .tar.gz when the site has one, else the wheel. */
export interface PackageArchive {
  buffer: ArrayBuffer;
  format: "gztar" | "wheel";
}

export function fetchWheel(base: URL, info: Promise<RuntimeInfo>): Promise<PackageArchive> {
  return info.then(async (i) => {
    const format = i.sources ? "gztar" : "wheel";
    const archive = i.sources ?? i.wheel;
    if (!archive) throw new Error("runtime.json names no package archive (neither \"sources\" nor \"wheel\")");
    const buffer = await (await fetchOk(new URL(archive, base))).arrayBuffer();
    return { buffer, format };
  });
}

/**
 * Unpack the package into site-packages. A wheel goes through Pyodide (Python's zipfile: a few hundred ms in
 * wasm); the .tar.gz is gunzipped with DecompressionStream and its files written straight into the file
 * system from here, which takes a few milliseconds.
 */
async function unpackPackage(py: Pyodide, archive: PackageArchive): Promise<void> {
  if (archive.format === "wheel") {
    py.unpackArchive(archive.buffer, "wheel");
    return;
  }
  const tar = new Uint8Array(
    await new Response(new Blob([archive.buffer]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  );
  const sitePackages: string = py.runPython("import sys\nnext(p for p in sys.path if p.endswith('site-packages'))");
  for (const { path, data } of untar(tar)) {
    const full = `${sitePackages}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, data);
  }
  // Only the site-packages finder: importlib.invalidate_caches() would import importlib.metadata (~100 ms).
  py.runPython(
    `import sys\nf = sys.path_importer_cache.get(${JSON.stringify(sitePackages)})\n` +
      "if f is not None and hasattr(f, 'invalidate_caches'): f.invalidate_caches()\ndel f",
  );
}

/** The regular files of a ustar archive (what site.py's write_sources_archive writes). */
function untar(tar: Uint8Array): { path: string; data: Uint8Array }[] {
  const text = (from: number, length: number) => {
    const field = tar.subarray(from, from + length);
    const end = field.indexOf(0);
    return new TextDecoder().decode(end < 0 ? field : field.subarray(0, end));
  };
  const files: { path: string; data: Uint8Array }[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = text(offset, 100);
    if (!name) break; // the two zero blocks at the end
    const prefix = text(offset + 345, 155);
    const size = parseInt(text(offset + 124, 12).trim() || "0", 8);
    const type = tar[offset + 156];
    if (Number.isNaN(size) || name.includes("..")) throw new Error(`bad entry in the package archive: ${name}`);
    if (type === 0 || type === 48 /* "0": regular file */) {
      files.push({ path: prefix ? `${prefix}/${name}` : name, data: tar.slice(offset + 512, offset + 512 + size) });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
