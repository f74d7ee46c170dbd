/**
 * The bot in group chats: it serves the founder's alert group, keeps whatever a manager says to it in
 * private out of groups, and says nothing at all to people outside the team — including when one of them
 * adds it to a group.
 */
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { buttonStartingWith } from "../helpers/buttons.js";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { TEST_BOT_INFO } from "../helpers/bot-info.js";
import { callbackUpdate, groupChat, makeUser, myChatMemberUpdate, nextUpdateId } from "../helpers/updates.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { TEAM_ID } from "../../src/app.js";
import { getTeam } from "../../src/db/teams.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const SALES_GROUP = groupChat(-1_001_777_000_111, { title: "Отдел продаж" });
const HINT = "Эта команда работает только в личном чате с ботом.";

// Monday 2 November 2026, 09:00 in Moscow.
async function team() {
  h = await startHarness({ now: "2026-11-02T06:00:00Z" });
  const founder = await h.member("founder", { username: "olga_founder", first_name: "Olga" });
  const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const ivan = await h.member("manager", { username: "ivan_sales", first_name: "Ivan" });
  return { founder, lead, ivan };
}

/** Every Bot API call made since `since` (messages, callback answers, anything). */
function callsSince(since: number) {
  return h.fake.calls.filter((call) => call.seq >= since);
}

const groupTexts = (): string[] => h.fake.messagesTo(SALES_GROUP.id).map((m) => m.text ?? m.caption ?? "");

function button(message: SentMessage | undefined, part: string): string {
  const data = message?.buttons.map((b) => ("callback_data" in b ? b.callback_data : "")).find((d) => d.includes(part));
  if (!data) throw new Error(`no button ${part} on ${message?.text}`);
  return data;
}

describe("the founder's alert group", () => {
  it("gets the founder's alerts after /alerts_here there; only the founder may move them", async () => {
    const { founder, lead } = await team();
    const [moved] = await founder.send("/alerts_here", { chat: SALES_GROUP });
    expect(moved?.text).toBe("Оповещения для основателя будут приходить в эту группу.");
    expect(getTeam(h.db, TEAM_ID)?.alertChatId).toBe(SALES_GROUP.id);

    const denied = await lead.send("/alerts_here", { chat: SALES_GROUP });
    expect(denied.map((m) => m.text)).toEqual(["Эта команда недоступна для вашей роли."]);
    expect(getTeam(h.db, TEAM_ID)?.alertChatId).toBe(SALES_GROUP.id);

    // An expense far over the month's budget, in working hours: the overrun alert goes to the group, not to the founder's private chat.
    h.clock.set("2026-11-02T07:00:00Z");
    await founder.send("/budget 2026-11 marketing 1000");
    const before = founder.messages().length;
    // It is above the whole budget line, so it waits for the founder's confirmation.
    const held = await founder.send("/expense 50000 marketing");
    await founder.press(buttonStartingWith(held[0], "gok:"), held[0]);
    expect(groupTexts().filter((text) => /Перерасход бюджета за ноябрь 2026/.test(text))).toHaveLength(1);
    expect(founder.messages().slice(before).map((m) => m.text ?? "")).not.toContainEqual(expect.stringMatching(/Перерасход/));

    // Moving the alerts back to the private chat works from there.
    await founder.send("/alerts_here");
    expect(getTeam(h.db, TEAM_ID)?.alertChatId).toBe(founder.chatId);
  });

  it("answers members' group-safe commands there, and ignores chatter and commands meant for other bots", async () => {
    const { founder, ivan } = await team();
    const [help] = await ivan.send("/help", { chat: SALES_GROUP });
    expect(help?.text).toContain("/tasks");
    expect((await founder.send(`/help@${TEST_BOT_INFO.username}`, { chat: SALES_GROUP })).map((m) => m.text ?? "")).toEqual([expect.stringContaining("/export")]);

    const since = h.fake.mark();
    await founder.send("Коллеги, всем доброе утро", { chat: SALES_GROUP });
    await ivan.send("/tasks@some_other_bot", { chat: SALES_GROUP });
    await ivan.send("/plan@some_other_bot", { chat: SALES_GROUP });
    expect(callsSince(since)).toEqual([]);
    // An unknown command addressed to this bot gets the short hint, nothing more.
    const unknown = await ivan.send(`/nonsense@${TEST_BOT_INFO.username}`, { chat: SALES_GROUP });
    expect(unknown.map((m) => m.text)).toEqual(["Не знаю такой команды. Список команд: /help"]);
  });
});

describe("a manager's private matters stay private", () => {
  it("private-only commands in a group get a hint to use the private chat, write nothing and show no team data", async () => {
    const { founder, lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Позвонить в Ромашку-Секрет due 06.11");
    const taskId = (h.db.prepare("SELECT id FROM tasks").pluck().get() as number).toString();
    const rows = () => ["questions", "away_periods", "invites", "checkups", "tasks", "expenses", "plans"].map((table) => h.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
    const before = rows();
    const attempts: [TestUser, string][] = [
      [ivan, "/tasks"],
      [ivan, `/task ${taskId}`],
      [ivan, "/checkup"],
      [ivan, "/checkup #1 сделано; 12 3 1; всё хорошо"],
      [ivan, "/ask Какая цена для Ромашки-Секрет?"],
      [ivan, "/questions"],
      [ivan, "/away 10.11 12.11"],
      [lead, "/tasks @ivan_sales"],
      [lead, "/discipline"],
      [lead, "/answer 1 Скидка 5%"],
      [founder, "/invite manager"],
      [founder, "/export"],
      [founder, "/setplan 2026-11 10 100000"],
    ];
    for (const [user, command] of attempts) {
      const replies = await user.send(command, { chat: SALES_GROUP });
      expect(replies.map((m) => m.text), command).toEqual([HINT]);
    }
    expect(rows()).toEqual(before);
    for (const text of groupTexts()) {
      expect(text).toBe(HINT);
      expect(text).not.toMatch(/Ромашк|start=|ivan_sales/);
    }
    // The same commands work in private.
    const [own] = await ivan.send("/tasks");
    expect(own?.text).toContain("Позвонить в Ромашку-Секрет");
  });

  it("check-up answers typed into a group are neither taken nor answered there; the private dialogue goes on", async () => {
    const { lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Подготовить КП для Беты");
    h.clock.set("2026-11-02T07:00:00Z");
    await h.runJobs();
    const prompt = ivan.messages().find((m) => /Ежедневная сверка/.test(m.text ?? ""));
    const [step] = await ivan.press(button(prompt, "checkup:start"), prompt);
    expect(step?.text).toMatch(/Задача 1 из 1/);

    const since = h.fake.mark();
    for (const text of ["сделано", "в работе", "12 3 1", "Клиент просил перезвонить в пятницу"]) await ivan.send(text, { chat: SALES_GROUP });
    expect(callsSince(since)).toEqual([]);
    expect(h.db.prepare("SELECT COUNT(*) FROM checkup_answers").pluck().get()).toBe(0);

    // In private the dialogue is where it was: the task step takes the answer, then the numbers, then the note.
    const numbersStep = await ivan.send("сделано");
    expect(numbersStep.at(-1)?.text).toMatch(/Цифры с прошлой сверки/);
    const noteStep = await ivan.send("12 3 1");
    await ivan.send("Клиент просил перезвонить в пятницу");
    expect(noteStep.length).toBeGreaterThan(0);
    const row = h.db.prepare("SELECT status, calls, note FROM checkups").get();
    expect(row).toEqual({ status: "answered", calls: 12, note: "Клиент просил перезвонить в пятницу" });
    expect(h.fake.messagesTo(SALES_GROUP.id)).toEqual([]);
  });
});

describe("people outside the team in groups", () => {
  it("get no reply at all: commands, chatter, button presses; a removed member is one of them", async () => {
    const { founder } = await team();
    await founder.send("/alerts_here", { chat: SALES_GROUP });
    const removed = await h.member("manager", { username: "boris_gone" });
    await founder.send("/remove @boris_gone");
    const stranger = h.stranger({ username: "curious_cat" });
    const botMessage = h.fake.messagesTo(SALES_GROUP.id)[0]!.message;

    const since = h.fake.mark();
    for (const person of [stranger, removed]) {
      for (const text of ["/start", "/start abcdef123", "/help", "/plan", "/burn", "/tasks", "/alerts_here", "/invite manager", `/start@${TEST_BOT_INFO.username}`, "/nonsense", "привет, бот"]) {
        const replies = await person.send(text, { chat: SALES_GROUP });
        expect(replies, `${person.user.username}: ${text}`).toEqual([]);
      }
      await h.dispatch(callbackUpdate(person.user, "task:show:1", { message: botMessage }));
      await h.dispatch(callbackUpdate(person.user, "lang:en", { message: botMessage }));
    }
    expect(callsSince(since)).toEqual([]);
    expect(getTeam(h.db, TEAM_ID)?.alertChatId).toBe(SALES_GROUP.id);
  });

  it("a bot added to a group by a stranger stays silent there, whatever is said", async () => {
    const { founder } = await team();
    const stranger = makeUser(880_001, { username: "random_admin" });
    const theirGroup = groupChat(-1_009_999_000_222, { title: "Чужая группа" });
    const botUser = { id: TEST_BOT_INFO.id, is_bot: true, first_name: TEST_BOT_INFO.first_name, username: TEST_BOT_INFO.username };
    const joined: Update = {
      update_id: nextUpdateId(),
      message: { message_id: 9001, date: 1_793_600_000, chat: theirGroup, from: stranger, new_chat_members: [botUser] } as unknown as NonNullable<Update["message"]>,
    };
    const since = h.fake.mark();
    await h.dispatch(myChatMemberUpdate(stranger, "member", { chat: theirGroup }));
    await h.dispatch(joined);
    const person = h.userFor(stranger);
    for (const text of ["/start", "/help", "/alerts_here", "/plan", "/export", "кто тут?"]) await person.send(text, { chat: theirGroup });
    // A team member in the stranger's group: private matters still get only the hint there.
    const replies = await founder.send("/export", { chat: theirGroup });
    expect(replies.map((m) => m.text)).toEqual([HINT]);
    expect(callsSince(since).filter((call) => Number(call.payload.chat_id) !== theirGroup.id || call.seq < replies[0]!.seq)).toEqual([]);
    expect(getTeam(h.db, TEAM_ID)?.alertChatId).toBeNull();
  });
});

describe("figures in the alert group", () => {
  it("answers /plan and /burn there for the founder and the lead, and not in any other group or to a manager", async () => {
    const { founder, lead, ivan } = await team();
    await founder.send("/setplan 2026-11 10 100000");
    await founder.send("/alerts_here", { chat: SALES_GROUP });
    const plan = await founder.send("/plan", { chat: SALES_GROUP });
    expect(plan[0]?.text).toMatch(/ноябрь 2026/i);
    expect(plan.some((m) => m.method === "sendPhoto")).toBe(true);
    const burn = await lead.send("/burn", { chat: SALES_GROUP });
    expect(burn.length).toBeGreaterThan(0);
    expect(burn[0]?.text ?? burn[0]?.caption).not.toBe(HINT);
    expect((await ivan.send("/plan", { chat: SALES_GROUP })).map((m) => m.text)).toEqual(["Эта команда недоступна для вашей роли."]);
    const otherGroup = groupChat(-1_001_999_000_222, { title: "Флудилка" });
    expect((await founder.send("/plan", { chat: otherGroup })).map((m) => m.text)).toEqual([HINT]);
    expect((await lead.send("/burn", { chat: otherGroup })).map((m) => m.text)).toEqual([HINT]);
  });
});
