// type string (Block.get_block_name() in Python) → component.

import type { RegistryEntry } from "./types";
import { Accordion } from "../components/accordion";
import { Blocks } from "../components/blocks";
import { Button, DeepLinkButton } from "../components/button";
import { Checkbox } from "../components/checkbox";
import { CheckboxGroup } from "../components/checkboxgroup";
import { Code } from "../components/code";
import { ColorPicker } from "../components/colorpicker";
import { Dataset } from "../components/dataset";
import { DateTime } from "../components/datetime";
import { HighlightedText } from "../components/highlightedtext";
import { JSONView } from "../components/json";
import { Label } from "../components/label";
import { Column } from "../components/column";
import { Dropdown } from "../components/dropdown";
import { Group } from "../components/group";
import { HTML } from "../components/html";
import { Image } from "../components/image";
import { Markdown } from "../components/markdown";
import { NumberInput } from "../components/number";
import { Radio } from "../components/radio";
import { Row } from "../components/row";
import { Route } from "../components/route";
import { Sidebar } from "../components/sidebar";
import { Slider } from "../components/slider";
import { State } from "../components/state";
import { Tab, Tabs } from "../components/tabs";
import { Textbox } from "../components/textbox";
import { Timer } from "../components/timer";
import { BrowserState } from "../components/browserstate";
// Components II: files and media
import { AnnotatedImage } from "../components/annotated_image";
import { Audio } from "../components/audio";
import { DownloadButton } from "../components/download_button";
import { File } from "../components/file";
import { Gallery } from "../components/gallery";
import { ImageSlider } from "../components/image_slider";
import { UploadButton } from "../components/upload_button";
import { Video } from "../components/video";
// Components II: chat, data and plots
import { NativePlot } from "../components/native_plot";
import { Plot } from "../components/plot";
import { lazyComponent } from "./lazy";
import { Unsupported } from "./unsupported";

// Loaded on first use (chunks of their own): large, and most apps use none of them.
const chatbot = lazyComponent("Chatbot", async () => (await import("../components/chatbot")).Chatbot);
const multimodal = lazyComponent("MultimodalTextbox", async () => (await import("../components/multimodal_textbox")).MultimodalTextbox);
const dataframe = lazyComponent("Dataframe", async () => (await import("../components/dataframe")).Dataframe);

const registry = new Map<string, RegistryEntry>([
  // Components II: chat, data and plots
  ["chatbot", { ...chatbot, kind: "block" }],
  ["multimodaltextbox", { ...multimodal, kind: "block" }],
  ["dataframe", { ...dataframe, kind: "block" }],
  ["plot", { component: Plot, kind: "block" }],
  ["lineplot", { component: NativePlot, kind: "block" }],
  ["barplot", { component: NativePlot, kind: "block" }],
  ["scatterplot", { component: NativePlot, kind: "block" }],
  // Components II: files and media
  ["file", { component: File, kind: "block" }],
  ["uploadbutton", { component: UploadButton, kind: "bare" }],
  ["downloadbutton", { component: DownloadButton, kind: "bare" }],
  ["gallery", { component: Gallery, kind: "block" }],
  ["annotatedimage", { component: AnnotatedImage, kind: "block" }],
  ["imageslider", { component: ImageSlider, kind: "block" }],
  ["audio", { component: Audio, kind: "block" }],
  ["video", { component: Video, kind: "block" }],
  ["blocks", { component: Blocks, kind: "bare" }],
  ["row", { component: Row, kind: "bare" }],
  ["column", { component: Column, kind: "bare" }],
  ["group", { component: Group, kind: "bare" }],
  ["tabs", { component: Tabs, kind: "bare" }],
  ["tab", { component: Tab, kind: "bare" }],
  ["tabitem", { component: Tab, kind: "bare" }],
  ["accordion", { component: Accordion, kind: "bare" }],
  ["sidebar", { component: Sidebar, kind: "bare" }],
  ["route", { component: Route, kind: "bare" }],
  ["button", { component: Button, kind: "bare" }],
  ["state", { component: State, kind: "none" }],
  ["timer", { component: Timer, kind: "headless" }],
  ["browserstate", { component: BrowserState, kind: "headless" }],
  ["textbox", { component: Textbox, kind: "block" }],
  ["number", { component: NumberInput, kind: "block" }],
  ["slider", { component: Slider, kind: "block" }],
  ["checkbox", { component: Checkbox, kind: "block" }],
  ["dropdown", { component: Dropdown, kind: "block" }],
  ["radio", { component: Radio, kind: "block" }],
  ["image", { component: Image, kind: "block" }],
  ["markdown", { component: Markdown, kind: "block", noContainer: true }],
  ["html", { component: HTML, kind: "block", noContainer: true }],
  // Components I (form and display)
  ["deeplinkbutton", { component: DeepLinkButton, kind: "bare" }],
  ["checkboxgroup", { component: CheckboxGroup, kind: "block" }],
  ["colorpicker", { component: ColorPicker, kind: "block" }],
  ["datetime", { component: DateTime, kind: "block" }],
  ["json", { component: JSONView, kind: "block" }],
  ["label", { component: Label, kind: "block" }],
  ["highlightedtext", { component: HighlightedText, kind: "block" }],
  ["code", { component: Code, kind: "block" }],
  ["dataset", { component: Dataset, kind: "block" }],
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
