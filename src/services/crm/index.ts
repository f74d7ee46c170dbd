/** The CRM sync for the bot, the jobs and app.ts: one runner per start, never two syncs at once. */
import { readCrmSync } from "../../db/crm.js";
import type { CrmKind, CrmSyncState } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { createAmoCrmClient } from "./amocrm.js";
import { syncAmoCrm } from "./amocrm-sync.js";
import { createBitrix24Client } from "./bitrix24.js";
import { syncBitrix24 } from "./bitrix24-sync.js";
import type { SyncOutcome } from "./bitrix24-sync.js";
import type { CrmHttpOptions } from "./http.js";
import { noteSyncOutcome } from "./outage.js";
import type { Translator } from "../../shared/i18n.js";

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
  /** The sync running now, if any. */
  inFlight(): Promise<SyncOutcome> | null;
  /** Ends the running sync at its next row or request (what it stored stays) and starts no other. */
  stop(): Promise<void>;
  state(): CrmSyncState;
};

export type CrmSyncOptions = {
  db: Db;
  teamId: number;
  now: () => number;
  /** For the founders' alert when the CRM stays unreadable for an hour, and when it is back. */
  translator: Translator;
  onOutbox?: () => void;
  http?: Partial<CrmHttpOptions>;
};

function syncOf(source: CrmSource, options: CrmSyncOptions, signal: AbortSignal): () => Promise<SyncOutcome> {
  const { db, teamId, now } = options;
  const http = { ...options.http, signal };
  if (source.kind === "bitrix24") {
    const client = createBitrix24Client(source.webhookUrl, http);
    return () => syncBitrix24({ db, teamId, client, now, signal });
  }
  const client = createAmoCrmClient(source.baseUrl, source.token, http);
  return () => syncAmoCrm({ db, teamId, client, now, signal });
}

/** The runner for the configured CRM. */
export function createCrmSync(source: CrmSource, options: CrmSyncOptions): CrmSync {
  const stopping = new AbortController();
  const syncOnce = syncOf(source, options, stopping.signal);
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
      if (stopping.signal.aborted) return Promise.resolve({ ok: false, error: "stopped", stopped: true });
      running ??= syncOnce()
        .then((outcome) => {
          if (!outcome.ok && outcome.stopped) return outcome;
          const error = outcome.ok ? null : outcome.error;
          const { db, teamId, now, translator } = options;
          if (noteSyncOutcome(db, { teamId, crm: source.kind, ok: outcome.ok, error, now: now(), translator })) options.onOutbox?.();
          return outcome;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    inFlight: () => running,
    async stop() {
      stopping.abort();
      await running;
    },
    state,
  };
}
