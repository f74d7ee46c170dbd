/**
 * Every registered command × every kind of person × private and group chat, checked against a
 * table written from the README's commands by role (not from the code): a new command without a row here fails the test.
 * Replies to people outside the team are searched for team data seeded beforehand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { groupChat } from "../helpers/updates.js";
import { runMain } from "../helpers/cli.js";
import { COMMANDS } from "../../src/bot/features/index.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { ensureTeam } from "../../src/db/teams.js";
import { removeMember, upsertMember } from "../../src/db/members.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { EXPECTED } from "./expectations.js";

type Actor = "founder" | "lead" | "manager" | "other-team" | "removed" | "stranger";
const ACTORS: Actor[] = ["founder", "lead", "manager", "other-team", "removed", "stranger"];

const translator = createTranslator();
const refusalTexts = new Set(
  (["ru", "en"] as const).flatMap((locale) => ["access-denied", "private-only", "stranger-explain", "stranger-short"].map((key) => translator.t(locale, key))),
);
const slowDown = new Set((["ru", "en"] as const).map((locale) => translator.t(locale, "reliability-slow-down")));

/** Team data a refused person must never see, and another team's data nobody in team 1 may see. */
const TEAM_SECRETS = [
  "Olga", "olga_founder", "Founderova", "Anna", "anna_lead", "Ivan", "ivan_manager", "Petrov",
  "Ромашка-Секрет", "Зенит-Тайна", "Секретстрой", "Тайный сегмент", "345678", "4148136", "98765", "777777", "start=",
];
const OTHER_TEAM_SECRETS = ["Zoltan", "zoltan_rival", "Конкурент-Альфа"];
const digitsOnly = (text: string) => text.replace(/[\s\u00a0\u202f.,']/g, "");

function leaked(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => text.includes(secret) || (/^\d+$/.test(secret) && digitsOnly(text).includes(secret)));
}

let h: Harness;
const actors = {} as Record<Actor, TestUser>;

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-10T09:00:00Z" });
  actors.founder = await h.member("founder", { username: "olga_founder", first_name: "Olga", last_name: "Founderova", language_code: "en" });
  actors.lead = await h.member("lead", { username: "anna_lead", first_name: "Anna", language_code: "en" });
  actors.manager = await h.member("manager", { username: "ivan_manager", first_name: "Ivan", last_name: "Petrov", language_code: "en" });
  actors.removed = await h.member("manager", { username: "boris_gone", first_name: "Boris", language_code: "en" });
  removeMember(h.db, actors.removed.member()!.id, h.clock.now());
  ensureTeam(h.db, 2, { timezone: "Europe/Moscow", locale: "ru" }, h.clock.now());
  h.db.prepare("UPDATE teams SET name = 'Конкурент-Альфа' WHERE id = 2").run();
  actors["other-team"] = h.stranger({ username: "zoltan_rival", first_name: "Zoltan", language_code: "en" });
  upsertMember(h.db, { teamId: 2, userId: actors["other-team"].id, username: "zoltan_rival", firstName: "Zoltan", role: "founder", chatId: actors["other-team"].id }, h.clock.now());
  actors.stranger = h.stranger({ username: "curious_cat", language_code: "en" });

  // Team data through the bot's own commands (their documented syntax), where the command exists.
  const known = new Set(COMMANDS.map((spec) => spec.command));
  const seed = async (user: TestUser, command: string) => {
    if (!known.has(command.slice(1).split(" ")[0]!)) return;
    await user.send(command);
    h.clock.advance(1000);
  };
  await seed(actors.founder, "/setplan 2026-11 12 345678");
  await seed(actors.founder, "/expense 98765 marketing Зенит-Тайна");
  await seed(actors.lead, "/assign @ivan_manager Позвонить в Ромашка-Секрет");
  await seed(actors.manager, "/ask Что делать с Ромашка-Секрет?");
  await seed(actors.founder, "/invite manager");
  if (known.has("import")) {
    // The lead base through its CLI, then a refusal and a deal through the bot.
    const { main } = await import("../../src/cli/import.js");
    const csv = join(mkdtempSync(join(tmpdir(), "scb-matrix-")), "base.csv");
    writeFileSync(csv, "company,segment,owner\nООО Секретстрой,Тайный сегмент,@ivan_manager\nАО Секретстрой-2,Тайный сегмент,@ivan_manager\n");
    expect((await runMain(main, [csv], { DATABASE_PATH: h.dbPath })).code).toBe(0);
  }
  await seed(actors.manager, "/refusal ООО Секретстрой; price; секретный комментарий");
  await seed(actors.manager, "/deal АО Секретстрой-2; 777777");
});

afterAll(async () => {
  await h?.stop();
});

function classify(replies: SentMessage[], answer?: string): "refused" | "allowed" | "limited" {
  const texts = [...replies.map((reply) => reply.text ?? reply.caption ?? ""), ...(answer ? [answer] : [])];
  if (texts.some((text) => slowDown.has(text))) return "limited";
  return texts.every((text) => refusalTexts.has(text)) ? "refused" : "allowed";
}

describe("access matrix", () => {
  it("has an expectation for every registered command, consistent with what the command declares", () => {
    const commands = COMMANDS;
    const missing = commands.map((spec) => spec.command).filter((command) => !(command in EXPECTED));
    expect(missing, "classify these commands in EXPECTED (test/reliability/access-matrix.test.ts) from the README's commands by role").toEqual([]);
    for (const spec of commands) {
      const expected = EXPECTED[spec.command]!;
      for (const role of expected.allowed) expect(spec.roles, `/${spec.command} must allow ${role}`).toContain(role);
      for (const role of spec.roles) expect([...expected.allowed, ...(expected.optional ?? [])], `/${spec.command} must not allow ${role}`).toContain(role);
      expect(spec.chats, `/${spec.command} chats`).toBe(expected.chats);
    }
  });

  it("allows and refuses every command × person × chat as the roles say, and leaks nothing to the refused", async () => {
    const group = groupChat(-100_424_242, { title: "Sales floor" });
    const commands = COMMANDS.map((spec) => spec.command);
    const wrong: string[] = [];
    const leaks: string[] = [];
    let checks = 0;
    let refusedChecks = 0;
    for (const command of commands) {
      const expected = EXPECTED[command];
      if (!expected) continue; // reported by the test above
      for (const actor of ACTORS) {
        for (const where of ["private", "group"] as const) {
          const user = actors[actor];
          const since = h.fake.mark();
          const replies = await user.send(`/${command}`, where === "group" ? { chat: group } : undefined);
          // Whatever the command sent anywhere (documents, notices) counts as what this person got.
          const seen = h.fake.calls
            .filter((call) => call.seq >= since)
            .flatMap((call) => h.fake.messagesTo(Number(call.payload.chat_id)).filter((sent) => sent.seq === call.seq));
          h.clock.advance(1000);
          checks++;
          const role = actor === "founder" || actor === "lead" || actor === "manager" ? actor : undefined;
          // The founder's /alerts_here in this group (earlier in the loop) makes it the alert chat.
          const groupIsAlertChat = h.db.prepare("SELECT alert_chat_id FROM teams WHERE id = 1").pluck().get() === group.id;
          const chatAllowed = where === "private" || expected.chats === "any" || (expected.chats === "alerts" && groupIsAlertChat);
          const shouldAllow = role !== undefined && (expected.allowed.includes(role) || expected.optional?.includes(role)) && chatAllowed;
          const mustAllow = role !== undefined && expected.allowed.includes(role) && chatAllowed;
          const got = classify(replies, replies.answer);
          expect(got, `/${command} by ${actor} in ${where} was rate limited`).not.toBe("limited");
          if (where === "private") expect(replies.length, `/${command} by ${actor} in private got silence`).toBeGreaterThan(0);
          if ((got === "allowed" && !shouldAllow) || (got === "refused" && mustAllow)) {
            wrong.push(`/${command} by ${actor} in ${where}: ${got}, expected ${mustAllow ? "allowed" : shouldAllow ? "either" : "refused"} — ${JSON.stringify(replies[0]?.text ?? "")}`);
          }
          const text = seen.map((reply) => `${reply.text ?? ""} ${reply.caption ?? ""}`).join("\n");
          if (role === undefined || got === "refused") {
            refusedChecks++;
            for (const secret of leaked(text, TEAM_SECRETS)) leaks.push(`/${command} to ${actor} in ${where} shows "${secret}"`);
          }
          if (actor !== "other-team") for (const secret of leaked(text, OTHER_TEAM_SECRETS)) leaks.push(`/${command} to ${actor} shows team 2's "${secret}"`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(leaks).toEqual([]);
    // The seeded data exists, so "nothing leaked" means something: the founder can see it.
    const founderView = h.fake.messagesTo(actors.founder.chatId).map((reply) => reply.text ?? "").join("\n");
    expect(leaked(founderView, TEAM_SECRETS).length).toBeGreaterThan(0);
    if (COMMANDS.some((spec) => spec.command === "deal")) {
      expect(h.db.prepare("SELECT COUNT(*) FROM company_events WHERE kind = 'refusal' AND comment = 'секретный комментарий'").pluck().get()).toBe(1);
      expect(h.db.prepare("SELECT COUNT(*) FROM deals").pluck().get()).toBe(1);
    }
    console.log(`access matrix: ${commands.length} commands × ${ACTORS.length} people × 2 chats = ${checks} checked, ${wrong.length} wrong, ${refusedChecks} refused replies searched, ${leaks.length} leaked`);
  });
});
