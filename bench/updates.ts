/**
 * `npx tsx bench/updates.ts [updates] [rounds]` — only the member-update part of `npm run bench`: the real bot
 * against the minimal one, alternating, medians printed. For comparing changes to the middleware chain quickly.
 */
import { join } from "node:path";
import { assertRepliesOk, buildWorkload, createApiStub, runBaselineBot, runRealBot, type RunResult } from "./bot-workload.js";
import { median, removeDatabase, scratchDir, settle } from "./stats.js";

const updates = Number(process.argv[2] ?? 5_000);
const rounds = Number(process.argv[3] ?? 3);
const dir = scratchDir("updates-only");
const workload = buildWorkload(updates);
const warmup = buildWorkload(updates);
await runRealBot(join(dir, "warm-real.sqlite"), warmup, createApiStub());
await runBaselineBot(join(dir, "warm-base.sqlite"), warmup, createApiStub());
const real: RunResult[] = [];
const base: RunResult[] = [];
for (let r = 0; r < rounds; r++) {
  settle();
  const stub = createApiStub(true);
  real.push(await runRealBot(join(dir, `real-${r}.sqlite`), workload, stub));
  assertRepliesOk(stub, workload);
  removeDatabase(join(dir, `real-${r}.sqlite`));
  settle();
  base.push(await runBaselineBot(join(dir, `base-${r}.sqlite`), workload, createApiStub()));
  removeDatabase(join(dir, `base-${r}.sqlite`));
}
const fixed = (value: number, digits = 2) => value.toFixed(digits);
console.log(
  `${updates} updates × ${rounds} rounds: bot ${fixed(median(real.map((run) => run.updatesPerSec)), 0)}/s, p99 ${fixed(median(real.map((run) => run.p99Ms)))} ms, ` +
    `CPU ${fixed(median(real.map((run) => run.cpuSeconds)))} s; baseline ${fixed(median(base.map((run) => run.updatesPerSec)), 0)}/s, ` +
    `p99 ${fixed(median(base.map((run) => run.p99Ms)))} ms, CPU ${fixed(median(base.map((run) => run.cpuSeconds)))} s`,
);
