import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { tokenOf } from "../helpers/invites.js";
import { TEAM_ID } from "../../src/app.js";
import { groupChat } from "../helpers/updates.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

describe("people and access", () => {
  it("gives a stranger only the explanation, once a day, whatever it sends", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { username: "olga_founder", first_name: "Olga" });
    await founder.send("/start");
    const stranger = h.stranger({ username: "curious" });
    for (const day of [0, 1]) {
      h.clock.advance(day * 24 * 3600_000);
      for (const [index, text] of ["/start", "/help", "/invite manager", "/remove @olga_founder", "/burn", "/plan", "hello", "/start not-a-token"].entries()) {
        const replies = await stranger.send(text);
        // The first message of the day gets the explanation, the rest of the day nothing; a link tried is always answered.
        const answered = index === 0 || text.startsWith("/start ");
        expect(replies, text).toHaveLength(answered ? 1 : 0);
        if (answered) expect(replies[0]!.text).toMatch(/приглашени/);
        if (answered) expect(replies[0]!.text).not.toMatch(/olga|Olga/);
      }
    }
    const pressed = await stranger.press("lang:en");
    expect(pressed).toHaveLength(0);
    expect(pressed.answer).toMatch(/приглашени/i);
    expect(h.db.prepare("SELECT COUNT(*) FROM members").pluck().get()).toBe(1);
    expect(h.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get()).toBe(0);
  });

  it("answers a stranger in English when Telegram says so, and ignores strangers in groups", async () => {
    h = await startHarness();
    const stranger = h.stranger({ language_code: "en" });
    const replies = await stranger.send("/start");
    expect(replies[0]!.text).toMatch(/invite/);
    const inGroup = await stranger.send("/help", { chat: groupChat() });
    expect(inGroup).toHaveLength(0);
  });

  it("makes FOUNDER_IDS founders and greets each role with its commands", async () => {
    h = await startHarness({ founderIds: [555] });
    const founder = h.userFor({ id: 555, is_bot: false, first_name: "Olga", username: "olga", language_code: "en" });
    const greeting = await founder.send("/start");
    expect(greeting[0]!.text).toContain("founder");
    expect(greeting[0]!.text).toContain("/invite");
    expect(greeting[0]!.text).toContain("/remove");
    const manager = await h.member("manager", { language_code: "en" });
    const managerHelp = await manager.send("/help");
    expect(managerHelp[0]!.text).toContain("sales manager");
    expect(managerHelp[0]!.text).not.toContain("/remove");
    expect(managerHelp[0]!.text).not.toContain("/invite");
  });

  it("prints a one-time claim link when there is no founder, and the link dies after use", async () => {
    h = await startHarness();
    expect(h.app.claimLink).toMatch(/^https:\/\/t\.me\/\w+\?start=claim-[\w-]+$/);
    const token = tokenOf(h.app.claimLink);
    const first = h.stranger({ language_code: "en" });
    const welcome = await first.send(`/start ${token}`);
    expect(welcome[0]!.text).toContain("founder");
    expect(first.member()?.role).toBe("founder");
    const second = h.stranger({ language_code: "en" });
    const refused = await second.send(`/start ${token}`);
    expect(refused[0]!.text).toMatch(/already been used/);
    expect(second.member()).toBeUndefined();
    await h.restart();
    expect(h.app.claimLink).toBeUndefined();
  });

  it("lets an invite admit exactly one person and tells the inviter", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const invite = await founder.send("/invite manager");
    const token = tokenOf(invite[0]!.text);
    const anna = h.stranger({ username: "anna", first_name: "Anna", last_name: "Ivanova", language_code: "en" });
    const joined = await anna.send(`/start ${token}`);
    expect(joined[0]!.text).toContain("sales manager");
    expect(anna.member()?.role).toBe("manager");
    expect(founder.last()?.text).toMatch(/Anna Ivanova \(@anna\) accepted the invite/);
    const boris = h.stranger({ username: "boris", language_code: "en" });
    const refused = await boris.send(`/start ${token}`);
    expect(refused[0]!.text).toMatch(/already been used/);
    expect(boris.member()).toBeUndefined();
    const again = await anna.send(`/start ${token}`);
    expect(again[0]!.text).toMatch(/already in the team/);
  });

  it("refuses an expired invite and admits nobody", async () => {
    h = await startHarness();
    const founder = await h.member("founder");
    const token = tokenOf((await founder.send("/invite lead"))[0]!.text);
    h.clock.advance(7 * 24 * 3600_000 + 1);
    const late = h.stranger({ language_code: "en" });
    const refused = await late.send(`/start ${token}`);
    expect(refused[0]!.text).toMatch(/expired/);
    expect(late.member()).toBeUndefined();
  });

  it("keeps invites to what each role may hand out", async () => {
    h = await startHarness();
    const manager = await h.member("manager", { language_code: "en" });
    const denied = await manager.send("/invite manager");
    expect(denied[0]!.text).toMatch(/not available for your role/);
    const lead = await h.member("lead", { language_code: "en" });
    expect((await lead.send("/invite lead"))[0]!.text).toMatch(/not available/);
    expect((await lead.send("/invite manager"))[0]!.text).toMatch(/start=/);
    expect((await lead.send("/invite boss"))[0]!.text).toMatch(/\/invite lead/);
    expect(h.db.prepare("SELECT role FROM invites WHERE token NOT LIKE 'claim-%'").pluck().all()).toEqual(["manager"]);
  });

  it("turns a removed member into a stranger", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const manager = await h.member("manager", { username: "ivan", language_code: "en" });
    expect((await founder.send("/remove @nobody_here"))[0]!.text).toMatch(/no member @nobody_here/);
    expect((await founder.send("/remove"))[0]!.text).toMatch(/\/remove @username/);
    expect((await founder.send("/remove @ivan"))[0]!.text).toMatch(/no longer in the team/);
    expect(manager.member()).toBeUndefined();
    const after = await manager.send("/help");
    expect(after[0]!.text).toMatch(/invite/);
    expect(after[0]!.text).not.toContain("/tasks");
  });

  it("keeps membership across a restart", async () => {
    h = await startHarness();
    const lead = await h.member("lead", { language_code: "en" });
    await h.restart();
    const replies = await lead.send("/start");
    expect(replies[0]!.text).toContain("head of sales");
  });

  it("resumes a conversation interrupted by a restart", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const question = await founder.send("/invite");
    expect(question[0]!.text).toMatch(/Whom/);
    expect(question[0]!.buttons.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual(["invite:lead", "invite:manager"]);
    await h.restart();
    const answer = await founder.press("invite:manager", question[0]);
    expect(answer.at(-1)?.text).toMatch(/Invite: sales manager/);
    expect(h.db.prepare("SELECT role FROM invites WHERE token NOT LIKE 'claim-%'").pluck().all()).toEqual(["manager"]);
  });

  it("lets a command typed mid-conversation leave it", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    await founder.send("/invite");
    const help = await founder.send("/help");
    expect(help[0]!.text).toMatch(/What you can do/);
    const stale = await founder.press("invite:lead");
    expect(stale.answer).toMatch(/no longer works/);
  });

  it("never leaves a member in silence", async () => {
    h = await startHarness();
    const manager = await h.member("manager", { language_code: "en" });
    expect((await manager.send("/frobnicate"))[0]!.text).toMatch(/don't know this command/);
    expect((await manager.send("just text"))[0]!.text).toMatch(/\/help/);
  });

  it("switches language with /lang and routes alerts with /alerts_here", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "ru" });
    expect((await founder.send("/lang en"))[0]!.text).toBe("Language: English.");
    expect((await founder.send("/help"))[0]!.text).toMatch(/What you can do/);
    const group = groupChat(-100777);
    const routed = await founder.send("/alerts_here", { chat: group });
    expect(routed[0]!.text).toMatch(/this group/);
    expect(h.db.prepare("SELECT alert_chat_id FROM teams WHERE id = ?").pluck().get(TEAM_ID)).toBe(-100777);
    const manager = await h.member("manager", { language_code: "en" });
    expect((await manager.send("/alerts_here"))[0]!.text).toMatch(/not available/);
  });

  it("has no second effect for a redelivered update", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const { commandUpdate } = await import("../helpers/updates.js");
    const update = commandUpdate(founder.user, "/invite manager");
    await h.dispatch(update);
    await h.dispatch(update);
    expect(h.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get()).toBe(1);
  });
});

describe("command menus", () => {
  it("gives each role its own menu in its language, and takes it away on removal", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const token = tokenOf((await founder.send("/invite manager"))[0]!.text);
    const anna = h.stranger({ username: "anna", language_code: "ru" });
    await anna.send(`/start ${token}`);
    const scope = { type: "chat", chat_id: anna.chatId };
    const annaMenu = h.fake.commands(scope)!.map((c) => c.command);
    expect(annaMenu).toContain("help");
    expect(annaMenu).not.toContain("invite");
    expect(annaMenu).not.toContain("remove");
    expect(h.fake.commands(scope)!.find((c) => c.command === "help")!.description).toBe("список команд");
    await anna.send("/lang en");
    expect(h.fake.commands(scope)!.find((c) => c.command === "help")!.description).toBe("list of commands");
    await founder.send("/remove @anna");
    expect(h.fake.commands(scope)).toBeUndefined();
    expect(h.fake.commands({ type: "default" })?.map((c) => c.command) ?? h.fake.commands()?.map((c) => c.command)).toEqual(["start"]);
  });
});

describe("a removed member receives nothing new", () => {
  /** Monday 2 November 2026, 11:00 Moscow: a working day. */
  const MONDAY_1100 = "2026-11-02T08:00:00Z";

  it("a removed founder's private alert chat is dropped: escalations go to the founders still in the team", async () => {
    h = await startHarness({ now: MONDAY_1100 });
    const olga = await h.member("founder", { username: "olga_founder", language_code: "en" });
    const petr = await h.member("founder", { username: "petr_founder", language_code: "en" });
    const ivan = await h.member("manager", { username: "ivan_sales", language_code: "en" });
    expect((await olga.send("/alerts_here"))[0]!.text).toMatch(/this chat/);
    expect(h.db.prepare("SELECT alert_chat_id FROM teams").pluck().get()).toBe(olga.chatId);
    await petr.send("/remove @olga_founder");
    expect(h.db.prepare("SELECT alert_chat_id FROM teams").pluck().get()).toBeNull();
    const olgaBefore = olga.messages().length;

    await ivan.send("/ask What discount may I give Vector?");
    h.clock.set("2026-11-02T12:01:00Z"); // 15:01 Moscow: over 4 working hours
    await h.runJobs();
    expect(petr.messages().filter((m) => /What discount/.test(m.text ?? ""))).toHaveLength(2); // the question, then the escalation
    expect(olga.messages()).toHaveLength(olgaBefore);
  });

  it("closes the removed manager's questions, tells the remover about open tasks and sends the manager nothing", async () => {
    h = await startHarness({ now: MONDAY_1100 });
    const founder = await h.member("founder", { username: "olga_founder", language_code: "en" });
    const lead = await h.member("lead", { username: "anna_lead", language_code: "en" });
    const ivan = await h.member("manager", { username: "ivan_sales", language_code: "en" });
    await lead.send("/assign @ivan_sales Call Romashka");
    await lead.send("/assign @ivan_sales Call Vector");
    await lead.send("/assign @ivan_sales Call Lotos");
    await ivan.press("task:done:1");
    await ivan.send("/ask 2 Which price list?");
    await ivan.send("/ask Can I take Friday off?");
    expect(h.db.prepare("SELECT state FROM tasks ORDER BY id").pluck().all()).toEqual(["done", "blocked", "new"]);

    const ivanId = ivan.member()!.id;
    const removed = await founder.send("/remove @ivan_sales");
    expect(removed[0]!.text).toMatch(/no longer in the team/);
    expect(removed[0]!.text).toMatch(/open tasks: 2 \(#2, #3\).*\/reassign.*\/tasks/s);
    expect(removed[0]!.text).toMatch(/questions.*closed: 2/);
    const ivanBefore = ivan.messages().length;

    expect((await lead.send("/questions"))[0]!.text).toMatch(/No open questions/);
    expect((await lead.send("/answer 1 Use the new one"))[0]!.text).toMatch(/answered already/);
    await lead.press("task:accept:1", (await lead.send("/tasks"))[0]);
    await lead.press("task:cancel:2", (await lead.send("/tasks"))[0]);
    expect(h.db.prepare("SELECT state FROM tasks ORDER BY id").pluck().all()).toEqual(["accepted", "cancelled", "new"]);
    // The next working day's check-up prompts and the digest go on without him.
    h.clock.set("2026-11-03T07:00:00Z");
    await h.runJobs();
    h.clock.set("2026-11-03T16:00:00Z");
    await h.runJobs();
    expect(ivan.messages()).toHaveLength(ivanBefore);
    expect(h.db.prepare("SELECT COUNT(*) FROM checkups WHERE member_id = ? AND local_date = '2026-11-03'").pluck().get(ivanId)).toBe(0);
  });
});

describe("commands without arguments", () => {
  it("answer unexpected arguments with the usage and write nothing", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    expect((await founder.send("/alerts_here please"))[0]!.text).toMatch(/\/alerts_here with nothing after it/);
    expect(h.db.prepare("SELECT alert_chat_id FROM teams").pluck().get()).toBeNull();
    const backup = await founder.send("/backup now");
    expect(backup).toHaveLength(1);
    expect(backup[0]!.text).toMatch(/\/backup with nothing after it/);
    expect((await founder.send("/questions all"))[0]!.text).toMatch(/\/questions with nothing after it/);
  });
});
