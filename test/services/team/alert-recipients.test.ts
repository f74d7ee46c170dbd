import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/open.js";
import { migrate } from "../../../src/db/migrate.js";
import { ensureTeam, getTeam, updateTeamSetting } from "../../../src/db/teams.js";
import { findMemberByUsername, removeMember, setMemberLocale, upsertMember } from "../../../src/db/members.js";
import { founderAlertRecipients, founderConfidentialRecipients, founderPrivateRecipients } from "../../../src/services/team/alert-recipients.js";

function setup() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "scb-alerts-")), "bot.sqlite"));
  migrate(db);
  ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
  const olga = upsertMember(db, { teamId: 1, userId: 11, username: "olga", firstName: "Olga", role: "founder", chatId: 11 }, 0);
  setMemberLocale(db, olga.id, "en");
  upsertMember(db, { teamId: 1, userId: 12, username: "petr", firstName: "Petr", role: "founder", chatId: 12 }, 0);
  upsertMember(db, { teamId: 1, userId: 13, username: "lena", firstName: "Lena", role: "lead", chatId: 13 }, 0);
  return db;
}

describe("founder alert recipients", () => {
  it("are every founder's private chat, in each one's language, until /alerts_here", () => {
    const db = setup();
    const team = getTeam(db, 1)!;
    expect(founderAlertRecipients(db, team).map((r) => [r.chatId, r.locale])).toEqual([
      [11, "en"],
      [12, "ru"],
    ]);
    expect(founderConfidentialRecipients(db, team)).toEqual(founderAlertRecipients(db, team));
  });

  it("is the chosen chat after /alerts_here, but a question's text never goes into a group", () => {
    const db = setup();
    updateTeamSetting(db, 1, "alertChatId", -100500);
    const team = getTeam(db, 1)!;
    expect(founderAlertRecipients(db, team)).toEqual([{ chatId: -100500, locale: "ru", memberId: null }]);
    expect(founderConfidentialRecipients(db, team).map((r) => r.chatId)).toEqual([11, 12]);
    updateTeamSetting(db, 1, "alertChatId", 11);
    const privateTeam = getTeam(db, 1)!;
    expect(founderAlertRecipients(db, privateTeam).map((r) => [r.chatId, r.locale])).toEqual([[11, "en"]]);
    expect(founderConfidentialRecipients(db, privateTeam).map((r) => r.chatId)).toEqual([11]);
    expect(founderPrivateRecipients(db, privateTeam)).toHaveLength(2);
  });

  it("never is a private chat that is no active founder's: a removed founder's chat falls back to the founders still there", () => {
    const db = setup();
    updateTeamSetting(db, 1, "alertChatId", 11);
    removeMember(db, findMemberByUsername(db, 1, "olga")!.id, 0);
    const team = getTeam(db, 1)!;
    expect(founderAlertRecipients(db, team)).toEqual([{ chatId: 12, locale: "ru", memberId: expect.any(Number) }]);
    expect(founderConfidentialRecipients(db, team).map((r) => r.chatId)).toEqual([12]);
    // Nor the lead's private chat, nor a stranger's.
    for (const chat of [13, 999]) {
      updateTeamSetting(db, 1, "alertChatId", chat);
      expect(founderAlertRecipients(db, getTeam(db, 1)!).map((r) => r.chatId)).toEqual([12]);
    }
  });
});
