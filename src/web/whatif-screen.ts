/**
 * /api/whatif (founder): the clients and touches the rest of the month needs at an average check and a
 * conversion the founder moves, and the weeks of fresh base that leaves in each segment (computeWhatIf).
 */
import { addDays, zonedInstant } from "../domain/calendar.js";
import { actualWhatIfDefaults, computeWhatIf } from "../domain/dashboard.js";
import { kopecksToRoubles, roublesToKopecks } from "../domain/money.js";
import { periodBounds } from "../domain/period.js";
import { countFirstContactsBySegment } from "../db/companies.js";
import { countMemberActivity } from "../db/company-events.js";
import { listSegments } from "../db/segments.js";
import { roundTo } from "../shared/format.js";
import { loadBurnReport } from "../services/leads/burn-report.js";
import { loadPlanReport } from "../services/plan/report.js";
import { ApiRefusal, type ApiRequest } from "./api-types.js";
import { reportWindowOf } from "./report-window.js";

/** A number typed into the query: absent → undefined; present but not a finite number → 400. */
function numberParam(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  const value = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new ApiRefusal(400, "bad_input");
  return value;
}

export function whatIfScreen({ deps, team, now, today, query }: ApiRequest): object {
  const window = reportWindowOf(query, today);
  const { figures } = loadPlanReport(deps.db, team.id, { ...window, now });
  const burn = loadBurnReport(deps.db, team.id, { ...window, now }).figures;
  const from = periodBounds(window.period).from;
  const touches = countMemberActivity(deps.db, team.id, from, window.asOf).reduce((sum, a) => sum + a.touches, 0);
  const actual = actualWhatIfDefaults(figures.revenueKopecks, figures.wonClients, touches);
  const defaults = { averageCheckKopecks: actual.averageCheckKopecks ?? figures.avgCheckKopecks, conversion: actual.conversion };

  const typedCheck = numberParam(query, "averageCheck");
  const averageCheckKopecks = typedCheck === undefined ? defaults.averageCheckKopecks : roublesToKopecks(typedCheck);
  const conversion = numberParam(query, "conversion") ?? defaults.conversion;
  // Nothing to default to (no deal or touch yet this month) is the same refusal as a bad number.
  if (averageCheckKopecks === null || !(averageCheckKopecks > 0) || conversion === null || !(conversion > 0 && conversion <= 1)) {
    throw new ApiRefusal(400, "bad_input");
  }

  const firstContacts = countFirstContactsBySegment(
    deps.db,
    team.id,
    zonedInstant(from, "00:00", team.timezone).getTime(),
    zonedInstant(addDays(window.asOf, 1), "00:00", team.timezone).getTime(),
  );
  const segmentIds = new Map(listSegments(deps.db, team.id).map((s) => [s.name, s.id]));
  const result = computeWhatIf({
    averageCheckKopecks,
    conversion,
    planRevenueKopecks: figures.planRevenueKopecks,
    revenueKopecks: figures.revenueKopecks,
    remainingWorkingDays: figures.remainingWorkingDays,
    workingDaysPerWeek: Math.max(1, team.workingDays.length),
    segments: burn.segments.map((s) => ({ name: s.name, fresh: s.fresh, newContacts: firstContacts.get(segmentIds.get(s.name) ?? -1) ?? 0 })),
  });
  return {
    averageCheck: kopecksToRoubles(averageCheckKopecks),
    conversion,
    defaults: {
      averageCheck: defaults.averageCheckKopecks === null ? null : kopecksToRoubles(defaults.averageCheckKopecks),
      conversion: defaults.conversion === null ? null : roundTo(defaults.conversion, 4),
    },
    remainingRevenue: kopecksToRoubles(result.remainingRevenueKopecks),
    remainingWorkingDays: result.remainingWorkingDays,
    clientsNeeded: result.clientsNeeded,
    clientsPerDay: roundTo(result.clientsPerDay, 2),
    touchesPerDay: roundTo(result.touchesPerDay, 2),
    segments: result.segments.map((s) => ({ ...s, weeksOfFreshBase: s.weeksOfFreshBase === null ? null : roundTo(s.weeksOfFreshBase, 1) })),
  };
}
