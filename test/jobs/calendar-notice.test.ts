import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open.js";
import { openMigratedDatabase } from "../helpers/database.js";
import { ensureTeam, updateTeamSetting } from "../../src/db/teams.js";
import { upsertMember } from "../../src/db/members.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { createLogger } from "../../src/shared/logger.js";
import type { JobDeps } from "../../src/jobs/job.js";
import { queueCalendarNotice } from "../../src/jobs/calendar-notice.js";

const at = (iso: string) => Date.parse(iso);

let db: Db;
let deps: JobDeps;

function notices(): { key: string; text: string }[] {
  return (db.prepare("SELECT idempotency_key AS key, payload FROM outbox WHERE kind = 'calendar-notice' ORDER BY id").all() as { key: string; payload: string }[]).map(
    (row) => ({ key: row.key, text: (JSON.parse(row.payload) as { text: string }).text }),
  );
}

beforeEach(() => {
  db = openMigratedDatabase();
  ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
  upsertMember(db, { teamId: 1, userId: 1, username: "olga_founder", firstName: "Olga", role: "founder", chatId: 1 }, 0);
  deps = { db, teamId: 1, translator: createTranslator(), logger: createLogger("silent") };
});

describe("calendar-notice", () => {
  it("tells the founder once, in December's working hours, that next year's transfers are not loaded", () => {
    expect(queueCalendarNotice(deps, at("2026-11-30T08:00:00Z"))).toBeNull();
    expect(queueCalendarNotice(deps, at("2026-12-01T05:00:00Z"))).toBeNull(); // 08:00 in Moscow, before the check-up
    expect(queueCalendarNotice(deps, at("2026-12-01T08:00:00Z"))).toBe(2027);
    queueCalendarNotice(deps, at("2026-12-02T08:00:00Z"));
    expect(notices()).toHaveLength(1);
    expect(notices()[0]!.key).toBe("calendar:next-year:2027:1");
    expect(notices()[0]!.text).toMatch(/Переносы выходных на 2027 год ещё не загружены/);
  });

  it("says nothing when next year is shipped or the country has no public calendar", () => {
    expect(queueCalendarNotice(deps, at("2025-12-01T08:00:00Z"))).toBeNull();
    updateTeamSetting(db, 1, "country", "KZ");
    expect(queueCalendarNotice(deps, at("2026-12-01T08:00:00Z"))).toBeNull();
    expect(notices()).toEqual([]);
  });
});
