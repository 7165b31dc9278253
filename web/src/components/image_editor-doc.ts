// The image editor's document: the canvas size, a background picture on white, the drawing layers (bottom
// first, as Gradio orders them) and undo/redo. Plain Canvas 2D: Gradio draws with pixi.js, but 2D canvases do
// everything the editor needs and keep its chunk small. Strokes are recorded as the pixels of the rectangle
// they touched; other edits as the document's structure before and after (layer canvases are shared by
// reference, which is safe because history is linear).

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Picture {
  image: CanvasImageSource;
  w: number;
  h: number;
}

export interface Layer {
  id: string;
  name: string;
  userCreated: boolean;
  visible: boolean;
  canvas: HTMLCanvasElement;
}

export interface DocOptions {
  canvasSize: [number, number];
  fixedCanvas: boolean;
  layerNames: string[];
}

interface DocState {
  width: number;
  height: number;
  picture: Picture | null;
  placement: Rect | null;
  /** What crop works on: the picture as uploaded (crops are taken from it), and the last crop rectangle. */
  original: Picture | null;
  crop: Rect | null;
  layers: Layer[];
  active: string;
}

export interface Command {
  undo(): void;
  redo(): void;
}

const HISTORY_LIMIT = 100;
let layerSeq = 0;

export function makeCanvas(w: number, h: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(w));
  canvas.height = Math.max(1, Math.round(h));
  return canvas;
}

export function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  return canvas.getContext("2d")!;
}

/** Gradio's fit_image_to_canvas: scale to fit (up or down) keeping the aspect ratio, centered. */
export function fitRect(w: number, h: number, boxW: number, boxH: number): Rect {
  const scale = w / h > boxW / boxH ? boxW / w : boxH / h;
  const fw = Math.round(w * scale);
  const fh = Math.round(h * scale);
  return { x: Math.round((boxW - fw) / 2), y: Math.round((boxH - fh) / 2), w: fw, h: fh };
}

export class EditorDoc {
  /** Bumps on every change; exports are cached per version. */
  version = 0;
  /** Gradio's "something to export": a background, a stroke, or layers the app gave. */
  touched = false;
  private s: DocState;
  private undos: Command[] = [];
  private redos: Command[] = [];
  private listeners = new Set<() => void>();
  private bgCache: { key: unknown[]; canvas: HTMLCanvasElement } | null = null;

  constructor(public options: DocOptions) {
    this.s = this.blank();
  }

  // ---- reading ----
  get width(): number {
    return this.s.width;
  }
  get height(): number {
    return this.s.height;
  }
  get layers(): readonly Layer[] {
    return this.s.layers;
  }
  get activeId(): string {
    return this.s.active;
  }
  get activeLayer(): Layer | undefined {
    return this.s.layers.find((l) => l.id === this.s.active);
  }
  get picture(): Picture | null {
    return this.s.picture;
  }
  get placement(): Rect | null {
    return this.s.placement;
  }
  get original(): Picture | null {
    return this.s.original;
  }
  get cropRect(): Rect | null {
    return this.s.crop;
  }
  get canUndo(): boolean {
    return this.undos.length > 0;
  }
  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** White, then the picture where it is placed: the canvas the layers are drawn on. */
  background(): HTMLCanvasElement {
    const { width, height, picture, placement } = this.s;
    const key = [width, height, picture, placement];
    if (this.bgCache && key.every((k, i) => k === this.bgCache!.key[i])) return this.bgCache.canvas;
    const canvas = makeCanvas(width, height);
    const ctx = context(canvas);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    if (picture && placement) ctx.drawImage(picture.image, placement.x, placement.y, placement.w, placement.h);
    this.bgCache = { key, canvas };
    return canvas;
  }

  /** The background with every visible layer on top: what the user sees, and the value's "composite". */
  composite(): HTMLCanvasElement {
    const canvas = makeCanvas(this.s.width, this.s.height);
    const ctx = context(canvas);
    ctx.drawImage(this.background(), 0, 0);
    for (const layer of this.s.layers) if (layer.visible) ctx.drawImage(layer.canvas, 0, 0);
    return canvas;
  }

  // ---- history ----
  /** Record an edit that has already been applied. */
  record(command: Command): void {
    this.undos.push(command);
    if (this.undos.length > HISTORY_LIMIT) this.undos.shift();
    this.redos = [];
    this.changed();
  }

  undo(): void {
    const command = this.undos.pop();
    if (!command) return;
    command.undo();
    this.redos.push(command);
    this.changed();
  }

  redo(): void {
    const command = this.redos.pop();
    if (!command) return;
    command.redo();
    this.undos.push(command);
    this.changed();
  }

  /** Apply a change to the structure (size, picture, layers) as one undoable step. */
  private edit(change: (s: DocState) => DocState): void {
    const before = this.snapshot();
    this.s = change(this.snapshot());
    const after = this.snapshot();
    this.record({ undo: () => void (this.s = this.copy(before)), redo: () => void (this.s = this.copy(after)) });
  }

  private snapshot(): DocState {
    return this.copy(this.s);
  }

  private copy(s: DocState): DocState {
    return { ...s, layers: s.layers.map((l) => ({ ...l })) };
  }

  changed(): void {
    this.version++;
    this.listeners.forEach((fn) => fn());
  }

  // ---- edits ----
  /** A blank document: Gradio's initial canvas and its layers, nothing to undo. */
  reset(options: DocOptions = this.options): void {
    this.options = options;
    this.s = this.blank();
    this.undos = [];
    this.redos = [];
    this.touched = false;
    this.changed();
  }

  /**
   * Gradio's AddImage: the picture becomes the background. A fixed canvas keeps its size and the picture is
   * fitted in its middle; otherwise the canvas takes the picture's size. Layers keep their names, emptied.
   * `upload`: the picture is also what later crops are taken from.
   */
  setPicture(picture: Picture, { upload = true, record = true }: { upload?: boolean; record?: boolean } = {}): void {
    const apply = (s: DocState): DocState => {
      const fixed = this.options.fixedCanvas;
      const [w, h] = fixed ? [s.width, s.height] : [picture.w, picture.h];
      const placement = fixed ? fitRect(picture.w, picture.h, w, h) : { x: 0, y: 0, w, h };
      const layers = s.layers.map((l) => ({ ...l, canvas: makeCanvas(w, h) }));
      return { ...s, width: w, height: h, picture, placement, layers, ...(upload ? { original: picture, crop: null } : {}) };
    };
    this.touched = true;
    if (record) this.edit(apply);
    else {
      this.s = apply(this.s);
      this.changed();
    }
  }

  /** Layers given by the app (their images centered, shrunk to fit), replacing the current ones. */
  setLayerPictures(pictures: Picture[]): void {
    const layers = pictures.map((p, i) => {
      const layer = this.newLayer(`Layer ${i + 1}`, true);
      const fit = p.w > this.s.width || p.h > this.s.height
        ? fitRect(p.w, p.h, this.s.width, this.s.height)
        : { x: Math.floor((this.s.width - p.w) / 2), y: Math.floor((this.s.height - p.h) / 2), w: p.w, h: p.h };
      context(layer.canvas).drawImage(p.image, fit.x, fit.y, fit.w, fit.h);
      return layer;
    });
    const [first = this.newLayer("Layer 1", false)] = layers;
    if (!layers.length) layers.push(first);
    this.s = { ...this.s, layers, active: first.id };
    this.undos = [];
    this.redos = [];
    this.touched = true;
    this.changed();
  }

  /** New layer names from the app (gr.LayerOptions): the layers start over, as in Gradio. */
  setLayerNames(names: string[]): void {
    this.options = { ...this.options, layerNames: names };
    const [name = "Layer 1", ...more] = names;
    const layers = [name, ...more].map((n) => this.newLayer(n, false));
    this.s = { ...this.s, layers, active: layers[0]!.id };
    this.changed();
  }

  addLayer(): void {
    this.edit((s) => {
      const layer = this.newLayer(`Layer ${s.layers.length + 1}`, true);
      return { ...s, layers: [...s.layers, layer], active: layer.id };
    });
  }

  deleteLayer(id: string): void {
    const index = this.s.layers.findIndex((l) => l.id === id);
    if (index < 0 || this.s.layers.length < 2) return;
    this.edit((s) => {
      const layers = s.layers.filter((l) => l.id !== id);
      return { ...s, layers, active: s.active === id ? (layers[Math.max(0, index - 1)]?.id ?? s.active) : s.active };
    });
  }

  /** "up" moves a layer towards the start of the list (down in the stack), as Gradio's arrows do. */
  moveLayer(id: string, direction: "up" | "down"): void {
    const index = this.s.layers.findIndex((l) => l.id === id);
    const target = direction === "up" ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= this.s.layers.length) return;
    this.edit((s) => {
      const layers = [...s.layers];
      [layers[index], layers[target]] = [layers[target]!, layers[index]!]; // both in range: checked above
      return { ...s, layers, active: id };
    });
  }

  selectLayer(id: string): void {
    if (!this.s.layers.some((l) => l.id === id)) return;
    this.s = { ...this.s, active: id };
    this.changed();
  }

  toggleLayer(id: string): void {
    this.s = { ...this.s, layers: this.s.layers.map((l) => (l.id === id ? { ...l, visible: !l.visible } : l)) };
    this.changed();
  }

  /** The resize tool's result: the picture moved or scaled on the canvas. */
  placePicture(rect: Rect): void {
    if (!this.s.picture) return;
    this.edit((s) => ({ ...s, placement: { ...rect } }));
  }

  /** Crop the uploaded picture to `rect` (its pixels); the result becomes the background. */
  crop(rect: Rect): void {
    const original = this.s.original;
    if (!original) return;
    const r = { x: Math.round(rect.x), y: Math.round(rect.y), w: Math.max(1, Math.round(rect.w)), h: Math.max(1, Math.round(rect.h)) };
    const canvas = makeCanvas(r.w, r.h);
    context(canvas).drawImage(original.image, r.x, r.y, r.w, r.h, 0, 0, r.w, r.h);
    this.edit((s) => {
      const fixed = this.options.fixedCanvas;
      const [w, h] = fixed ? [s.width, s.height] : [r.w, r.h];
      const picture = { image: canvas, w: r.w, h: r.h };
      const placement = fixed ? fitRect(r.w, r.h, w, h) : { x: 0, y: 0, w, h };
      const layers = s.layers.map((l) => ({ ...l, canvas: makeCanvas(w, h) }));
      return { ...s, width: w, height: h, picture, placement, layers, crop: r };
    });
  }

  private blank(): DocState {
    const [width, height] = this.options.canvasSize;
    const [first = "Layer 1", ...more] = this.options.layerNames;
    const layers = [first, ...more].map((name) => this.newLayer(name, false, width, height));
    return { width, height, picture: null, placement: null, original: null, crop: null, layers, active: layers[0]!.id };
  }

  private newLayer(name: string, userCreated: boolean, w = this.s.width, h = this.s.height): Layer {
    return { id: `layer-${++layerSeq}`, name, userCreated, visible: true, canvas: makeCanvas(w, h) };
  }
}
