import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.js";
import { openMigratedDatabase } from "../helpers/database.js";
import { ensureTeam, getTeam } from "../../src/db/teams.js";
import { removeMember, upsertMember, type Member } from "../../src/db/members.js";
import { insertCheckup } from "../../src/db/checkups.js";
import { insertQuestion } from "../../src/db/questions.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { createLogger } from "../../src/shared/logger.js";
import type { JobDeps } from "../../src/jobs/job.js";
import { runCheckupPrompts } from "../../src/jobs/checkup-prompt.js";
import { runCheckupReminders } from "../../src/jobs/checkup-reminder.js";
import { runCheckupMisses } from "../../src/jobs/checkup-miss.js";
import { runCheckupDigest } from "../../src/jobs/checkup-digest.js";
import { runQuestionEscalation } from "../../src/jobs/checkup-escalation.js";
import { checkupJob } from "../../src/jobs/checkup-jobs.js";
import { startLeadRound } from "../../src/services/tasks/task-actions.js";
import { planAlertsJob } from "../../src/jobs/plan-alerts.js";

const at = (iso: string) => Date.parse(iso);
const translator = createTranslator();

let db: Db;
let deps: JobDeps;
let founder: Member;
let lead: Member;
let ivan: Member;

function outbox(kind: string): { key: string; chat: number; text: string }[] {
  return (db.prepare("SELECT idempotency_key AS key, chat_id AS chat, payload FROM outbox WHERE kind = ? ORDER BY id").all(kind) as { key: string; chat: number; payload: string }[]).map(
    (row) => ({ key: row.key, chat: row.chat, text: (JSON.parse(row.payload) as { text: string }).text }),
  );
}

function status(memberId: number, date: string): string | undefined {
  return db.prepare("SELECT status FROM checkups WHERE member_id = ? AND local_date = ?").pluck().get(memberId, date) as string | undefined;
}

beforeEach(() => {
  db = openMigratedDatabase();
  ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
  const add = (userId: number, role: Member["role"], username: string, firstName: string) =>
    upsertMember(db, { teamId: 1, userId, username, firstName, role, chatId: userId }, 0);
  founder = add(1, "founder", "olga_founder", "Olga");
  lead = add(2, "lead", "anna_lead", "Anna");
  ivan = add(3, "manager", "ivan_sales", "Ivan");
  deps = { db, teamId: 1, translator, logger: createLogger("silent") };
});

describe("checkup-prompt", () => {
  it("creates one row and one prompt per manager and day, however often and late it runs", () => {
    expect(runCheckupPrompts(deps, at("2026-11-02T06:59:59Z"))).toBe(0);
    expect(runCheckupPrompts(deps, at("2026-11-02T07:00:00Z"))).toBe(1);
    expect(runCheckupPrompts(deps, at("2026-11-02T07:00:00Z"))).toBe(0);
    expect(runCheckupPrompts(deps, at("2026-11-02T14:59:00Z"))).toBe(0);
    expect(outbox("checkup-prompt").map((m) => m.key)).toEqual(["checkup-prompt:3:2026-11-02"]);
    expect(outbox("checkup-prompt")[0]!.chat).toBe(3);
    // A run after the cut-off owes nothing for the day that is over.
    expect(runCheckupPrompts(deps, at("2026-11-03T15:00:00Z"))).toBe(0);
    expect(status(ivan.id, "2026-11-03")).toBeUndefined();
    // Wednesday 4 November is a public holiday; Thursday's late run still prompts.
    expect(runCheckupPrompts(deps, at("2026-11-04T08:30:00Z"))).toBe(0);
    expect(runCheckupPrompts(deps, at("2026-11-05T08:30:00Z"))).toBe(1);
  });

  it("skips removed members and other roles", () => {
    removeMember(db, ivan.id, 0);
    expect(runCheckupPrompts(deps, at("2026-11-02T07:00:00Z"))).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM checkups").pluck().get()).toBe(0);
  });
});

describe("checkup-reminder and checkup-miss", () => {
  it("reminds once, then misses at the deadline without a second reminder", () => {
    runCheckupPrompts(deps, at("2026-11-02T07:30:00Z")); // the bot came back at 10:30: reminder at 12:30
    expect(runCheckupReminders(deps, at("2026-11-02T09:29:00Z"))).toBe(0);
    expect(runCheckupReminders(deps, at("2026-11-02T09:30:00Z"))).toBe(1);
    expect(runCheckupReminders(deps, at("2026-11-02T09:31:00Z"))).toBe(0);
    expect(runCheckupMisses(deps, at("2026-11-02T14:59:00Z"))).toBe(0);
    expect(runCheckupMisses(deps, at("2026-11-02T15:00:00Z"))).toBe(1);
    expect(runCheckupMisses(deps, at("2026-11-02T15:01:00Z"))).toBe(0);
    expect(status(ivan.id, "2026-11-02")).toBe("missed");
    expect(outbox("checkup-reminder")).toHaveLength(1);
  });

  it("alerts the founder on the second miss in a row the next working morning, once, not again after an outage", async () => {
    for (const day of ["2026-11-02", "2026-11-03"]) {
      runCheckupPrompts(deps, at(`${day}T07:00:00Z`));
      runCheckupMisses(deps, at(`${day}T15:00:00Z`));
    }
    // The misses are recorded at the cut-off, which is quiet time: nothing is said then.
    expect(outbox("checkup-missed-streak")).toEqual([]);
    // Wednesday 4 November is a public holiday; Thursday's check-up time says it.
    const thursday = at("2026-11-05T07:00:00Z");
    await planAlertsJob.run(deps, thursday);
    const [alert, ...more] = outbox("checkup-missed-streak");
    expect(more).toEqual([]);
    expect([alert!.key, alert!.chat]).toEqual([`alert:missed-checkups:member-3:${thursday}:start:${founder.userId}`, founder.userId]);
    expect(alert!.text).toMatch(/^⚠ .*@ivan_sales.*: пропущено сверок подряд — 2 \(последняя — 03\.11\)\.$/);
    // Down from Thursday noon to Monday: Thursday's miss is recorded, the streak still holds; nothing new is said.
    runCheckupPrompts(deps, at("2026-11-05T07:01:00Z"));
    runCheckupMisses(deps, at("2026-11-09T06:00:00Z"));
    await planAlertsJob.run(deps, at("2026-11-09T07:00:00Z"));
    expect(status(ivan.id, "2026-11-05")).toBe("missed");
    expect(outbox("checkup-missed-streak")).toHaveLength(1);
  });

  it("sends alerts to the alert chat when the founder set one", async () => {
    db.prepare("UPDATE teams SET alert_chat_id = -100500 WHERE id = 1").run();
    for (const day of ["2026-11-02", "2026-11-03"]) {
      runCheckupPrompts(deps, at(`${day}T07:00:00Z`));
      runCheckupMisses(deps, at(`${day}T15:00:00Z`));
    }
    await planAlertsJob.run(deps, at("2026-11-05T07:00:00Z"));
    expect(outbox("checkup-missed-streak")[0]!.chat).toBe(-100500);
  });
});

describe("checkup-digest", () => {
  it("goes to the lead once per working day from the cut-off, after the misses", async () => {
    await checkupJob.run(deps, at("2026-11-02T07:00:00Z"));
    await checkupJob.run(deps, at("2026-11-02T14:59:00Z"));
    expect(outbox("checkup-digest")).toHaveLength(0);
    await checkupJob.run(deps, at("2026-11-02T15:00:00Z"));
    await checkupJob.run(deps, at("2026-11-02T16:00:00Z"));
    const digests = outbox("checkup-digest");
    expect(digests.map((m) => [m.key, m.chat])).toEqual([["checkup-digest:2:2026-11-02:1", lead.userId]]);
    expect(digests[0]!.text).toContain("❌ Ivan (@ivan_sales) — пропустил(а), подряд: 1");
    // Saturday: no check-up, no digest.
    expect(runCheckupDigest(deps, at("2026-11-07T15:00:00Z"))).toBe(false);
    // Next morning, yesterday's digest is not owed any more.
    expect(runCheckupDigest(deps, at("2026-11-03T06:00:00Z"))).toBe(false);
  });

  it("also follows a lead's round on a day off, and goes to the founder when there is no lead", () => {
    removeMember(db, lead.id, 0);
    const team = getTeam(db, 1)!;
    startLeadRound({ db, translator, team, now: at("2026-11-07T09:00:00Z") });
    expect(outbox("checkup-prompt").map((m) => m.key)[0]).toMatch(/^checkup-round:3:2026-11-07:/);
    expect(runCheckupDigest(deps, at("2026-11-07T15:00:00Z"))).toBe(true);
    expect(outbox("checkup-digest").map((m) => m.chat)).toEqual([founder.userId]);
  });
});

describe("question-escalation", () => {
  it("escalates once, after more than 4 working hours", () => {
    insertQuestion(db, { teamId: 1, memberId: ivan.id, taskId: null, checkupId: null, text: "Price?", stateBefore: null }, at("2026-11-02T08:00:00Z"));
    expect(runQuestionEscalation(deps, at("2026-11-02T12:00:00Z"))).toBe(0);
    expect(runQuestionEscalation(deps, at("2026-11-02T12:00:01Z"))).toBe(1);
    expect(runQuestionEscalation(deps, at("2026-11-03T12:00:00Z"))).toBe(0);
    expect(outbox("question-escalation").map((m) => [m.key, m.chat])).toEqual([[`alert:question-unanswered:question-1:${at("2026-11-02T12:00:01Z")}:start:${founder.userId}`, founder.userId]]);
  });
});

describe("the row per manager and day", () => {
  it("is unique", () => {
    const row = { teamId: 1, memberId: ivan.id, localDate: "2026-11-02", source: "schedule" as const, promptedAt: 1, remindAt: null, deadlineAt: 2 };
    expect(insertCheckup(db, row)).toBeDefined();
    expect(insertCheckup(db, { ...row, source: "lead" })).toBeUndefined();
    expect(() => db.prepare("INSERT INTO checkups (team_id, member_id, local_date, source, prompted_at, deadline_at) VALUES (1, ?, '2026-11-02', 'lead', 1, 2)").run(ivan.id)).toThrow(/UNIQUE/);
  });
});
