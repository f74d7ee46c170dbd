import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** Monday 2 November 2026, 09:00 Moscow (before the check-up). */
const MONDAY_0900 = "2026-11-02T06:00:00Z";
const ACCESS_DENIED = "Эта команда недоступна для вашей роли.";

async function team(options: { managerLanguage?: string } = {}) {
  h = await startHarness({ now: MONDAY_0900 });
  const founder = await h.member("founder", { username: "olga_founder", first_name: "Olga" });
  const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const ivan = await h.member("manager", { username: "ivan_sales", first_name: "Ivan", language_code: options.managerLanguage ?? "ru" });
  const petr = await h.member("manager", { username: "petr_sales", first_name: "Petr" });
  return { founder, lead, ivan, petr };
}

function count(table: string): number {
  return h.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

function taskState(id: number): string {
  return h.db.prepare("SELECT state FROM tasks WHERE id = ?").pluck().get(id) as string;
}

function buttonData(message: SentMessage | undefined, suffix: string): string {
  const data = message?.buttons.map((b) => ("callback_data" in b ? b.callback_data : undefined)).find((d) => d?.includes(suffix));
  if (!data) throw new Error(`no button ${suffix} on: ${message?.text} ${JSON.stringify(message?.buttons)}`);
  return data;
}

function lastWith(user: TestUser, pattern: RegExp): SentMessage {
  const found = user.messages().filter((m) => pattern.test(m.text ?? "")).at(-1);
  if (!found) throw new Error(`no message ${pattern} to ${user.id}: ${user.messages().map((m) => m.text).join(" | ")}`);
  return found;
}

describe("/reassign", () => {
  it("gives an open task to another manager: it starts over for them with buttons, the one who had it is told", async () => {
    const { lead, ivan, petr } = await team();
    await lead.send("/assign @ivan_sales Call Romashka due 05.11");
    await ivan.press("task:start:1");
    expect(taskState(1)).toBe("in_progress");
    const replies = await lead.send("/reassign 1 @petr_sales");
    expect(replies[0]!.text).toBe("Задача #1 передана: Petr (@petr_sales) (была у Ivan (@ivan_sales)). Менеджер уже получил её.");
    const notice = lastWith(petr, /Вам передана задача #1/);
    expect(notice.text).toContain("от Anna (@anna_lead) (была у Ivan (@ivan_sales)) (срок 05.11)");
    expect(notice.text).toContain("Call Romashka");
    expect(buttonData(notice, "start")).toBe("task:start:1");
    expect(lastWith(ivan, /Задачу #1 передали/).text).toBe("Задачу #1 передали Petr (@petr_sales): Call Romashka");
    expect(h.db.prepare("SELECT assignee_id, state, due_date FROM tasks WHERE id = 1").get()).toEqual({
      assignee_id: petr.member()!.id,
      state: "new",
      due_date: "2026-11-05",
    });
    expect(h.db.prepare("SELECT from_state, to_state, comment FROM task_events WHERE task_id = 1 ORDER BY id DESC LIMIT 1").get()).toEqual({
      from_state: "in_progress",
      to_state: "new",
      comment: "reassigned from Ivan (@ivan_sales)",
    });
    // Ivan no longer sees it; Petr can start it.
    expect((await ivan.send("/task 1"))[0]!.text).toMatch(/Задачи #1 нет/);
    await petr.press("task:start:1");
    expect(taskState(1)).toBe("in_progress");
  });

  it("moves the tasks of a manager who left the team", async () => {
    const { founder, lead, ivan, petr } = await team();
    await lead.send("/assign @ivan_sales Call Vector");
    await founder.send("/remove @ivan_sales");
    const before = ivan.messages().length;
    expect((await lead.send("/reassign #1 petr_sales"))[0]!.text).toMatch(/передана: Petr \(@petr_sales\) \(была у Ivan \(@ivan_sales\)\)/);
    expect(lastWith(petr, /Вам передана задача #1/).text).toContain("Call Vector");
    expect(ivan.messages()).toHaveLength(before);
  });

  it("answers bad input clearly and writes nothing", async () => {
    const { founder, lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Call Romashka");
    await lead.send("/assign @ivan_sales Send the offer");
    await ivan.press("task:done:2");
    const cases: [string, RegExp][] = [
      ["/reassign", /Как передать задачу/],
      ["/reassign 1", /Как передать задачу/],
      ["/reassign @petr_sales 1", /Как передать задачу/],
      ["/reassign 99 @petr_sales", /Задачи #99 нет/],
      ["/reassign 1 @nobody_here", /nobody_here/],
      ["/reassign 1 @anna_lead", /не менеджер/],
      ["/reassign 1 @ivan_sales", /и так у Ivan \(@ivan_sales\)/],
      ["/reassign 2 @petr_sales", /нельзя передать: сейчас она «сделана/],
    ];
    const rows = () => [h.db.prepare("SELECT * FROM tasks ORDER BY id").all(), count("task_events"), count("outbox")];
    const before = rows();
    for (const [command, expected] of cases) {
      const replies = await lead.send(command);
      expect(replies, command).toHaveLength(1);
      expect(replies[0]!.text, command).toMatch(expected);
    }
    expect(rows()).toEqual(before);
    // A manager may not; the founder may.
    expect((await ivan.send("/reassign 1 @petr_sales"))[0]!.text).toBe(ACCESS_DENIED);
    expect(rows()).toEqual(before);
    expect((await founder.send("/reassign 1 @petr_sales"))[0]!.text).toMatch(/передана: Petr \(@petr_sales\)/);
    expect(rows()).not.toEqual(before);
  });
});

describe("/assign", () => {
  it("gives the manager the task at once with buttons, in the manager's language", async () => {
    const { lead, ivan } = await team({ managerLanguage: "en" });
    // The outbox renders in the stored language of the recipient (members.locale, set by /lang).
    await ivan.send("/lang en");
    const replies = await lead.send("/assign @ivan_sales Call Romashka Ltd due 05.11");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/#1.*Ivan \(@ivan_sales\).*05\.11/);
    const notice = ivan.last()!;
    expect(notice.text).toContain("New task #1 from Anna (@anna_lead) (due 05.11)");
    expect(notice.text).toContain("Call Romashka Ltd");
    expect(notice.buttons.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual(["task:start:1", "task:done:1", "task:ask:1"]);
    expect(h.db.prepare("SELECT assignee_id, due_date, state FROM tasks").get()).toEqual({ assignee_id: ivan.member()!.id, due_date: "2026-11-05", state: "new" });
    expect(h.db.prepare("SELECT idempotency_key, status FROM outbox WHERE kind = 'task-assigned'").get()).toEqual({ idempotency_key: "task-assigned:1", status: "sent" });
  });

  it("answers bad input clearly and writes nothing", async () => {
    const { lead, founder, ivan } = await team();
    const cases: [string, RegExp][] = [
      ["/assign", /Как поставить задачу/],
      ["/assign @ivan_sales", /Как поставить задачу/],
      ["/assign @nobody_here Call them", /нет участника @nobody_here/],
      ["/assign @ivan_sales Call them due 01.11", /дата уже прошла/],
      ["/assign @ivan_sales Call them due 2026-10-30", /дата уже прошла/],
      ["/assign @ivan_sales Call them due 31.02", /Не понял дату/],
      [`/assign @ivan_sales ${"x".repeat(1001)}`, /Слишком длинный текст.*1000 символов/],
      ["/assign @anna_lead Do something", /не менеджер/],
    ];
    for (const [text, expected] of cases) {
      const replies = await lead.send(text);
      expect(replies, text).toHaveLength(1);
      expect(replies[0]!.text, text).toMatch(expected);
    }
    const managerTries = await ivan.send("/assign @petr_sales Help me");
    expect(managerTries[0]!.text).toMatch(/недоступна/);
    expect(count("tasks")).toBe(0);
    expect(count("task_events")).toBe(0);
    expect(h.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind LIKE 'task%'").pluck().get()).toBe(0);
    // The founder may assign too; a text of exactly 1000 characters is fine.
    const ok = await founder.send(`/assign @ivan_sales ${"y".repeat(1000)}`);
    expect(ok[0]!.text).toMatch(/#1/);
    expect(count("tasks")).toBe(1);
  });
});

describe("task states", () => {
  it("goes new → in progress → done → accepted with buttons on both sides", async () => {
    const { lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Send the offer");
    const notice = ivan.last()!;
    const started = await ivan.press("task:start:1", notice);
    expect(started.answer).toMatch(/в работе/);
    expect(taskState(1)).toBe("in_progress");
    await ivan.press("task:done:1", notice);
    expect(taskState(1)).toBe("done");
    const review = lastWith(lead, /сделал\(а\) задачу #1/);
    expect(review.text).toContain("Ivan (@ivan_sales)");
    expect(review.buttons.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual(["task:accept:1", "task:return:1"]);
    // A manager cannot accept own work.
    const denied = await ivan.press("task:accept:1", review);
    expect(denied.answer).toMatch(/недоступна/);
    expect(taskState(1)).toBe("done");
    const accepted = await lead.press("task:accept:1", review);
    expect(accepted.at(-1)!.text).toMatch(/#1 принята/);
    expect(taskState(1)).toBe("accepted");
    expect(lastWith(ivan, /принята/).text).toContain("Send the offer");
    // The stale button now explains instead of acting twice.
    const again = await lead.press("task:accept:1", review);
    expect(again.at(-1)!.text).toMatch(/сейчас она «принята»/);
    expect(h.db.prepare("SELECT from_state || '>' || to_state FROM task_events WHERE task_id = 1 ORDER BY id").pluck().all()).toEqual([
      null,
      "new>in_progress",
      "in_progress>done",
      "done>accepted",
    ]);
  });

  it("returns with the lead's comment (asked by a dialogue), and the manager picks the task up again", async () => {
    const { lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Prepare the proposal");
    await ivan.press("task:done:1", ivan.last());
    const review = lastWith(lead, /сделал\(а\) задачу #1/);
    const asked = await lead.press("task:return:1", review);
    expect(asked.at(-1)!.text).toMatch(/Что не так с задачей #1/);
    expect(taskState(1)).toBe("done");
    const done = await lead.send("Wrong prices: use the 2026 list");
    expect(done.at(-1)!.text).toMatch(/#1 возвращена/);
    expect(taskState(1)).toBe("returned");
    const back = lastWith(ivan, /возвращена/);
    expect(back.text).toContain("Wrong prices: use the 2026 list");
    expect(back.buttons.map((b) => ("callback_data" in b ? b.callback_data : ""))).toContain("task:start:1");
    await ivan.press("task:start:1", back);
    expect(taskState(1)).toBe("in_progress");
    expect(h.db.prepare("SELECT return_comment FROM tasks WHERE id = 1").pluck().get()).toBe("Wrong prices: use the 2026 list");
  });

  it("returns inline with /return <id> <comment>, and refuses a return of a task not done", async () => {
    const { lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Call back");
    const early = await lead.send("/return 1 Not like this");
    expect(early[0]!.text).toMatch(/сейчас она «новая»/);
    expect(taskState(1)).toBe("new");
    expect((await lead.send("/return"))[0]!.text).toMatch(/Как вернуть задачу/);
    expect((await lead.send(`/return 1 ${"z".repeat(1001)}`))[0]!.text).toMatch(/Слишком длинный/);
    await ivan.press("task:done:1", ivan.last());
    const returned = await lead.send("/return 1 Call the director, not the secretary");
    expect(returned[0]!.text).toMatch(/#1 возвращена/);
    expect(taskState(1)).toBe("returned");
    expect(lastWith(ivan, /возвращена/).text).toContain("Call the director, not the secretary");
  });

  it("lets the lead cancel, and keeps managers out of each other's tasks", async () => {
    const { lead, ivan, petr } = await team();
    await lead.send("/assign @ivan_sales Ivan's task");
    const card = await petr.send("/task 1");
    expect(card[0]!.text).toMatch(/Задачи #1 нет/);
    const pressed = await petr.press("task:done:1");
    expect(pressed.at(-1)!.text).toMatch(/Задачи #1 нет/);
    expect(taskState(1)).toBe("new");
    const leadCard = await lead.send("/task 1");
    expect(leadCard[0]!.text).toContain("Ivan's task");
    await lead.press(buttonData(leadCard[0], "task:cancel"), leadCard[0]);
    expect(taskState(1)).toBe("cancelled");
    expect(lastWith(ivan, /отменена/).text).toContain("Ivan's task");
  });
});

describe("/tasks", () => {
  it("shows a manager own tasks and the lead the team's, grouped, with filters", async () => {
    const { lead, ivan } = await team();
    await lead.send("/assign @ivan_sales Ivan one due 03.11");
    await lead.send("/assign @ivan_sales Ivan two");
    await lead.send("/assign @petr_sales Petr one");
    await ivan.press("task:done:2", ivan.messages().find((m) => m.text?.includes("Ivan two")));

    const own = await ivan.send("/tasks");
    expect(own[0]!.text).toContain("Ivan one");
    expect(own[0]!.text).toContain("Ivan two");
    expect(own[0]!.text).not.toContain("Petr one");
    expect((await ivan.send("/tasks @petr_sales"))[0]!.text).toMatch(/Как смотреть свои задачи/);

    const all = await lead.send("/tasks");
    const text = all.map((m) => m.text).join("\n");
    expect(text).toMatch(/Ivan \(@ivan_sales\):\n#1 \[новая\] Ivan one \(срок 03\.11\)\n#2 \[сделана, ждёт проверки\] Ivan two/);
    expect(text).toMatch(/Petr \(@petr_sales\):\n#3 \[новая\] Petr one/);
    const buttons = all.at(-1)!.buttons.map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(buttons).toContain("task:accept:2");
    expect(buttons).toContain("task:return:2");

    const petrs = await lead.send("/tasks @petr_sales");
    expect(petrs[0]!.text).toContain("Petr one");
    expect(petrs[0]!.text).not.toContain("Ivan");
    expect((await lead.send("/tasks @nobody_here"))[0]!.text).toMatch(/нет участника/);
    expect((await lead.send("/tasks whatever"))[0]!.text).toMatch(/Как смотреть задачи/);

    // Wednesday: task #1 (due Tuesday) is overdue.
    expect((await lead.send("/tasks overdue"))[0]!.text).toMatch(/Просроченных задач нет/);
    h.clock.set("2026-11-04T06:00:00Z");
    const overdue = await lead.send("/tasks overdue");
    expect(overdue[0]!.text).toContain("#1 [новая] Ivan one (срок 03.11) — просрочена");
    expect(overdue[0]!.text).not.toContain("Petr one");
    expect((await ivan.send("/tasks overdue"))[0]!.text).toContain("Ivan one");
  });
});
