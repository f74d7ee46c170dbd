import { defineConfig } from "vitest/config";

/**
 * Two projects, split by folder. `system` holds whatever spawns processes, serves HTTP or plays long
 * scenarios (reliability: chaos, fuzz, access matrix, faults; e2e and webhook; the demo; the CLIs; the
 * bench workload; the Mini App in a real browser, *.browser.test.ts); `unit` is everything else and runs
 * first, so a broken rule fails fast.
 */
const SYSTEM = [...["reliability", "e2e", "demo", "cli", "bench"].map((folder) => `test/${folder}/**/*.test.ts`), "test/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    // Every core: vitest's default keeps one for itself, which on two cores ran the files one at a time, while
    // its main process only collects results and most test time waits on SQLite, HTTP or child processes.
    maxWorkers: "100%",
    projects: [
      // Unit files share one module graph per worker (isolate: false): loading grammY and src/ once per worker
      // instead of once per file; they keep no state in modules, and each test builds its own database.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: SYSTEM, isolate: false, sequence: { groupOrder: 0 } } },
      // Long scenarios on a shared machine: a hang still fails, a slow minute does not.
      { extends: true, test: { name: "system", include: SYSTEM, testTimeout: 60_000, sequence: { groupOrder: 1 } } },
    ],
  },
});
