import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { migrate } from "../../src/db/migrate.js";
import { ensureTeam } from "../../src/db/teams.js";
import { getMember, setUnreachable, upsertMember } from "../../src/db/members.js";

describe("setUnreachable", () => {
  it("finds a member by the private chat the bot writes to: chat_id, or the user id when chat_id is unknown", () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), "scb-members-")), "bot.sqlite"));
    migrate(db);
    ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
    const noChat = upsertMember(db, { teamId: 1, userId: 21, username: "nochat", firstName: "N", role: "founder", chatId: null }, 0);
    const withChat = upsertMember(db, { teamId: 1, userId: 22, username: "withchat", firstName: "W", role: "manager", chatId: 22 }, 0);
    expect(setUnreachable(db, 1, 21, true)?.id).toBe(noChat.id);
    expect(getMember(db, noChat.id)?.unreachable).toBe(true);
    expect(setUnreachable(db, 1, 21, true)).toBeUndefined(); // already marked
    expect(setUnreachable(db, 1, 22, true)?.id).toBe(withChat.id);
    expect(setUnreachable(db, 1, 21, false)?.unreachable).toBe(false);
    expect(setUnreachable(db, 2, 22, false)).toBeUndefined(); // another team's chat
  });
});
