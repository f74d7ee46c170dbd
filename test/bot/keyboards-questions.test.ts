/** /questions with buttons: [Answer #n] for the lead on every page, pages for a long list, a manager's own only. */
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { startHarness, type Harness, type Replies, type TestUser } from "../helpers/harness.js";
import { textUpdate } from "../helpers/updates.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

// Typed messages get ids far above the bot's own in that chat, so the fake never takes one for the list message.
let typedId = 1_000_000;
async function say(user: TestUser, text: string): Promise<Replies> {
  const since = h.fake.mark();
  typedId += 1_000;
  await h.dispatch(textUpdate(user.user, text, { message_id: typedId }));
  return h.fake.messagesTo(user.chatId).filter((m) => m.seq >= since);
}

const dataOf = (message: { reply_markup?: unknown } | undefined): string[] =>
  ((message?.reply_markup as Message["reply_markup"])?.inline_keyboard ?? []).flat().map((b) => ("callback_data" in b ? b.callback_data : ""));

function current(user: TestUser, sent: { message_id: number } | undefined): Message {
  const state = sent && h.fake.messageState(user.chatId, sent.message_id);
  if (!state) throw new Error("list message is gone");
  return state;
}

describe("/questions keyboards", () => {
  it("pages a long list of open questions, with [Answer #n] for the shown ones", async () => {
    h = await startHarness({ now: "2026-11-02T07:00:00Z" });
    const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
    const ivan = await h.member("manager", { username: "ivan_sales", first_name: "Ivan" });
    const petr = await h.member("manager", { username: "petr_sales", first_name: "Petr" });
    for (let i = 1; i <= 9; i++) await say(ivan, `/ask Ivan question ${i}`);
    for (let i = 10; i <= 13; i++) await say(petr, `/ask Petr question ${i}`);

    const [list] = await say(lead, "/questions");
    expect(list!.text).toMatch(/^Открытые вопросы \(13\):\n#1 Ivan \(@ivan_sales\): Ivan question 1/);
    expect(list!.text).toContain("#10 Petr (@petr_sales): Petr question 10");
    expect(list!.text).not.toContain("#11 ");
    const first = dataOf(list);
    expect(first.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => `question:answer:${id}`));
    expect(first.slice(10)).toEqual(["questions:p:1", "questions:p:0", "questions:p:1"]);

    await lead.press("questions:p:1", list!.message);
    const second = current(lead, list);
    expect(second.text).toMatch(/^Открытые вопросы \(13\):\n#11 Petr \(@petr_sales\): Petr question 11 — ждёт 0 ч 0 мин\n#12 [^\n]*\n#13 [^\n]*$/);
    expect(dataOf(second)).toEqual(["question:answer:11", "question:answer:12", "question:answer:13", "questions:p:0", "questions:p:1", "questions:p:0"]);

    // [Answer #12] from the second page works like anywhere else.
    const asked = await lead.press("question:answer:12", second);
    expect(asked.at(-1)!.text).toContain("Petr question 12");
    await say(lead, "Call them on Thursday");
    expect(petr.messages().some((m) => m.text?.includes("Call them on Thursday"))).toBe(true);
    await lead.press("questions:p:1", current(lead, list));
    expect(current(lead, list).text).toMatch(/\(12\)/);
    expect(dataOf(current(lead, list))).not.toContain("question:answer:12");

    // A manager sees only own questions, without answer buttons; nine fit one page.
    const [own] = await say(ivan, "/questions");
    expect(own!.text).toMatch(/^Открытые вопросы \(9\):/);
    expect(own!.text).not.toContain("Petr");
    expect(dataOf(own)).toEqual([]);
  });
});
