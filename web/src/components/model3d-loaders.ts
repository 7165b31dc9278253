// Model3D's file reading: which format a value is (by its name, and for .ply by its header), and three.js's
// own loaders turning the bytes into something to draw. The bytes are fetched once and parsed in place, so a
// .ply read for its header is not fetched again and a glTF's relative references resolve against its URL.

import { BufferGeometry, Color, DoubleSide, Group, Mesh, MeshStandardMaterial, Points, PointsMaterial, type AnimationClip, type Material, type Object3D } from "three";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import { PLYLoader } from "three/examples/jsm/loaders/PLYLoader.js";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
import { errorText } from "../error-text";

export type ModelFormat = "gltf" | "obj" | "stl" | "ply" | "splat";

export interface LoadedMesh {
  object: Object3D;
  animations: AnimationClip[];
}

/** The format of a file by its name (Gradio's accepted extensions), or null for anything else. */
export function formatOf(name: string): ModelFormat | "splat-or-ply" | null {
  const ext = (name.toLowerCase().split(/[?#]/)[0] ?? "").split(".").pop() ?? "";
  if (ext === "glb" || ext === "gltf") return "gltf";
  if (ext === "obj" || ext === "stl" || ext === "splat") return ext;
  if (ext === "ply") return "splat-or-ply";
  return null;
}

// A 3DGS training output declares these per vertex; an ordinary mesh or point cloud PLY does not. (Gradio
// reads the header for the same reason: the extension alone does not say which renderer a .ply needs.)
const SPLAT_PROPERTIES = ["scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3", "opacity", "f_dc_0"];

/** Whether PLY bytes hold Gaussian splats (by the properties its header declares). */
export function isSplatPly(bytes: ArrayBuffer): boolean {
  const head = new TextDecoder("latin1").decode(bytes.slice(0, 64 * 1024));
  const end = head.indexOf("end_header");
  if (!head.startsWith("ply") || end < 0) return false;
  const names = new Set(
    head
      .slice(0, end)
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts[0] === "property")
      .map((parts) => parts[parts.length - 1]),
  );
  return SPLAT_PROPERTIES.every((p) => names.has(p));
}

export async function fetchBytes(url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    // A cross-origin URL without CORS headers lands here too; the browser gives no more detail.
    throw new Error(`could not fetch it (${errorText(err)}): the browser is offline, or the site does not allow cross-origin (CORS) requests`);
  }
  if (!response.ok) throw new Error(`could not fetch it: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const grey = () => new MeshStandardMaterial({ color: 0xb4b4b4, roughness: 0.7, metalness: 0.05, side: DoubleSide });

// OBJ, STL and PLY say nothing reliable about which way a face points (Meshlab's exports, Gradio's own
// face.obj, wind clockwise): draw both sides instead of culling half the model away.
function twoSided(root: Object3D): Object3D {
  root.traverse((o) => {
    const material = (o as Mesh).material as Material | Material[] | undefined;
    for (const m of Array.isArray(material) ? material : material ? [material] : []) m.side = DoubleSide;
  });
  return root;
}

function geometryObject(geometry: BufferGeometry, pointCloud: boolean): Object3D {
  const colored = geometry.hasAttribute("color");
  if (pointCloud) {
    return new Points(geometry, new PointsMaterial({ size: 3, sizeAttenuation: false, vertexColors: colored, color: colored ? 0xffffff : 0x9a9a9a }));
  }
  if (!geometry.hasAttribute("normal")) geometry.computeVertexNormals();
  const material = grey();
  if (colored) {
    material.vertexColors = true;
    material.color = new Color(0xffffff);
  }
  return new Mesh(geometry, material);
}

/** Parse mesh-format bytes (everything but splats) into an object to add to a scene. */
export async function parseMesh(format: Exclude<ModelFormat, "splat">, bytes: ArrayBuffer, url: string): Promise<LoadedMesh> {
  switch (format) {
    case "gltf": {
      // Relative references (a .gltf's .bin or textures) resolve against the model's own URL.
      const base = url.startsWith("blob:") ? "" : url.slice(0, url.lastIndexOf("/") + 1);
      const gltf = await new GLTFLoader().parseAsync(bytes, base);
      return { object: gltf.scene, animations: gltf.animations };
    }
    case "obj": {
      const group = new OBJLoader().parse(new TextDecoder().decode(bytes));
      return { object: twoSided(group), animations: [] };
    }
    case "stl":
      return { object: wrap(geometryObject(new STLLoader().parse(bytes), false)), animations: [] };
    case "ply": {
      // A PLY without faces is a point cloud: PLYLoader indexes the faces it reads, so no index, no faces.
      const geometry = new PLYLoader().parse(bytes);
      return { object: wrap(geometryObject(geometry, !geometry.index)), animations: [] };
    }
  }
}

function wrap(object: Object3D): Group {
  const group = new Group();
  group.add(object);
  return group;
}

/** The number of vertices drawn (what the page reports as data-vertices). */
export function vertexCount(root: Object3D): number {
  let n = 0;
  root.traverse((o) => {
    const geometry = (o as Mesh).geometry as BufferGeometry | undefined;
    if (geometry?.getAttribute && ((o as Mesh).isMesh || (o as Points).isPoints)) n += geometry.getAttribute("position")?.count ?? 0;
  });
  return n;
}
