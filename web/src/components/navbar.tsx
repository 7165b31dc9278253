// gr.Navbar: nothing to see where it is placed (as in Gradio, an empty hidden element carries its id and
// classes). Its props and value shape the app's navbar, which the root Blocks draws (blocks-navbar.tsx).

import type { ComponentProps } from "../renderer/types";

export function Navbar({ root }: ComponentProps) {
  return <div id={root.id} class={root.className || undefined} style={{ display: "none" }} />;
}
