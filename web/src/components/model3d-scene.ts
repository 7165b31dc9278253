// What the Model3D viewer does to a scene besides loading into it: its lights, Gradio's display modes,
// and freeing a model's GPU memory when another replaces it.

import { Color, DirectionalLight, HemisphereLight, Points, PointsMaterial, type Material, type Mesh, type Object3D, type PerspectiveCamera, type Scene } from "three";

/** Sky light for every side, and a light that moves with the camera so the side turned to the viewer is lit. */
export function addLights(scene: Scene, camera: PerspectiveCamera): void {
  scene.add(new HemisphereLight(0xffffff, 0x707070, 1.1));
  const headlight = new DirectionalLight(0xffffff, 2.2);
  headlight.position.set(0.35, 0.6, 1);
  headlight.target.position.set(0, 0, -1);
  camera.add(headlight, headlight.target);
  scene.add(camera);
}

type Drawn = Material & { wireframe?: boolean; color?: Color };

function materialsOf(mesh: Mesh): Drawn[] {
  const material = mesh.material as Material | Material[] | undefined;
  return (Array.isArray(material) ? material : material ? [material] : []) as Drawn[];
}

/** Gradio's display_mode on every mesh of a model: "solid", "wireframe" or "point_cloud". */
export function setDisplayMode(root: Object3D, mode: string): void {
  root.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    const materials = materialsOf(mesh);
    for (const m of materials) {
      if ("wireframe" in m) m.wireframe = mode === "wireframe";
      // A hidden material with visible children: the mesh itself is not drawn, its point twin is.
      m.visible = mode !== "point_cloud";
    }
    let points = mesh.userData.wbPoints as Points | undefined;
    if (mode === "point_cloud" && !points) {
      const colored = mesh.geometry.hasAttribute("color");
      const color = colored ? new Color(0xffffff) : (materials[0]?.color?.clone() ?? new Color(0xffffff));
      points = new Points(mesh.geometry, new PointsMaterial({ size: 3, sizeAttenuation: false, vertexColors: colored, color }));
      mesh.add(points);
      mesh.userData.wbPoints = points;
    }
    if (points) points.visible = mode === "point_cloud";
  });
}

/** Free the geometry, materials and textures of a model that leaves the scene. */
export function disposeTree(root: Object3D): void {
  root.traverse((o) => {
    const mesh = o as Mesh;
    mesh.geometry?.dispose?.();
    for (const m of materialsOf(mesh)) {
      for (const value of Object.values(m)) if (value?.isTexture) value.dispose();
      m.dispose();
    }
  });
}
