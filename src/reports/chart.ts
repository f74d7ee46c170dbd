import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Loader, Spec as VegaSpec } from "vega";
import type { TopLevelSpec } from "vega-lite";

/** The only font charts use; loaded from the dejavu-fonts-ttf package so output is the same on every machine. */
export const CHART_FONT = "DejaVu Sans";

export interface ChartRenderOptions {
  /**
   * Width of each plot area in CSS pixels, used by views that do not set their own width
   * (Vega-Lite `config.view.continuousWidth` / `discreteWidth`). Default 440, which with axes and labels makes a
   * chart ~600 px wide: the whole picture stays readable on a phone without zooming.
   */
  width?: number;
  /** Height of each plot area in CSS pixels, for views that do not set their own height. Default 260. */
  height?: number;
  /** Pixel ratio of the PNG. Default 2: ~1200 px wide, sharp on a phone and under Telegram's 1280 px photo size. */
  scale?: number;
}

const DEFAULT_WIDTH = 440;
const DEFAULT_HEIGHT = 260;
const DEFAULT_SCALE = 2;

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");

interface ChartToolkit {
  vega: Vega;
  vegaLite: VegaLite;
  fontFiles: string[];
  offlineLoader: Loader;
}

// vega and vega-lite are large; load them once, on the first chart, not when the bot starts.
let toolkit: Promise<ChartToolkit> | undefined;

function loadToolkit(): Promise<ChartToolkit> {
  if (toolkit === undefined) {
    toolkit = createToolkit();
    // A failed load (e.g. a missing package) must not poison every later call with the same rejection.
    toolkit.catch(() => {
      toolkit = undefined;
    });
  }
  return toolkit;
}

async function createToolkit(): Promise<ChartToolkit> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  // Resolved from this module, not the working directory, so the bot, the CLI and tests find the same files.
  const fontPackage = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  const fontDir = path.join(path.dirname(fontPackage), "ttf");
  const regular = path.join(fontDir, "DejaVuSans.ttf");
  const bold = path.join(fontDir, "DejaVuSans-Bold.ttf");
  useFontMetrics(vega, readAdvanceWidths(readFileSync(regular)), readAdvanceWidths(readFileSync(bold)));
  return { vega, vegaLite, fontFiles: [regular, bold], offlineLoader: createOfflineLoader() };
}

/** Charts are built from inline values only; anything that would make vega fetch a file or URL fails. */
function createOfflineLoader(): Loader {
  const refuse = (uri: unknown): Promise<never> =>
    Promise.reject(new Error(`chart rendering is offline, refusing to load ${String(uri)}`));
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/**
 * Renders a Vega-Lite spec to a PNG picture with a white background.
 *
 * Runs without a browser or canvas: Vega-Lite → Vega → SVG (headless vega view) → PNG (resvg), with the DejaVu Sans
 * font from node_modules and no system fonts, so Cyrillic renders the same everywhere and the output is byte-for-byte
 * deterministic for the same spec. Data must be inline (`data.values`); a spec that refers to a URL is rejected.
 */
export async function renderChartPng(spec: TopLevelSpec, options: ChartRenderOptions = {}): Promise<Buffer> {
  const { vega, vegaLite, fontFiles, offlineLoader } = await loadToolkit();
  const scale = options.scale ?? DEFAULT_SCALE;
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`chart scale must be in (0, 8], got ${scale}`);

  const problems: string[] = [];
  const logger = createCollectingLogger(vega, problems);
  const vegaSpec: VegaSpec = vegaLite.compile(withRenderConfig(spec, options), { logger }).spec;
  assertNoExternalData(vegaSpec);

  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none", loader: offlineLoader, logger });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  // vega reports dataflow failures through the logger instead of rejecting; do not send a half-drawn chart.
  if (problems.length > 0) throw new Error(`chart rendering failed: ${problems.join("; ")}`);

  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    logLevel: "off",
  });
  return image.asPng();
}

/** Forces the font and background, and fills in plot sizes the spec leaves open. */
function withRenderConfig(spec: TopLevelSpec, options: ChartRenderOptions): TopLevelSpec {
  const config = spec.config ?? {};
  const width = options.width;
  const height = options.height;
  return {
    ...spec,
    background: "white",
    config: {
      ...config,
      font: CHART_FONT,
      view: {
        continuousWidth: DEFAULT_WIDTH,
        discreteWidth: DEFAULT_WIDTH,
        continuousHeight: DEFAULT_HEIGHT,
        discreteHeight: DEFAULT_HEIGHT,
        ...config.view,
        ...(width === undefined ? {} : { continuousWidth: width, discreteWidth: width }),
        ...(height === undefined ? {} : { continuousHeight: height, discreteHeight: height }),
      },
    },
  };
}

function assertNoExternalData(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(assertNoExternalData);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "values") continue; // inline rows are data, not instructions
    if (key === "url") throw new Error("chart specs must use inline data values, not URLs");
    assertNoExternalData(value);
  }
}

function createCollectingLogger(vega: Vega, problems: string[]) {
  // Warnings (e.g. an empty scale domain for a chart with no data) are expected and harmless; errors are not.
  const logger = {
    level(): number {
      return vega.Error;
    },
    error(...args: readonly unknown[]) {
      problems.push(args.map(String).join(" "));
      return logger;
    },
    warn() {
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger as typeof logger & import("vega").LoggerInterface;
}

/**
 * Without a canvas, vega guesses text width as 0.8 em per character, which is ~35% too wide for DejaVu Sans: axis
 * titles drift away from their labels and labels are cut short. Measure with the real advance widths instead (the same
 * trick vl-convert uses). This changes vega's module-wide text metrics; charts are the only vega user in the bot.
 */
function useFontMetrics(vega: Vega, regular: AdvanceWidths, bold: AdvanceWidths): void {
  const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  textMetrics.width = (item, text) => {
    const fontSize = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const line = text == null ? "" : String(text).trim();
    if (fontSize <= 0 || line === "") return 0;
    const weight = item.fontWeight;
    const isBold = weight === "bold" || weight === "bolder" || (typeof weight === "number" && weight >= 600);
    return measureText(isBold ? bold : regular, line) * fontSize;
  };
}

interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
}

interface AdvanceWidths {
  /** Advance width of each BMP code point in em; -1 where the font has no glyph. */
  byCodePoint: Float32Array;
  /** Advance of the font's "missing glyph" box, used for anything not in the table. */
  fallback: number;
}

function measureText(font: AdvanceWidths, text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const advance = font.byCodePoint[code] ?? -1;
    width += advance >= 0 ? advance : font.fallback;
  }
  return width;
}

/** Reads per-character advance widths from a TrueType file (tables head, hhea, hmtx and a format 4 cmap). */
function readAdvanceWidths(ttf: Buffer): AdvanceWidths {
  const tables = new Map<string, number>();
  const tableCount = ttf.readUInt16BE(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    tables.set(ttf.toString("latin1", record, record + 4), ttf.readUInt32BE(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = ttf.readUInt16BE(table("head") + 18);
  const metricCount = ttf.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advanceOf = (glyph: number): number =>
    ttf.readUInt16BE(hmtx + 4 * Math.min(glyph, metricCount - 1)) / unitsPerEm;

  const cmap = table("cmap");
  let subtable: number | undefined;
  for (let i = 0; i < ttf.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    const platform = ttf.readUInt16BE(record);
    const encoding = ttf.readUInt16BE(record + 2);
    const offset = cmap + ttf.readUInt32BE(record + 4);
    if (platform === 3 && encoding === 1 && ttf.readUInt16BE(offset) === 4) subtable = offset;
  }
  if (subtable === undefined) throw new Error("font has no Unicode BMP (format 4) cmap");

  const byCodePoint = new Float32Array(0x10000).fill(-1);
  const segCount = ttf.readUInt16BE(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + 2 * segCount + 2;
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  for (let seg = 0; seg < segCount; seg++) {
    const end = ttf.readUInt16BE(endCodes + 2 * seg);
    const start = ttf.readUInt16BE(startCodes + 2 * seg);
    const delta = ttf.readUInt16BE(idDeltas + 2 * seg);
    const rangeOffsetAt = idRangeOffsets + 2 * seg;
    const rangeOffset = ttf.readUInt16BE(rangeOffsetAt);
    for (let code = start; code <= end && code < 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const raw = ttf.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) byCodePoint[code] = advanceOf(glyph);
    }
  }
  return { byCodePoint, fallback: advanceOf(0) };
}
