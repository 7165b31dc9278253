// data-state="ready" means drawn (pages/player.ts). A component that can draw only once some code has
// arrived (gr.HTML's Handlebars, fetched when a template has "{{") hands that load in here while it first
// renders, and the page waits for it before it says ready.

const loads = new Set<Promise<unknown>>();

/** Hold data-state="ready" until `load` settles. */
export function delayReady(load: Promise<unknown>): void {
  loads.add(load);
  const done = () => void loads.delete(load);
  load.then(done, done);
}

/** The loads components are waiting for now, or null when there are none. */
export function pendingDraws(): Promise<void> | null {
  if (!loads.size) return null;
  const settle = (p: Promise<unknown>) => p.then(() => {}, () => {});
  return Promise.all([...loads].map(settle)).then(() => {});
}
