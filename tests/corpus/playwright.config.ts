// Playwright settings for the on-demand run of Gradio's specs against wasmblocks (run_specs.py sets the env).
// Close to Gradio's own .config/playwright.config.js (Desktop Chrome, expect timeout 10 s, clipboard and
// microphone permissions), except: the system Chromium with the project's flags, no retries (a flaky pass
// should show), a longer test timeout (the test's time includes the app's boot on a shared machine), and
// service workers blocked (the export's offline worker would precache the site during every test).

import { defineConfig, devices } from "@playwright/test";

const env = process.env;

export default defineConfig({
  testDir: env.WASMBLOCKS_SPEC_DIR,
  testMatch: /.*\.spec\.ts/,
  outputDir: env.WASMBLOCKS_SPEC_OUTPUT,
  timeout: Number(env.WASMBLOCKS_TEST_TIMEOUT_MS ?? 90_000),
  expect: { timeout: 10_000 },
  retries: 0,
  workers: Number(env.WASMBLOCKS_SPEC_WORKERS ?? 2),
  fullyParallel: false,
  reporter: [["line"], ["json", { outputFile: env.WASMBLOCKS_SPEC_REPORT }]],
  use: {
    ...devices["Desktop Chrome"],
    permissions: ["clipboard-read", "clipboard-write", "microphone"],
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: JSON.parse(env.WASMBLOCKS_CHROMIUM_ARGS ?? "[]"),
    },
  },
});
