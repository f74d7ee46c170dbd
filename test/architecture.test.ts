import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

/** Which zones each zone may import; a zone always may import itself. */
const allowed: Record<string, readonly string[]> = {
  shared: [],
  domain: ["shared"],
  db: ["domain", "shared"],
  reports: ["domain", "shared"],
  outbox: ["db", "domain", "shared"],
  services: ["reports", "db", "domain", "shared"],
  jobs: ["services", "outbox", "reports", "db", "domain", "shared"],
  bot: ["services", "outbox", "reports", "db", "domain", "shared", "config"],
  cli: ["services", "reports", "db", "domain", "shared"],
  web: ["services", "reports", "db", "domain", "shared"],
  config: ["shared"],
  main: ["web", "services", "outbox", "jobs", "reports", "db", "domain", "shared", "cli", "config", "app"],
  app: ["bot", "web", "services", "outbox", "jobs", "reports", "db", "domain", "shared", "cli", "config", "main"],
  // The demo builds the Mini App page (webapp/build.ts) to screenshot it.
  tools: ["app", "main", "config", "cli", "web", "jobs", "services", "outbox", "reports", "db", "domain", "shared", "webapp"],
  // The Mini App page runs in the browser and talks to the server only through its JSON API.
  webapp: [],
};

/**
 * Zones whose types (only: `import type`, erased at build) a zone may name besides the above. Reports
 * render the rows the database returns; the row types are the database's, and a renderer naming them
 * still cannot reach SQL.
 */
const typesAllowed: Record<string, readonly string[]> = {
  reports: ["db"],
};

function zoneOf(file: string): string {
  const parts = relative(root, file).split(sep);
  if (parts[0] === "tools" || parts[0] === "webapp") return parts[0];
  if (parts[0] !== "src") return "outside";
  if (parts.length === 2) return parts[1]!.replace(/\.ts$/, "");
  return parts[1]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Static imports, `export … from`, side-effect imports and dynamic `import("…")`; comments are dropped
// first so a commented-out import does not count.
const importPattern = /\b(?:(import|export)\s+(type\s+)?([\w*\s{},]*?)\s*from\s*|import\s*\(\s*|import\s+)["']([^"']+)["']/g;

interface Import {
  target: string;
  typeOnly: boolean;
}

function relativeImports(file: string): Import[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...text.matchAll(importPattern)]
    .filter((match) => match[4]!.startsWith("."))
    .map((match) => {
      const names = match[3]?.replace(/[{}]/g, "").split(",").map((name) => name.trim()).filter(Boolean) ?? [];
      const typeOnly = match[2] !== undefined || (names.length > 0 && names.every((name) => name.startsWith("type ")));
      return { target: resolve(dirname(file), match[4]!.replace(/\.js$/, ".ts")), typeOnly };
    });
}

describe("import direction", () => {
  it("every import under src/, tools/ and webapp/ follows the layer rule", () => {
    const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "tools")), ...sourceFiles(join(root, "webapp"))];
    let checked = 0;
    const violations: string[] = [];
    for (const file of files) {
      const from = zoneOf(file);
      for (const { target, typeOnly } of relativeImports(file)) {
        checked += 1;
        const to = zoneOf(target);
        if (to === from) continue;
        if (allowed[from]?.includes(to)) continue;
        if (typeOnly && typesAllowed[from]?.includes(to)) continue;
        violations.push(`${relative(root, file)} (${from}) → ${relative(root, target)} (${to})`);
      }
    }
    console.log(`architecture: ${files.length} files, ${checked} imports checked, ${violations.length} violations`);
    expect(files.length).toBeGreaterThan(50);
    expect(violations).toEqual([]);
  });
});
