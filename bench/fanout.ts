/**
 * The check-up fan-out: the real app (startApp: the check-up prompt job and the outbox worker with Telegram's
 * limits, TELEGRAM_LIMITS) sends the day's prompt to `managers` managers through the fake Bot API over HTTP on
 * 127.0.0.1, which answers 429 with retry_after once more than 30 messages arrive within a second.
 * The clock is the wall clock moved to a working day's check-up time, so retries fall due as they would.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createConfig } from "../src/config.js";
import { startApp, TEAM_ID } from "../src/app.js";
import { createLogger } from "../src/shared/logger.js";
import { upsertMember, setMemberLocale } from "../src/db/members.js";
import { outboxCounts } from "../src/db/outbox.js";
import { createFakeBotApi } from "../tools/emulator/fake-bot-api.js";
import { scratchDir } from "./stats.js";

/** A Tuesday, 10:00:05 in Moscow: the check-up time has just come. */
const CHECKUP_MOMENT = Date.parse("2026-11-03T07:00:05Z");
export const TELEGRAM_MESSAGES_PER_SECOND = 30;

export interface FanoutResult {
  managers: number;
  seconds: number;
  /** Managers who got no prompt. */
  lost: number;
  /** Prompts beyond the first, summed over managers. */
  duplicates: number;
  /** 429 answers the fake gave. */
  rateLimited: number;
}

export async function measureFanout(managers: number, timeoutMs = 120_000): Promise<FanoutResult> {
  const fake = await createFakeBotApi();
  const dir = scratchDir("fanout");
  const offset = CHECKUP_MOMENT - Date.now();
  const clock = { now: () => Date.now() + offset };
  const config = createConfig({
    BOT_TOKEN: fake.token,
    DATABASE_PATH: join(dir, "bot.sqlite"),
    TELEGRAM_API_ROOT: fake.apiRoot,
    DEFAULT_TIMEZONE: "Europe/Moscow",
    LOG_LEVEL: "silent",
  });
  // Default outbox limits (TELEGRAM_LIMITS); no scheduler: the job is run once, by hand, at the check-up time.
  const app = await startApp({ config, clock, logger: createLogger("silent"), botInfo: fake.botInfo, polling: false, scheduler: false });
  try {
    const chatIds: number[] = [];
    app.db.transaction(() => {
      const add = (userId: number, role: "founder" | "lead" | "manager", username: string) => {
        const member = upsertMember(app.db, { teamId: TEAM_ID, userId, username, firstName: username, role, chatId: userId }, clock.now());
        setMemberLocale(app.db, member.id, "ru");
      };
      add(800_000, "founder", "bench_founder");
      add(800_001, "lead", "bench_lead");
      for (let i = 0; i < managers; i++) {
        add(810_000 + i, "manager", `bench_mgr_${i}`);
        chatIds.push(810_000 + i);
      }
    })();
    fake.clearCalls();
    fake.rateLimit({ perSecond: TELEGRAM_MESSAGES_PER_SECOND });
    const began = Date.now();
    await app.runJobsNow();
    const deadline = began + timeoutMs;
    while (Date.now() < deadline) {
      const counts = outboxCounts(app.db);
      if (counts.pending === 0 && counts.sent + counts.failed >= managers) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sent = fake.calls.filter((call) => call.method === "sendMessage" && call.outcome === "ok" && call.status === 200);
    const perChat = new Map<number, number>();
    const managerChats = new Set(chatIds);
    let lastAt = began;
    for (const call of sent) {
      const chatId = Number(call.payload.chat_id);
      perChat.set(chatId, (perChat.get(chatId) ?? 0) + 1);
      if (managerChats.has(chatId)) lastAt = Math.max(lastAt, call.at);
    }
    let lost = 0;
    let duplicates = 0;
    for (const chatId of chatIds) {
      const n = perChat.get(chatId) ?? 0;
      if (n === 0) lost++;
      else duplicates += n - 1;
    }
    return { managers, seconds: (lastAt - began) / 1000, lost, duplicates, rateLimited: fake.faultCounts.rateLimited };
  } finally {
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
