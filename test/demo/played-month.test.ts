/**
 * Played months with the injected clock, counting what the founder hears on the bot's own initiative (the outbox
 * rows to the founder's chat): each condition's start once, at most one weekly summary a week, nothing in quiet
 * time, nothing repeated after a restart. The counts are printed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../../src/db/open.js";
import { getTeam } from "../../src/db/teams.js";
import { listMembers } from "../../src/db/members.js";
import { addDays, isWorkingDay, localDate, localTime, weekday } from "../../src/domain/calendar.js";
import { teamCalendar } from "../../src/domain/settings.js";
import { TEAM_ID } from "../../src/app.js";
import { createStage, DEMO_TIMEZONE } from "../../tools/demo/stage.js";
import { createTranscript } from "../../tools/demo/transcript.js";
import { demoWorkingDays, playMonth } from "../../tools/demo/script.js";
import { baseTeam, loadBase, type BaseTeam } from "../bot/base-fixture.js";

/** What the bot said to the founders by itself, by outbox kind and step. */
interface FounderLog {
  counts: Record<string, number>;
  starts: Map<string, number>;
  overs: number;
  worse: number;
  summaries: string[];
  summaryTexts: string[];
  quiet: string[];
  total: number;
}

/** Alert and summary kinds: everything the founder hears that no action of theirs asked for. */
const UNPROMPTED = /^(alert-|weekly-summary|monthly-summary|checkup-missed-streak|question-escalation)/;

function founderLog(db: Db): FounderLog {
  const team = getTeam(db, TEAM_ID)!;
  const calendar = teamCalendar(team);
  const founders = listMembers(db, team.id, "founder").map((f) => f.chatId ?? f.userId);
  const rows = db
    .prepare(`SELECT kind, idempotency_key AS key, created_at AS at, payload FROM outbox WHERE chat_id IN (${founders.map(() => "?").join(",")}) ORDER BY id`)
    .all(...founders) as { kind: string; key: string; at: number; payload: string }[];
  const log: FounderLog = { counts: {}, starts: new Map(), overs: 0, worse: 0, summaries: [], summaryTexts: [], quiet: [], total: 0 };
  for (const row of rows) {
    if (!UNPROMPTED.test(row.kind)) continue;
    // A summary's charts are parts of one summary.
    if ((row.kind === "weekly-summary" || row.kind === "monthly-summary") && !/:text:/.test(row.key) && JSON.parse(row.payload).method !== "sendMessage") continue;
    log.total++;
    log.counts[row.kind] = (log.counts[row.kind] ?? 0) + 1;
    const step = /^alert:([a-z-]+):(.+):\d+:(start|worse|over):/.exec(row.key);
    if (step?.[3] === "start") log.starts.set(`${step[1]} ${step[2]}`, (log.starts.get(`${step[1]} ${step[2]}`) ?? 0) + 1);
    if (step?.[3] === "over") log.overs++;
    if (step?.[3] === "worse") log.worse++;
    if (row.kind === "weekly-summary") {
      log.summaries.push(localDate(row.at, team.timezone));
      log.summaryTexts.push((JSON.parse(row.payload) as { text: string }).text);
    }
    const day = localDate(row.at, team.timezone);
    const time = localTime(row.at, team.timezone);
    const quiet = !isWorkingDay(day, calendar) || time < team.checkupTime || time >= team.cutoffTime;
    if (quiet && row.kind !== "alert-delivery-failing") log.quiet.push(`${row.kind} ${day} ${time}`);
  }
  return log;
}

function expectReadable(log: FounderLog): void {
  // Each condition's start once per subject (none of these months ends and restarts a condition).
  for (const [condition, starts] of log.starts) expect(starts, condition).toBe(1);
  // At most one summary a week, on its first working day.
  const weeks = log.summaries.map((day) => addDays(day, 1 - weekday(day)));
  expect(new Set(weeks).size).toBe(weeks.length);
  // Nothing between the cut-off and the check-up time, nor on days off.
  expect(log.quiet).toEqual([]);
}

function print(title: string, log: FounderLog): void {
  const kinds = Object.entries(log.counts).map(([kind, n]) => `${kind} ${n}`).join(", ");
  console.log(`${title}: ${log.total} founder messages (${kinds}); conditions started: ${[...log.starts.keys()].join(", ")}; over: ${log.overs}; worse: ${log.worse}`);
}

describe("the demo's month", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("tells the founder each condition once, one summary a week, nothing in quiet time", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "scb-played-demo-"));
    dirs.push(outDir);
    let now = () => Date.now();
    const printed: string[] = [];
    const transcript = createTranscript({ locale: "ru", timezone: DEMO_TIMEZONE, outDir, outLabel: outDir, now: () => now(), print: (line) => printed.push(line) });
    const stage = await createStage({ start: "2026-11-02T05:00:00Z", locale: "ru", observer: transcript });
    now = () => stage.clock.now();
    try {
      transcript.attach(() => stage.fake.calls);
      await playMonth({ stage, transcript, locale: "ru", days: demoWorkingDays().length });
      const log = founderLog(stage.app.db);
      print("demo month", log);
      expectReadable(log);
      expect(log.counts["weekly-summary"]).toBe(4);
      expect(log.starts.has("burn-high 2026-11")).toBe(true);
      expect(log.starts.has("sweet-lie 2026-11")).toBe(true);
      // The transcript shows the alerts with their mute button, the founder's summary and the lead's.
      const text = printed.join("\n");
      expect(text).toContain("[🔕 Заглушить такие на неделю]");
      expect(text).toContain("📋 Неделя: итоги на сегодня за ноябрь 2026");
      expect(text).toContain("📋 Неделя команды: дисциплина чек-апов");
    } finally {
      await stage.stop();
    }
  }, 300_000);
});

describe("a month of steady high burn and a met plan", () => {
  let team: BaseTeam | undefined;
  afterEach(async () => {
    await team?.h.stop();
    team = undefined;
  });

  /** Ticks of a day: before the check-up time, at it, through the day, at the cut-off and at night (UTC, Moscow −3). */
  const TICKS = ["05:00", "07:00", "07:30", "09:00", "11:00", "13:00", "14:59", "15:00", "15:30", "20:00"];

  it("says burn high and the sweet lie once each over 20 working days, and nothing again after a restart", async () => {
    team = await baseTeam("2026-11-02T07:00:00Z");
    const t = team;
    await loadBase(t);
    await t.founder.send("/setplan 2026-11 1 100000");
    // Twelve companies contacted, four of them lost for good: 33% burned, over the 30% threshold, all month.
    // Опт keeps under its pause (2 of 10 lost), so the deal in it goes through; Розница and Сеть pause.
    for (const name of ["ООО Ромашка", "ООО Василёк", "АО Берёза", "ИП Петров", "ООО Одуванчик", "ООО Клевер", "ООО Тюльпан", "ООО Гвоздика"]) {
      await t.ivan.send(`/touch ${name}`);
    }
    for (const name of ["ООО Мак", "ООО Астра", "ООО Ландыш", "ООО Хризантема"]) await t.petr.send(`/refusal ${name}; цена; навсегда`);
    // The plan is met on the first day and stays met: the forecast never falls under it.
    await t.ivan.send("/deal ООО Ромашка 100000");

    let day = "2026-11-02";
    let restarted = false;
    while (day <= "2026-11-30") {
      for (const time of TICKS) {
        t.h.clock.set(`${day}T${time}:00Z`);
        await t.h.runJobs();
      }
      if (day === "2026-11-16" && !restarted) {
        const before = founderLog(t.h.db).total;
        await t.h.restart();
        for (const time of TICKS) {
          t.h.clock.set(`${day}T${time}:00Z`);
          await t.h.runJobs();
        }
        expect(founderLog(t.h.db).total).toBe(before);
        restarted = true;
      }
      day = addDays(day, 1);
    }
    const log = founderLog(t.h.db);
    print("high burn and met plan, 20 working days", log);
    expectReadable(log);
    expect(log.starts.get("burn-high 2026-11")).toBe(1);
    expect(log.starts.get("sweet-lie 2026-11")).toBe(1);
    expect(log.starts.has("plan-behind 2026-11")).toBe(false);
    // Nothing ends within the month, so no "over" line; the weekly summaries are the only reminders.
    expect(log.overs).toBe(0);
    expect(log.counts["weekly-summary"]).toBe(4);
    expect(log.total).toBe(log.starts.size + log.worse + 4 + (log.counts["monthly-summary"] ?? 0));
    // Each summary reminds of what still holds.
    for (const text of log.summaryTexts) expect(text).toMatch(/база выгорает за ноябрь 2026 — с 02\.11\.2026/);
  }, 600_000);
});
