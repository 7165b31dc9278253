// type string (Block.get_block_name() in Python) → component. A block whose class lives in
// py/wasmblocks/<path>.py is drawn by web/src/<path>.tsx (components/, layouts/, and blocks.tsx for
// Blocks itself); tests/test_renderer_pairs.py checks every class, entry and file against that rule.

import type { RegistryEntry } from "./types";
import { Blocks } from "../blocks";
import { Accordion } from "../layouts/accordion";
import { Column } from "../layouts/column";
import { Draggable } from "../layouts/draggable";
import { Form } from "../layouts/form";
import { Group } from "../layouts/group";
import { Row } from "../layouts/row";
import { Route } from "../layouts/route";
import { Sidebar } from "../layouts/sidebar";
import { Tab, Tabs } from "../layouts/tabs";
import { Step, Walkthrough } from "../layouts/walkthrough";
import { AnnotatedImage } from "../components/annotated_image";
import { Audio } from "../components/audio";
import { BrowserState } from "../components/browser_state";
import { Button, DeepLinkButton } from "../components/button";
import { Checkbox } from "../components/checkbox";
import { CheckboxGroup } from "../components/checkbox_group";
import { Code } from "../components/code";
import { ColorPicker } from "../components/color_picker";
import { Dataset } from "../components/dataset";
import { DateTime } from "../components/datetime";
import { Dialogue } from "../components/dialogue";
import { DownloadButton } from "../components/download_button";
import { Dropdown } from "../components/dropdown";
import { File } from "../components/file";
import { FileExplorer } from "../components/file_explorer";
import { Gallery } from "../components/gallery";
import { HighlightedText } from "../components/highlighted_text";
import { HTML } from "../components/html";
import { Image } from "../components/image";
import { ImageSlider } from "../components/image_slider";
import { Fallback } from "../components/fallback";
import { JSONView } from "../components/json";
import { Label } from "../components/label";
import { LoginButton } from "../components/login_button";
import { Markdown } from "../components/markdown";
import { NativePlot } from "../components/native_plot";
import { Navbar } from "../components/navbar";
import { NumberInput } from "../components/number";
import { ParamViewer } from "../components/paramviewer";
import { Plot } from "../components/plot";
import { Radio } from "../components/radio";
import { Slider } from "../components/slider";
import { State } from "../components/state";
import { Textbox } from "../components/textbox";
import { Timer } from "../components/timer";
import { UploadButton } from "../components/upload_button";
import { Video } from "../components/video";
import { lazyComponent } from "./lazy";
import { Unsupported } from "./unsupported";

const registry = new Map<string, RegistryEntry>([
  ["blocks", { component: Blocks, kind: "bare" }],
  // layouts
  ["accordion", { component: Accordion, kind: "bare" }],
  ["column", { component: Column, kind: "bare" }],
  ["draggable", { component: Draggable, kind: "bare" }],
  ["form", { component: Form, kind: "bare" }],
  ["group", { component: Group, kind: "bare" }],
  ["row", { component: Row, kind: "bare" }],
  ["route", { component: Route, kind: "bare" }],
  ["sidebar", { component: Sidebar, kind: "bare" }],
  ["tab", { component: Tab, kind: "bare" }],
  ["tabs", { component: Tabs, kind: "bare" }],
  ["walkthrough", { component: Walkthrough, kind: "bare" }],
  ["walkthroughstep", { component: Step, kind: "bare" }],
  // components
  ["annotatedimage", { component: AnnotatedImage, kind: "block" }],
  ["audio", { component: Audio, kind: "block" }],
  ["barplot", { component: NativePlot, kind: "block" }],
  ["browserstate", { component: BrowserState, kind: "headless" }],
  ["button", { component: Button, kind: "bare" }],
  ["checkbox", { component: Checkbox, kind: "block" }],
  ["checkboxgroup", { component: CheckboxGroup, kind: "block" }],
  ["code", { component: Code, kind: "block" }],
  ["colorpicker", { component: ColorPicker, kind: "block" }],
  ["dataset", { component: Dataset, kind: "block" }],
  ["datetime", { component: DateTime, kind: "block" }],
  ["deeplinkbutton", { component: DeepLinkButton, kind: "bare" }],
  ["dialogue", { component: Dialogue, kind: "block" }],
  ["downloadbutton", { component: DownloadButton, kind: "bare" }],
  ["dropdown", { component: Dropdown, kind: "block" }],
  ["file", { component: File, kind: "block" }],
  ["fileexplorer", { component: FileExplorer, kind: "block" }],
  ["gallery", { component: Gallery, kind: "block" }],
  ["highlightedtext", { component: HighlightedText, kind: "block" }],
  ["html", { component: HTML, kind: "block" }],
  ["image", { component: Image, kind: "block" }],
  ["imageslider", { component: ImageSlider, kind: "block" }],
  ["fallback", { component: Fallback, kind: "block" }],
  ["json", { component: JSONView, kind: "block" }],
  ["label", { component: Label, kind: "block" }],
  ["lineplot", { component: NativePlot, kind: "block" }],
  ["loginbutton", { component: LoginButton, kind: "bare" }],
  ["markdown", { component: Markdown, kind: "block", noContainer: true }],
  ["navbar", { component: Navbar, kind: "headless" }],
  ["number", { component: NumberInput, kind: "block" }],
  ["paramviewer", { component: ParamViewer, kind: "bare" }],
  ["plot", { component: Plot, kind: "block" }],
  ["radio", { component: Radio, kind: "block" }],
  ["scatterplot", { component: NativePlot, kind: "block" }],
  ["slider", { component: Slider, kind: "block" }],
  ["state", { component: State, kind: "none" }],
  ["textbox", { component: Textbox, kind: "block" }],
  ["timer", { component: Timer, kind: "headless" }],
  ["uploadbutton", { component: UploadButton, kind: "bare" }],
  ["video", { component: Video, kind: "block" }],
  // Loaded on first use (chunks of their own, renderer/lazy.tsx): large, and most apps use none of them.
  ["chatbot", { ...lazyComponent("Chatbot", async () => (await import("../components/chatbot")).Chatbot), kind: "block" }],
  ["dataframe", { ...lazyComponent("Dataframe", async () => (await import("../components/dataframe")).Dataframe), kind: "block" }],
  ["imageeditor", { ...lazyComponent("ImageEditor", async () => (await import("../components/image_editor")).ImageEditor), kind: "block" }],
  ["model3d", { ...lazyComponent("Model3D", async () => (await import("../components/model3d")).Model3D), kind: "block" }],
  ["multimodaltextbox", { ...lazyComponent("MultimodalTextbox", async () => (await import("../components/multimodal_textbox")).MultimodalTextbox), kind: "block" }],
]);

const unsupported: RegistryEntry = { component: Unsupported, kind: "block" };

export function lookup(type: string): RegistryEntry {
  return registry.get(type) ?? unsupported;
}

/** Start fetching the code of every lazily loaded component among `types`; null when there is none. */
export function preloadTypes(types: Iterable<string>): Promise<void> | null {
  const loads = [...new Set(types)].map((t) => registry.get(t)?.preload?.()).filter((p) => p !== undefined);
  return loads.length ? Promise.all(loads).then(() => {}) : null;
}

/** For later components (or tests): add or replace a type. */
export function register(type: string, entry: RegistryEntry): void {
  registry.set(type, entry);
}
