// Gaussian splats (.splat, and .ply files laid out as 3DGS training output) with three.js's own splat
// support: SPLATLoader / GaussianSplatPLYLoader and the GaussianSplat object. That object draws only through
// three's WebGPURenderer (which falls back to WebGL 2 where WebGPU is missing), so a splat gets a renderer of
// that kind; this module, and three/webgpu with it, load only when a splat is shown.

import { WebGPURenderer } from "three/webgpu";
import type { Box3 } from "three";
import { GaussianSplat } from "three/examples/jsm/objects/GaussianSplat.js";
import { GaussianSplatPLYLoader } from "three/examples/jsm/loaders/GaussianSplatPLYLoader.js";
import { SPLATLoader } from "three/examples/jsm/loaders/SPLATLoader.js";

export interface LoadedSplat {
  object: GaussianSplat;
  box: Box3;
  count: number;
}

/** A renderer that can draw splats, on `canvas`; WebGL 2 unless the browser offers a WebGPU adapter. */
export async function splatRenderer(canvas: HTMLCanvasElement): Promise<WebGPURenderer> {
  // Asking for an adapter first keeps three from trying WebGPU where there is none (headless Chromium
  // has navigator.gpu but no adapter) and logging a warning on every splat.
  // navigator.gpu (WebGPU) is not in TypeScript's DOM lib yet: the one call made here.
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  const renderer = new WebGPURenderer({ canvas, antialias: true, alpha: true, forceWebGL: !adapter });
  await renderer.init();
  return renderer;
}

/** Parse .splat bytes, or the bytes of a splat .ply. */
export function parseSplat(bytes: ArrayBuffer, ply: boolean): LoadedSplat {
  const geometry = ply ? new GaussianSplatPLYLoader().parse(bytes) : new SPLATLoader().parse(bytes);
  const count = geometry.getAttribute("position").count;
  if (!count) throw new Error("the file holds no splats");
  const object = new GaussianSplat(geometry);
  object.computeBoundingBox();
  return { object, box: object.boundingBox!.clone(), count };
}
