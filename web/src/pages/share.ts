// player.html: open the app carried in the link's fragment (#code=…) in a sandboxed iframe.
// A missing, malformed or truncated fragment shows what is wrong, never a blank page.

import { decodeApp, ShareLinkError } from "../share/link";
import { SandboxHost } from "../share/sandbox-host";
import { registerOffline } from "../share/offline";
import "./share.css";

const base = new URL("../", import.meta.url); // this bundle lives in assets/
const root = document.getElementById("wasmblocks-player")!;
const editLink = document.getElementById("wb-open-editor") as HTMLAnchorElement | null;

function showProblem(title: string, detail: string): void {
  root.dataset.state = "error";
  root.replaceChildren();
  const box = document.createElement("div");
  box.className = "wb-link-error";
  box.setAttribute("role", "alert");
  box.dataset.testid = "link-error";
  const h = document.createElement("h1");
  h.textContent = title;
  const p = document.createElement("p");
  p.textContent = detail;
  box.append(h, p);
  root.appendChild(box);
}

async function open(): Promise<void> {
  if (editLink) editLink.href = `editor.html${location.hash}`;
  let app;
  try {
    app = await decodeApp(location.hash);
  } catch (err) {
    const detail = err instanceof ShareLinkError ? err.message : String(err);
    showProblem("This share link cannot be opened", detail);
    return;
  }
  root.dataset.state = "loading";
  root.replaceChildren(); // the iframe shows its own loading screen
  const host = new SandboxHost(root, base, {
    onState: (state, title) => {
      root.dataset.state = state;
      if (title) document.title = title;
    },
  });
  await host.run(app);
}

open().catch((err) => showProblem("The player could not start", String(err?.message ?? err)));
addEventListener("hashchange", () => location.reload());
registerOffline(base);
