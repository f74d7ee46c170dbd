/**
 * Run by run.ts in a child process: the running bot (startApp, every feature, the outbox worker) on a copy of
 * the generated 1,000,000-company base, answering /burn and then the 10,000 member updates through the
 * in-process API stub. Prints one JSON line with the process's resident memory.
 * Runs compiled, as production does (`npm run build`, then run.ts starts it with the `npm start` node flags):
 *   node <start flags> dist/bench/rss-child.js <database copy> <updates> <clock start (epoch ms)>
 */
import type { Update } from "grammy/types";
import { createConfig } from "../src/config.js";
import { startApp } from "../src/app.js";
import { createLogger } from "../src/shared/logger.js";
import { openDatabase } from "../src/db/open.js";
import { TEST_BOT_INFO, TEST_BOT_TOKEN } from "../tools/emulator/bot-info.js";
import { buildWorkload, CLOCK_STEP_MS, createApiStub, seedTeam } from "./bot-workload.js";

const rssAtStart = process.memoryUsage().rss;
const [path, countText, startText] = process.argv.slice(2);
const count = Number(countText);
const start = Number(startText);
// Only what is sent is kept (not the workload's expected kinds and task states).
const { members, updates: prepared, start: firstAt } = buildWorkload(count, start);

const seed = openDatabase(path!);
seedTeam(seed, members, start - 86_400_000);
seed.close();

const stub = createApiStub();
const clock = { at: start };
const rssBeforeApp = process.memoryUsage().rss;
const app = await startApp({
  config: createConfig({ BOT_TOKEN: TEST_BOT_TOKEN, DATABASE_PATH: path!, TELEGRAM_API_ROOT: "http://127.0.0.1:9", LOG_LEVEL: "silent" }),
  clock: { now: () => clock.at },
  logger: createLogger("silent"),
  botInfo: TEST_BOT_INFO,
  apiTransformers: [stub.transformer],
  polling: false,
  scheduler: false,
});
const rssAfterApp = process.memoryUsage().rss;
const founder = members[0]!.user;
const burn: Update = {
  update_id: count + 1,
  message: {
    message_id: 1,
    date: Math.floor(start / 1000),
    chat: { id: founder.id, type: "private", first_name: founder.first_name },
    from: founder,
    text: "/burn",
    entities: [{ type: "bot_command", offset: 0, length: 5 }],
  },
};
const burnBegan = performance.now();
await app.bot.handleUpdate(burn);
const burnMs = performance.now() - burnBegan;
const afterBurn = process.memoryUsage().rss;
// The updates take ids after /burn's, so none is skipped as a redelivery. Each is let go once handled: the
// bench's own 10,000 prepared updates (~4 MB of heap) are not the bot's memory.
const updates: (Update | undefined)[] = prepared;
const began = performance.now();
for (let i = 0; i < updates.length; i++) {
  clock.at = firstAt + i * CLOCK_STEP_MS;
  const update = updates[i]!;
  updates[i] = undefined;
  await app.bot.handleUpdate({ ...update, update_id: update.update_id + count + 1 });
}
const run = { seconds: (performance.now() - began) / 1000 };
const memory = process.memoryUsage();
const photos = stub.calls.get("sendPhoto") ?? 0;
await app.stop();
console.log(
  JSON.stringify({
    rssMb: memory.rss / 2 ** 20,
    /** once every module is imported (ESM imports run before this file's body) */
    rssAtStartMb: rssAtStart / 2 ** 20,
    rssBeforeAppMb: rssBeforeApp / 2 ** 20,
    rssAfterAppMb: rssAfterApp / 2 ** 20,
    rssAfterBurnMb: afterBurn / 2 ** 20,
    heapUsedMb: memory.heapUsed / 2 ** 20,
    heapTotalMb: memory.heapTotal / 2 ** 20,
    externalMb: memory.external / 2 ** 20,
    burnMs,
    burnChart: photos > 0,
    updatesPerSec: count / run.seconds,
  }),
);
