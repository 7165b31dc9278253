// The login form of an app launched with auth= (Gradio's Login page: heading "Login", "username" and
// "password" fields, "Incorrect Credentials"). The worker checks the pair; the app mounts once it is accepted.

import { render } from "preact";
import { useState } from "preact/hooks";
import DOMPurify from "dompurify";
import type { AppConfig } from "../protocol";
import { applyMode, applyThemeVars } from "./theme";
import "./login.css";

type Check = (username: string, password: string) => Promise<boolean>;

function Login({ message, check, done }: { message: string | null; check: Check; done: () => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      if (await check(username, password)) return done();
      setRefused("Incorrect Credentials");
      setUsername("");
      setPassword("");
    } catch (err) {
      setRefused(`Login failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="wb-login">
      <form class="wb-login-panel" onSubmit={submit}>
        <h2>Login</h2>
        {message ? <p class="wb-login-message" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(message) }} /> : null}
        {refused ? (
          <p class="wb-login-refused" role="alert">
            {refused}
          </p>
        ) : null}
        <label class="wb-login-field">
          <span>username</span>
          <input type="text" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="wb-login-field">
          <span>password</span>
          <input type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <button type="submit" class="wb-button lg primary" disabled={busy}>
          Login
        </button>
      </form>
    </div>
  );
}

/** Show the login form in `root`; `done` runs (after the form is gone) once the worker accepted a login. */
export function renderLogin(root: HTMLElement, config: AppConfig, check: Check, done: () => void): void {
  applyThemeVars(config.theme_vars);
  applyMode(root);
  root.classList.add("gradio-container");
  root.replaceChildren();
  const finish = () => {
    render(null, root);
    done();
  };
  render(<Login message={config.auth_message ?? null} check={check} done={finish} />, root);
}
