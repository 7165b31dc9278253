// The boot failure panel: where the app failed, the message and the Python traceback.

import { render } from "preact";
import { clearPlaceholder } from "./loading";
import "./boot-error.css";

export interface BootErrorInfo {
  message: string;
  traceback: string;
  file?: string | null;
  line?: number | null;
}

function BootError({ err }: { err: BootErrorInfo }) {
  const where = err.file ? `${err.file}${err.line != null ? `, line ${err.line}` : ""}` : null;
  return (
    <div class="wb-boot-error" role="alert" data-testid="boot-error">
      <h1 class="wb-boot-error-title">The app could not start</h1>
      {where ? (
        <p class="wb-boot-error-where">
          <span class="wb-boot-error-file">{err.file}</span>
          {err.line != null ? (
            <>
              , line <span class="wb-boot-error-line">{err.line}</span>
            </>
          ) : null}
        </p>
      ) : null}
      <p class="wb-boot-error-message">{err.message}</p>
      {err.traceback ? <pre class="wb-boot-error-traceback">{err.traceback}</pre> : null}
    </div>
  );
}

export function renderBootError(root: HTMLElement, err: BootErrorInfo): void {
  root.classList.add("gradio-container", "wb-boot");
  clearPlaceholder(root);
  render(<BootError err={err} />, root);
}
