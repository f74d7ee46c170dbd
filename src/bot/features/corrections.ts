/**
 * Corrections: /undo (the sender's own last record of the last 24 hours, after a confirm that names it), /deals and
 * /expenses [YYYY-MM] (the lead and the founder pick a record to delete or correct — amount, company, day within
 * its month), the same buttons on a company's card (/lead), and the confirmation of a deal or an expense that looked
 * like a slip. The writes are src/services/corrections; the author hears when someone else corrected their record.
 */
import type { InlineKeyboardButton } from "grammy/types";
import {
  amendRecord,
  mayUndo,
  recordSummary,
  takeBackCompany,
  undoableRecord,
  voidRecord,
  type Amendment,
  type CorrectableRecord,
  type CorrectionHooks,
  type CorrectionResult,
  type UndoTarget,
} from "../../services/corrections/index.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { formatDay, formatMonth, memberName } from "../../shared/format.js";
import type { CorrectedRecord } from "../../db/corrections.js";
import { listDealsBetween } from "../../db/corrections.js";
import { listExpenses } from "../../db/expenses.js";
import { createKvStore } from "../../db/kv.js";
import { getMember } from "../../db/members.js";
import { enqueue } from "../../db/outbox.js";
import { getCompany } from "../../db/companies.js";
import { localDate } from "../../domain/calendar.js";
import { parseAmount } from "../../domain/money.js";
import { parseUserDate, periodBounds, periodOf } from "../../domain/period.js";
import type { Role } from "../../db/members.js";
import { Composer } from "grammy";
import { defineCallback, defineCommand, isMember, type Feature, type MemberCallbackContext, type MemberCommandContext, type MemberContext } from "../feature.js";
import type { BotContext } from "../context.js";
import { actionEnv, EDITOR_ROLES, performAction, resolveReadings } from "./base-actions.js";
import { parsePeriodToken } from "./plan-args.js";
import { logExpense } from "./plan.js";
import { takeEntry } from "./entry-confirm.js";
import { dropHeldButton, recordActionButton, recordButton, saveHeldButton, undoButton, undoCancelButton } from "./correction-buttons.js";
import { recordLabel, recordText, type RecordFormat } from "./correction-text.js";

const composer = new Composer<BotContext>();

const ALL: Role[] = ["founder", "lead", "manager"];
/** Buttons a list shows: the latest records of the month. */
const LIST_BUTTONS = 30;
/** How long after "type the new value" a text is taken for it. */
const EDIT_ANSWER_MS = 30 * 60_000;

type Field = "amount" | "company" | "day";
type PendingEdit = { record: CorrectedRecord; id: number; field: Field; askedAt: number };

const editKey = (teamId: number, userId: number) => `correction-edit:${teamId}:${userId}`;

function formatOf(ctx: MemberContext): RecordFormat {
  return { t: ctx.t, locale: ctx.locale, currency: ctx.team.currency, timezone: ctx.team.timezone };
}

function today(ctx: BotContext): string {
  return localDate(ctx.now, ctx.team.timezone);
}

/** The author's notice when someone else voided or amended their record, queued with the correction. */
function noticeHooks(ctx: MemberContext): CorrectionHooks & { queued: () => boolean } {
  let queued = false;
  return {
    queued: () => queued,
    inTransaction(result, db) {
      if (!result.ok || result.before.memberId === null || result.before.memberId === ctx.member.id) return;
      const author = getMember(db, result.before.memberId);
      if (!author || author.status !== "active" || author.chatId === null) return;
      const t = ctx.deps.translator.forLocale(author.locale ?? ctx.team.locale);
      const format: RecordFormat = { t, locale: author.locale ?? ctx.team.locale, currency: ctx.team.currency, timezone: ctx.team.timezone };
      const who = memberName(ctx.member);
      const text =
        result.after === null
          ? t("corr-notice-voided", { who, record: recordText(result.before, format) })
          : t("corr-notice-amended", { who, before: recordText(result.before, format), after: recordText(result.after, format) });
      queued = enqueue(
        db,
        { teamId: ctx.team.id, chatId: author.chatId, kind: "correction", key: `correction:${result.correctionId}`, message: { method: "sendMessage", text } },
        ctx.now,
      );
    },
  };
}

/** The reply to a correction's result. */
function resultText(ctx: MemberContext, result: CorrectionResult, typed = ""): string {
  const format = formatOf(ctx);
  if (result.ok) {
    return result.after === null
      ? ctx.t("corr-voided", { record: recordText(result.before, format) })
      : ctx.t("corr-amended", { before: recordText(result.before, format), after: recordText(result.after, format) });
  }
  switch (result.reason) {
    case "day-outside-month":
    case "day-in-future":
      return ctx.t("corr-error-day-outside", { month: formatMonth(ctx.t, result.month) });
    case "day-before-company":
      return ctx.t("corr-error-day-before-company", { company: result.company, date: formatDay(result.day) });
    case "invalid-company":
      return ctx.t("corr-error-company", { text: typed });
    case "invalid-amount":
      return ctx.t("corr-error-amount", { text: typed });
    case "unchanged":
      return ctx.t("corr-error-unchanged");
    case "no-amount":
    case "not-a-company-record":
      return ctx.t("corr-error-field");
    default:
      return ctx.t("corr-stale");
  }
}

async function finish(ctx: MemberContext, result: CorrectionResult, hooks: { queued: () => boolean }, typed?: string): Promise<void> {
  if (hooks.queued()) ctx.deps.onOutbox?.();
  if (result.ok) ctx.log.info({ correctionId: result.correctionId, record: result.before.record, id: result.before.id }, "record corrected");
  await ctx.reply(resultText(ctx, result, typed));
}

// ---------------------------------------------------------------------------------------------------------
// /undo

async function undo(ctx: MemberCommandContext): Promise<unknown> {
  const record = undoableRecord(ctx.deps.db, ctx.team.id, ctx.member.id, ctx.now);
  if (!record) return ctx.reply(ctx.t("corr-undo-nothing"));
  const data = undoButton.pack({ record: record.record, id: record.id });
  return ctx.reply(ctx.t("corr-undo-ask", { record: recordText(record, formatOf(ctx)) }), {
    reply_markup: keyboard([[button(ctx.t("corr-undo-yes"), data), button(ctx.t("corr-cancel"), undoCancelButton.pack({}))]]),
  });
}

async function undoConfirmed(ctx: MemberCallbackContext, recordKind: UndoTarget, id: number): Promise<void> {
  await ctx.answerCallbackQuery();
  if (recordKind === "company") return takeBackAdd(ctx, id);
  const record = recordSummary(ctx.deps.db, ctx.team.id, recordKind, id);
  if (!record || !mayUndo(record, ctx.member.id, ctx.now)) return void (await ctx.reply(ctx.t("corr-undo-stale")));
  const hooks = noticeHooks(ctx);
  const result = voidRecord(ctx.deps.db, { teamId: ctx.team.id, record: recordKind, recordId: record.id, memberId: ctx.member.id, now: ctx.now, via: "undo" }, hooks);
  await finish(ctx, result, hooks);
}

/** /undo of the member's own /add: the company leaves the base while nothing has happened to it. */
async function takeBackAdd(ctx: MemberCallbackContext, companyId: number): Promise<void> {
  const result = takeBackCompany(ctx.deps.db, { teamId: ctx.team.id, companyId, memberId: ctx.member.id, now: ctx.now });
  if (!result.ok && result.reason === "stale") return void (await ctx.reply(ctx.t("corr-undo-stale")));
  const record = recordText(result.before, formatOf(ctx));
  if (!result.ok) return void (await ctx.reply(ctx.t("corr-undo-add-has-records", { record, company: result.before.companyName ?? "" })));
  ctx.log.info({ companyId }, "company taken back");
  await ctx.reply(ctx.t("corr-add-taken-back", { record }));
}

// ---------------------------------------------------------------------------------------------------------
// /deals and /expenses: a month's records with buttons

/** The month a list shows: the one typed, else the current one; null when the text is not a month. */
function listPeriod(ctx: MemberContext, text: string): string | null {
  return text === "" ? periodOf(today(ctx)) : parsePeriodToken(text);
}

async function replyList(ctx: MemberContext, kind: "deals" | "expenses", records: CorrectableRecord[], period: string): Promise<void> {
  const month = formatMonth(ctx.t, period);
  if (records.length === 0) return void (await ctx.reply(ctx.t(`corr-${kind}-none`, { month })));
  const format = formatOf(ctx);
  const lines = [ctx.t(`corr-${kind}-title`, { month }), ...records.map((record, index) => `${index + 1}. ${recordText(record, format)}`)];
  const withButtons = records.slice(-LIST_BUTTONS);
  const rows: InlineKeyboardButton[][] = withButtons.map((record) => [button(recordLabel(record, format), recordButton.pack({ record: kind === "deals" ? "event" : "expense", id: record.id }))]);
  lines.push("", ctx.t("corr-list-hint"));
  if (withButtons.length < records.length) lines.push(ctx.t("corr-list-more", { count: LIST_BUTTONS }));
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard(rows) });
}

async function listDeals(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const period = listPeriod(ctx, text);
  if (period === null) return ctx.reply(`${ctx.t("plan-error-period-show", { text })}\n${ctx.t("corr-usage-deals")}`);
  const { from, to } = periodBounds(period);
  const db = ctx.deps.db;
  const records = listDealsBetween(db, ctx.team.id, from, to).flatMap((deal) => recordSummary(db, ctx.team.id, "event", deal.eventId) ?? []);
  return replyList(ctx, "deals", records, period);
}

async function listMonthExpenses(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const period = listPeriod(ctx, text);
  if (period === null) return ctx.reply(`${ctx.t("plan-error-period-show", { text })}\n${ctx.t("corr-usage-expenses")}`);
  const { from, to } = periodBounds(period);
  const db = ctx.deps.db;
  const records = listExpenses(db, ctx.team.id, from, to).flatMap((expense) => recordSummary(db, ctx.team.id, "expense", expense.id) ?? []);
  return replyList(ctx, "expenses", records, period);
}

// ---------------------------------------------------------------------------------------------------------
// One record: delete, or type a new amount, company or day

/** The fields a record may change. */
function fieldsOf(record: CorrectableRecord): Field[] {
  if (record.kind === "expense") return ["amount", "day"];
  if (record.kind === "deal") return ["amount", "company", "day"];
  return ["company", "day"];
}

async function recordMenu(ctx: MemberCallbackContext, recordKind: CorrectedRecord, id: number): Promise<void> {
  await ctx.answerCallbackQuery();
  const record = recordSummary(ctx.deps.db, ctx.team.id, recordKind, id);
  if (!record || record.voided) return void (await ctx.reply(ctx.t("corr-stale")));
  const author = record.memberId === null ? undefined : getMember(ctx.deps.db, record.memberId);
  const action = (name: "void" | Field) => recordActionButton.pack({ record: recordKind, id: record.id, action: name });
  const rows = [[button(ctx.t("corr-void"), action("void"))], fieldsOf(record).map((field) => button(ctx.t(`corr-edit-${field}`), action(field)))];
  await ctx.reply(ctx.t("corr-menu", { record: recordText(record, formatOf(ctx)), who: author ? memberName(author) : "—" }), { reply_markup: keyboard(rows) });
}

async function recordAction(ctx: MemberCallbackContext, recordKind: CorrectedRecord, id: number, action: "void" | Field): Promise<void> {
  await ctx.answerCallbackQuery();
  if (action === "void") {
    const hooks = noticeHooks(ctx);
    const input = { teamId: ctx.team.id, record: recordKind, recordId: id, memberId: ctx.member.id, now: ctx.now, via: "edit" as const };
    return finish(ctx, voidRecord(ctx.deps.db, input, hooks), hooks);
  }
  const record = recordSummary(ctx.deps.db, ctx.team.id, recordKind, id);
  if (!record || record.voided) return void (await ctx.reply(ctx.t("corr-stale")));
  if (!fieldsOf(record).includes(action)) return void (await ctx.reply(ctx.t("corr-error-field")));
  createKvStore(ctx.deps.db).write(editKey(ctx.team.id, ctx.from.id), { record: recordKind, id: record.id, field: action, askedAt: ctx.now } satisfies PendingEdit, ctx.now);
  await ctx.reply(ctx.t(`corr-ask-${action}`, { record: recordText(record, formatOf(ctx)), month: formatMonth(ctx.t, record.localDay.slice(0, 7)) }));
}

/** The new value typed after [Amount] [Company] [Day]. A command instead leaves the edit. */
composer.on("message:text", async (ctx, next) => {
  if (ctx.chat.type !== "private" || !isMember(ctx) || !EDITOR_ROLES.includes(ctx.member.role)) return next();
  const store = createKvStore(ctx.deps.db);
  const pending = store.read<PendingEdit>(editKey(ctx.team.id, ctx.from.id));
  if (!pending || ctx.now - pending.askedAt > EDIT_ANSWER_MS) return next();
  const text = ctx.message.text.trim();
  store.delete(editKey(ctx.team.id, ctx.from.id));
  if (text.startsWith("/")) return next();
  const change = parseChange(ctx, pending.field, text);
  if ("error" in change) return void (await ctx.reply(change.error));
  const hooks = noticeHooks(ctx);
  const input = { teamId: ctx.team.id, record: pending.record, recordId: pending.id, memberId: ctx.member.id, now: ctx.now, via: "edit" as const };
  await finish(ctx, amendRecord(ctx.deps.db, input, change, hooks), hooks, text);
});

/** The typed value as an amendment, or the reply that says what was wrong (nothing is written then). */
function parseChange(ctx: MemberContext, field: Field, text: string): Amendment | { error: string } {
  if (field === "amount") {
    const amountKopecks = parseAmount(text);
    return amountKopecks === null ? { error: ctx.t("corr-error-amount", { text }) } : { amountKopecks };
  }
  if (field === "day") {
    const day = /^\d{1,2}$/.test(text) ? parseUserDate(`${text}.${today(ctx).slice(5, 7)}`, today(ctx)) : parseUserDate(text, today(ctx));
    return day === null ? { error: ctx.t("corr-error-day", { text }) } : { day };
  }
  const resolution = resolveReadings(ctx.deps.db, ctx.team.id, [{ company: text, extra: null }]);
  return resolution.kind === "found" ? { companyId: resolution.company.id } : { error: ctx.t("corr-error-company", { text }) };
}

// ---------------------------------------------------------------------------------------------------------
// A deal or an expense that waited for its sender's confirmation

async function saveHeld(ctx: MemberCallbackContext, nonce: string): Promise<void> {
  const entry = takeEntry(ctx.deps.db, ctx.team.id, ctx.member.id, nonce, ctx.now);
  await ctx.answerCallbackQuery();
  if (!entry) return void (await ctx.reply(ctx.t("button-stale")));
  if (entry.kind === "expense") {
    if (!EDITOR_ROLES.includes(ctx.member.role)) return void (await ctx.reply(ctx.t("access-denied")));
    return logExpense(ctx, entry);
  }
  const company = getCompany(ctx.deps.db, ctx.team.id, entry.companyId);
  if (!company) return void (await ctx.reply(ctx.t("button-stale")));
  const env = actionEnv(ctx.deps, ctx.team, ctx.member, ctx.now, ctx.locale);
  const outcome = performAction(env, { cmd: "deal", amountKopecks: entry.amountKopecks, confirmed: true }, company);
  if (outcome.queued) ctx.deps.onOutbox?.();
  await ctx.reply(outcome.text, outcome.markup ? { reply_markup: outcome.markup } : {});
}

async function dropHeld(ctx: MemberCallbackContext, nonce: string): Promise<void> {
  takeEntry(ctx.deps.db, ctx.team.id, ctx.member.id, nonce, ctx.now);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("guard-cancelled"));
}

export const correctionsFeature: Feature = {
  name: "corrections",
  composer,
  commands: [
    defineCommand({ command: "undo", roles: ALL, description: "cmd-undo", chats: "private", handler: undo }),
    defineCommand({ command: "deals", roles: EDITOR_ROLES, description: "cmd-deals", chats: "private", handler: listDeals }),
    defineCommand({ command: "expenses", roles: EDITOR_ROLES, description: "cmd-expenses", chats: "private", handler: listMonthExpenses }),
  ],
  callbacks: [
    defineCallback({ data: undoButton, chats: "private", handler: (ctx, { record, id }) => undoConfirmed(ctx, record, id) }),
    defineCallback({
      data: undoCancelButton,
      chats: "private",
      handler: async (ctx) => {
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t("corr-cancelled"));
      },
    }),
    defineCallback({ data: recordButton, roles: EDITOR_ROLES, chats: "private", handler: (ctx, { record, id }) => recordMenu(ctx, record, id) }),
    defineCallback({ data: recordActionButton, roles: EDITOR_ROLES, chats: "private", handler: (ctx, { record, id, action }) => recordAction(ctx, record, id, action) }),
    defineCallback({ data: saveHeldButton, chats: "private", handler: (ctx, { nonce }) => saveHeld(ctx, nonce) }),
    defineCallback({ data: dropHeldButton, chats: "private", handler: (ctx, { nonce }) => dropHeld(ctx, nonce) }),
  ],
};
