/** /lead: a company's card — who it is, its state now and its latest history. */
import { companyStateAt } from "../../domain/company-state.js";
import type { CompanyState } from "../../domain/company-state.js";
import { readBurnSettings } from "../../db/burn-counters.js";
import { getCompany } from "../../db/companies.js";
import type { Company } from "../../db/companies.js";
import { companyHistory, companyStateEvents } from "../../db/company-events.js";
import type { CompanyEventRecord } from "../../db/company-events.js";
import type { Db } from "../../db/open.js";
import { getSegment } from "../../db/segments.js";

export type CompanyCard = {
  company: Company;
  segmentName: string;
  /** computed from the events at `now` (no write needed) */
  state: CompanyState;
  /** newest first */
  history: CompanyEventRecord[];
};

/** The card of the team's company `companyId` at `now`, or undefined when it is not the team's. */
export function companyCard(db: Db, teamId: number, companyId: number, now: number, historyLimit = 20): CompanyCard | undefined {
  const company = getCompany(db, teamId, companyId);
  if (!company) return undefined;
  const settings = readBurnSettings(db, teamId);
  return {
    company,
    segmentName: getSegment(db, teamId, company.segmentId)?.name ?? "",
    state: companyStateAt(companyStateEvents(db, company.id), now, settings),
    history: companyHistory(db, company.id, historyLimit),
  };
}
