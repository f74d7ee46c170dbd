import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { tokenOf } from "../helpers/invites.js";
import { buttonData, buttonStartingWith } from "../helpers/buttons.js";
import { removeMember } from "../../src/db/members.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/open.js";
import { migrate, readMigrations } from "../../src/db/migrate.js";
import { ensureTeam } from "../../src/db/teams.js";
import { TEAM_ID } from "../../src/app.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Markup = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
const labels = (message: { reply_markup?: unknown } | undefined) => ((message?.reply_markup as Markup)?.inline_keyboard ?? []).flat().map((b) => b.text);
const members = (harness: Harness) => harness.db.prepare("SELECT COUNT(*) FROM members WHERE status = 'active'").pluck().get() as number;

describe("removing a member", () => {
  it("/remove alone lists the members as buttons, and a member without a @username is removed by a press", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { username: "olga_founder", language_code: "en" });
    const ivan = await h.member("manager", { username: null, first_name: "Ivan", last_name: "Petrov", language_code: "en" });
    await h.member("lead", { username: "anna_lead", first_name: "Anna", language_code: "en" });
    const list = (await founder.send("/remove"))[0]!;
    expect(labels(list)).toEqual(["Ivan Petrov — sales manager", "Anna (@anna_lead) — head of sales"]);
    const removed = await founder.press(buttonStartingWith(list, `rm:${ivan.member()!.id}`), list);
    expect(removed.at(-1)!.text).toMatch(/Ivan Petrov is no longer in the team/);
    expect(ivan.member()).toBeUndefined();
    expect((await ivan.send("/tasks"))[0]!.text).toMatch(/invite/);
    // A second press on the same list changes nothing.
    expect((await founder.press(buttonStartingWith(list, `rm:`), list)).at(-1)!.text).toMatch(/no longer in the team/);
    expect(members(h)).toBe(2);
    console.log(`removal: /remove listed ${labels(list).length} members; one without a @username removed by id`);
  });

  it("refuses a name two members share and offers just those two, never guessing", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const first = await h.member("manager", { first_name: "Ivan", last_name: "Petrov", language_code: "en" });
    const second = await h.member("manager", { first_name: "Ivan", last_name: "Petrov", username: "ivan_two", language_code: "en" });
    const refused = (await founder.send("/remove Ivan Petrov"))[0]!;
    expect(refused.text).toMatch(/2 members are called “Ivan Petrov”: nobody was removed/);
    expect(buttonData(refused)).toEqual([`rm:${first.member()!.id}`, `rm:${second.member()!.id}`]);
    expect(members(h)).toBe(3);
    expect((await founder.send("/remove Ivan"))[0]!.text).toMatch(/nobody was removed/);
    expect(members(h)).toBe(3);
  });

  it("gives a @username to whoever showed it last: /assign never goes to its old holder", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const lead = await h.member("lead", { language_code: "en" });
    // The old @ivan has since given up the name in Telegram, but has not written to the bot.
    const oldIvan = await h.member("manager", { username: "ivan", first_name: "Old", language_code: "en" });
    const token = tokenOf((await founder.send("/invite manager"))[0]!.text);
    const newIvan = h.stranger({ username: "ivan", first_name: "New", language_code: "en" });
    await newIvan.send(`/start ${token}`);
    expect(oldIvan.member()!.username).toBeNull();
    expect((await lead.send("/assign @ivan Call Romashka"))[0]!.text).toMatch(/#1 assigned to New \(@ivan\)/);
    expect(h.db.prepare("SELECT assignee_id FROM tasks WHERE id = 1").pluck().get()).toBe(newIvan.member()!.id);
    // A member who takes a name someone else still holds takes it the moment the bot sees it.
    const boris = await h.member("manager", { username: "boris", first_name: "Boris", language_code: "en" });
    await h.userFor({ ...boris.user, username: "ivan" }).send("/tasks");
    expect(newIvan.member()!.username).toBeNull();
    expect((await lead.send("/assign @ivan Call Vector"))[0]!.text).toMatch(/#2 assigned to Boris \(@ivan\)/);
    expect(h.db.prepare("SELECT assignee_id FROM tasks WHERE id = 2").pluck().get()).toBe(boris.member()!.id);
    expect(h.db.prepare("SELECT COUNT(*) FROM members WHERE username = 'ivan'").pluck().get()).toBe(1);
    console.log("removal: @ivan went to its newest holder twice; 1 member holds it");
  });
});

describe("a @username two members held before", () => {
  it("is cleared from both by the migration, so /assign refuses it until its holder writes again", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "scb-usernames-")), "bot.sqlite");
    const db = openDatabase(dbPath);
    migrate(db, readMigrations().filter((migration) => migration.version <= 14), 0);
    ensureTeam(db, TEAM_ID, { timezone: "Europe/Moscow", locale: "en" }, 0);
    const insert = db.prepare("INSERT INTO members (team_id, user_id, username, first_name, role, chat_id, joined_at) VALUES (?, ?, ?, ?, ?, ?, 0)");
    insert.run(TEAM_ID, 501, "ivan", "Old", "manager", 501);
    insert.run(TEAM_ID, 502, "ivan", "New", "manager", 502);
    insert.run(TEAM_ID, 503, "anna_lead", "Anna", "lead", 503);
    db.close();
    h = await startHarness({ dbPath });
    expect(h.db.prepare("SELECT COUNT(*) FROM members WHERE username = 'ivan'").pluck().get()).toBe(0);
    const lead = h.userFor({ id: 503, is_bot: false, first_name: "Anna", username: "anna_lead", language_code: "en" });
    expect((await lead.send("/assign @ivan Call Romashka"))[0]!.text).toMatch(/no member @ivan/);
    expect(h.db.prepare("SELECT COUNT(*) FROM tasks").pluck().get()).toBe(0);
    await h.userFor({ id: 502, is_bot: false, first_name: "New", username: "ivan", language_code: "en" }).send("/tasks");
    await lead.send("/assign @ivan Call Romashka");
    expect(h.db.prepare("SELECT assignee_id FROM tasks WHERE id = 1").pluck().get()).toBe(h.db.prepare("SELECT id FROM members WHERE user_id = 502").pluck().get());
  });
});

describe("invites and their creator", () => {
  it("cancels a removed lead's unused links, and none of them admits anyone, the lead included", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna", language_code: "en" });
    const links = [tokenOf((await lead.send("/invite manager"))[0]!.text), tokenOf((await lead.send("/invite manager"))[0]!.text)];
    const removed = await founder.send("/remove @anna_lead");
    expect(removed[0]!.text).toMatch(/Unused invite links made by Anna \(@anna_lead\) cancelled: 2/);
    for (const link of links) {
      expect((await lead.send(`/start ${link}`))[0]!.text).toMatch(/no longer works/);
      const stranger = h.stranger({ language_code: "en" });
      expect((await stranger.send(`/start ${link}`))[0]!.text).toMatch(/no longer works/);
      expect(stranger.member()).toBeUndefined();
    }
    expect(lead.member()).toBeUndefined();
    console.log(`invites: ${links.length} links of a removed lead tried by 3 people, 0 admitted`);
  });

  it("honours a link only while its creator is active, and tells every founder of each join", async () => {
    h = await startHarness();
    const olga = await h.member("founder", { language_code: "en" });
    const petr = await h.member("founder", { language_code: "en" });
    const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna", language_code: "en" });
    for (const person of [olga, petr, lead]) await person.send("/start"); // each founder's language becomes known
    const first = tokenOf((await lead.send("/invite manager"))[0]!.text);
    const second = tokenOf((await lead.send("/invite manager"))[0]!.text);
    const ivan = h.stranger({ username: "ivan", first_name: "Ivan", last_name: "Sidorov", language_code: "en" });
    await ivan.send(`/start ${first}`);
    for (const told of [olga, petr]) expect(told.last()!.text).toBe("Ivan Sidorov (@ivan) accepted the invite: sales manager. (link from Anna (@anna_lead))");
    expect(lead.last()!.text).toBe("Ivan Sidorov (@ivan) accepted the invite: sales manager.");
    // The lead leaves the team some other way than /remove (their links are not cancelled): the link still dies.
    removeMember(h.db, lead.member()!.id, h.clock.now());
    const late = h.stranger({ language_code: "en" });
    expect((await late.send(`/start ${second}`))[0]!.text).toMatch(/no longer works/);
    expect(late.member()).toBeUndefined();
  });

  it("/invites lists the unused links with [Cancel]; a cancelled link admits nobody; a lead sees and cancels only their own", async () => {
    h = await startHarness({ now: "2026-11-02T07:00:00Z" });
    const founder = await h.member("founder", { language_code: "en" });
    const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna", language_code: "en" });
    const founderLink = tokenOf((await founder.send("/invite lead"))[0]!.text);
    const leadLink = tokenOf((await lead.send("/invite manager"))[0]!.text);
    const used = tokenOf((await lead.send("/invite manager"))[0]!.text);
    await h.stranger({ language_code: "en" }).send(`/start ${used}`);
    const list = (await founder.send("/invites"))[0]!;
    expect(list.text).toMatch(/^Unused invite links: 2\./);
    expect(list.text).toMatch(/#\d+: head of sales, made by \S+, valid until 09\.11\.2026 10:00/);
    expect(list.text).toMatch(/#\d+: sales manager, made by Anna \(@anna_lead\)/);
    expect(labels(list)).toHaveLength(2);
    const leadList = (await lead.send("/invites"))[0]!;
    expect(labels(leadList)).toHaveLength(1);
    // The founder's link is not the lead's to cancel, even with a forged button.
    const founderInvite = buttonData(list)[0]!;
    expect((await lead.press(founderInvite, leadList)).at(-1)!.text).toMatch(/not yours/);
    expect((await lead.press(buttonData(leadList)[0]!, leadList)).at(-1)!.text).toMatch(/cancelled: the link no longer works/);
    expect((await founder.press(founderInvite, list)).at(-1)!.text).toMatch(/cancelled/);
    for (const link of [founderLink, leadLink]) {
      const stranger = h.stranger({ language_code: "en" });
      expect((await stranger.send(`/start ${link}`))[0]!.text).toMatch(/no longer works/);
      expect(stranger.member()).toBeUndefined();
    }
    expect((await founder.send("/invites"))[0]!.text).toMatch(/No unused invite links/);
    expect((await (await h.member("manager", { language_code: "en" })).send("/invites"))[0]!.text).toMatch(/not available/);
  });
});
