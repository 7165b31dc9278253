// Start an app in a page: the worker, the boot stages, the tree, and the worker's messages routed to the
// renderer. Used by the export's index page (pages/app.ts), the sandboxed player and embeds.

import type { AppConfig, AppFiles, TreeMessage, WorkerMessage } from "../protocol";
import { AppApi } from "../client/api";
import { BusyMark } from "../client/busy";
import { Connection } from "../client/connection";
import { restoreDeepLink } from "../client/deep-link";
import { carryOver, HeldConnection, type HeldTrigger, lostMessage, sameTree } from "../client/early";
import { EventDispatcher } from "../client/events";
import { registerFiles, withFileUrls } from "../client/files";
import { StallWatch } from "../client/stall-watch";
import { AppStore } from "../client/store";
import { WorkerRestart } from "../client/worker-restart";
import { renderBootError } from "../renderer/boot-error";
import { renderBootBadge, renderLoading } from "../renderer/loading";
import { renderLogin } from "../renderer/login";
import { mountApp, type MountOptions } from "../renderer/render";
import { preloadTypes } from "../renderer/registry";
import { pendingDraws } from "../renderer/ready";
import { currentOnly } from "./rerun";
import { warmUpMarkdown } from "../components/markdown";
import { pageHeaders } from "../client/page-headers";

export interface StartOptions {
  /** The site root holding runtime.json, assets/, pyodide/ (and app/ when `app` is not given). */
  base: URL;
  /** The app's folder, with its runtime.json and app/, when it is not the site root (an export of several
   * apps puts each in a folder of its own, wasmblocks_build/many_apps.py); default: base. */
  appBase?: URL;
  app?: AppFiles;
  /** The worker to use (default: a new one from assets/worker.js). */
  connection?: Connection;
  /** The connection's worker already runs an app: replace it (`run` message), keeping Python. */
  replace?: boolean;
  /** An embedded app (web/src/embed/): title only on request, css= and theme scoped to its root. */
  mount?: MountOptions;
  /** The connection's worker was already sent `init` (the export's index.html starts it early). */
  initSent?: boolean;
  /** Called when the app is on screen and data-state is "ready" (mount()'s `ready` promise). */
  onReady?: () => void;
  /** Called with the app's JS API (predict, submit, view_api) when its tree arrives. */
  onApi?: (api: AppApi) => void;
  /** Seconds an event may run without a word before the Stop notice shows (null: never); default: the
   * app's launch(stop_notice_after=…), itself 5 by default. */
  stopNoticeAfter?: number | null;
  /** The app's tree made at export time (client/early.ts): drawn at once, while the worker boots. */
  early?: TreeMessage;
}

/** Warm the renderer's slow first steps once, when the page is idle while Python boots. */
let warmed = false;
function warmUpWhenIdle(): void {
  if (warmed) return;
  warmed = true;
  // Safari has no requestIdleCallback.
  const idle: (run: () => void, options: { timeout: number }) => unknown =
    typeof requestIdleCallback === "function" ? requestIdleCallback : (run) => setTimeout(run, 50);
  idle(() => warmUpMarkdown(), { timeout: 500 });
}

/**
 * data-state="ready" (and the `wasmblocks:ready` mark): at once, or, when the tree has components whose code
 * loads on first use (Chatbot, Dataframe, …) or that draw once a library is in (renderer/ready.ts), once
 * that code is in (or failed, which they show in place).
 */
function readyOnceLoaded(root: HTMLElement, store: AppStore, onReady?: () => void): void {
  const ready = () => {
    root.dataset.state = "ready";
    performance.mark("wasmblocks:ready");
    onReady?.();
  };
  const chunks = preloadTypes(store.types());
  const draws = pendingDraws();
  const loading = chunks && draws ? Promise.all([chunks, draws]) : (chunks ?? draws);
  // A task later: by then the components whose code arrived have re-rendered (Preact renders in microtasks).
  const soon = () => void setTimeout(ready, 0);
  if (loading) loading.then(soon, soon);
  else ready();
}

/** launch(stop_notice_after=…) in milliseconds; a page option overrides it (StartOptions.stopNoticeAfter). */
function noticeAfter(seconds: number | null | undefined): number | null {
  return seconds === null ? null : (seconds ?? 5) * 1000;
}

export function start(root: HTMLElement, options: StartOptions): Connection {
  warmUpWhenIdle();
  const store = new AppStore();
  // Several embedded apps on one page render the same block ids: each gets its own id prefix.
  if (options.mount?.scope) store.idPrefix = `${options.mount.scope}-`;
  const worker = options.connection ?? new Connection(new URL("assets/worker.js", options.base));
  const conn = currentOnly(worker); // an earlier app's timers and chains on this worker go quiet
  let dispatcher: EventDispatcher | null = null;
  let api: AppApi | null = null;
  const busy = new BusyMark(root);
  let watch: StallWatch | null = null;
  let restart: WorkerRestart | null = null; // Stop for anything: a fresh worker for the app on the page
  root.dataset.state = "loading";
  delete root.dataset.busy;
  renderLoading(root, "downloading");
  const upload = async (files: File[]) => {
    // The page already has the bytes: show uploads through Blob URLs of their own, keyed by worker path.
    if (early) await early.held.released;
    const uploaded = await conn.upload(files);
    return uploaded.map((fd, i) => {
      if (fd.url || !files[i]) return fd;
      const url = URL.createObjectURL(files[i]);
      store.fileUrls.set(fd.path, url);
      return { ...fd, url };
    });
  };
  store.upload = (files) => busy.track(upload(files));

  store.callServer = (id, name, args) => conn.callServer(id, name, args);

  const wire = (config: AppConfig, via: HeldConnection | null): EventDispatcher => {
    const events = new EventDispatcher(store, via ?? conn, config);
    events.autoscroll = !!options.mount?.autoscroll;
    dispatcher = events;
    events.onBusyChange = () => busy.setEvents(events.busy);
    busy.setEvents(0);
    return events;
  };

  // Drawn from the export's tree until the worker's comes: events wait in `held`, clicks are noted in `clicks`.
  let early: { config: AppConfig; held: HeldConnection; clicks: HeldTrigger[]; unnote: () => void; badge: HTMLElement } | null = null;
  // An app that asks for a login first is not drawn before the worker accepted one.
  if (options.early && !options.early.config.auth_required) {
    const config = options.early.config;
    const held = new HeldConnection(conn);
    const clicks: HeldTrigger[] = [];
    store.load(config);
    void restoreDeepLink(store);
    const drawn = wire(config, held);
    root.replaceChildren();
    mountApp(root, store, options.mount);
    root.setAttribute("aria-busy", "true"); // drawn, but Python is not answering yet
    const badge = root.appendChild(document.createElement("div"));
    renderBootBadge(badge, "downloading");
    preloadTypes(store.types()); // lazily loaded components' code comes meanwhile
    const fire = store.onTrigger;
    store.onTrigger = (id, event, data) => {
      // change/input follow the values, which a swap carries over itself; mount-time triggers fire again.
      if (event !== "change" && event !== "input") clicks.push({ id, event, data });
      fire(id, event, data);
    };
    early = { config, held, clicks, unnote: () => (store.onTrigger = fire), badge };
    drawn.load(config.root.id);
    store.callServer = async (id, name, args) => {
      await held.released;
      return conn.callServer(id, name, args);
    };
  }

  /**
   * The worker's tree, when the page already drew one: true when it is the same (the page keeps what it
   * drew and sends the held events); else what to carry over to the worker's tree, which replaces it.
   */
  const adoptTree = (message: TreeMessage, drawn: NonNullable<typeof early>): true | ReturnType<typeof carryOver> => {
    root.removeAttribute("aria-busy");
    drawn.badge.remove();
    store.callServer = (id, name, args) => conn.callServer(id, name, args);
    if (!message.files && !message.config.auth_required && sameTree(drawn.config, message.config)) {
      drawn.unnote();
      drawn.held.release();
      readyOnceLoaded(root, store, options.onReady);
      dispatcher?.startTimers();
      return true;
    }
    drawn.held.discard();
    // The held events' pending statuses go with them (their blocks are about to be replaced).
    for (const id of [...store.statuses.keys()]) store.setStatus(id, null);
    return carryOver(drawn.config, message.config, (id) => store.getValue(id), drawn.clicks);
  };

  // Stop for anything: a stall notice on quiet events, and a fresh worker when one must be ended.
  const supervise = (events: EventDispatcher, config: AppConfig) => {
    const fresh = new WorkerRestart(store, events, worker);
    restart = fresh;
    const quiet = options.stopNoticeAfter !== undefined ? options.stopNoticeAfter : config.stop_notice_after;
    watch = new StallWatch(events, store, worker, noticeAfter(quiet), (reason) => fresh.run(reason), () =>
      conn.isCurrent(),
    );
  };

  worker.onMessage = (message: WorkerMessage) => {
    if (api?.claim(message)) return; // an API call's answer: the page does not show it
    switch (message.type) {
      case "boot":
        if (restart?.active) break; // a fresh worker after Stop: the page keeps showing the app
        if (early) renderBootBadge(early.badge, message.stage);
        else renderLoading(root, message.stage, message.detail);
        break;
      case "boot_error":
        restart?.booting(false);
        root.dataset.state = "error";
        root.removeAttribute("aria-busy");
        early?.badge.remove();
        renderBootError(root, message);
        break;
      case "tree": {
        if (restart?.booting(true)) break; // the page already shows this app, with the user's values
        let carried: ReturnType<typeof carryOver> | null = null;
        if (early) {
          const drawn = early;
          early = null;
          const adopted = adoptTree(message, drawn);
          if (adopted === true) {
            api = new AppApi(conn, message.config, store);
            options.onApi?.(api);
            if (dispatcher) supervise(dispatcher, message.config);
            break;
          }
          carried = adopted;
        }
        // Initial values that are files arrive with their bytes, like updates.
        registerFiles(store.fileUrls, message.files, message.buffers);
        store.load(message.files ? { ...message.config, root: withFileUrls(message.config.root, store.fileUrls) } : message.config);
        void restoreDeepLink(store);
        const events = wire(message.config, null);
        api = new AppApi(conn, message.config, store);
        options.onApi?.(api);
        supervise(events, message.config);
        const show = (d: EventDispatcher, rootId: number) => {
          root.replaceChildren();
          mountApp(root, store, options.mount);
          readyOnceLoaded(root, store, options.onReady);
          d.load(rootId);
          d.startTimers();
          // A swap from the tree drawn before Python: what the visitor typed and clicked, once.
          for (const [id, value] of carried?.values ?? []) store.setValue(id, value, true);
          for (const t of carried?.triggers ?? []) store.trigger(t.id, t.event, t.data);
          if (carried?.lost.length) store.addToast("warning", lostMessage(carried.lost), "Warning", null);
        };
        if (message.config.auth_required) {
          // launch(auth=…): the app (and its load events) only after the worker accepted a login.
          const d = events;
          const rootId = message.config.root.id;
          renderLogin(root, message.config, (u, p) => conn.login(u, p), () => show(d, rootId));
          root.dataset.state = "login";
        } else {
          show(events, message.config.root.id);
        }
        break;
      }
      case "render":
        dispatcher?.onRender(message);
        break;
      case "status":
        dispatcher?.onStatus(message);
        watch?.poke();
        break;
      case "update":
        dispatcher?.onUpdate(message);
        break;
      case "state":
        dispatcher?.onState(message);
        break;
      case "toast":
        dispatcher?.heardFrom(message.event_id);
        store.addToast(message.level, message.message, message.title ?? null, message.duration ?? null);
        break;
      case "error":
        console.error("wasmblocks:", message.message);
        store.addToast("error", message.message, "Error", 10);
        dispatcher?.onRejected(message.ref);
        break;
    }
  };
  if (options.replace && options.app) {
    conn.post({ type: "run", app: options.app });
    return worker;
  }
  if (!options.initSent) {
    conn.post({
      type: "init",
      base_url: (options.appBase ?? options.base).href,
      session_hash: Math.random().toString(36).slice(2, 14),
      url: location.href,
      languages: [...navigator.languages],
      headers: pageHeaders(),
      app: options.app,
    });
  }
  addEventListener("pagehide", () => worker.post({ type: "unload" }));
  return worker;
}
