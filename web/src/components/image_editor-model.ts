// One editor's document as it lives in the page: kept across re-mounts (a hidden Tab, visible=False and
// back), loaded from the values Python sends, and exported as PNG files into the worker when an event
// reads it — Gradio's get_data(). Between an edit and that read, the store holds a small marker value, so
// the edit fires change/input and a later value from Python (even None again) is seen as new.

import type { FileData } from "../protocol";
import type { AppStore } from "../client/store";
import { EditorDoc, type DocOptions, type Picture } from "./image_editor-doc";
import { errorText } from "../error-text";

export interface EditorValue {
  background: FileData | null;
  layers: FileData[];
  composite: FileData | null;
}

const EMPTY: EditorValue = { background: null, layers: [], composite: null };
const models = new WeakMap<AppStore, Map<number, EditorModel>>();

/** The model of editor `id` in this app, made (with its store reader) the first time it is asked for. */
export function editorModel(store: AppStore, id: number, options: DocOptions): EditorModel {
  let byId = models.get(store);
  if (!byId) models.set(store, (byId = new Map()));
  let model = byId.get(id);
  if (!model) byId.set(id, (model = new EditorModel(store, id, options)));
  return model;
}

export class EditorModel {
  readonly doc: EditorDoc;
  /** The store value the document shows: one Python sent, or the marker of the last edit. */
  private shown: unknown = undefined;
  private loading: Promise<void> = Promise.resolve();
  private loadSeq = 0;
  private quiet = 0;
  private exported: { version: number; value: Promise<EditorValue> } | null = null;
  private edits = 0;
  /** Called after a user edit changed the document (the component marks the value). */
  onEdit: () => void = () => {};
  /** Called when a value from Python has been loaded into the document. */
  onLoaded: () => void = () => {};

  constructor(private store: AppStore, private id: number, options: DocOptions) {
    this.doc = new EditorDoc(options);
    this.doc.subscribe(() => {
      if (!this.quiet) this.onEdit();
    });
    // While read-only, the editor shows the value it was given, and events send that value back.
    store.setReader(id, async () => {
      if (store.get(id)?.props.interactive === false) return store.getValue(id);
      await this.sync(store.getValue(id));
      return this.export();
    });
  }

  /** The value to put in the store after a user edit: new each time, never a real payload. */
  editMarker(): EditorValue & { id: string } {
    const marker = { ...EMPTY, id: `edit-${this.id}-${++this.edits}` };
    this.shown = marker;
    return marker;
  }

  /** Show `value` unless it is what the document already shows; resolves once its images are in. */
  sync(value: unknown): Promise<void> {
    if (value !== this.shown) {
      this.shown = value;
      const seq = ++this.loadSeq;
      this.loading = this.load(value as EditorValue | null, seq);
    }
    return this.loading;
  }

  /** Changes the app makes (a new LayerOptions) that are not the user's edits. */
  quietly(change: () => void): void {
    this.quiet++;
    try {
      change();
    } finally {
      this.quiet--;
    }
  }

  private async load(value: EditorValue | null, seq: number): Promise<void> {
    this.quietly(() => this.doc.reset());
    if (!value || typeof value !== "object") return this.onLoaded();
    const bg = value.background ?? (value.layers?.length ? null : value.composite);
    const layers = Array.isArray(value.layers) ? value.layers.filter((l) => l?.url) : [];
    try {
      const [picture, ...pictures] = await Promise.all([bg?.url ? loadPicture(bg.url) : null, ...layers.map((l) => loadPicture(l.url!))]);
      if (seq !== this.loadSeq) return; // a newer value arrived meanwhile
      this.quietly(() => {
        if (picture) this.doc.setPicture(picture, { record: false });
        if (pictures.length) this.doc.setLayerPictures(pictures as Picture[]);
      });
      this.onLoaded();
    } catch (err) {
      if (seq === this.loadSeq) this.store.addToast("error", `The image editor could not load an image: ${errorText(err)}`, "Error", 10);
    }
  }

  /** The document as the value Python gets: PNG files uploaded into the worker (cached per version). */
  export(): Promise<EditorValue> {
    const doc = this.doc;
    if (!doc.touched) return Promise.resolve({ ...EMPTY });
    if (this.exported?.version === doc.version) return this.exported.value;
    const value = (async (): Promise<EditorValue> => {
      const blobs = await Promise.all([doc.background(), ...doc.layers.map((l) => l.canvas), doc.composite()].map(pngOf));
      const names = ["background.png", ...doc.layers.map((_, i) => `layer_${i}.png`), "composite.png"];
      const files = blobs.map((blob, i) => new File([blob], names[i] ?? "layer.png", { type: "image/png" }));
      const uploaded = await this.store.upload(files);
      return { background: uploaded[0] ?? null, layers: uploaded.slice(1, -1), composite: uploaded.at(-1) ?? null };
    })();
    this.exported = { version: doc.version, value };
    value.catch(() => {
      if (this.exported?.value === value) this.exported = null; // a failed export is tried again next time
    });
    return value;
  }

  /** The composite as a PNG, for the Download button. */
  compositePng(): Promise<Blob> {
    return pngOf(this.doc.composite());
  }
}

export function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas could not be encoded as PNG"))), "image/png"),
  );
}

/** An image from a URL (a worker file's Blob URL, or http(s) with CORS so the canvas can still be read). */
export async function loadPicture(url: string): Promise<Picture> {
  const img = new Image();
  if (/^https?:/i.test(url)) img.crossOrigin = "anonymous";
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new Error(`cannot read ${url.startsWith("blob:") ? "the image file" : url}`);
  }
  return { image: img, w: img.naturalWidth, h: img.naturalHeight };
}

/** A file the user chose, dropped, pasted or took with the webcam. */
export async function pictureOfFile(file: Blob): Promise<Picture> {
  const bitmap = await createImageBitmap(file);
  return { image: bitmap, w: bitmap.width, h: bitmap.height };
}
