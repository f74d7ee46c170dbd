/** /tasks with buttons: a card button per task, review of done tasks, and pages for long lists. */
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { startHarness, type Harness, type Replies, type TestUser } from "../helpers/harness.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { textUpdate } from "../helpers/updates.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

// The fake keeps one message-id sequence per chat and remembers typed messages by id, so a typed message must
// not reuse the id of a bot message there (a list): each gets an id far above everything sent before it.
let typedId = 1_000_000;

/** Sends a text or command in the user's private chat; returns what the bot sent there meanwhile. */
async function say(user: TestUser, text: string): Promise<Replies> {
  const since = h.fake.mark();
  typedId += 1_000;
  await h.dispatch(textUpdate(user.user, text, { message_id: typedId }));
  return h.fake.messagesTo(user.chatId).filter((m) => m.seq >= since);
}

/** Monday 2 November 2026, 09:00 Moscow. */
async function team() {
  h = await startHarness({ now: "2026-11-02T06:00:00Z" });
  const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const ivan = await h.member("manager", { username: "ivan_sales", first_name: "Ivan" });
  const petr = await h.member("manager", { username: "petr_sales", first_name: "Petr" });
  return { lead, ivan, petr };
}

const dataOf = (message: { reply_markup?: unknown } | undefined): string[] =>
  ((message?.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
const labelsOf = (message: { reply_markup?: unknown } | undefined): string[] =>
  ((message?.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);

/** The list message as it is now, after any edits. */
function current(user: TestUser, sent: SentMessage | undefined): Message {
  const state = sent && h.fake.messageState(user.chatId, sent.message_id);
  if (!state) throw new Error("list message is gone");
  return state;
}

async function assignMany(lead: TestUser, username: string, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i++) await say(lead, `/assign @${username} Task number ${i}`);
}

describe("/tasks keyboards", () => {
  it("puts a card button under every task, and the card carries that task's actions", async () => {
    const { lead, ivan } = await team();
    await assignMany(lead, "ivan_sales", 3);
    const [list] = await say(ivan, "/tasks");
    expect(dataOf(list)).toEqual(["task:show:1", "task:show:2", "task:show:3"]);
    expect(labelsOf(list)).toEqual(["#1", "#2", "#3"]);

    const [card] = await ivan.press("task:show:2", list);
    expect(card!.text).toContain("Task number 2");
    expect(dataOf(card)).toEqual(["task:start:2", "task:done:2", "task:ask:2"]);
    const pressed = await ivan.press("task:start:2", card);
    expect(pressed.at(-1)!.text).toMatch(/#2 в работе/);
    expect(h.db.prepare("SELECT state FROM tasks WHERE id = 2").pluck().get()).toBe("in_progress");
  });

  it("lets the lead review done tasks from the list: [Accept #n] and [Return #n]", async () => {
    const { lead, ivan } = await team();
    await assignMany(lead, "ivan_sales", 2);
    await ivan.press("task:done:1", ivan.messages().find((m) => m.text?.includes("Task number 1")));
    const [list] = await say(lead, "/tasks");
    expect(dataOf(list)).toEqual(["task:accept:1", "task:return:1", "task:show:1", "task:show:2"]);
    expect(labelsOf(list).slice(0, 2)).toEqual(["✅ Принять #1", "↩ Вернуть #1"]);
    await lead.press("task:accept:1", list);
    expect(h.db.prepare("SELECT state FROM tasks WHERE id = 1").pluck().get()).toBe("accepted");
    // A manager's list has no review buttons, and a manager cannot accept by pressing crafted data.
    const [own] = await say(ivan, "/tasks");
    expect(dataOf(own).some((d) => d.startsWith("task:accept") || d.startsWith("task:return"))).toBe(false);
  });

  it("shows a long list in pages of ten with [‹] [n/m] [›], editing the same message", async () => {
    const { lead, ivan, petr } = await team();
    await assignMany(lead, "ivan_sales", 14);
    await assignMany(lead, "petr_sales", 9, 15);
    const replies = await say(lead, "/tasks");
    expect(replies).toHaveLength(1);
    const list = replies[0]!;
    expect(list.text).toMatch(/^Задачи команды \(23\):\n\nIvan \(@ivan_sales\):\n#1 /);
    expect(list.text).toContain("#10 [новая] Task number 10");
    expect(list.text).not.toContain("#11 ");
    expect(dataOf(list).slice(-3)).toEqual(["tasks:p:2:", "tasks:p:0:", "tasks:p:1:"]);
    expect(labelsOf(list).slice(-3)).toEqual(["‹", "1/3", "›"]);

    await lead.press("tasks:p:1:", list);
    const second = current(lead, list);
    expect(second.text).toMatch(/^Задачи команды \(23\):\n\nIvan \(@ivan_sales\):\n#11 [\s\S]*#14 [\s\S]*\n\nPetr \(@petr_sales\):\n#15 /);
    expect(second.text).not.toContain("#10 ");
    expect(dataOf(second)).toContain("task:show:20");
    expect(dataOf(second)).not.toContain("task:show:21");
    expect(labelsOf(second).slice(-3)).toEqual(["‹", "2/3", "›"]);

    // The last page starts with its manager's name again; › on it wraps to the first.
    await lead.press("tasks:p:2:", second);
    const third = current(lead, list);
    expect(third.text).toMatch(/^Задачи команды \(23\):\n\nPetr \(@petr_sales\):\n#21 [\s\S]*#23 /);
    await lead.press(dataOf(third).at(-1)!, third);
    expect(current(lead, list).text).toContain("#1 [новая] Task number 1");

    // Pressing the page number again (nothing changed) is answered quietly, not an error.
    const again = await lead.press("tasks:p:0:", current(lead, list));
    expect(again).toHaveLength(0);
    expect(h.fake.callsTo("answerCallbackQuery").at(-1)!.outcome).toBe("ok");

    // Filters travel in the data: the lead looking at Petr's tasks, and a manager who sees only own.
    const [petrs] = await say(lead, "/tasks @petr_sales");
    expect(petrs!.text).toMatch(/\(9\)/);
    expect(labelsOf(petrs).some((l) => l === "1/1" || l === "‹")).toBe(false);
    const [ivans] = await say(ivan, "/tasks");
    expect(ivans!.text).toMatch(/Ваши задачи \(14\)/);
    expect(dataOf(ivans).slice(-3)).toEqual(["tasks:p:1:", "tasks:p:0:", "tasks:p:1:"]);
    const petrId = petr.member()!.id;
    await ivan.press(`tasks:p:0:u${petrId}`, ivans);
    expect(current(ivan, ivans).text).not.toContain("Task number 15");
  });

  it("keeps the filter across pages and shows the empty text when the list is gone", async () => {
    const { lead } = await team();
    for (let i = 1; i <= 12; i++) await say(lead, `/assign @ivan_sales Due task ${i} due 03.11`);
    h.clock.set("2026-11-04T06:00:00Z");
    const [overdue] = await say(lead, "/tasks overdue");
    expect(overdue!.text).toMatch(/\(12\)/);
    expect(dataOf(overdue).slice(-3)).toEqual(["tasks:p:1:o", "tasks:p:0:o", "tasks:p:1:o"]);
    await lead.press("tasks:p:1:o", overdue);
    expect(current(lead, overdue).text).toContain("#11 ");

    // Tasks closed meanwhile: the page asked for no longer exists, so the last one there is shows, without a pager.
    h.db.prepare("UPDATE tasks SET state = 'cancelled' WHERE id <= 5").run();
    await lead.press("tasks:p:1:o", current(lead, overdue));
    const shrunk = current(lead, overdue);
    expect(shrunk.text).toMatch(/^Задачи команды \(7\):\n\nIvan \(@ivan_sales\):\n#6 [\s\S]*#12 /);
    expect(dataOf(shrunk)).toEqual([6, 7, 8, 9, 10, 11, 12].map((id) => `task:show:${id}`));

    h.db.prepare("UPDATE tasks SET state = 'cancelled'").run();
    await lead.press("tasks:p:0:o", shrunk);
    const emptied = current(lead, overdue);
    expect(emptied.text).toBe("Просроченных задач нет.");
    expect(dataOf(emptied)).toEqual([]);
  });

  it("carries the person filter in the page data, within 64 bytes", async () => {
    const { lead, ivan } = await team();
    await assignMany(lead, "ivan_sales", 12);
    const [list] = await say(lead, "/tasks @ivan_sales");
    const pager = dataOf(list).slice(-3);
    expect(pager).toEqual([1, 0, 1].map((page) => `tasks:p:${page}:u${ivan.member()!.id}`));
    for (const data of dataOf(list)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    await lead.press(pager[2]!, list);
    expect(current(lead, list).text).toMatch(/^Задачи команды \(12\):\n\nIvan \(@ivan_sales\):\n#11 /);
  });
});
