"""JavaScript the benchmark runs in its pages and workers (page.evaluate / worker.evaluate)."""

# Wait until the site's service worker (if any) finished installing, i.e. its precache is done, so it
# does not compete with what is measured next.
SETTLE_JS = """
async (timeout) => {
  if (!navigator.serviceWorker) return "no service worker";
  const reg = await Promise.race([navigator.serviceWorker.getRegistration(), new Promise((r) => setTimeout(r, 2000))]);
  if (!reg) return "none registered";
  const deadline = performance.now() + timeout;
  while ((reg.installing || reg.waiting) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  return reg.active ? "active" : "not active";
}
"""

CLICKS_JS = """
async ({ n, warmup, timeout }) => {
  const button = document.querySelector("#echo button, button#echo");
  const out = document.querySelector("#out");
  if (!button || !out) throw new Error("no #echo button or #out element");
  const count = () => { const m = /echo (\\d+)/.exec(out.textContent || ""); return m ? Number(m[1]) : 0; };
  const times = [];
  for (let i = 0; i < warmup + n; i++) {
    const want = count() + 1;
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`click ${i}: no "echo ${want}" within ${timeout} ms (shows ${JSON.stringify(out.textContent)})`)); }, timeout);
      const obs = new MutationObserver(() => {
        if (count() >= want) { obs.disconnect(); clearTimeout(timer); resolve(); }
      });
      obs.observe(out, { childList: true, subtree: true, characterData: true });
      button.click();
    });
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return times;
}
"""

STREAM_JS = """
async ({ steps, timeout }) => {
  const button = document.querySelector("#stream button, button#stream");
  const box = document.querySelector("#streamed textarea, #streamed input");
  if (!button || !box) throw new Error("no #stream button or #streamed box");
  const last = String(steps - 1);
  const seen = new Set();
  const t0 = performance.now();
  button.click();
  return await new Promise((resolve, reject) => {
    let first = null;
    const tick = () => {
      const v = box.value;
      if (v !== "" && !seen.has(v)) { seen.add(v); if (first === null) first = performance.now(); }
      const now = performance.now();
      if (v === last) {
        // The last value must stay: wait a moment and look again (a late stale update would replace it).
        setTimeout(() => resolve({ elapsed: now - t0, first: first - t0, frames: seen.size, final: box.value }), 300);
      } else if (now - t0 > timeout) {
        reject(new Error(`the last value ${last} was not shown within ${timeout} ms (shows ${JSON.stringify(v)})`));
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
"""

RENDER_JS = """
async ({ n, timeout }) => {
  const button = document.querySelector("#render-go button, button#render-go");
  if (!button) throw new Error("no #render-go button");
  const count = () => document.querySelectorAll(".rendered-box").length;
  const t0 = performance.now();
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`only ${count()} of ${n} Textboxes after ${timeout} ms`)); }, timeout);
    const obs = new MutationObserver(() => {
      if (count() >= n) { obs.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
    });
    obs.observe(document.body, { childList: true, subtree: true });
    button.click();
  });
}
"""

WORKER_MEMORY_JS = """
() => {
  const py = self.__wasmblocks.py;
  const objects = py.runPython("import gc\\ngc.collect()\\nlen(gc.get_objects())");
  return { wasm: py._module.HEAP8.length, objects, fromSnapshot: self.__wasmblocks.fromSnapshot };
}
"""
