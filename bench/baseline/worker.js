// Bare Pyodide: load it from the site's own pyodide/ folder and evaluate 1+1.
self.onmessage = async () => {
  try {
    const indexURL = new URL("../pyodide/", import.meta.url).href;
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    const py = await loadPyodide({ indexURL, packages: [] });
    self.__pyodide = py;
    self.postMessage({ result: py.runPython("1+1") });
  } catch (err) {
    self.postMessage({ error: String(err?.stack ?? err) });
  }
};
