/**
 * `npm run bench` — every figure next to its baseline, measured in the same run, then a table and
 * bench/results.json (`--quick`: smaller sizes, bench/results-quick.json, for development only).
 *
 * Machines here are noisy: the bot and its baseline alternate round by round after a warm-up, and medians are
 * reported. Generated bases are cached under the OS temp dir (see lead-base.ts); nothing large is written here.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  assertRepliesOk,
  buildWorkload,
  countMismatches,
  createApiStub,
  runBaselineBot,
  runRealBot,
  type RunResult,
} from "./bot-workload.js";
import { CRM_SYNC_P99_LIMIT_MS, CRM_SYNC_P99_RATIO, measureCrmSync } from "./crm-sync.js";
import { measureFanout, TELEGRAM_MESSAGES_PER_SECOND } from "./fanout.js";
import { generateBurnBase, measureBurnReport, measureImport } from "./lead-base.js";
import { median, removeDatabase, round, scratchDir, settle } from "./stats.js";

const quick = process.argv.includes("--quick");
const SIZES = quick
  ? { small: 10_000, large: 100_000, importRows: 20_000, updates: 2_000, rounds: 2, warmup: 1_000, warmupRuns: 1, managers: 100, rssUpdates: 2_000, crmDeals: 10_000 }
  : { small: 10_000, large: 1_000_000, importRows: 100_000, updates: 10_000, rounds: 3, warmup: 10_000, warmupRuns: 2, managers: 1_000, rssUpdates: 10_000, crmDeals: 100_000 };
const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));

const log = (line: string) => console.log(line);
const began = performance.now();
const elapsed = () => `${((performance.now() - began) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------------------------------------------------------
// Bases (generated once per seed and schema, then cached)

log(`bench${quick ? " --quick (smaller sizes; not the figures of record)" : ""}: generating or reusing the seeded bases`);
const smallBase = generateBurnBase(SIZES.small, 1, log);
const largeBase = generateBurnBase(SIZES.large, 1, log);
for (const [size, base] of [[SIZES.small, smallBase], [SIZES.large, largeBase]] as const) {
  log(`  ${size} companies: ${base.seconds > 0 ? `generated in ${base.seconds.toFixed(0)} s` : "cached"} (${base.path})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Member updates: the whole bot against the minimal bot, alternating

log(`[${elapsed()}] member updates: ${SIZES.updates} updates from 50 members, ${SIZES.rounds} rounds each after a warm-up of ${SIZES.warmupRuns} × ${SIZES.warmup}`);
const updatesDir = scratchDir("updates");
const workload = buildWorkload(SIZES.updates);
// Both are measured warm, as a bot that has been running for a while: V8 compiles a function on a background
// thread once it is hot, and the bot has far more code than the baseline, so over its first ~20,000 updates
// the bot's CPU time per round kept falling (1.40 → 1.22 → 1.06 → 0.93 s here) while the baseline's stayed flat.
const warmup = buildWorkload(SIZES.warmup);
for (let i = 0; i < SIZES.warmupRuns; i++) {
  await runRealBot(join(updatesDir, `warm-real-${i}.sqlite`), warmup, createApiStub());
  await runBaselineBot(join(updatesDir, `warm-base-${i}.sqlite`), warmup, createApiStub());
}
const realRuns: RunResult[] = [];
const baseRuns: RunResult[] = [];
for (let r = 0; r < SIZES.rounds; r++) {
  const order = r % 2 === 0 ? (["real", "base"] as const) : (["base", "real"] as const);
  for (const which of order) {
    settle();
    const path = join(updatesDir, `${which}-${r}.sqlite`);
    if (which === "real") {
      const stub = createApiStub(true);
      realRuns.push(await runRealBot(path, workload, stub));
      assertRepliesOk(stub, workload);
    } else {
      baseRuns.push(await runBaselineBot(path, workload, createApiStub()));
    }
    removeDatabase(path);
  }
  const mismatches = countMismatches(realRuns[r]!.counts, baseRuns[r]!.counts);
  if (mismatches.length > 0) throw new Error(`the two bots wrote different rows: ${mismatches.join("; ")}`);
  log(
    `  round ${r + 1}: bot ${realRuns[r]!.updatesPerSec.toFixed(0)}/s (p99 ${realRuns[r]!.p99Ms.toFixed(2)} ms, CPU ${realRuns[r]!.cpuSeconds.toFixed(2)} s), ` +
      `baseline ${baseRuns[r]!.updatesPerSec.toFixed(0)}/s (p99 ${baseRuns[r]!.p99Ms.toFixed(2)} ms, CPU ${baseRuns[r]!.cpuSeconds.toFixed(2)} s)`,
  );
}
rmSync(updatesDir, { recursive: true, force: true });
const updatesPerSec = median(realRuns.map((run) => run.updatesPerSec));
const baselineUpdatesPerSec = median(baseRuns.map((run) => run.updatesPerSec));
const updateP99Ms = median(realRuns.map((run) => run.p99Ms));
const cpuRatio = median(realRuns.map((run, i) => baseRuns[i]!.cpuSeconds / run.cpuSeconds));

// ---------------------------------------------------------------------------------------------------------------
// Burn report and import

log(`[${elapsed()}] burn report: median of 51 on ${SIZES.small} and ${SIZES.large} companies`);
const burnSmall = measureBurnReport(smallBase);
const burnLarge = measureBurnReport(largeBase);
const burnSmallAgain = measureBurnReport(smallBase);
const burnMs10k = Math.min(burnSmall.medianMs, burnSmallAgain.medianMs);

log(`[${elapsed()}] import: ${SIZES.importRows} CSV rows against plain inserts, 5 rounds each`);
const importDir = scratchDir("import");
const imported = measureImport(importDir, SIZES.importRows, 5);
rmSync(importDir, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------------------
// Fan-out over HTTP with Telegram's limit

log(`[${elapsed()}] fan-out: a check-up round to ${SIZES.managers} managers through the fake Bot API (${TELEGRAM_MESSAGES_PER_SECOND} msg/s, 429 + retry_after)`);
const fanout = await measureFanout(SIZES.managers);

// ---------------------------------------------------------------------------------------------------------------
// The CRM sync, with member updates going on meanwhile

const crmCompanies = SIZES.crmDeals / 5;
const syncOf = async (kind: "bitrix24" | "amocrm", name: string) => {
  log(`[${elapsed()}] CRM sync: ${SIZES.crmDeals} ${name} deals over ${crmCompanies} companies (no rate limit, no pacing), /tasks replies meanwhile`);
  const sync = await measureCrmSync({ crm: kind, companies: crmCompanies, deals: SIZES.crmDeals, idleReplies: 300 });
  log(
    `  first sync ${sync.seconds.toFixed(1)} s, CPU ${sync.cpuSeconds.toFixed(1)} s (${sync.rowsRead} rows, ${sync.recordsWritten} records), second ${sync.secondSyncSeconds.toFixed(2)} s (${sync.secondSyncRecords} records); ` +
      `reply p99 ${sync.idleP99Ms.toFixed(1)} ms idle, ${sync.duringSyncP99Ms.toFixed(1)} ms during the sync`,
  );
  return sync;
};
const crm = await syncOf("bitrix24", "Bitrix24");
const amo = await syncOf("amocrm", "amoCRM");

// ---------------------------------------------------------------------------------------------------------------
// Memory of the running bot on the large base, in a child process

log(`[${elapsed()}] memory: the bot on a copy of the ${SIZES.large}-company base, /burn and ${SIZES.rssUpdates} updates (child process)`);
const rssDir = scratchDir("rss");
const rssPath = join(rssDir, "bot.sqlite");
copyFileSync(largeBase.path, rssPath);
// Measured the way `npm start` runs the bot: compiled JavaScript (npm run build → dist/) under plain node, with
// the node flags of the start script, not under tsx.
const ROOT = join(BENCH_DIR, "..");
const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
if (build.status !== 0) throw new Error(`npm run build failed (${build.status}): ${(build.stdout + build.stderr).slice(-2000)}`);
const startScript = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
const startFlags = startScript.split(/\s+/).filter((arg) => arg.startsWith("--"));
log(`  as npm start runs it: node ${startFlags.join(" ")} (compiled by npm run build)`);
const child = spawnSync(
  process.execPath,
  [...startFlags, join(ROOT, "dist", "bench", "rss-child.js"), rssPath, String(SIZES.rssUpdates), String(largeBase.end + 3_600_000)],
  { encoding: "utf8", maxBuffer: 16 * 2 ** 20 },
);
rmSync(rssDir, { recursive: true, force: true });
if (child.status !== 0) throw new Error(`memory child failed (${child.status}): ${child.stderr.slice(-2000)}`);
const memory = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
  rssMb: number;
  rssAtStartMb: number;
  rssAfterAppMb: number;
  rssAfterBurnMb: number;
  heapUsedMb: number;
  burnMs: number;
  burnChart: boolean;
};

// ---------------------------------------------------------------------------------------------------------------
// Results

const fanoutLimit = (1.15 * SIZES.managers) / TELEGRAM_MESSAGES_PER_SECOND;
const results = {
  burnMs10k: round(burnMs10k, 3),
  burnMs1m: round(burnLarge.medianMs, 3),
  importRowsPerSec: Math.round(imported.importRowsPerSec),
  rawInsertRowsPerSec: Math.round(imported.rawInsertRowsPerSec),
  updatesPerSec: Math.round(updatesPerSec),
  baselineUpdatesPerSec: Math.round(baselineUpdatesPerSec),
  updateP99Ms: round(updateP99Ms, 2),
  fanoutSeconds: round(fanout.seconds, 2),
  fanoutLost: fanout.lost,
  fanoutDuplicates: fanout.duplicates,
  rssMb: round(memory.rssMb, 1),
  crmSyncRowsPerSec: Math.round(crm.rowsPerSec),
  crmSecondSyncSeconds: round(crm.secondSyncSeconds, 2),
  crmIdleP99Ms: round(crm.idleP99Ms, 1),
  crmSyncP99Ms: round(crm.duringSyncP99Ms, 1),
  amoSyncRowsPerSec: Math.round(amo.rowsPerSec),
  amoSecondSyncSeconds: round(amo.secondSyncSeconds, 2),
  amoIdleP99Ms: round(amo.idleP99Ms, 1),
  amoSyncP99Ms: round(amo.duringSyncP99Ms, 1),
};
const check = (value: number, limit: number, text: string) => ({ target: text, value: round(value, 3), pass: value <= limit });
/**
 * A throughput ratio passes only when both the wall-clock ratio (the keys) and the ratio of CPU time spent
 * hold: on a shared machine the wall clock of one side can be stretched by other processes either way, the
 * CPU time each side used cannot.
 */
const ratio = (wall: number, cpu: number, limit: number, text: string) => ({
  target: text,
  value: round(wall, 3),
  cpuTimeRatio: round(cpu, 3),
  pass: wall >= limit && cpu >= limit,
});
const syncP99 = (sync: { idleP99Ms: number; duringSyncP99Ms: number }, idleKey: string) =>
  check(sync.duringSyncP99Ms, Math.min(CRM_SYNC_P99_RATIO * sync.idleP99Ms, CRM_SYNC_P99_LIMIT_MS), `≤ ${CRM_SYNC_P99_RATIO} × ${idleKey} and ≤ ${CRM_SYNC_P99_LIMIT_MS} ms`);
const targets = {
  burnMs1m: check(results.burnMs1m, 50, "≤ 50 ms"),
  burnRatio: check(burnLarge.medianMs / burnMs10k, 3, "burnMs1m / burnMs10k ≤ 3"),
  importRatio: ratio(imported.importRowsPerSec / imported.rawInsertRowsPerSec, imported.cpuRatio, 0.5, "importRowsPerSec / rawInsertRowsPerSec ≥ 0.5 (and the same in CPU time)"),
  updateP99Ms: check(updateP99Ms, 5, "≤ 5 ms"),
  fanoutSeconds: check(fanout.seconds, fanoutLimit, `≤ 1.15 × ${SIZES.managers}/${TELEGRAM_MESSAGES_PER_SECOND} = ${fanoutLimit.toFixed(2)} s`),
  fanoutLost: check(fanout.lost, 0, "= 0"),
  fanoutDuplicates: check(fanout.duplicates, 0, "= 0"),
  rssMb: check(memory.rssMb, 100, "≤ 100 MB"),
  crmSyncP99Ms: syncP99(crm, "crmIdleP99Ms"),
  amoSyncP99Ms: syncP99(amo, "amoIdleP99Ms"),
};

const rows: [string, string, string, string, string][] = [
  ["burnMs10k", `${results.burnMs10k} ms`, `${SIZES.small} companies`, "", ""],
  ["burnMs1m", `${results.burnMs1m} ms`, `${SIZES.large} companies; ratio ${targets.burnRatio.value}`, `${targets.burnMs1m.target}; ratio ≤ 3`, pass(targets.burnMs1m.pass && targets.burnRatio.pass)],
  ["importRowsPerSec", String(results.importRowsPerSec), `${SIZES.importRows} rows`, "", ""],
  ["rawInsertRowsPerSec", String(results.rawInsertRowsPerSec), `ratio ${targets.importRatio.value} (CPU time ${targets.importRatio.cpuTimeRatio})`, "ratio ≥ 0.5", pass(targets.importRatio.pass)],
  ["updatesPerSec", String(results.updatesPerSec), `${SIZES.updates} updates`, "", ""],
  // Printed, not a target: a bot bounded by Telegram round trips is judged by its latency (updateP99Ms), not by its throughput.
  ["baselineUpdatesPerSec", String(results.baselineUpdatesPerSec), `ratio ${round(updatesPerSec / baselineUpdatesPerSec, 3)} (CPU time ${round(cpuRatio, 3)})`, "", ""],
  ["updateP99Ms", `${results.updateP99Ms} ms`, "", "≤ 5 ms", pass(targets.updateP99Ms.pass)],
  ["fanoutSeconds", `${results.fanoutSeconds} s`, `${SIZES.managers} managers; ${fanout.rateLimited} × 429`, targets.fanoutSeconds.target, pass(targets.fanoutSeconds.pass)],
  ["fanoutLost", String(results.fanoutLost), "", "= 0", pass(targets.fanoutLost.pass)],
  ["fanoutDuplicates", String(results.fanoutDuplicates), "", "= 0", pass(targets.fanoutDuplicates.pass)],
  [
    "rssMb",
    `${results.rssMb} MB`,
    `imported ${round(memory.rssAtStartMb, 0)}, started ${round(memory.rssAfterAppMb, 0)}, after /burn ${round(memory.rssAfterBurnMb, 0)} MB; heap ${round(memory.heapUsedMb, 0)} MB`,
    "≤ 100 MB",
    pass(targets.rssMb.pass),
  ],
  ...syncRows("crm", crm, results.crmSyncRowsPerSec, targets.crmSyncP99Ms),
  ...syncRows("amo", amo, results.amoSyncRowsPerSec, targets.amoSyncP99Ms),
];
function syncRows(prefix: string, sync: Awaited<ReturnType<typeof measureCrmSync>>, rowsPerSec: number, p99: { target: string; pass: boolean }): [string, string, string, string, string][] {
  return [
    [`${prefix}SyncRowsPerSec`, String(rowsPerSec), `${sync.rowsRead} rows in ${sync.seconds.toFixed(1)} s (CPU ${sync.cpuSeconds.toFixed(1)} s); ${sync.recordsWritten} records`, "", ""],
    [`${prefix}SecondSyncSeconds`, `${round(sync.secondSyncSeconds, 2)} s`, "nothing changed: 0 records (checked)", "", ""],
    [`${prefix}IdleP99Ms`, `${round(sync.idleP99Ms, 1)} ms`, `${sync.idleReplies} /tasks replies, no sync`, "", ""],
    [`${prefix}SyncP99Ms`, `${round(sync.duringSyncP99Ms, 1)} ms`, `${sync.duringSyncReplies} replies during the first sync`, p99.target, pass(p99.pass)],
  ];
}
function pass(ok: boolean): string {
  return ok ? "pass" : "FAIL";
}
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i]!.length), ["key", "value", "measured on / against", "target", ""][i]!.length));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
log("");
log(line(["key", "value", "measured on / against", "target", ""]));
log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) log(line(row));
log("");
log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}; took ${elapsed()}${quick ? "; QUICK run" : ""}`);

const file = join(BENCH_DIR, quick ? "results-quick.json" : "results.json");
writeFileSync(file, `${JSON.stringify(quick ? { quick: true, sizes: SIZES, ...results, targets } : { ...results, targets }, null, 2)}\n`);
log(`written ${file}`);
