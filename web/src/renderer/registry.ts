// type string (Block.get_block_name() in Python) → component.

import type { RegistryEntry } from "./types";
import { Accordion } from "../components/accordion";
import { Blocks } from "../components/blocks";
import { Button } from "../components/button";
import { Checkbox } from "../components/checkbox";
import { Column } from "../components/column";
import { Dropdown } from "../components/dropdown";
import { Group } from "../components/group";
import { HTML } from "../components/html";
import { Image } from "../components/image";
import { Markdown } from "../components/markdown";
import { NumberInput } from "../components/number";
import { Radio } from "../components/radio";
import { Row } from "../components/row";
import { Slider } from "../components/slider";
import { State } from "../components/state";
import { Tab, Tabs } from "../components/tabs";
import { Textbox } from "../components/textbox";
import { Timer } from "../components/timer";
import { BrowserState } from "../components/browserstate";
import { Unsupported } from "./unsupported";

const registry = new Map<string, RegistryEntry>([
  ["blocks", { component: Blocks, kind: "bare" }],
  ["row", { component: Row, kind: "bare" }],
  ["column", { component: Column, kind: "bare" }],
  ["group", { component: Group, kind: "bare" }],
  ["tabs", { component: Tabs, kind: "bare" }],
  ["tab", { component: Tab, kind: "bare" }],
  ["tabitem", { component: Tab, kind: "bare" }],
  ["accordion", { component: Accordion, kind: "bare" }],
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
]);

const unsupported: RegistryEntry = { component: Unsupported, kind: "block" };

export function lookup(type: string): RegistryEntry {
  return registry.get(type) ?? unsupported;
}

/** For later components (or tests): add or replace a type. */
export function register(type: string, entry: RegistryEntry): void {
  registry.set(type, entry);
}
