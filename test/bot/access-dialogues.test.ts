/**
 * Open dialogues, buttons and pending picks keep no old rights: each answer is checked against the person's
 * role at that moment, and removing a member deletes what they left open.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { tokenOf } from "../helpers/invites.js";
import { groupChat } from "../helpers/updates.js";
import { TEAM_ID } from "../../src/app.js";
import { FEATURES } from "../../src/bot/features/index.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const handlingDays = (harness: Harness) => harness.db.prepare("SELECT handling_days FROM teams WHERE id = ?").pluck().get(TEAM_ID) as number;
const openState = (harness: Harness, user: TestUser) => harness.db.prepare("SELECT COUNT(*) FROM kv WHERE key LIKE ?").pluck().get(`%:${user.id}`) as number;

/** The founder's settings menu, with the handling window's typed-value prompt open (a dialogue). */
async function openWindowPrompt(founder: TestUser): Promise<void> {
  const menu = (await founder.send("/settings"))[0]!;
  await founder.press("set:open:window", menu.message);
  await founder.press("set:type:window", menu.message);
}

describe("dialogues keep no old rights", () => {
  it("every feature declares who may answer each of its dialogues (an undeclared one is closed for everyone)", () => {
    for (const feature of FEATURES) {
      const declared = Object.entries(feature.dialogueRoles ?? {});
      expect(declared.length, `${feature.name}: dialogueRoles for each of its conversations`).toBe(feature.conversations?.length ?? 0);
      for (const [name, roles] of declared) expect(roles.length, `${feature.name}/${name}`).toBeGreaterThan(0);
    }
  });

  it("a founder removed with the settings prompt open, back as a lead, cannot answer it", async () => {
    h = await startHarness();
    const olga = await h.member("founder", { username: "olga_founder", language_code: "en" });
    const petr = await h.member("founder", { language_code: "en" });
    await openWindowPrompt(olga);
    expect(openState(h, olga)).toBe(1);
    const before = handlingDays(h);
    await petr.send("/remove @olga_founder");
    expect(openState(h, olga)).toBe(0);
    const link = tokenOf((await petr.send("/invite lead"))[0]!.text);
    await olga.send(`/start ${link}`);
    expect(olga.member()?.role).toBe("lead");
    const answer = await olga.send("9");
    expect(answer.map((reply) => reply.text).join("\n")).not.toMatch(/Saved/);
    expect(handlingDays(h)).toBe(before);
    console.log("dialogues: removed founder back as lead answered the old settings prompt: nothing written");
  });

  it("a founder demoted mid-dialogue gets the dialogue closed, and nothing is written", async () => {
    h = await startHarness();
    const olga = await h.member("founder", { language_code: "en" });
    await h.member("founder", { language_code: "en" });
    await openWindowPrompt(olga);
    const before = handlingDays(h);
    h.db.prepare("UPDATE members SET role = 'lead' WHERE id = ?").run(olga.member()!.id);
    const answer = await olga.send("9");
    expect(answer[0]!.text).toMatch(/Your role in the team has changed/);
    expect(handlingDays(h)).toBe(before);
    expect(openState(h, olga)).toBe(0);
    // Promoted back, the founder opens the prompt again and it works.
    h.db.prepare("UPDATE members SET role = 'founder' WHERE id = ?").run(olga.member()!.id);
    await openWindowPrompt(olga);
    expect((await olga.send("9")).map((reply) => reply.text).join("\n")).toMatch(/Saved/);
    expect(handlingDays(h)).toBe(9);
  });

  it("removing a manager deletes their open question dialogue: re-invited, their next text asks nothing", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    await h.member("lead", { language_code: "en" });
    const ivan = await h.member("manager", { username: "ivan_sales", language_code: "en" });
    expect((await ivan.send("/ask"))[0]!.text).toMatch(/Type your question/);
    await founder.send("/remove @ivan_sales");
    expect(openState(h, ivan)).toBe(0);
    await ivan.send(`/start ${tokenOf((await founder.send("/invite manager"))[0]!.text)}`);
    await ivan.send("Can I give 20% off?");
    expect(h.db.prepare("SELECT COUNT(*) FROM questions").pluck().get()).toBe(0);
  });

  it("removing a member deletes their pending picks: a company choice and a deal waiting for [Yes, save it]", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const ivan = await h.member("manager", { username: "ivan_sales", language_code: "en" });
    const kv = h.db.prepare("INSERT INTO kv (key, value, updated_at) VALUES (?, ?, 0)");
    kv.run(`base-pick:${TEAM_ID}:${ivan.id}`, JSON.stringify({ nonce: "x", action: { cmd: "deal" }, typed: "Romashka" }));
    kv.run(`entry-confirm:${TEAM_ID}:${ivan.member()!.id}`, JSON.stringify({ kind: "deal", companyId: 1, amountKopecks: 1, nonce: "y", at: 0 }));
    await founder.send("/remove @ivan_sales");
    expect(h.db.prepare("SELECT COUNT(*) FROM kv WHERE key LIKE 'base-pick:%' OR key LIKE 'entry-confirm:%'").pluck().get()).toBe(0);
  });
});

describe("buttons are checked by chat like commands", () => {
  it("refuses a private button pressed in a group, and lets /lang's button work there", async () => {
    h = await startHarness();
    const lead = await h.member("lead", { language_code: "en" });
    const ivan = await h.member("manager", { username: "ivan_sales", language_code: "en" });
    await lead.send("/assign @ivan_sales Call Romashka");
    const group = groupChat(-100_555);
    const card = await ivan.press("task:show:1", { message_id: 1, date: 0, chat: group } as never);
    expect(card).toHaveLength(0);
    expect(card.answer).toMatch(/private chat/);
    const lang = await ivan.press("lang:ru", { message_id: 2, date: 0, chat: group } as never);
    expect(lang.answer ?? "").not.toMatch(/private chat/);
  });
});
