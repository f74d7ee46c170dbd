/**
 * Charts for the running bot, drawn in a short-lived child process (src/reports/chart-render-child.ts):
 * vega, vega-lite and resvg take ~70 MB once loaded and would stay in the bot's memory for good; in a child
 * they are gone as soon as the PNG is written. The bytes are the same as renderChartPng's in-process ones.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { TopLevelSpec } from "vega-lite";
import type { ChartRenderOptions } from "./chart.js";

/** Draws a chart spec as PNG bytes: the bot uses the child process; the tests and the demo draw in their own process. */
export type ChartDrawer = (spec: TopLevelSpec, options?: ChartRenderOptions) => Promise<Buffer>;

/** A chart that takes longer than this is abandoned (the child is killed). */
export const CHART_TIMEOUT_MS = 30_000;

const SELF = fileURLToPath(import.meta.url);
// The child runs the same kind of file as this one: .js from dist/, .ts under tsx or vitest.
const CHILD_ENTRY = SELF.replace(/chart-process\.(\w+)$/, "chart-render-child.$1");

/** Loader flags for the child: the parent's own (tsx under `tsx`), plus tsx when a .ts entry has no loader. */
function childExecArgv(): string[] {
  const argv = [...process.execArgv];
  if (CHILD_ENTRY.endsWith(".ts") && !argv.some((arg) => arg.includes("tsx"))) {
    const loader = createRequire(import.meta.url).resolve("tsx").replace(/loader\.cjs$/, "loader.mjs");
    argv.push("--import", pathToFileURL(loader).href);
  }
  return argv;
}

/**
 * Renders a Vega-Lite spec to PNG bytes in a child process (see renderChartPng for the picture itself).
 * Rejects when the child fails, exits without a picture or runs past `timeoutMs`.
 */
export function renderChartInChild(spec: TopLevelSpec, options: ChartRenderOptions = {}, timeoutMs = CHART_TIMEOUT_MS): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const child = spawn(process.execPath, [...childExecArgv(), CHILD_ENTRY], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | undefined, png?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(png!);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(new Error(`chart process timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => finish(error));
    child.on("close", (code, signal) => {
      const png = Buffer.concat(out);
      if (code === 0 && png.length > 0) return finish(undefined, png);
      const reason = Buffer.concat(err).toString("utf8").trim().split("\n").at(-1) || `exit ${code ?? signal}`;
      finish(new Error(`chart process failed: ${reason}`));
    });
    // A child that dies before reading its input must not crash the bot with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(JSON.stringify({ spec, options }));
  });
}
