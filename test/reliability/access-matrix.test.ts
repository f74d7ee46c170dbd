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
import { COMMANDS, FEATURES } from "../../src/bot/features/index.js";
import type { Role } from "../../src/db/members.js";
import { buttonData } from "../helpers/buttons.js";
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
    const explained: Partial<Record<Actor, number>> = {};
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
          // A member never meets silence in private; someone outside the team is told how to join once a day.
          if (where === "private" && role !== undefined) expect(replies.length, `/${command} by ${actor} in private got silence`).toBeGreaterThan(0);
          if (where === "private" && role === undefined) explained[actor] = (explained[actor] ?? 0) + replies.length;
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
    expect(explained).toEqual({ "other-team": 1, removed: 1, stranger: 1 });
    // The seeded data exists, so "nothing leaked" means something: the founder can see it.
    const founderView = h.fake.messagesTo(actors.founder.chatId).map((reply) => reply.text ?? "").join("\n");
    expect(leaked(founderView, TEAM_SECRETS).length).toBeGreaterThan(0);
    if (COMMANDS.some((spec) => spec.command === "deal")) {
      expect(h.db.prepare("SELECT COUNT(*) FROM company_events WHERE kind = 'refusal' AND comment = 'секретный комментарий'").pluck().get()).toBe(1);
      expect(h.db.prepare("SELECT COUNT(*) FROM deals").pluck().get()).toBe(1);
    }
    console.log(`access matrix: ${commands.length} commands × ${ACTORS.length} people × 2 chats = ${checks} checked, ${wrong.length} wrong, ${refusedChecks} refused replies searched, ${leaks.length} leaked; each of the 3 outsiders told how to join once`);
  });

  it("refuses every button pressed by someone its roles or chats refuse, and writes nothing", async () => {
    // Written from the commands that work in groups (/lang anywhere, /alerts in the alert group), not from the code:
    // every other button carries or changes team data, so a press in a group is refused.
    const GROUP_BUTTONS = /^(lang|alerts):/;
    const group = groupChat(-100_424_242, { title: "Sales floor" });
    const callbacks = FEATURES.flatMap((feature) => feature.callbacks ?? []);
    // Every button the bot has shown so far (the matrix above opened every command), once per callback data.
    const buttons = new Map<string, SentMessage>();
    for (const chat of [...Object.values(actors).map((actor) => actor.chatId), group.id]) {
      for (const sent of h.fake.messagesTo(chat)) for (const data of buttonData(sent)) if (!buttons.has(data)) buttons.set(data, sent);
    }
    // Everything stored but the record of handled update ids (every update adds one).
    // Prepared once, rows as arrays of values: the tables are read before and after each of some 400 presses.
    const tableReads = (h.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'processed_updates'").pluck().all() as string[])
      .map((table) => h.db.prepare(`SELECT * FROM "${table}"`).raw());
    const writes = () => tableReads.map((read) => JSON.stringify(read.all())).join("\n");
    const wrong: string[] = [];
    let presses = 0;
    let kinds = 0;
    for (const [data, sent] of buttons) {
      const callback = callbacks.find((candidate) => candidate.bind(data) !== undefined);
      if (!callback) continue; // a dialogue's own button (covered below)
      kinds++;
      if (!GROUP_BUTTONS.test(data) && callback.chats !== "private") wrong.push(`${data}: works in groups (chats ${String(callback.chats)}), expected private only`);
      for (const actor of ACTORS) {
        const role = actor === "founder" || actor === "lead" || actor === "manager" ? (actor as Role) : undefined;
        for (const where of ["private", "group"] as const) {
          const roleRefused = role === undefined || (callback.roles !== undefined && !callback.roles.includes(role));
          const chatRefused = where === "group" && !GROUP_BUTTONS.test(data);
          if (!roleRefused && !chatRefused) continue; // allowed presses act; this test is about refusals
          const before = writes();
          const message = where === "group" ? ({ message_id: 1, date: 0, chat: group } as never) : sent.message;
          const replies = await actors[actor].press(data, message);
          h.clock.advance(1000);
          presses++;
          const texts = [...replies.map((reply) => reply.text ?? reply.caption ?? ""), ...(replies.answer ? [replies.answer] : [])];
          if (!texts.every((text) => refusalTexts.has(text))) wrong.push(`${data} by ${actor} in ${where}: ${JSON.stringify(texts[0])}`);
          if (writes() !== before) wrong.push(`${data} by ${actor} in ${where} wrote something`);
          if (where === "private" && texts.length === 0) wrong.push(`${data} by ${actor} in private got silence`);
        }
      }
    }
    expect(kinds).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
    console.log(`access matrix, buttons: ${kinds} buttons shown (distinct callback data), ${presses} refused presses checked (wrong role, outsider, group), ${wrong.length} wrong`);
  });

  it("closes a dialogue whose person was removed, demoted or re-invited mid-way: the old answer writes nothing", async () => {
    const founder = actors.founder;
    let made = 0;
    const link = async (role: "lead" | "manager") => /start=([\w-]+)/.exec((await founder.send(`/invite ${role}`))[0]!.text ?? "")![1]!;
    const handlingDays = () => h.db.prepare("SELECT handling_days FROM teams WHERE id = 1").pluck().get() as number;
    interface Dialogue {
      name: string;
      role: Role;
      /** A role the dialogue does not allow, for the demotion. */
      lower: Role;
      open(user: TestUser): Promise<unknown>;
      answer(user: TestUser): Promise<unknown>;
      /** Whether the answer wrote; read before and after. */
      written(user: TestUser): unknown;
    }
    const DIALOGUES: Dialogue[] = [
      {
        name: "settings-input",
        role: "founder",
        lower: "lead",
        open: async (user) => {
          const menu = (await user.send("/settings"))[0]!;
          await user.press("set:open:window", menu.message);
          await user.press("set:type:window", menu.message);
        },
        answer: (user) => user.send(String((handlingDays() % 20) + 1)),
        written: () => handlingDays(),
      },
      {
        name: "invite",
        role: "lead",
        lower: "manager",
        open: (user) => user.send("/invite"),
        answer: (user) => user.press("invite:manager"),
        written: (user) => h.db.prepare("SELECT COUNT(*) FROM invites WHERE created_by = ?").pluck().get(user.member()?.id ?? -1),
      },
      {
        name: "question-ask",
        role: "manager",
        lower: "lead",
        open: (user) => user.send("/ask"),
        answer: (user) => user.send(`Matrix question from ${user.id}?`),
        written: (user) => h.db.prepare("SELECT COUNT(*) FROM questions WHERE text = ?").pluck().get(`Matrix question from ${user.id}?`),
      },
    ];
    type Change = "none" | "removed" | "demoted" | "re-invited";
    const changes: Record<Change, (user: TestUser, dialogue: Dialogue) => Promise<void>> = {
      none: async () => {},
      removed: async (user) => {
        await founder.send(`/remove @${user.user.username}`);
      },
      demoted: async (user, dialogue) => {
        h.db.prepare("UPDATE members SET role = ? WHERE user_id = ?").run(dialogue.lower, user.id);
      },
      "re-invited": async (user, dialogue) => {
        await founder.send(`/remove @${user.user.username}`);
        await user.send(`/start ${await link(dialogue.role === "founder" ? "lead" : dialogue.role)}`);
      },
    };
    const wrong: string[] = [];
    let checks = 0;
    for (const dialogue of DIALOGUES) {
      for (const change of Object.keys(changes) as Change[]) {
        const user = await h.member(dialogue.role, { username: `dlg_${dialogue.name.replace(/-/g, "_")}_${made++}`, language_code: "en" });
        await dialogue.open(user);
        const before = dialogue.written(user);
        await changes[change](user, dialogue);
        await dialogue.answer(user);
        h.clock.advance(1000);
        checks++;
        const wrote = dialogue.written(user) !== before;
        if (change === "none" ? !wrote : wrote) wrong.push(`${dialogue.name}, ${change}: ${wrote ? "wrote" : "wrote nothing"}`);
      }
    }
    expect(wrong).toEqual([]);
    console.log(`access matrix, dialogues: ${DIALOGUES.length} dialogues × ${Object.keys(changes).length} role changes (none, removed, demoted, re-invited) = ${checks} checked, ${wrong.length} wrong`);
  });
});
