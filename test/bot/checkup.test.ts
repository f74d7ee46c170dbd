import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type Replies, type TestUser } from "../helpers/harness.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { TEAM_ID } from "../../src/app.js";
import { setHolidays, updateTeamSetting } from "../../src/db/teams.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

// Monday 2 November 2026. Moscow is UTC+3 all year: 10:00 Moscow = 07:00Z, 18:00 = 15:00Z.
const MON = "2026-11-02";

/** "ivan_sales" → "Ivan": managers go by a name, as people do. */
const firstNameOf = (username: string) => username[0]!.toUpperCase() + username.slice(1).split("_")[0]!;

async function team(options: { now?: string; timezone?: string; managers?: string[] } = {}) {
  h = await startHarness({ now: options.now ?? `${MON}T06:00:00Z`, timezone: options.timezone });
  const founder = await h.member("founder", { username: "olga_founder", first_name: "Olga" });
  const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const managers: TestUser[] = [];
  for (const username of options.managers ?? ["ivan_sales"]) managers.push(await h.member("manager", { username, first_name: firstNameOf(username) }));
  return { founder, lead, ivan: managers[0]!, petr: managers[1], managers };
}

/** Moves the injected clock and runs one scheduler tick. */
async function tickAt(iso: string): Promise<void> {
  h.clock.set(iso);
  await h.runJobs();
}

function texts(user: TestUser, pattern: RegExp): SentMessage[] {
  return user.messages().filter((m) => pattern.test(m.text ?? ""));
}

function lastWith(user: TestUser, pattern: RegExp): SentMessage {
  const found = texts(user, pattern).at(-1);
  if (!found) throw new Error(`no message ${pattern} to ${user.id}: ${user.messages().map((m) => m.text).join(" | ")}`);
  return found;
}

function data(message: SentMessage | undefined, part: string): string {
  const found = message?.buttons.map((b) => ("callback_data" in b ? b.callback_data : undefined)).find((d) => d?.includes(part));
  if (!found) throw new Error(`no button ${part} on: ${message?.text} ${JSON.stringify(message?.buttons)}`);
  return found;
}

const PROMPT = /Ежедневная сверка/;
const TASK_STEP = /Задача \d+ из \d+/;

function checkupRow(user: TestUser, date: string) {
  return h.db.prepare("SELECT * FROM checkups WHERE member_id = ? AND local_date = ?").get(user.member()!.id, date) as
    | { status: string; calls: number | null; note: string | null; reminded_at: number | null; source: string }
    | undefined;
}

/**
 * Walks the check-up from the latest prompt: `answers` per task in order — "done", "progress",
 * "not", or "ask:<question text>" — then the numbers and the note ([Skip] when undefined).
 */
async function doCheckup(user: TestUser, answers: string[], numbers = "12 3 1", note?: string): Promise<Replies> {
  let replies = await user.press(data(lastWith(user, PROMPT), "checkup:start"), lastWith(user, PROMPT));
  for (const answer of answers) {
    const step = replies.find((m) => TASK_STEP.test(m.text ?? ""));
    if (!step) throw new Error(`expected a task step, got: ${replies.map((m) => m.text).join(" | ")}`);
    if (answer.startsWith("ask:")) {
      await user.press(data(step, ":ask"), step);
      replies = await user.send(answer.slice(4));
    } else {
      replies = await user.press(data(step, `:${answer}`), step);
    }
  }
  if (!replies.some((m) => /Цифры с прошлой сверки/.test(m.text ?? ""))) throw new Error(`expected the numbers step: ${replies.map((m) => m.text).join(" | ")}`);
  const noteStep = await user.send(numbers);
  return note === undefined ? user.press(data(noteStep.at(-1), ":skip"), noteStep.at(-1)) : user.send(note);
}

describe("the daily prompt", () => {
  it("goes out at 10:00 Moscow time on a Monday, once", async () => {
    const { ivan } = await team();
    await tickAt(`${MON}T06:59:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(0);
    await tickAt(`${MON}T07:00:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    expect(lastWith(ivan, PROMPT).text).toContain("02.11");
    expect(data(lastWith(ivan, PROMPT), "checkup:start")).toMatch(/^checkup:start:\d+$/);
    await tickAt(`${MON}T07:01:00Z`);
    await tickAt(`${MON}T11:00:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    expect(checkupRow(ivan, MON)).toMatchObject({ status: "pending", source: "schedule" });
  });

  it("does not go out on Saturday, on a holiday or during /away; away days are not missed", async () => {
    const { ivan, lead } = await team({ managers: ["ivan_sales", "petr_sales"] });
    setHolidays(h.db, TEAM_ID, ["2026-11-04"]);
    const petr = (await h.member("manager", { username: "sergey_sales", first_name: "Sergey" }));
    const away = await ivan.send("/away 05.11 06.11");
    expect(away[0]!.text).toMatch(/Отпуск с 05\.11 по 06\.11/);
    expect(lastWith(lead, /в отпуске с 05\.11 по 06\.11/).text).toContain("Ivan (@ivan_sales)");

    await tickAt("2026-11-04T07:00:00Z"); // Wednesday, a holiday
    await tickAt("2026-11-04T15:00:00Z");
    await tickAt("2026-11-05T07:00:00Z"); // Thursday: Ivan is away, Sergey is not
    expect(texts(ivan, PROMPT)).toHaveLength(0);
    expect(texts(petr, PROMPT)).toHaveLength(1);
    await tickAt("2026-11-05T15:00:00Z");
    const digest = lastWith(lead, /Итоги сверки за 05\.11/).text!;
    expect(digest).toContain("🌴 Ivan (@ivan_sales) — в отпуске до 06.11");
    expect(digest).toContain("❌ Sergey (@sergey_sales) — пропустил(а)");
    await tickAt("2026-11-07T07:00:00Z"); // Saturday
    await tickAt("2026-11-07T15:00:00Z");
    expect(texts(ivan, PROMPT)).toHaveLength(0);
    expect(texts(petr, PROMPT)).toHaveLength(1);
    expect(texts(lead, /Итоги сверки за 04\.11|Итоги сверки за 07\.11/)).toHaveLength(0);
    expect(h.db.prepare("SELECT COUNT(*) FROM checkups WHERE member_id = ?").pluck().get(ivan.member()!.id)).toBe(0);

    // /back ends the vacation early: on Monday the prompt comes again.
    h.clock.set("2026-11-06T06:00:00Z");
    expect((await ivan.send("/back"))[0]!.text).toMatch(/С возвращением/);
    await tickAt("2026-11-06T07:00:00Z");
    expect(texts(ivan, PROMPT)).toHaveLength(1);
  });

  it("is sent once when the bot was down from 09:50 to 10:30, and never for a past day", async () => {
    const { ivan, lead } = await team({ now: "2026-10-30T06:00:00Z" }); // Friday
    await tickAt("2026-10-30T07:00:00Z");
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    // Down from Friday 13:00 to Monday 09:50: no tick at all. Monday 09:50 a tick, then down again.
    await tickAt(`${MON}T06:50:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    h.clock.set(`${MON}T07:30:00Z`);
    await h.restart();
    await h.runJobs(); // the start-up sweep
    await tickAt(`${MON}T07:31:00Z`);
    await h.restart();
    await h.runJobs();
    const prompts = texts(ivan, PROMPT);
    expect(prompts).toHaveLength(2);
    expect(prompts[1]!.text).toContain("02.11");
    expect(h.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'checkup-prompt'").pluck().get()).toBe(2);
    // Friday is recorded as missed but nobody is flooded with Friday's reminder or digest.
    expect(checkupRow(ivan, "2026-10-30")?.status).toBe("missed");
    expect(texts(ivan, /Напоминание/)).toHaveLength(0);
    expect(texts(lead, /Итоги сверки/)).toHaveLength(0);
  });

  it("follows the team time zone: a change of zone, and Berlin with DST next to Moscow without", async () => {
    const { ivan } = await team();
    updateTeamSetting(h.db, TEAM_ID, "timezone", "Europe/Berlin");
    await tickAt(`${MON}T07:00:00Z`); // 08:00 in Berlin
    expect(texts(ivan, PROMPT)).toHaveLength(0);
    await tickAt(`${MON}T08:59:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(0);
    await tickAt(`${MON}T09:00:00Z`); // 10:00 in Berlin (CET, UTC+1)
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    await h.stop();

    // Friday 23 October (Berlin on summer time, UTC+2) and Monday 26 October (winter time, UTC+1).
    for (const [timezone, friday, monday] of [
      ["Europe/Berlin", "2026-10-23T08:00:00Z", "2026-10-26T09:00:00Z"],
      ["Europe/Moscow", "2026-10-23T07:00:00Z", "2026-10-26T07:00:00Z"],
    ] as const) {
      const { ivan: manager } = await team({ now: "2026-10-23T05:00:00Z", timezone });
      for (const [due, label] of [
        [friday, "23.10"],
        [monday, "26.10"],
      ] as const) {
        const before = texts(manager, PROMPT).length;
        await tickAt(new Date(Date.parse(due) - 60_000).toISOString());
        expect(texts(manager, PROMPT), `${timezone} ${due}`).toHaveLength(before);
        await tickAt(due);
        expect(texts(manager, PROMPT), `${timezone} ${due}`).toHaveLength(before + 1);
        expect(lastWith(manager, PROMPT).text).toContain(label);
      }
      await h.stop();
    }
  });
});

describe("reminder, miss and the founder's alert", () => {
  it("reminds once 2 h after the prompt, misses at the cut-off, and alerts after 2 misses in a row the next working morning", async () => {
    const { ivan, lead, founder, petr } = await team({ managers: ["ivan_sales", "petr_sales"] });
    await tickAt(`${MON}T07:00:00Z`);
    await doCheckup(petr!, []);
    await tickAt(`${MON}T08:59:00Z`);
    expect(texts(ivan, /Напоминание/)).toHaveLength(0);
    await tickAt(`${MON}T09:00:00Z`);
    expect(texts(ivan, /Напоминание/)).toHaveLength(1);
    expect(lastWith(ivan, /Напоминание/).text).toContain("18:00");
    expect(texts(petr!, /Напоминание/)).toHaveLength(0); // answered already
    await tickAt(`${MON}T12:00:00Z`);
    expect(texts(ivan, /Напоминание/)).toHaveLength(1);
    await tickAt(`${MON}T14:59:00Z`);
    expect(checkupRow(ivan, MON)?.status).toBe("pending");
    await tickAt(`${MON}T15:00:00Z`);
    expect(checkupRow(ivan, MON)?.status).toBe("missed");
    expect(founder.messages().filter((m) => /пропущено сверок подряд/.test(m.text ?? ""))).toHaveLength(0);
    // The prompt's button after the cut-off says the check-up is closed.
    const late = await ivan.press(data(lastWith(ivan, PROMPT), "checkup:start"), lastWith(ivan, PROMPT));
    expect(late.at(-1)!.text).toMatch(/закрыта/);
    expect((await ivan.send("/checkup"))[0]!.text).toMatch(/закрыта/);

    await tickAt("2026-11-03T07:00:00Z");
    await tickAt("2026-11-03T15:00:00Z");
    // The second miss is recorded at the cut-off, which is quiet time: the founder hears it the next working morning.
    expect(texts(founder, /пропущено сверок подряд/)).toHaveLength(0);
    expect(lastWith(lead, /Итоги сверки за 03\.11/).text).toContain("❌ Ivan (@ivan_sales) — пропустил(а), подряд: 2");
    // Wednesday 4 November is a public holiday; Thursday at the check-up time.
    await tickAt("2026-11-05T07:00:00Z");
    const alert = lastWith(founder, /пропущено сверок подряд/);
    expect(alert.text).toContain("Ivan (@ivan_sales)");
    expect(alert.text).toContain("2");
    await tickAt("2026-11-05T07:05:00Z");
    expect(texts(founder, /пропущено сверок подряд/)).toHaveLength(1);
  });
});

describe("the check-up dialogue", () => {
  it("walks every open task, the numbers and the note, saving each step", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales Call Romashka due 05.11");
    await lead.send("/assign @ivan_sales Send the offer to Vector");
    await lead.send("/assign @ivan_sales Meet Alfa");
    await tickAt(`${MON}T07:00:00Z`);
    expect(lastWith(ivan, PROMPT).text).toContain("Открытых задач: 3");
    h.clock.set(`${MON}T07:10:00Z`);
    const first = await ivan.press(data(lastWith(ivan, PROMPT), "checkup:start"), lastWith(ivan, PROMPT));
    expect(first.at(-1)!.text).toMatch(/Задача 1 из 3: #1 Call Romashka \(срок 05\.11\)/);
    expect(first.at(-1)!.buttons.map((b) => b.text)).toEqual(["✅ Сделано", "🔄 В работе", "⏸ Не начата", "❓ Вопрос"]);
    const second = await ivan.press(data(first.at(-1), ":done"), first.at(-1));
    expect(h.db.prepare("SELECT state FROM tasks WHERE id = 1").pluck().get()).toBe("done");
    expect(lastWith(lead, /сделал\(а\) задачу #1/).buttons).toHaveLength(2);
    expect(second.at(-1)!.text).toMatch(/Задача 2 из 3: #2/);
    // Typed answers work too; nonsense gets a hint and changes nothing.
    const hint = await ivan.send("maybe later");
    expect(hint[0]!.text).toMatch(/Нажмите кнопку/);
    const third = await ivan.send("в работе");
    expect(third.at(-1)!.text).toMatch(/Задача 3 из 3: #3/);
    const numbers = await ivan.send("не начата");
    expect(numbers.at(-1)!.text).toMatch(/Цифры с прошлой сверки/);
    expect((await ivan.send("twelve"))[0]!.text).toMatch(/три целых числа/);
    expect(checkupRow(ivan, MON)?.calls).toBeNull();
    const note = await ivan.send("12 3 1");
    expect(checkupRow(ivan, MON)).toMatchObject({ calls: 12, status: "started" });
    expect(note.at(-1)!.text).toMatch(/Хотите что-то добавить/);
    const saved = await ivan.send("Romashka wants a call on Friday");
    expect(saved.at(-1)!.text).toMatch(/Сверка сохранена.*\n.*сделано 1, в работе 1, не начато 1, вопросов 0.*\n.*Звонки 12, встречи 3, КП 1/);
    expect(checkupRow(ivan, MON)).toMatchObject({ status: "answered", note: "Romashka wants a call on Friday" });
    expect(h.db.prepare("SELECT task_id, answer FROM checkup_answers ORDER BY id").all()).toEqual([
      { task_id: 1, answer: "done" },
      { task_id: 2, answer: "in_progress" },
      { task_id: 3, answer: "not_started" },
    ]);
    // A second /checkup today just thanks; no reminder for an answered check-up.
    expect((await ivan.send("/checkup"))[0]!.text).toMatch(/уже сдана/);
    await tickAt(`${MON}T09:30:00Z`);
    expect(texts(ivan, /Напоминание/)).toHaveLength(0);
  });

  it("resumes after a restart in the middle with no answer lost", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    await lead.send("/assign @ivan_sales Second task");
    await tickAt(`${MON}T07:00:00Z`);
    const first = await ivan.press(data(lastWith(ivan, PROMPT), "checkup:start"), lastWith(ivan, PROMPT));
    const second = await ivan.press(data(first.at(-1), ":progress"), first.at(-1));
    expect(second.at(-1)!.text).toMatch(/Задача 2 из 2/);

    await h.restart();
    expect(h.db.prepare("SELECT task_id, answer FROM checkup_answers").all()).toEqual([{ task_id: 1, answer: "in_progress" }]);
    // The button of the message sent before the restart still continues the same dialogue.
    const numbers = await ivan.press(data(second.at(-1), ":done"), second.at(-1));
    expect(numbers.at(-1)!.text).toMatch(/Цифры с прошлой сверки/);
    await ivan.send("7 1 0");

    await h.restart();
    const saved = await ivan.send("Tough day");
    expect(saved.at(-1)!.text).toMatch(/сделано 1, в работе 1/);
    expect(saved.at(-1)!.text).toMatch(/Звонки 7, встречи 1, КП 0/);
    expect(checkupRow(ivan, MON)).toMatchObject({ status: "answered", calls: 7, note: "Tough day" });
    expect(h.db.prepare("SELECT task_id, answer FROM checkup_answers ORDER BY task_id").all()).toEqual([
      { task_id: 1, answer: "in_progress" },
      { task_id: 2, answer: "done" },
    ]);
  });

  it("continues from the saved progress when the dialogue state is gone", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    await lead.send("/assign @ivan_sales Second task");
    await tickAt(`${MON}T07:00:00Z`);
    const first = await ivan.press(data(lastWith(ivan, PROMPT), "checkup:start"), lastWith(ivan, PROMPT));
    await ivan.press(data(first.at(-1), ":not"), first.at(-1));
    h.db.prepare("DELETE FROM kv WHERE key LIKE 'conv:%'").run();
    const resumed = await ivan.send("/checkup");
    expect(resumed.at(-1)!.text).toMatch(/Задача 2 из 2: #2 Second task/);
  });

  it("lets other buttons and commands work during the dialogue, and /checkup picks it up again", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    await lead.send("/assign @ivan_sales Second task");
    await tickAt(`${MON}T07:00:00Z`);
    const first = await ivan.press(data(lastWith(ivan, PROMPT), "checkup:start"), lastWith(ivan, PROMPT));
    expect(first.at(-1)!.text).toMatch(/Задача 1 из 2/);
    // A button of an older message (the second task's notice) still works.
    const pressed = await ivan.press("task:start:2", lastWith(ivan, /Second task/));
    expect(pressed.at(-1)!.text).toMatch(/#2 в работе/);
    // A typed command leaves the dialogue and runs.
    const list = await ivan.send("/tasks");
    expect(list[0]!.text).toMatch(/Ваши задачи \(2\)/);
    const resumed = await ivan.send("/checkup");
    expect(resumed.at(-1)!.text).toMatch(/Задача 1 из 2: #1 First task/);
    const next = await ivan.send("done");
    expect(next.at(-1)!.text).toMatch(/Задача 2 из 2: #2 Second task/);
  });

  it("takes the whole check-up in one line, and refuses a bad line writing nothing", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    await lead.send("/assign @ivan_sales Second task");
    h.clock.set(`${MON}T07:20:00Z`);
    expect((await ivan.send("/checkup #9 done; 1 2 3"))[0]!.text).toMatch(/#9 нет в вашей сегодняшней сверке/);
    expect((await ivan.send("/checkup hello there"))[0]!.text).toMatch(/Сверка одной строкой/);
    expect((await ivan.send("/checkup #1 ?"))[0]!.text).toMatch(/нужен текст вопроса/);
    expect(h.db.prepare("SELECT COUNT(*) FROM checkups").pluck().get()).toBe(0);
    const saved = await ivan.send("/checkup #1 done, #2 ? Which price list?; 20 4 2; all fine");
    expect(saved.at(-1)!.text).toMatch(/Сверка сохранена/);
    expect(checkupRow(ivan, MON)).toMatchObject({ status: "answered", calls: 20, note: "all fine" });
    expect(lastWith(lead, /Вопрос #1 от Ivan \(@ivan_sales\)/).text).toContain("Which price list?");
    // The scheduled prompt is not sent after the manager already answered.
    await tickAt(`${MON}T07:30:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(0);
  });

  it("starts with part of the answers inline and asks the rest", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    await lead.send("/assign @ivan_sales Second task");
    await tickAt(`${MON}T07:00:00Z`);
    const rest = await ivan.send("/checkup 5 2 0");
    expect(rest.at(-1)!.text).toMatch(/Задача 1 из 2/);
    const next = await ivan.send("done");
    const note = await ivan.press(data(next.at(-1), ":progress"), next.at(-1));
    expect(note.at(-1)!.text).toMatch(/Хотите что-то добавить/);
    const saved = await ivan.press(data(note.at(-1), ":skip"), note.at(-1));
    expect(saved.at(-1)!.text).toMatch(/Звонки 5, встречи 2, КП 0/);
  });
});

describe("typed answers: limits and the leading separator", () => {
  it("a typed question over 1,000 characters is refused and asked again, never cut; 600 emoji fit", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    await lead.send("/assign @ivan_sales Second task");
    h.clock.set(`${MON}T07:20:00Z`);
    await ivan.send("/checkup");
    const refused = await ivan.send(`? ${"x".repeat(1001)}`);
    expect(refused.map((m) => m.text).join(" | ")).toMatch(/1000/);
    expect(refused.at(-1)!.text).toMatch(/#1/);
    expect(h.db.prepare("SELECT COUNT(*) FROM questions").pluck().get()).toBe(0);
    const emoji = "🔥".repeat(600);
    const sent = await ivan.send(emoji);
    expect(sent.some((m) => /Вопрос ушёл руководителю/.test(m.text ?? ""))).toBe(true);
    expect(h.db.prepare("SELECT text FROM questions").pluck().all()).toEqual([emoji]);
    expect(sent.at(-1)!.text).toMatch(/Задача 2 из 2/);
  });

  it("'/checkup ; 5 2 1' is the numbers, like '/checkup 5 2 1'", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales First task");
    h.clock.set(`${MON}T07:20:00Z`);
    const rest = await ivan.send("/checkup ; 5 2 1");
    expect(rest.at(-1)!.text).toMatch(/Задача 1 из 1/);
    const note = await ivan.send("done");
    expect(note.at(-1)!.text).toMatch(/Хотите что-то добавить/);
    const saved = await ivan.press(data(note.at(-1), ":skip"), note.at(-1));
    expect(saved.at(-1)!.text).toMatch(/Звонки 5, встречи 2, КП 1/);
  });
});

describe("/back and /help wording", () => {
  it("a manager's own /back without a vacation speaks to them; the lead's names the manager", async () => {
    const { ivan, lead } = await team();
    expect((await ivan.send("/back"))[0]!.text).toBe("У вас нет текущего или будущего отпуска.");
    expect((await lead.send("/back @ivan_sales"))[0]!.text).toBe("У Ivan (@ivan_sales) нет текущего или будущего отпуска.");
  });

  it("/help describes /checkup by role", async () => {
    const { ivan, lead } = await team();
    const managerHelp = (await ivan.send("/help"))[0]!.text!;
    expect(managerHelp).toContain("/checkup — ежедневная сверка: пройти сейчас");
    expect(managerHelp).not.toContain("запустить сверку");
    expect((await lead.send("/help"))[0]!.text).toContain("/checkup — запустить сверку сейчас для всех, кто сегодня не ответил");
  });
});

describe("/checkup by the lead", () => {
  it("starts a round now for those who have not answered today", async () => {
    const { ivan, petr, lead } = await team({ managers: ["ivan_sales", "petr_sales"] });
    h.clock.set(`${MON}T06:30:00Z`);
    const round = await lead.send("/checkup");
    expect(round[0]!.text).toMatch(/Отправлено: Ivan \(@ivan_sales\), Petr \(@petr_sales\)/);
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    await doCheckup(ivan, []);
    await tickAt(`${MON}T07:00:00Z`);
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    expect(texts(petr!, PROMPT)).toHaveLength(1);
    h.clock.set(`${MON}T08:00:00Z`);
    const again = await lead.send("/checkup");
    expect(again[0]!.text).toMatch(/Отправлено: Petr \(@petr_sales\)/);
    expect(again[0]!.text).toMatch(/Уже ответили: Ivan \(@ivan_sales\)/);
    expect(texts(ivan, PROMPT)).toHaveLength(1);
    expect(texts(petr!, PROMPT)).toHaveLength(2);
    expect((await lead.send("/checkup now"))[0]!.text).toMatch(/без параметров/);
  });
});

describe("questions", () => {
  it("go to the lead at once, the answer goes back, and an unanswered one escalates after 4 working hours", async () => {
    const { ivan, lead, founder } = await team();
    await lead.send("/assign @ivan_sales Offer for Vector");
    await tickAt(`${MON}T07:00:00Z`);
    h.clock.set(`${MON}T08:00:00Z`); // 11:00 Moscow
    const saved = await doCheckup(ivan, ["ask:What discount may I give Vector?"]);
    expect(saved.at(-1)!.text).toMatch(/вопросов 1/);
    const notice = lastWith(lead, /Вопрос #1 от Ivan \(@ivan_sales\)/);
    expect(notice.text).toContain("по задаче #1 «Offer for Vector»");
    expect(notice.text).toContain("What discount may I give Vector?");
    expect(data(notice, "question:answer:1")).toBe("question:answer:1");
    expect(h.db.prepare("SELECT state FROM tasks WHERE id = 1").pluck().get()).toBe("blocked");

    await tickAt(`${MON}T12:00:00Z`); // 15:00 Moscow: exactly 4 working hours
    expect(texts(founder, /без ответа больше 4 рабочих часов/)).toHaveLength(0);
    await tickAt(`${MON}T12:01:00Z`);
    expect(lastWith(founder, /без ответа больше 4 рабочих часов/).text).toContain("What discount may I give Vector?");
    await tickAt(`${MON}T13:00:00Z`);
    expect(texts(founder, /без ответа больше/)).toHaveLength(1);

    const ask = await lead.press("question:answer:1", notice);
    expect(ask.at(-1)!.text).toMatch(/Напишите ответ/);
    const done = await lead.send("Up to 7%, no more");
    expect(done.at(-1)!.text).toMatch(/Ответ на вопрос #1 отправлен: Ivan \(@ivan_sales\)/);
    const answer = lastWith(ivan, /Ответ на ваш вопрос #1/);
    expect(answer.text).toContain("Up to 7%, no more");
    expect(answer.text).toContain("Anna (@anna_lead)");
    expect(h.db.prepare("SELECT state FROM tasks WHERE id = 1").pluck().get()).toBe("new");
    expect((await lead.send("/answer 1 Again"))[0]!.text).toMatch(/уже ответили/);
  });

  it("count only working hours: an evening question escalates the next working morning", async () => {
    const { ivan, founder, lead } = await team();
    h.clock.set(`${MON}T14:00:00Z`); // Monday 17:00 Moscow: one working hour left today
    const sent = await ivan.send("/ask Can I promise delivery in May?");
    expect(sent[0]!.text).toMatch(/Вопрос #1 отправлен/);
    expect(lastWith(lead, /Вопрос #1/).text).toContain("Can I promise delivery in May?");
    await tickAt("2026-11-03T06:00:00Z");
    await tickAt("2026-11-03T10:00:00Z"); // Tuesday 13:00: 1 h + 3 h = 4 h, not more
    expect(texts(founder, /без ответа больше/)).toHaveLength(0);
    await tickAt("2026-11-03T10:01:00Z");
    expect(texts(founder, /без ответа больше/)).toHaveLength(1);
    const inline = await lead.send("/answer 1 Yes, in May");
    expect(inline[0]!.text).toMatch(/отправлен/);
    expect(lastWith(ivan, /Ответ на ваш вопрос #1/).text).toContain("Yes, in May");
  });
});

describe("stalled and overdue, the digest and discipline", () => {
  it("flags a task stalled after 2 check-ups without a change", async () => {
    const { ivan, lead } = await team();
    await lead.send("/assign @ivan_sales Long negotiation");
    for (const [day, answer] of [
      ["2026-11-02", "progress"],
      ["2026-11-03", "progress"],
      // 4 November is a public holiday: no check-up.
      ["2026-11-05", "progress"],
    ] as const) {
      await tickAt(`${day}T07:00:00Z`);
      h.clock.set(`${day}T07:30:00Z`);
      expect((await lead.send("/tasks stalled"))[0]!.text, day).toMatch(/Зависших задач нет/);
      await doCheckup(ivan, [answer]);
    }
    const stalled = await lead.send("/tasks stalled");
    expect(stalled[0]!.text).toContain("#1 [в работе] Long negotiation — зависла");
    await ivan.press("task:done:1");
    expect((await lead.send("/tasks stalled"))[0]!.text).toMatch(/Зависших задач нет/);
  });

  it("/discipline counts as not started only tasks never started, not those reported so and taken up later", async () => {
    const { ivan, lead } = await team({ managers: ["ivan_sales"] });
    await lead.send("/assign @ivan_sales Call Romashka");
    await lead.send("/assign @ivan_sales Offer for Vector");
    await tickAt(`${MON}T07:00:00Z`);
    h.clock.set(`${MON}T07:05:00Z`);
    await doCheckup(ivan, ["not", "not"], "10 2 1");
    await tickAt("2026-11-03T07:00:00Z");
    h.clock.set("2026-11-03T07:05:00Z");
    // The first task is taken up the next day; the second is still not started.
    await doCheckup(ivan, ["progress", "not"], "11 2 1");
    const figures = (await lead.send("/discipline")).map((m) => m.text).join("\n");
    expect(figures).toMatch(/Ivan \(@ivan_sales\)\nСверки: сдано 100% \(2 из 2\), вовремя 100%\nЗадачи: принято 0, возвращено 0, не начато 1, зависло сейчас 1/);
  });

  it("sends the lead a digest at the cut-off with everything it lists, once", async () => {
    const { ivan, petr, lead, founder } = await team({ managers: ["ivan_sales", "petr_sales"] });
    await lead.send("/assign @ivan_sales Call Romashka due 02.11");
    await lead.send("/assign @ivan_sales Offer for Vector");
    await lead.send("/assign @petr_sales Meet Alfa");
    await lead.send("/assign @petr_sales Fix the CRM cards");
    await petr!.press("task:done:4", lastWith(petr!, /Fix the CRM cards/));
    await lead.send("/return 4 Half of the cards are still empty");

    await tickAt(`${MON}T07:00:00Z`);
    h.clock.set(`${MON}T07:05:00Z`);
    await doCheckup(ivan, ["progress", "not"], "10 2 1");
    await tickAt(`${MON}T15:00:00Z`);
    expect(texts(lead, /Итоги сверки за 02\.11/)).toHaveLength(1);

    await tickAt("2026-11-03T07:00:00Z");
    h.clock.set("2026-11-03T07:05:00Z");
    await doCheckup(ivan, ["progress", "ask:Which discount for Vector?"], "12 3 1", "Romashka asks for a call on Friday");
    await tickAt("2026-11-03T14:59:00Z");
    expect(texts(lead, /Итоги сверки за 03\.11/)).toHaveLength(0);
    await tickAt("2026-11-03T15:00:00Z");
    await tickAt("2026-11-03T15:01:00Z");
    const digests = texts(lead, /Итоги сверки за 03\.11/);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!.text!;
    expect(digest).toContain("Ответили 1 из 2:");
    expect(digest).toContain("✅ Ivan (@ivan_sales) в 10:05: звонки 12, встречи 3, КП 1");
    expect(digest).toContain("заметка: Romashka asks for a call on Friday");
    expect(digest).toContain("❌ Petr (@petr_sales) — пропустил(а), подряд: 2");
    expect(digest).toContain("Задачи: новые 1, в работе 1, ждут проверки 0, возвращены 1, ждут ответа 1");
    expect(digest).toMatch(/Ivan \(@ivan_sales\):\n {2}#1 \[в работе\] Call Romashka \(срок 02\.11\) — просрочена\n {2}#2 \[ждёт ответа на вопрос\] Offer for Vector/);
    expect(digest).toMatch(/Petr \(@petr_sales\):\n {2}#3 \[новая\] Meet Alfa — зависла\n {2}#4 \[возвращена\] Fix the CRM cards — зависла\n/);
    // Petr missed both check-ups: his new task and the returned one have not moved for 2 check-ups.
    expect(digest).toMatch(/Зависшие \(2 сверки без изменений\):\n {2}#3 Petr \(@petr_sales\): Meet Alfa\n {2}#4 Petr \(@petr_sales\): Fix the CRM cards\n/);
    expect(digest).toMatch(/Просроченные:\n {2}#1 Ivan \(@ivan_sales\): Call Romashka \(срок 02\.11\)/);
    expect(digest).toMatch(/Возвращены на доработку:\n {2}#4 Petr \(@petr_sales\): Fix the CRM cards — Half of the cards are still empty/);
    expect(digest).toMatch(/Вопросы без ответа:\n {2}#1 Ivan \(@ivan_sales\): Which discount for Vector\?/);
    expect(digest).toMatch(/Пропуски подряд:\n {2}Petr \(@petr_sales\): 2/);
    // The founder hears of Petr's streak the next working morning, not at the cut-off (quiet time).
    expect(texts(founder, /пропущено сверок подряд/)).toHaveLength(0);

    const discipline = await lead.send("/discipline");
    const figures = discipline.map((m) => m.text).join("\n");
    expect(figures).toMatch(/Ivan \(@ivan_sales\)\nСверки: сдано 100% \(2 из 2\), вовремя 100%\nЗадачи: принято 0, возвращено 0, не начато 1, зависло сейчас 0\nВопросов: 1 \(без ответа 1\)/);
    expect(figures).toMatch(/Petr \(@petr_sales\)\nСверки: сдано 0% \(0 из 2\), вовремя 0%\nЗадачи: принято 0, возвращено 1, не начато 0, зависло сейчас 2/);
    expect((await lead.send("/discipline abc"))[0]!.text).toMatch(/Как смотреть дисциплину/);
    expect((await ivan.send("/discipline"))[0]!.text).toMatch(/недоступна/);

    await tickAt("2026-11-05T07:00:00Z");
    expect(texts(founder, /Petr \(@petr_sales\): пропущено сверок подряд — 2/)).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("refuses bad /away periods clearly and writes nothing", async () => {
    const { ivan, lead } = await team();
    const cases: [TestUser, string, RegExp][] = [
      [ivan, "/away", /Как уйти в отпуск/],
      [ivan, "/away 01.11 03.11", /дата уже прошла/],
      [ivan, "/away 05.11 03.11", /раньше первого/],
      [ivan, "/away soon", /Не понял дату/],
      [ivan, "/away @anna_lead 05.11", /Как уйти в отпуск/],
      [lead, "/away 05.11 06.11", /отпуск менеджера/],
      [lead, "/away @nobody_here 05.11 06.11", /нет участника @nobody_here/],
      [lead, "/away @ivan_sales 05.11 06.11 07.11", /отпуск менеджера/],
    ];
    for (const [user, text, expected] of cases) {
      const replies = await user.send(text);
      expect(replies[0]!.text, text).toMatch(expected);
    }
    expect(h.db.prepare("SELECT COUNT(*) FROM away_periods").pluck().get()).toBe(0);
    const ok = await lead.send("/away @ivan_sales 03.11 04.11");
    expect(ok[0]!.text).toMatch(/Ivan \(@ivan_sales\): отпуск с 03\.11 по 04\.11/);
    expect(h.db.prepare("SELECT COUNT(*) FROM away_periods").pluck().get()).toBe(1);
  });
});
