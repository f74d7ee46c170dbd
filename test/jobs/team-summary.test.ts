import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.js";
import { openMigratedDatabase } from "../helpers/database.js";
import { ensureTeam, updateTeamSetting } from "../../src/db/teams.js";
import { upsertMember, type Member } from "../../src/db/members.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { createLogger } from "../../src/shared/logger.js";
import type { JobDeps } from "../../src/jobs/job.js";
import { runCheckupPrompts } from "../../src/jobs/checkup-prompt.js";
import { runCheckupMisses } from "../../src/jobs/checkup-miss.js";
import { queueTeamSummary } from "../../src/jobs/team-summary.js";

const at = (iso: string) => Date.parse(iso);
let db: Db;
let deps: JobDeps;
let lead: Member;

const summaries = () =>
  (db.prepare("SELECT idempotency_key AS key, chat_id AS chat, payload FROM outbox WHERE kind = 'team-summary' ORDER BY id").all() as { key: string; chat: number; payload: string }[]).map(
    (row) => ({ key: row.key, chat: row.chat, text: (JSON.parse(row.payload) as { text: string }).text }),
  );

beforeEach(() => {
  db = openMigratedDatabase();
  ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
  const add = (userId: number, role: Member["role"], username: string) => upsertMember(db, { teamId: 1, userId, username, firstName: username, role, chatId: userId }, 0);
  add(1, "founder", "olga_founder");
  lead = add(2, "lead", "anna_lead");
  add(3, "manager", "ivan_sales");
  deps = { db, teamId: 1, translator: createTranslator(), logger: createLogger("silent") };
  // The week of 2 November: 4 working days (the 4th is a public holiday), every check-up missed.
  for (const day of ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06"]) {
    runCheckupPrompts(deps, at(`${day}T07:00:00Z`));
    runCheckupMisses(deps, at(`${day}T15:00:00Z`));
  }
});

describe("the lead's weekly team summary", () => {
  it("goes to the lead once on Monday from the check-up time, about the week before", () => {
    expect(queueTeamSummary(deps, at("2026-11-09T06:59:00Z"))).toBeNull();
    expect(queueTeamSummary(deps, at("2026-11-09T07:00:00Z"))).toBe("2026-11-09");
    expect(queueTeamSummary(deps, at("2026-11-09T08:00:00Z"))).toBeNull();
    expect(queueTeamSummary(deps, at("2026-11-10T07:00:00Z"))).toBeNull();
    const [summary, ...rest] = summaries();
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({ key: `summary:team:2026-11-09:1:${lead.id}`, chat: lead.userId });
    expect(summary!.text).toContain("📋 Неделя команды: дисциплина чек-апов");
    expect(summary!.text).toContain("с 02.11");
    expect(summary!.text).toContain("@ivan_sales");
    expect(summary!.text).toMatch(/0 из 4/);
  });

  it("is not sent when turned off in the settings", () => {
    updateTeamSetting(db, 1, "leadSummary", false);
    expect(queueTeamSummary(deps, at("2026-11-09T07:00:00Z"))).toBeNull();
    expect(summaries()).toEqual([]);
  });
});

describe("the lead's weekly team summary of an empty week", () => {
  it("says nothing when no check-up was held the week before", () => {
    expect(queueTeamSummary(deps, at("2026-11-02T07:00:00Z"))).toBeNull();
    expect(summaries()).toEqual([]);
  });
});
