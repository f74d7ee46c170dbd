/**
 * The /settings inline menu end to end: a button per setting, choices and toggles saved through the same
 * validators as the text command, a typed value asked for in a dialogue (bad → usage, nothing written; good →
 * saved, confirmed, the menu message edited), [Back]/[Done], and nobody but the founder can press.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { startHarness, type Harness, type Replies, type TestUser } from "../helpers/harness.js";
import { textUpdate } from "../helpers/updates.js";
import { getTeam } from "../../src/db/teams.js";
import { TEAM_ID } from "../../src/app.js";
import { reasonTag } from "../../src/bot/features/settings-menu.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const said = (text: string | undefined): string => (text ?? "").replace(/\u00a0/g, " ");
const teamRow = () => h.db.prepare("SELECT * FROM teams WHERE id = ?").get(TEAM_ID);
const team = () => getTeam(h.db, TEAM_ID)!;

// The fake keeps one message-id sequence per chat and remembers typed messages by id, so a typed message must
// not reuse the id of a bot message there (the menu): each gets an id far above everything sent before it.
let typedId = 1_000_000;

/** Sends a text or command in the user's private chat; returns what the bot sent there meanwhile. */
async function say(user: TestUser, text: string): Promise<Replies> {
  const since = h.fake.mark();
  typedId += 1_000;
  await h.dispatch(textUpdate(user.user, text, { message_id: typedId }));
  return h.fake.messagesTo(user.chatId).filter((m) => m.seq >= since);
}

const dataOf = (message: Pick<Message, "reply_markup"> | undefined): string[] =>
  (message?.reply_markup?.inline_keyboard ?? []).flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
const labelsOf = (message: Pick<Message, "reply_markup"> | undefined): string[] => (message?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

interface Menu {
  /** The menu message as it is now, after edits. */
  now(): Message;
  /** Presses a button on the menu as it is now; the button must be there. */
  press(data: string): Promise<Replies>;
}

async function openMenu(boss: TestUser): Promise<Menu> {
  const [sent] = await say(boss, "/settings");
  if (!sent) throw new Error("no menu");
  const now = () => {
    const state = h.fake.messageState(boss.chatId, sent.message_id);
    if (!state) throw new Error("menu message gone");
    return state;
  };
  return {
    now,
    async press(data) {
      const message = now();
      expect(dataOf(message), `button ${data} on: ${message.text}`).toContain(data);
      return boss.press(data, message);
    },
  };
}

async function founder(): Promise<TestUser> {
  // Monday 2 November 2026, 10:00 in Moscow.
  h = await startHarness({ now: "2026-11-02T07:00:00Z" });
  return h.member("founder", { username: "boss" });
}

describe("/settings menu", () => {
  it("shows the settings with a button for each, every callback within 64 bytes", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    expect(said(menu.now().text)).toContain("Часовой пояс: Europe/Moscow (сейчас там 10:00)");
    expect(dataOf(menu.now())).toEqual([
      "set:open:timezone", "set:open:language", "set:open:checkup", "set:open:cutoff", "set:open:workdays", "set:open:holidays",
      "set:open:window", "set:open:cooldown", "set:open:burn", "set:open:pause", "set:open:close_reasons", "set:done",
    ]);
    expect(labelsOf(menu.now())).toContain("🕒 Часовой пояс");
    // Every step's buttons too.
    for (const open of dataOf(menu.now()).filter((d) => d.startsWith("set:open:"))) {
      await menu.press(open);
      for (const data of dataOf(menu.now())) expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
      await menu.press("set:home");
    }
  });

  it("saves a choice pressed as a button, confirms it and shows the new values in the same message", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:timezone");
    expect(said(menu.now().text)).toMatch(/^Часовой пояс: Europe\/Moscow \(сейчас там 10:00\)\nВыберите значение/);
    expect(labelsOf(menu.now())).toContain("✓ Europe/Moscow · 10:00");
    expect(labelsOf(menu.now())).toContain("Asia/Yekaterinburg · 12:00");

    const pressed = await menu.press("set:pick:timezone:Asia/Yekaterinburg");
    expect(pressed).toHaveLength(0);
    expect(pressed.answer).toBe("Сохранено. Часовой пояс: Asia/Yekaterinburg (сейчас там 12:00).");
    expect(team().timezone).toBe("Asia/Yekaterinburg");
    const shown = said(menu.now().text);
    expect(shown).toMatch(/^Сохранено\. Часовой пояс: Asia\/Yekaterinburg \(сейчас там 12:00\)\.\n\nНастройки команды/);
    expect(shown).toContain("• Часовой пояс: Asia/Yekaterinburg (сейчас там 12:00)");
    expect(dataOf(menu.now())).toContain("set:open:timezone");

    for (const [open, pick, check] of [
      ["set:open:language", "set:pick:language:en", () => expect(team().locale).toBe("en")],
      ["set:open:burn", "set:pick:burn:25%", () => expect(team().burnThreshold).toBe(0.25)],
      ["set:open:pause", "set:pick:pause:40%", () => expect(team().pauseThreshold).toBe(0.4)],
      ["set:open:window", "set:pick:window:3", () => expect(team().handlingDays).toBe(3)],
      ["set:open:cooldown", "set:pick:cooldown:180", () => expect(team().cooldownDays).toBe(180)],
      ["set:open:checkup", "set:pick:checkup:09:30", () => expect(team().checkupTime).toBe("09:30")],
      ["set:open:cutoff", "set:pick:cutoff:19:00", () => expect(team().cutoffTime).toBe("19:00")],
    ] as const) {
      await menu.press(open);
      await menu.press(pick);
      check();
      expect(said(menu.now().text), pick).toMatch(/^Сохранено\./);
    }
    expect(said(menu.now().text)).toContain("• Время сверки: 09:30, крайний срок: 19:00");
    await menu.press("set:open:burn");
    expect(labelsOf(menu.now())).toContain("✓ 25%");
  });

  it("refuses a choice the validator refuses: the usage as a reply, nothing written, the menu unchanged", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:checkup");
    expect((await menu.press("set:pick:checkup:12:00")).answer).toBe("Сохранено. Сверка в 12:00 по рабочим дням.");
    await menu.press("set:open:cutoff");
    const step = menu.now().text;
    const row = teamRow();
    // Data the menu never offers, pressed anyway: a cut-off before the check-up, a window of 0 days.
    const early = await boss.press("set:pick:cutoff:11:00", menu.now());
    expect(said(early[0]?.text)).toBe("Время сверки должно быть раньше крайнего срока (сейчас сверка в 12:00, крайний срок 18:00). Ничего не изменено.");
    expect(early.answer).toMatch(/^Время сверки должно быть раньше крайнего срока/);
    const zero = await boss.press("set:pick:window:0", menu.now());
    expect(said(zero[0]?.text)).toMatch(/значение не подходит[\s\S]*целое число рабочих дней от 1 до 30/);
    expect(teamRow()).toEqual(row);
    expect(menu.now().text).toBe(step);
  });

  it("toggles working days one press at a time, staying on the step, and refuses an empty week", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:workdays");
    expect(labelsOf(menu.now()).slice(0, 7)).toEqual(["✓ пн", "✓ вт", "✓ ср", "✓ чт", "✓ пт", "· сб", "· вс"]);
    await menu.press("set:wd:6");
    expect(team().workingDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(said(menu.now().text)).toMatch(/^Сохранено\. Рабочие дни: пн, вт, ср, чт, пт, сб\.\n\nРабочие дни: пн, вт, ср, чт, пт, сб\n/);
    expect(labelsOf(menu.now())[5]).toBe("✓ сб");
    await menu.press("set:wd:1");
    expect(team().workingDays).toEqual([2, 3, 4, 5, 6]);
    await menu.press("set:pick:workdays:1-5");
    expect(team().workingDays).toEqual([1, 2, 3, 4, 5]);

    for (const day of [1, 2, 3, 4]) await menu.press(`set:wd:${day}`);
    expect(team().workingDays).toEqual([5]);
    const row = teamRow();
    const refused = await menu.press("set:wd:5");
    expect(said(refused[0]?.text)).toMatch(/значение не подходит[\s\S]*\/settings workdays 1-5/);
    expect(teamRow()).toEqual(row);
  });

  it("takes a typed value in a dialogue: a bad one gets the usage and writes nothing, a good one is saved and the menu edited", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:window");
    await menu.press("set:type:window");
    expect(said(menu.now().text)).toMatch(/^Окно отработки отказа: 2 раб\. дн\.\n\nПришлите окно отработки в целых рабочих днях/);
    expect(dataOf(menu.now())).toEqual(["set:open:window", "set:done"]);

    const row = teamRow();
    // A dialogue takes two wrong values; the third ends it, so the last two are typed after opening it again.
    for (const [index, bad] of ["abc", "0", "31", "1.5", "48h"].entries()) {
      if (index === 3) {
        await menu.press("set:open:window");
        await menu.press("set:type:window");
      }
      const replies = await say(boss, bad);
      expect(replies, bad).toHaveLength(1);
      expect(said(replies[0]!.text), bad).toBe(
        index === 2
          ? "Слишком много неподходящих ответов подряд (3), поэтому я закрыл этот диалог. Отправьте команду ещё раз, чтобы начать сначала."
          : "Это значение не подходит, ничего не изменено.\nОкно отработки отказа — целое число рабочих дней от 1 до 30: отказ нужно отработать до конца этого рабочего дня после дня отказа (выходные и праздники не считаются): /settings handling_days 2",
      );
      expect(teamRow(), bad).toEqual(row);
    }
    const saved = "Сохранено. Окно отработки отказа: 4 раб. дн. после дня отказа. У уже записанных отказов срок не меняется.";
    const good = await say(boss, "4");
    expect(good.map((m) => said(m.text))).toEqual([saved]);
    expect(team().handlingDays).toBe(4);
    expect(said(menu.now().text).startsWith(`${saved}\n\nНастройки команды`)).toBe(true);
    expect(said(menu.now().text)).toContain("• Окно отработки отказа: 4 раб. дн. после дня отказа");
    expect(dataOf(menu.now())).toContain("set:open:window");
    // The dialogue is over: the next text is nobody's value.
    await say(boss, "2");
    expect(team().handlingDays).toBe(4);
  });

  it("types a time zone, a check-up time and thresholds through the same validators", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    const cases: [string, string[], string, () => unknown, unknown][] = [
      ["timezone", ["Mars/Olympus"], "europe/berlin", () => team().timezone, "Europe/Berlin"],
      ["checkup", ["25:00", "19:00"], "9.45", () => team().checkupTime, "09:45"],
      ["burn", ["150%"], "12,5%", () => team().burnThreshold, 0.125],
      ["cooldown", ["-3"], "45 дней", () => team().cooldownDays, 45],
    ];
    for (const [key, bads, good, read, expected] of cases) {
      await menu.press(`set:open:${key}`);
      await menu.press(`set:type:${key}`);
      const row = teamRow();
      for (const bad of bads) {
        const [reply] = await say(boss, bad);
        expect(said(reply?.text), bad).toMatch(/значение не подходит|Время сверки должно быть раньше крайнего срока/);
        expect(teamRow(), bad).toEqual(row);
      }
      const [confirmation] = await say(boss, good);
      expect(said(confirmation?.text), good).toMatch(/^Сохранено\./);
      expect(read()).toEqual(expected);
    }
  });

  it("adds holidays by typing and removes them with buttons, paging a long list", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:holidays");
    expect(said(menu.now().text)).toMatch(/^Праздники: впереди нет/);
    await menu.press("set:type:holidays");
    const [bad] = await say(boss, "31.02");
    expect(said(bad?.text)).toMatch(/значение не подходит[\s\S]*\/settings holidays add 04\.11/);
    expect(team().holidays).toEqual([]);
    const [saved] = await say(boss, "04.11, 31.12");
    expect(said(saved?.text)).toBe("Сохранено. Праздники: 04.11.2026, 31.12.2026.");
    expect(team().holidays).toEqual(["2026-11-04", "2026-12-31"]);
    // The holidays step stays open with a remove-button per day.
    expect(said(menu.now().text)).toMatch(/^Сохранено\. Праздники: 04\.11\.2026, 31\.12\.2026\.\n\nПраздники: 04\.11\.2026, 31\.12\.2026/);
    expect(labelsOf(menu.now()).slice(0, 2)).toEqual(["✖ 04.11.2026", "✖ 31.12.2026"]);
    await menu.press("set:pick:holidays:remove 2026-11-04");
    expect(team().holidays).toEqual(["2026-12-31"]);

    await menu.press("set:type:holidays");
    await say(boss, "2027-01-01, 2027-01-02, 2027-01-03, 2027-01-04, 2027-01-05, 2027-01-06, 2027-01-07, 2027-01-08, 2027-02-23, 2027-03-08");
    expect(team().holidays).toHaveLength(11);
    expect(labelsOf(menu.now())).toContain("‹");
    expect(labelsOf(menu.now())).toContain("1/2");
    expect(dataOf(menu.now())).not.toContain("set:pick:holidays:remove 2027-02-23");
    await menu.press("set:open:holidays:1");
    expect(dataOf(menu.now())).toContain("set:pick:holidays:remove 2027-02-23");
    expect(labelsOf(menu.now())).toContain("2/2");
    await menu.press("set:pick:holidays:remove 2027-03-08");
    expect(team().holidays).not.toContain("2027-03-08");
    // A day removed meanwhile (stale button): the validator says so and nothing changes.
    const row = teamRow();
    const stale = await boss.press("set:pick:holidays:remove 2027-03-08", menu.now());
    expect(said(stale[0]?.text)).toBe("08.03.2027 нет в списке праздников — ничего не изменено.");
    expect(teamRow()).toEqual(row);
  });

  it("adds a close reason by typing and removes it with its button, even with a long Cyrillic key", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:close_reasons");
    await menu.press("set:type:close_reasons");
    const [builtin] = await say(boss, "dm_died");
    expect(said(builtin?.text)).toBe("Причина dm_died разрешена всегда — добавлять или убирать её не нужно.");
    const long = "переехали_в_другой_город_навсегда_совсем";
    await say(boss, long);
    expect(team().closeReasons).toEqual([long]);
    await menu.press("set:type:close_reasons");
    await say(boss, "relocated");
    expect(team().closeReasons).toEqual([long, "relocated"]);
    expect(labelsOf(menu.now()).slice(0, 2)).toEqual([`✖ ${long}`, "✖ relocated"]);
    const removeLong = `set:rr:${reasonTag(long)}`;
    expect(Buffer.byteLength(removeLong)).toBeLessThanOrEqual(64);
    await menu.press(removeLong);
    expect(team().closeReasons).toEqual(["relocated"]);
    // The old button again: the reason is gone, the step is shown afresh, nothing written.
    const row = teamRow();
    const stale = await boss.press(removeLong, menu.now());
    expect(stale.answer).toBe("Это меню устарело; вот актуальный список.");
    expect(teamRow()).toEqual(row);
  });

  it("has [Back] to the menu and [Done] that takes the buttons away", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    const home = menu.now().text;
    await menu.press("set:open:cooldown");
    expect(said(menu.now().text)).toMatch(/^Остывание компании: 90 дн\./);
    await menu.press("set:home");
    expect(menu.now().text).toBe(home);
    await menu.press("set:open:cooldown");
    await menu.press("set:type:cooldown");
    // [Back] in the dialogue leaves it: the step is shown and a text after it changes nothing.
    await menu.press("set:open:cooldown");
    expect(said(menu.now().text)).toMatch(/^Остывание компании: 90 дн\.\nВыберите значение/);
    await say(boss, "45");
    expect(team().cooldownDays).toBe(90);
    await menu.press("set:done");
    expect(menu.now().text).toBe(home);
    expect(menu.now().reply_markup).toBeUndefined();
  });

  it("lets a typed command leave the dialogue, and survives a restart mid-dialogue", async () => {
    const boss = await founder();
    const menu = await openMenu(boss);
    await menu.press("set:open:burn");
    await menu.press("set:type:burn");
    const [viaCommand] = await say(boss, "/settings pause 20%");
    expect(said(viaCommand?.text)).toBe("Сохранено. Порог паузы сегмента: 20%.");
    await say(boss, "35%");
    expect(team().burnThreshold).toBe(0.3);

    await menu.press("set:open:burn");
    await menu.press("set:type:burn");
    await h.restart();
    const [saved] = await say(boss, "35%");
    expect(said(saved?.text)).toBe("Сохранено. Порог выжигания: 35%.");
    expect(team().burnThreshold).toBe(0.35);
  });

  it("is the founder's alone: anyone else pressing a settings button is refused and nothing changes", async () => {
    const boss = await founder();
    const lead = await h.member("lead", { username: "anna_lead" });
    const manager = await h.member("manager", { username: "ivan_sales" });
    const menu = await openMenu(boss);
    await menu.press("set:open:burn");
    const shown = menu.now();
    const row = teamRow();
    for (const user of [lead, manager]) {
      for (const data of ["set:open:burn", "set:pick:burn:10%", "set:wd:6", "set:type:window", "set:done", "set:home"]) {
        const replies = await user.press(data);
        expect(replies.answer, data).toBe("Эта команда недоступна для вашей роли.");
        expect(replies, data).toHaveLength(0);
      }
      // No dialogue was entered: a number typed now is just a stray message.
      await say(user, "12");
    }
    expect(teamRow()).toEqual(row);
    expect(menu.now()).toEqual(shown);
    expect(h.fake.callsTo("editMessageText").every((call) => call.payload.chat_id === boss.chatId)).toBe(true);
  });
});
