// gr.components.Fallback: the value as a JSON tree, fully open and unlabelled, as Gradio's fallback draws a
// custom component it has no page code for.

import type { ComponentProps } from "../renderer/types";
import { JSONView } from "./json";

export function Fallback(p: ComponentProps) {
  return <JSONView {...p} props={{ ...p.props, label: null, buttons: [], open: true }} />;
}
