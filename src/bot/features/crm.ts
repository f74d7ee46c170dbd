import { localDate, localTime } from "../../domain/calendar.js";
import { formatDay } from "../../shared/format.js";
import { defineCommand, type Feature, type MemberCommandContext } from "../feature.js";
import { crmLinkCommand } from "./crm-link.js";

const CRM_NAMES = { bitrix24: "Bitrix24", amocrm: "amoCRM" } as const;

function moment(ctx: MemberCommandContext, at: number | null): string {
  if (at === null) return ctx.t("crm-never");
  return `${formatDay(localDate(at, ctx.team.timezone))} ${localTime(at, ctx.team.timezone)}`;
}

/** /sync (founder): reads the CRM now and says what it found. */
async function syncNow(ctx: MemberCommandContext, text: string): Promise<unknown> {
  if (text) return ctx.reply(ctx.t("sync-usage"));
  const sync = ctx.deps.crmSync;
  if (!sync) return ctx.reply(ctx.t("crm-not-set"));
  await ctx.reply(ctx.t("sync-started", { crm: CRM_NAMES[sync.kind] }));
  const outcome = await sync.run();
  if (!outcome.ok) return ctx.reply(ctx.t("sync-failed", { crm: CRM_NAMES[sync.kind], error: outcome.error }));
  return ctx.reply(ctx.t("sync-done", { crm: CRM_NAMES[sync.kind], rows: outcome.rowsRead, records: outcome.recordsWritten }));
}

/** /crm (founder): the sync's state — when it last ran and succeeded, what it read, its errors. */
async function crmState(ctx: MemberCommandContext, text: string): Promise<unknown> {
  if (text) return ctx.reply(ctx.t("crm-usage"));
  const sync = ctx.deps.crmSync;
  if (!sync) return ctx.reply(ctx.t("crm-not-set"));
  const state = sync.state();
  return ctx.reply(
    ctx.t("crm-state", {
      crm: CRM_NAMES[sync.kind],
      minutes: sync.syncMinutes,
      lastRun: moment(ctx, state.lastRunAt),
      lastOk: moment(ctx, state.lastOkAt),
      rows: state.rowsRead,
      records: state.recordsWritten,
      errors: state.errors,
      lastError: state.lastError ?? "—",
    }),
  );
}

export const crmFeature: Feature = {
  name: "crm",
  commands: [
    defineCommand({ command: "sync", roles: ["founder"], description: "cmd-sync", chats: "private", handler: syncNow }),
    defineCommand({ command: "crm", roles: ["founder"], description: "cmd-crm", chats: "private", handler: crmState }),
    crmLinkCommand,
  ],
};
