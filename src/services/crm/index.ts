/** The CRM sync for the bot, the jobs and app.ts: one runner per start, never two syncs at once. */
import { readCrmSync } from "../../db/crm.js";
import type { CrmKind, CrmSyncState } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { createBitrix24Client } from "./bitrix24.js";
import { syncBitrix24 } from "./bitrix24-sync.js";
import type { SyncOutcome } from "./bitrix24-sync.js";
import type { CrmHttpOptions } from "./http.js";

export type { SyncOutcome } from "./bitrix24-sync.js";
export type { CrmSyncState } from "../../db/crm.js";

/** The CRM settings the sync needs (the shape of config.crm). */
export type CrmSource =
  | { kind: "bitrix24"; webhookUrl: string; syncMinutes: number }
  | { kind: "amocrm"; baseUrl: string; token: string; syncMinutes: number };

export type CrmSync = {
  readonly kind: CrmKind;
  readonly syncMinutes: number;
  /** True when the last sync started `syncMinutes` or more ago, or never ran. */
  due(now: number): boolean;
  /** Runs a sync now; a call while one runs waits for that one. */
  run(): Promise<SyncOutcome>;
  state(): CrmSyncState;
};

export type CrmSyncOptions = { db: Db; teamId: number; now: () => number; http?: Partial<CrmHttpOptions> };

/** The runner for the configured CRM; null when the CRM has no sync yet (amoCRM, see docs/crm.md). */
export function createCrmSync(source: CrmSource, options: CrmSyncOptions): CrmSync | null {
  if (source.kind !== "bitrix24") return null;
  const client = createBitrix24Client(source.webhookUrl, options.http);
  let running: Promise<SyncOutcome> | null = null;
  const state = () => readCrmSync(options.db, options.teamId, source.kind);
  return {
    kind: source.kind,
    syncMinutes: source.syncMinutes,
    due(now) {
      const last = state().lastRunAt;
      return last === null || now - last >= source.syncMinutes * 60_000;
    },
    run() {
      running ??= syncBitrix24({ db: options.db, teamId: options.teamId, client, now: options.now }).finally(() => {
        running = null;
      });
      return running;
    },
    state,
  };
}
