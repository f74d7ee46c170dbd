import type { Api } from "grammy";
import type { Db } from "../db/open.js";
import { listMembers } from "../db/members.js";
import { getTeam } from "../db/teams.js";
import { createKvStore } from "../db/kv.js";
import type { Translator } from "../shared/i18n.js";
import type { Logger } from "../shared/logger.js";

export type StorageFault = "full" | "read-only";

/** The database refused a write because of the disk or the file, not because of the data. */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "SQLITE_FULL") return "full";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_CANTOPEN") return "read-only";
  return undefined;
}

export interface StorageAlarmDeps {
  db: Db;
  /** Sends directly: the outbox cannot queue anything while the database refuses writes. */
  api: Api;
  translator: Translator;
  logger: Logger;
  teamId: number;
}

/**
 * Remembers that the database refuses writes, tells the founders once per episode (directly, not through
 * the outbox), and notices when writes work again.
 */
export function createStorageAlarm(deps: StorageAlarmDeps) {
  let raised: StorageFault | undefined;
  const kv = createKvStore(deps.db);
  let notices: Promise<unknown> = Promise.resolve();

  function tellFounders(key: "storage-alarm-full" | "storage-alarm-read-only" | "storage-alarm-recovered"): void {
    const team = getTeam(deps.db, deps.teamId);
    const sends = listMembers(deps.db, deps.teamId, "founder").map((founder) => {
      const t = deps.translator.forLocale(founder.locale ?? team?.locale ?? "ru");
      return deps.api.sendMessage(founder.chatId ?? founder.userId, t(key)).catch((error: unknown) => deps.logger.warn({ err: error }, "could not tell a founder about the database"));
    });
    notices = Promise.all([notices, ...sends]);
  }

  return {
    get fault(): StorageFault | undefined {
      return raised;
    },
    /** Resolves when the founders' notices sent so far have been answered (or failed). */
    told(): Promise<unknown> {
      return notices;
    },
    /** A write failed with `error`; true when it was a storage fault (logged and, the first time, told). */
    raise(error: unknown): boolean {
      const fault = storageFaultOf(error);
      if (!fault) return false;
      if (raised === fault) return true;
      raised = fault;
      deps.logger.error({ err: error, fault }, "the database refuses writes");
      tellFounders(fault === "full" ? "storage-alarm-full" : "storage-alarm-read-only");
      return true;
    },
    /** While raised: one small real write; when it works, the alarm clears and the founders hear so. */
    probe(now: number): boolean {
      if (!raised) return true;
      try {
        kv.write("storage-probe", now, now);
      } catch (error) {
        if (storageFaultOf(error)) return false;
        throw error;
      }
      raised = undefined;
      deps.logger.info("the database takes writes again");
      tellFounders("storage-alarm-recovered");
      return true;
    },
  };
}

export type StorageAlarm = ReturnType<typeof createStorageAlarm>;
