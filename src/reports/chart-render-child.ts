/**
 * Entry of the short-lived chart process (src/reports/chart-process.ts): reads `{ spec, options }` as JSON
 * from stdin, writes the PNG bytes to stdout and exits. vega, vega-lite and resvg load here, never in the bot.
 * A failure is one line on stderr and exit code 1.
 */
import { renderChartPng, type ChartRenderOptions } from "./chart.js";
import type { TopLevelSpec } from "vega-lite";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
try {
  const { spec, options } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { spec: TopLevelSpec; options?: ChartRenderOptions };
  const png = await renderChartPng(spec, options ?? {});
  process.stdout.write(png, () => process.exit(0));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
