/** Missed check-ups, unanswered questions and failing delivery as founder alert conditions. */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.js";
import { openMigratedDatabase } from "../helpers/database.js";
import { ensureTeam, updateTeamSetting } from "../../src/db/teams.js";
import { upsertMember, type Member } from "../../src/db/members.js";
import { answerQuestion, insertQuestion } from "../../src/db/questions.js";
import { enqueue, markSent } from "../../src/db/outbox.js";
import { listOpenConditions } from "../../src/db/alert-conditions.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { createLogger } from "../../src/shared/logger.js";
import type { JobDeps } from "../../src/jobs/job.js";
import { runQuestionEscalation } from "../../src/jobs/checkup-escalation.js";
import { deliveryAlertsJob } from "../../src/jobs/delivery-alerts.js";

const at = (iso: string) => Date.parse(iso);
let db: Db;
let deps: JobDeps;
let founder: Member;
let lead: Member;
let ivan: Member;

const queued = (kind: string) =>
  (db.prepare("SELECT chat_id AS chat, payload FROM outbox WHERE kind = ? ORDER BY id").all(kind) as { chat: number; payload: string }[]).map((row) => ({
    chat: row.chat,
    text: (JSON.parse(row.payload) as { text: string }).text,
  }));

beforeEach(() => {
  db = openMigratedDatabase();
  ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
  const add = (userId: number, role: Member["role"], username: string) => upsertMember(db, { teamId: 1, userId, username, firstName: username, role, chatId: userId }, 0);
  founder = add(1, "founder", "olga_founder");
  lead = add(2, "lead", "anna_lead");
  ivan = add(3, "manager", "ivan_sales");
  deps = { db, teamId: 1, translator: createTranslator(), logger: createLogger("silent") };
});

describe("question unanswered", () => {
  it("is said once in working hours, never before the check-up time, and ends silently when answered", () => {
    // Monday 16:00 in Moscow; two working hours that day, the other two on Tuesday from 10:00.
    const question = insertQuestion(db, { teamId: 1, memberId: ivan.id, taskId: null, checkupId: null, text: "Скидка 10%?", stateBefore: null }, at("2026-11-02T13:00:00Z"));
    expect(runQuestionEscalation(deps, at("2026-11-02T20:00:00Z"))).toBe(0);
    expect(runQuestionEscalation(deps, at("2026-11-03T06:00:00Z"))).toBe(0);
    expect(runQuestionEscalation(deps, at("2026-11-03T09:00:01Z"))).toBe(1);
    expect(runQuestionEscalation(deps, at("2026-11-03T10:00:00Z"))).toBe(0);
    expect(queued("question-escalation")).toEqual([{ chat: founder.userId, text: expect.stringContaining("Скидка 10%?") as string }]);
    answerQuestion(db, question.id, "Да", lead.id, at("2026-11-03T11:00:00Z"));
    expect(runQuestionEscalation(deps, at("2026-11-03T11:01:00Z"))).toBe(0);
    expect(listOpenConditions(db, 1)).toEqual([]);
    expect(db.prepare("SELECT COUNT(*) FROM outbox").pluck().get()).toBe(1);
  });
});

describe("delivery failing", () => {
  it("goes at once to the founders' private chats, even at night, once while it lasts, and ends silently", () => {
    updateTeamSetting(db, 1, "alertChatId", -100500);
    const night = at("2026-11-03T20:00:00Z");
    enqueue(db, { teamId: 1, chatId: -100500, kind: "alert-burn-high", key: "k1", message: { method: "sendMessage", text: "🔥" } }, night);
    const id = db.prepare("SELECT id FROM outbox WHERE idempotency_key = 'k1'").pluck().get() as number;
    void deliveryAlertsJob.run(deps, night);
    expect(queued("alert-delivery-failing")).toEqual([]);
    db.prepare("UPDATE outbox SET attempts = 3 WHERE id = ?").run(id);
    void deliveryAlertsJob.run(deps, night + 60_000);
    void deliveryAlertsJob.run(deps, night + 120_000);
    expect(queued("alert-delivery-failing")).toEqual([{ chat: founder.userId, text: expect.stringContaining("Оповещения не доходят в чат оповещений") as string }]);
    markSent(db, id, 42, night + 180_000);
    void deliveryAlertsJob.run(deps, night + 240_000);
    expect(listOpenConditions(db, 1)).toEqual([]);
    expect(queued("alert-delivery-failing")).toHaveLength(1);
  });
});
