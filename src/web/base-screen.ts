/** /api/base and /api/base/cooling: the burn report, its weeks, and a segment's cooling companies. */
import { burnWeeks } from "../domain/dashboard.js";
import { listSegments } from "../db/segments.js";
import { burnReportJson } from "../reports/burn-report.js";
import { loadBurnReport, loadCoolingCompanies } from "../services/leads/burn-report.js";
import { ApiRefusal, type ApiRequest } from "./api-types.js";
import { reportWindowOf } from "./report-window.js";

export function baseScreen({ deps, team, now, today, query }: ApiRequest): object {
  const window = reportWindowOf(query, today);
  const report = loadBurnReport(deps.db, team.id, { ...window, now });
  return { burn: burnReportJson(report.figures), threshold: team.burnThreshold, weeks: burnWeeks(report.weekly) };
}

export function coolingScreen({ deps, team, now, query }: ApiRequest): object {
  const name = query.get("segment");
  const segment = listSegments(deps.db, team.id).find((s) => s.name === name);
  if (!segment) throw new ApiRefusal(404, "not_found");
  return { segment: segment.name, companies: loadCoolingCompanies(deps.db, team.id, segment.id, now) };
}
