/** Check-ups follow the team's production calendar end to end: public holidays off, the founder's extra days on. */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const PROMPT = /Ежедневная сверка/;

async function team(now: string): Promise<{ founder: TestUser; ivan: TestUser }> {
  h = await startHarness({ now });
  const founder = await h.member("founder", { username: "olga_founder", first_name: "Olga" });
  await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const ivan = await h.member("manager", { username: "ivan_sales" });
  return { founder, ivan };
}

/** Moves the clock to 10:00 Moscow (07:00Z) of `day`, runs one scheduler tick, and counts Ivan's prompts. */
async function promptsAfterTick(ivan: TestUser, day: string): Promise<number> {
  h.clock.set(`${day}T07:00:00Z`);
  await h.runJobs();
  return ivan.messages().filter((m) => PROMPT.test(m.text ?? "")).length;
}

describe("check-ups in the production calendar", () => {
  it("sends no check-up on Monday 5 January 2026 (New Year holidays) and the first one on 12 January", async () => {
    const { ivan } = await team("2026-01-05T06:00:00Z");
    expect(await promptsAfterTick(ivan, "2026-01-05")).toBe(0);
    expect(await promptsAfterTick(ivan, "2026-01-09")).toBe(0);
    expect(await promptsAfterTick(ivan, "2026-01-12")).toBe(1);
  });

  it("/settings workdays add makes a Saturday a working day with a check-up", async () => {
    const { founder, ivan } = await team("2026-11-06T06:00:00Z");
    const [saved] = await founder.send("/settings workdays add 07.11");
    expect(saved?.text).toBe("Сохранено. Дополнительные рабочие дни: 07.11.2026.");
    expect(await promptsAfterTick(ivan, "2026-11-06")).toBe(1);
    expect(await promptsAfterTick(ivan, "2026-11-07")).toBe(2);
    // Sunday stays a day off.
    expect(await promptsAfterTick(ivan, "2026-11-08")).toBe(2);
  });

  it("/settings country switches a team off the Russian holidays", async () => {
    const { founder, ivan } = await team("2026-11-03T06:00:00Z");
    expect(await promptsAfterTick(ivan, "2026-11-04")).toBe(0);
    const [saved] = await founder.send("/settings country KZ");
    expect(saved?.text).toBe("Сохранено. Календарь: KZ: только выходные и ваши праздники.");
    h.clock.set("2026-11-04T08:00:00Z");
    await h.runJobs();
    expect(ivan.messages().filter((m) => PROMPT.test(m.text ?? ""))).toHaveLength(1);
  });
});
