/** The handling window counts working days: a refusal is worked out by the end of its N-th working day after. */
import { afterEach, describe, expect, it } from "vitest";
import { TEAM_ID } from "../../src/app.js";
import { burnReport } from "../../src/cli/report.js";
import { baseTeam, companyRow, loadBase, said, type BaseTeam } from "./base-fixture.js";

let team: BaseTeam | undefined;
afterEach(async () => {
  await team?.h.stop();
  team = undefined;
});

/** The JSON report's burned and handled for October as of the clock's day. */
function burnedNow(t: BaseTeam): object {
  const json = burnReport(t.h.db, TEAM_ID, { json: true, period: "2026-10", now: t.h.clock.now() }) as { burned: number; refused: number; handled: number };
  return { refused: json.refused, handled: json.handled, burned: json.burned };
}

function windowEndOf(t: BaseTeam, company: string): number {
  return t.h.db
    .prepare("SELECT e.window_end_at FROM company_events e JOIN companies c ON c.id = e.company_id WHERE c.name = ? AND e.kind = 'refusal'")
    .pluck()
    .get(company) as number;
}

describe("the handling window in working days", () => {
  it("a refusal logged on Friday afternoon is not burned on Monday and is burned after Tuesday (2 working days)", async () => {
    team = await baseTeam("2026-10-09T13:00:00Z"); // Friday 16:00 in Moscow
    const t = team;
    await loadBase(t);
    const [refused] = await t.ivan.send("/refusal ООО Ромашка; цена");
    expect(said(refused)).toContain("Отработайте его до конца дня вт 13.10.2026 (/handled ООО Ромашка)");

    // Monday evening: the weekend did not count, the company is still open and may be worked.
    t.h.clock.set("2026-10-12T15:00:00Z");
    await t.h.runJobs();
    expect(companyRow(t.h, "ООО Ромашка").status).toBe("active");
    expect(burnedNow(t)).toEqual({ refused: 1, handled: 0, burned: 0 });
    expect(said((await t.lead.send("/lead ООО Ромашка"))[0])).toContain("Открытый отказ: отработать до конца дня вт 13.10.2026");

    // Tuesday 23:59: still the last working day of the window.
    t.h.clock.set("2026-10-13T20:59:00Z");
    await t.h.runJobs();
    expect(companyRow(t.h, "ООО Ромашка").status).toBe("active");
    expect(burnedNow(t)).toEqual({ refused: 1, handled: 0, burned: 0 });

    // Wednesday morning: the window closed at midnight unhandled — burned, and a touch is refused.
    t.h.clock.set("2026-10-14T07:00:00Z");
    await t.h.runJobs();
    expect(companyRow(t.h, "ООО Ромашка")).toMatchObject({ status: "cooling", cooling_until_day: "2027-01-07" });
    expect(burnedNow(t)).toEqual({ refused: 1, handled: 0, burned: 1 });
    expect(said((await t.ivan.send("/touch ООО Ромашка"))[0])).toContain("⛔ Не записано: касание по «ООО Ромашка». Компания остывает");
  });

  it("changing the window affects only refusals logged after the change", async () => {
    team = await baseTeam(); // Monday 5 October, 10:00
    const t = team;
    await loadBase(t);
    expect(said((await t.ivan.send("/refusal ООО Василёк; цена"))[0])).toContain("Отработайте его до конца дня ср 07.10.2026");
    const before = windowEndOf(t, "ООО Василёк");

    expect(said((await t.founder.send("/settings handling_days 1"))[0])).toBe(
      "Сохранено. Окно отработки отказа: 1 раб. дн. после дня отказа. У уже записанных отказов срок не меняется.",
    );
    expect(said((await t.ivan.send("/refusal ООО Мак; цена"))[0])).toContain("Отработайте его до конца дня вт 06.10.2026");
    expect(windowEndOf(t, "ООО Василёк")).toBe(before);

    // Wednesday: the refusal logged after the change burned with Tuesday; the one before it is still open.
    t.h.clock.set("2026-10-07T07:00:00Z");
    await t.h.runJobs();
    expect(companyRow(t.h, "ООО Мак").status).toBe("cooling");
    expect(companyRow(t.h, "ООО Василёк").status).toBe("active");
    expect(said((await t.ivan.send("/handled ООО Василёк"))[0])).toBe("Отказ по «ООО Василёк» отработан. Компания не выгорит.");
  });
});
