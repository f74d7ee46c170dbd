/** Calls to the server's /api; every call carries the launch data as `Authorization: tma <raw>`. */
import type { Base, Cooling, Me, Month, Tasks, Team, WhatIf } from "./contract.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

/** The month and day the figures are asked for; both optional, the server picks the current ones. */
export type ReportWindow = { period?: string; asOf?: string };

export type Api = {
  me(): Promise<Me>;
  month(reportWindow: ReportWindow): Promise<Month>;
  base(reportWindow: ReportWindow): Promise<Base>;
  cooling(segment: string, reportWindow: ReportWindow): Promise<Cooling>;
  team(reportWindow: ReportWindow): Promise<Team>;
  tasks(memberId: number, reportWindow: ReportWindow): Promise<Tasks>;
  whatIf(input: { averageCheck?: number; conversion?: number }, reportWindow: ReportWindow): Promise<WhatIf>;
};

function query(params: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return pairs.length ? `?${new URLSearchParams(pairs.map(([key, value]) => [key, String(value)])).toString()}` : "";
}

/** The API at `/api` of the page's own host. */
export function createApi(initData: string | undefined): Api {
  async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
    const headers: Record<string, string> = initData ? { Authorization: `tma ${initData}` } : {};
    const response = await fetch(`/api/${path}${query(params)}`, { headers });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new ApiError(response.status, body.error ?? "failed");
    }
    return (await response.json()) as T;
  }
  return {
    me: () => get("me"),
    month: (reportWindow) => get("month", reportWindow),
    base: (reportWindow) => get("base", reportWindow),
    cooling: (segment, reportWindow) => get("base/cooling", { segment, ...reportWindow }),
    team: (reportWindow) => get("team", reportWindow),
    tasks: (memberId, reportWindow) => get(`team/${memberId}/tasks`, reportWindow),
    whatIf: (input, reportWindow) => get("whatif", { ...input, ...reportWindow }),
  };
}
