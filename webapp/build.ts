/**
 * `npm run build` (through build:webapp): bundles the Mini App page into dist/webapp/ — index.html, app.js,
 * app.css (uPlot's styles included). Everything is bundled: the page loads nothing from another host, and the
 * server's CSP allows only its own scripts and styles.
 */
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SOURCE = import.meta.dirname;
export const WEBAPP_OUT = join(SOURCE, "..", "dist", "webapp");

/** Builds the page into `outDir`; minified unless asked otherwise. */
export async function buildWebApp(outDir = WEBAPP_OUT, minify = true): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(SOURCE, "src", "main.tsx") },
    outdir: outDir,
    bundle: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    minify,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(SOURCE, "index.html"), join(outDir, "index.html"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildWebApp();
