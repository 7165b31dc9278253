// The Model3D viewer: a three.js scene with orbit controls (drag to rotate, wheel or pinch to zoom, right
// or two-finger drag to pan) in a host element. It draws on demand (a change of view, a resize, a load),
// and every frame only while a glTF animation plays, so an idle model costs nothing. The host carries
// data-status, data-format, data-vertices, data-mode and data-camera ("alpha,beta,radius" in Gradio's terms), which
// say what is shown without reading pixels (with data-name, the file shown).

import { AnimationMixer, Box3, Color, PerspectiveCamera, SRGBColorSpace, Scene, WebGLRenderer, type AnimationClip, type Object3D } from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { formatPose, offsetOf, poseOf, startPose, type CameraPosition, type Pose } from "./model3d-camera";
import { fetchBytes, formatOf, isSplatPly, parseMesh, vertexCount } from "./model3d-loaders";
import { addLights, disposeTree, setDisplayMode } from "./model3d-scene";
import { errorText } from "../error-text";

export interface ViewerOptions {
  displayMode: string;
  clearColor: number[];
  cameraPosition: CameraPosition;
  zoomSpeed: number;
  panSpeed: number;
}

export type ViewerStatus =
  | { state: "loading" }
  | { state: "ready"; moved: boolean }
  | { state: "error" | "no-webgl"; message: string };

/** What both three renderers offer and the viewer uses. */
interface Surface {
  domElement: HTMLCanvasElement;
  render(scene: Scene, camera: PerspectiveCamera): unknown;
  setSize(width: number, height: number, updateStyle?: boolean): void;
  setPixelRatio(ratio: number): void;
  setClearColor(color: Color, alpha: number): void;
  dispose(): void;
}

export const NO_WEBGL =
  "This browser has WebGL turned off or does not support it, so the 3-D model cannot be shown. Use Download to open the file in another program.";

let webgl: boolean | null = null;

/** Whether the browser gives out WebGL 2 contexts (three.js needs 2); asked once per page, since every
 * context counts against the browser's limit of live contexts. */
export function webglAvailable(): boolean {
  if (webgl === null) {
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
      webgl = !!gl;
    } catch {
      webgl = false;
    }
  }
  return webgl;
}

export class ModelViewer {
  private readonly scene = new Scene();
  // Babylon's default field of view (0.8 rad, vertical), which Gradio's viewer uses.
  private readonly camera = new PerspectiveCamera(45.84, 2, 0.01, 1000);
  private readonly controls: OrbitControls;
  private readonly resize: ResizeObserver;
  private surface: Surface | null = null;
  private surfaceKind: "mesh" | "splat" | null = null;
  private model: Object3D | null = null;
  private splat = false;
  private mixer: AnimationMixer | null = null;
  private start: { pose: Pose; target: Object3D["position"]; framed: number } | null = null;
  private frame = 0;
  private lastFrame = 0;
  private loads = 0;
  private moved = false;
  private disposed = false;

  constructor(
    private readonly host: HTMLElement,
    private options: ViewerOptions,
    private readonly onStatus: (status: ViewerStatus) => void,
  ) {
    addLights(this.scene, this.camera);
    this.controls = new OrbitControls(this.camera, host);
    this.controls.zoomSpeed = options.zoomSpeed;
    this.controls.panSpeed = options.panSpeed;
    this.controls.addEventListener("change", () => this.viewChanged());
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(host);
  }

  /** Fetch and show the model at `url`, naming it `name` (its extension picks the loader). */
  async show(url: string, name: string): Promise<void> {
    const load = ++this.loads;
    const stale = () => this.disposed || load !== this.loads;
    this.host.dataset.name = name;
    this.start = null;
    this.report({ state: "loading" });
    try {
      const kind = formatOf(name);
      if (!kind) throw new Error(`${name} is not a model this viewer reads (.obj, .glb, .gltf, .stl, .ply, .splat)`);
      const bytes = await fetchBytes(url);
      if (stale()) return;
      const format = kind === "splat-or-ply" ? (isSplatPly(bytes) ? "splat" : "ply") : kind;
      let object: Object3D;
      let box: Box3;
      let count: number;
      let animations: AnimationClip[] = [];
      if (format === "splat") {
        const splat = await import("./model3d-splat");
        const loaded = splat.parseSplat(bytes, kind === "splat-or-ply");
        if (!(await this.useSurface("splat", (canvas) => splat.splatRenderer(canvas))) || stale()) return;
        ({ object, box, count } = loaded);
      } else {
        if (!(await this.useSurface("mesh", async (canvas) => new WebGLRenderer({ canvas, antialias: true, alpha: true }))) || stale()) return;
        const loaded = await parseMesh(format, bytes, url);
        if (stale()) return;
        ({ object, animations } = loaded);
        box = new Box3().setFromObject(object);
        count = vertexCount(object);
      }
      this.replaceModel(object, format === "splat", animations);
      this.host.dataset.format = format;
      this.host.dataset.vertices = String(count);
      this.frameModel(box);
      this.report({ state: "ready", moved: false });
    } catch (err) {
      if (stale()) return;
      // The previous model would pass for this one: the view is left empty, with the reason.
      this.replaceModel(null, false, []);
      this.requestRender();
      this.report({ state: "error", message: `Could not show ${name}: ${errorText(err)}` });
    }
  }

  setOptions(options: ViewerOptions): void {
    const before = this.options;
    this.options = options;
    this.controls.zoomSpeed = options.zoomSpeed;
    this.controls.panSpeed = options.panSpeed;
    if (this.surface && before.clearColor.join() !== options.clearColor.join()) this.applyClearColor();
    if (this.model && before.displayMode !== options.displayMode) this.applyDisplayMode();
    if (this.start && before.cameraPosition.join() !== options.cameraPosition.join()) {
      const [alpha, beta, radius] = options.cameraPosition;
      const pose = { ...this.start.pose };
      if (alpha !== null) pose.alpha = alpha;
      if (beta !== null) pose.beta = beta;
      if (radius !== null) pose.radius = radius;
      this.start = { ...this.start, pose };
      this.resetView();
    }
    this.requestRender();
  }

  /** Back to the view the model was first shown with (Gradio's Undo button). */
  resetView(): void {
    if (!this.start) return;
    this.controls.target.copy(this.start.target);
    this.camera.position.copy(this.start.target).add(offsetOf(this.start.pose));
    this.controls.update();
    this.moved = false;
    this.viewChanged();
    this.report({ state: "ready", moved: false });
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.controls.dispose();
    this.replaceModel(null, false, []);
    this.dropSurface();
  }

  // ---- drawing ----
  private requestRender(): void {
    if (!this.frame && !this.disposed) this.frame = requestAnimationFrame((t) => this.draw(t));
  }

  private draw(time: number): void {
    this.frame = 0;
    if (!this.surface) return;
    // Seconds since the last frame, capped so a tab coming back from the background does not jump.
    const dt = this.lastFrame ? Math.min((time - this.lastFrame) / 1000, 0.1) : 0;
    this.lastFrame = time;
    this.mixer?.update(dt);
    this.surface.render(this.scene, this.camera);
    if (this.mixer) this.requestRender();
  }

  private fit(): void {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    if (!this.surface || !width || !height) return;
    this.surface.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  private viewChanged(): void {
    if (this.start && !this.moved) {
      const now = poseOf(this.camera.position, this.controls.target);
      const was = this.start.pose;
      const turned = Math.abs(now.alpha - was.alpha) + Math.abs(now.beta - was.beta) > 0.05;
      const zoomed = Math.abs(now.radius - was.radius) > was.radius * 1e-3;
      const panned = this.controls.target.distanceTo(this.start.target) > was.radius * 1e-3;
      if (turned || zoomed || panned) {
        this.moved = true;
        this.report({ state: "ready", moved: true });
      }
    }
    this.host.dataset.camera = formatPose(poseOf(this.camera.position, this.controls.target));
    this.requestRender();
  }

  private report(status: ViewerStatus): void {
    this.host.dataset.status = status.state;
    this.onStatus(status);
  }

  // ---- the renderer ----
  /** Make sure the canvas has a renderer of `kind`; false (and a no-WebGL status) when there is none. */
  private async useSurface(kind: "mesh" | "splat", make: (canvas: HTMLCanvasElement) => Promise<Surface>): Promise<boolean> {
    if (this.surface && this.surfaceKind === kind) return true;
    // A model made for the other renderer must not be drawn by this one (a splat's node material means
    // nothing to WebGLRenderer).
    this.replaceModel(null, false, []);
    this.dropSurface();
    if (!webglAvailable()) {
      this.report({ state: "no-webgl", message: NO_WEBGL });
      return false;
    }
    const canvas = document.createElement("canvas");
    canvas.addEventListener("webglcontextlost", () =>
      this.report({ state: "error", message: "The browser dropped this view's graphics context (too many 3-D views open?). Reload the page to see the model again." }),
    );
    try {
      this.surface = await make(canvas);
    } catch {
      this.report({ state: "no-webgl", message: NO_WEBGL });
      return false;
    }
    this.surfaceKind = kind;
    this.surface.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.host.appendChild(canvas);
    this.applyClearColor();
    this.fit();
    return true;
  }

  private dropSurface(): void {
    if (!this.surface) return;
    this.surface.dispose();
    (this.surface as Partial<WebGLRenderer>).forceContextLoss?.();
    this.surface.domElement.remove();
    this.surface = null;
    this.surfaceKind = null;
  }

  private applyClearColor(): void {
    const [r = 0, g = 0, b = 0, a = 0] = this.options.clearColor;
    // Gradio's clear_color is what the page shows, i.e. sRGB values.
    this.surface?.setClearColor(new Color().setRGB(r, g, b, SRGBColorSpace), a);
    this.requestRender();
  }

  // ---- the model ----
  private replaceModel(object: Object3D | null, splat: boolean, animations: AnimationClip[]): void {
    this.mixer?.stopAllAction();
    this.mixer = null;
    if (this.model) {
      this.scene.remove(this.model);
      disposeTree(this.model);
    }
    this.model = object;
    this.splat = splat;
    if (!object) return;
    this.scene.add(object);
    const [first] = animations;
    if (first) {
      // Gradio's viewer plays a glTF's first animation on load.
      this.mixer = new AnimationMixer(object);
      this.mixer.clipAction(first).play();
      this.lastFrame = 0;
    }
    this.applyDisplayMode();
  }

  /** solid | wireframe | point_cloud; splats are always drawn as splats (as in Gradio). */
  private applyDisplayMode(): void {
    if (!this.model || this.splat) return;
    const mode = this.options.displayMode || "solid";
    this.host.dataset.mode = mode;
    setDisplayMode(this.model, mode);
    this.requestRender();
  }

  private frameModel(box: Box3): void {
    this.fit();
    const { pose, target, framed } = startPose(box, this.camera, this.options.cameraPosition);
    this.start = { pose, target, framed };
    const reach = Math.max(framed, pose.radius);
    this.camera.near = reach * 0.002;
    this.camera.far = reach * 100;
    this.camera.updateProjectionMatrix();
    this.controls.minDistance = framed * 0.02;
    this.controls.maxDistance = reach * 5;
    this.resetView();
  }
}
