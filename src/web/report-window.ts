/** `period` and `asOf` of a figure request: the same defaults and refusals as `npm run report`. */
import { isValidDate } from "../domain/calendar.js";
import { parsePeriod, resolveReportWindow } from "../domain/period.js";
import { resolveAsOf } from "../services/leads/burn-report.js";
import { ApiRefusal } from "./api-types.js";

export type ReportWindow = { period: string; asOf: string };

/** The period and the as-of day asked for, resolved as the reports resolve them; 400 bad_period when refused. */
export function reportWindowOf(query: URLSearchParams, today: string): ReportWindow {
  const periodText = query.get("period");
  const asOfText = query.get("asOf");
  const period = periodText === null ? undefined : parsePeriod(periodText);
  if (period === null || (asOfText !== null && !isValidDate(asOfText))) throw new ApiRefusal(400, "bad_period");
  const window = resolveReportWindow({ period, asOf: asOfText ?? undefined }, today);
  if ("error" in window) throw new ApiRefusal(400, "bad_period");
  return { period: window.period, asOf: resolveAsOf(window.period, today, window.asOf) };
}
