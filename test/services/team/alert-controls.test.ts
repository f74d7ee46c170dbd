import { describe, expect, it } from "vitest";
import { listOpenConditions } from "../../../src/db/alert-conditions.js";
import { checkPlanAlerts } from "../../../src/services/plan/plan-alerts.js";
import { kindStates, muteAlertKind, switchAlertKind } from "../../../src/services/team/alert-controls.js";
import { msk, seedNovember, TEAM_ID } from "../../reports/plan-fixtures.js";
import { loadWeeklySummary } from "../../../src/services/plan/weekly-summary.js";
import { getTeam } from "../../../src/db/teams.js";
import { createTranslator } from "../../../src/shared/i18n.js";

const noBurn = () => null;
const outboxCount = (db: ReturnType<typeof seedNovember>["db"]) => (db.prepare("SELECT COUNT(*) AS n FROM outbox").get() as { n: number }).n;

describe("alert kinds turned off or muted", () => {
  it("a kind turned off is still followed but says nothing, and turning it on does not replay its start", () => {
    const { db } = seedNovember();
    switchAlertKind(db, TEAM_ID, "plan-behind", false);
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-13", "15:00"), { burnRate: noBurn })).toEqual([]);
    expect(listOpenConditions(db, TEAM_ID).map((c) => c.kind)).toEqual(["plan-behind"]);
    expect(outboxCount(db)).toBe(0);
    switchAlertKind(db, TEAM_ID, "plan-behind", true);
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-16", "15:00"), { burnRate: noBurn })).toEqual([]);
    expect(outboxCount(db)).toBe(0);
  });

  it("a week's mute silences the kind until it runs out, then the kind speaks again", () => {
    const { db } = seedNovember();
    const until = muteAlertKind(db, TEAM_ID, "plan-behind", msk("2026-11-06", "15:00"));
    expect(kindStates(db, TEAM_ID, msk("2026-11-12", "15:00")).find((s) => s.kind === "plan-behind")).toEqual({ kind: "plan-behind", on: true, mutedUntil: until });
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-12", "15:00"), { burnRate: noBurn })).not.toContain("plan-behind");
    expect(listOpenConditions(db, TEAM_ID).map((c) => c.kind)).toContain("plan-behind");
    expect(kindStates(db, TEAM_ID, msk("2026-11-13", "15:00")).find((s) => s.kind === "plan-behind")).toEqual({ kind: "plan-behind", on: true, mutedUntil: null });
  });

  it("the weekly summary leaves out the open conditions of a kind turned off or muted", () => {
    const { db } = seedNovember();
    checkPlanAlerts(db, TEAM_ID, msk("2026-11-13", "15:00"), { burnRate: noBurn });
    const t = createTranslator().forLocale("ru");
    const kindsIn = (now: number) => loadWeeklySummary(db, getTeam(db, TEAM_ID)!, now).open(t).map((line) => line.kind);
    expect(kindsIn(msk("2026-11-16", "10:00"))).toContain("plan-behind");
    switchAlertKind(db, TEAM_ID, "plan-behind", false);
    expect(kindsIn(msk("2026-11-16", "10:00"))).not.toContain("plan-behind");
    switchAlertKind(db, TEAM_ID, "plan-behind", true);
    expect(kindsIn(msk("2026-11-16", "11:00"))).toContain("plan-behind");
    muteAlertKind(db, TEAM_ID, "plan-behind", msk("2026-11-16", "11:00"));
    expect(kindsIn(msk("2026-11-16", "12:00"))).not.toContain("plan-behind");
  });
});
