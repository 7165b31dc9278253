// gr.LoginButton: drawn as Gradio's (a gr.Button: Hugging Face variant, logo, "Sign in with Hugging Face").
// Gradio's click sends the visitor to its server's /login/huggingface; with no server, the click explains
// that in a toast instead, and still fires `click` for the app's own listeners.

import { Button } from "./button";
import { HuggingFaceLogo } from "./login_button-logo";
import { cx } from "../renderer/hooks";
import { str } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import "./login_button.css";

const EXPLANATION =
  "Signing in with Hugging Face needs the Gradio server of a Space, and this app runs entirely in your " +
  "browser. You are not signed in: the app sees no Hugging Face profile or token.";

export function LoginButton(p: ComponentProps) {
  const trigger = (event: string, data?: unknown) => {
    if (event === "click") {
      // One explanation at a time, however often it is clicked.
      const showing = p.store.toasts.some((t) => t.message === EXPLANATION);
      if (!showing) p.store.addToast("info", EXPLANATION, "Sign-in needs a server", 8);
    }
    p.trigger(event, data);
  };
  if (!p.props.hf_logo || p.props.icon || p.props.link) return <Button {...p} trigger={trigger} />;
  // Gradio's own logo: the Button's markup with the logo drawn in place of an <img>.
  const { props, value, root } = p;
  const text = value === null || value === undefined ? "" : String(value);
  const style: Record<string, string> = { ...root.style };
  // scale=0: as wide as its text, which a Row must not squeeze onto three lines.
  if (props.scale === 0) Object.assign(style, { width: "fit-content", flex: "0 0 auto" });
  return (
    <button
      id={root.id}
      type="button"
      class={cx("wb-button", "wb-login-button", str(props.size) || "lg", str(props.variant) || "huggingface", root.className)}
      style={style}
      disabled={props.interactive === false}
      onClick={() => trigger("click")}
    >
      <HuggingFaceLogo />
      {text}
    </button>
  );
}
