/**
 * `npm run report -- plan --json [--period YYYY-MM] [--as-of YYYY-MM-DD]`: the plan figures of docs/figures.md
 * (src/services/plan/report.ts), registered in REPORTS of src/cli/report.ts.
 */
export { planReport, type PlanReportOptions } from "../services/plan/report.js";
