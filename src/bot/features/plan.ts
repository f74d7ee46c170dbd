/**
 * Plan and budget: /setplan, /plan, /budget, /expense, /share; then /settings and /alerts.
 * Every figure comes from computePlanFigures via src/reports/plan-report.ts; this file parses, stores and replies.
 */
import { InputFile } from "grammy";
import { defineCommand, type Feature, type MemberCommandContext, type MemberContext } from "../feature.js";
import { settingsFeature } from "./settings.js";
import { alertsFeature } from "./alerts.js";
import type { BotContext } from "../context.js";
import { localDate } from "../../domain/calendar.js";
import { periodBounds, periodOf } from "../../domain/period.js";

import { EXPENSE_CATEGORIES } from "../../domain/expense-categories.js";
import { clearPlanShare, getPlan, listPlanShares, setPlan, setPlanShare } from "../../db/plans.js";
import { deleteBudgetLine, setBudgetLine } from "../../db/budget.js";
import { insertExpense } from "../../db/expenses.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { findMemberByUsername, listMembers } from "../../db/members.js";
import { checkExpenseAlerts } from "../../services/plan/plan-alerts.js";
import { budgetLines, categoryName, renderPlanChart, renderPlanText, type PlanMonthState, type PlanTextOptions } from "../../reports/plan-report.js";
import {
  MAX_NOTE_CHARS,
  MAX_PLAN_CLIENTS,
  parseBudgetArgs,
  parseExpenseArgs,
  parsePeriodToken,
  parseSetPlanArgs,
  parseShareArgs,
  type ArgError,
} from "./plan-args.js";
import { formatClientRange, formatPercent, formatMonth, formatMoney, oneLine } from "../../shared/format.js";
import { loadPlanFigures, loadBudgetFigures } from "../../services/plan/figures.js";
import { expenseWarnings } from "../../services/corrections/index.js";
import { expenseWarningText, holdEntry } from "./entry-confirm.js";

function today(ctx: BotContext): string {
  return localDate(ctx.now, ctx.team.timezone);
}

function textOptions(ctx: BotContext): PlanTextOptions {
  return { t: ctx.t, locale: ctx.locale, currency: ctx.team.currency };
}

function money(ctx: BotContext, kopecks: number): string {
  return formatMoney(kopecks, ctx.locale, ctx.team.currency);
}

function categoryList(ctx: BotContext): string {
  return EXPENSE_CATEGORIES.map((key) => `${key} (${ctx.t(`plan-category-${key}`)})`).join(", ");
}

/** The reply for a refused argument: what was wrong, then how to write it. Nothing has been written. */
function argErrorText(ctx: BotContext, error: ArgError, usageKey: string): string {
  const usage = ctx.t(usageKey);
  switch (error.error) {
    case "usage":
      return usage;
    case "period":
      return `${ctx.t("plan-error-period", { text: error.text })}\n${usage}`;
    case "period-range":
      return ctx.t("plan-error-period-range", { period: error.text });
    case "clients":
      return `${ctx.t("plan-error-clients", { text: error.text, max: String(MAX_PLAN_CLIENTS) })}\n${usage}`;
    case "amount":
      return `${ctx.t("plan-error-amount", { text: error.text })}\n${usage}`;
    case "plan-too-large":
      return ctx.t("plan-error-too-large");
    case "category":
      return ctx.t("plan-error-category", { text: error.text, list: categoryList(ctx) });
    case "note-too-long":
      return ctx.t("plan-error-note", { max: String(MAX_NOTE_CHARS) });
    case "share":
      return `${ctx.t("plan-error-share", { text: error.text })}\n${usage}`;
    case "username":
      return `${ctx.t("plan-error-username", { text: error.text })}\n${usage}`;
  }
}

async function setplanCommand(ctx: MemberCommandContext, parsed: ReturnType<typeof parseSetPlanArgs>): Promise<unknown> {
  const day = today(ctx);
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "plan-usage-setplan"));
  const db = ctx.deps.db;
  const previous = setPlan(
    db,
    { teamId: ctx.team.id, period: parsed.period, clients: parsed.clients, avgCheckKopecks: parsed.avgCheckKopecks, setBy: ctx.member.id },
    ctx.now,
  );
  ctx.log.info({ period: parsed.period, clients: parsed.clients, avgCheckKopecks: parsed.avgCheckKopecks }, "plan set");
  const figures = loadPlanFigures(db, ctx.team, parsed.period, day);
  const lines = [
    ctx.t("plan-set", {
      month: formatMonth(ctx.t, parsed.period),
      clients: parsed.clients,
      avgCheck: money(ctx, parsed.avgCheckKopecks),
      revenue: money(ctx, figures.planRevenueKopecks ?? 0),
      days: figures.workingDaysTotal,
    }),
  ];
  if (previous) {
    lines.push(
      ctx.t("plan-set-previous", {
        clients: previous.clients,
        avgCheck: money(ctx, previous.avgCheckKopecks),
      }),
    );
  }
  lines.push(ctx.t("plan-set-hint", { period: parsed.period }));
  await ctx.reply(lines.join("\n"));
}

async function planCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const day = today(ctx);
  const arg = text;
  const current = periodOf(day);
  let period = current;
  if (arg !== "") {
    const typed = parsePeriodToken(arg);
    if (typed === null) return ctx.reply(`${ctx.t("plan-error-period-show", { text: arg })}\n${ctx.t("plan-usage-plan")}`);
    period = typed;
  }
  // A past month is shown as of its last day (as /burn does): its result, not today's date on it.
  const state: PlanMonthState = period < current ? "past" : period > current ? "future" : "current";
  const asOf = state === "past" ? periodBounds(period).to : day;
  const figures = loadPlanFigures(ctx.deps.db, ctx.team, period, asOf);
  const options = textOptions(ctx);
  await ctx.reply(renderPlanText(figures, options, state));
  if (state === "future" || figures.chart.length === 0) return;
  let png: Buffer;
  try {
    png = await renderPlanChart(figures, options, ctx.deps.drawChart);
  } catch (error) {
    // The figures were sent; a chart that cannot be drawn is logged, not a failed command.
    ctx.log.error({ err: error, period }, "plan chart failed");
    return;
  }
  await ctx.replyWithPhoto(new InputFile(png, `plan-${period}.png`));
}

async function budgetCommand(ctx: MemberCommandContext, parsed: ReturnType<typeof parseBudgetArgs>): Promise<unknown> {
  const day = today(ctx);
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "plan-usage-budget"));
  const db = ctx.deps.db;
  const month = formatMonth(ctx.t, parsed.period);
  if (parsed.kind === "set") {
    const previous = setBudgetLine(
      db,
      { teamId: ctx.team.id, period: parsed.period, category: parsed.category, amountKopecks: parsed.amountKopecks, setBy: ctx.member.id, paidUpFront: parsed.paidUpFront },
      ctx.now,
    );
    ctx.log.info({ period: parsed.period, category: parsed.category, amountKopecks: parsed.amountKopecks, paidUpFront: parsed.paidUpFront }, "budget line set");
    const figures = loadBudgetFigures(db, ctx.team, parsed.period, day);
    const lines = [
      ctx.t("plan-budget-set", { month, category: categoryName(ctx.t, parsed.category), amount: money(ctx, parsed.amountKopecks) }),
    ];
    if (previous !== null) lines.push(ctx.t("plan-budget-set-previous", { amount: money(ctx, previous) }));
    if (parsed.paidUpFront) lines.push(ctx.t("plan-budget-up-front"));
    lines.push(ctx.t("plan-budget-total", { budget: money(ctx, figures.budgetKopecks), expenses: money(ctx, figures.expensesKopecks) }));
    return ctx.reply(lines.join("\n"));
  }
  if (parsed.kind === "delete") {
    const removed = deleteBudgetLine(db, ctx.team.id, parsed.period, parsed.category);
    const category = categoryName(ctx.t, parsed.category);
    return ctx.reply(ctx.t(removed ? "plan-budget-deleted" : "plan-budget-no-line", { month, category }));
  }
  const figures = loadBudgetFigures(db, ctx.team, parsed.period, day);
  const lines = [ctx.t("plan-budget-show-title", { month }), ...budgetLines(figures, textOptions(ctx))];
  lines.push("", ctx.t("plan-usage-budget"));
  return ctx.reply(lines.join("\n"));
}

async function expenseCommand(ctx: MemberCommandContext, parsed: ReturnType<typeof parseExpenseArgs>): Promise<unknown> {
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "plan-usage-expense"));
  const entry = { teamId: ctx.team.id, memberId: ctx.member.id, amountKopecks: parsed.amountKopecks, category: parsed.category };
  const warnings = expenseWarnings(ctx.deps.db, { ...entry, now: ctx.now, timezone: ctx.team.timezone });
  if (warnings.length > 0) {
    const markup = holdEntry(ctx.deps.db, ctx.team.id, ctx.member.id, { kind: "expense", ...entry, note: parsed.note }, ctx.now, ctx.t);
    return ctx.reply(expenseWarningText(warnings, parsed, { t: ctx.t, locale: ctx.locale, currency: ctx.team.currency }), { reply_markup: markup });
  }
  await logExpense(ctx, parsed);
}

/** Saves an expense (checked, or confirmed by its sender) with the alerts it causes, and replies with the month's totals. */
export async function logExpense(ctx: MemberContext, parsed: { amountKopecks: number; category: string; note: string | null }): Promise<void> {
  const db = ctx.deps.db;
  const day = today(ctx);
  const teamId = ctx.team.id;
  const period = periodOf(day);
  // The expense and the alerts it causes are stored together; the figures read for the alerts are the reply's.
  const { queued, figures } = inImmediateTransaction(db, () => {
    insertExpense(db, {
      teamId,
      memberId: ctx.member.id,
      amountKopecks: parsed.amountKopecks,
      category: parsed.category,
      note: parsed.note,
      at: ctx.now,
      localDay: day,
    });
    const figures = loadBudgetFigures(db, ctx.team, period, day);
    return { queued: checkExpenseAlerts(db, ctx.team, ctx.now, figures, ctx.deps.translator), figures };
    // IMMEDIATE like the lead base's writes: take the write lock before reading (a CLI may share the file).
  });
  if (queued.length > 0) ctx.deps.onOutbox?.();
  ctx.log.info({ category: parsed.category, amountKopecks: parsed.amountKopecks, alerts: queued }, "expense logged");
  const line = figures.categories.find((c) => c.category === parsed.category);
  const lines = [
    parsed.note === null
      ? ctx.t("plan-expense-logged", { amount: money(ctx, parsed.amountKopecks), category: categoryName(ctx.t, parsed.category) })
      : ctx.t("plan-expense-logged-note", { amount: money(ctx, parsed.amountKopecks), category: categoryName(ctx.t, parsed.category), note: oneLine(parsed.note) }),
    // Without a budget line for the category (or any budget) say so: "… of 0 ₽" reads like a zero budget.
    line !== undefined && line.budgetKopecks > 0
      ? ctx.t("plan-expense-category-total", {
          month: formatMonth(ctx.t, period),
          category: categoryName(ctx.t, parsed.category),
          expenses: money(ctx, line.expensesKopecks),
          budget: money(ctx, line.budgetKopecks),
        })
      : ctx.t("plan-expense-category-no-budget", {
          month: formatMonth(ctx.t, period),
          category: categoryName(ctx.t, parsed.category),
          expenses: money(ctx, line?.expensesKopecks ?? parsed.amountKopecks),
          period,
          key: parsed.category,
        }),
    figures.budgetKopecks > 0
      ? ctx.t("plan-budget-total", { budget: money(ctx, figures.budgetKopecks), expenses: money(ctx, figures.expensesKopecks) })
      : ctx.t("plan-budget-total-none", { expenses: money(ctx, figures.expensesKopecks), period }),
  ];
  await ctx.reply(lines.join("\n"));
}

async function shareCommand(ctx: MemberCommandContext, parsed: ReturnType<typeof parseShareArgs>): Promise<unknown> {
  const day = today(ctx);
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "plan-usage-share"));
  const db = ctx.deps.db;
  const teamId = ctx.team.id;
  const month = formatMonth(ctx.t, parsed.period);
  if (parsed.kind !== "show") {
    const target = findMemberByUsername(db, teamId, parsed.username);
    if (!target || target.role !== "manager") return ctx.reply(ctx.t("plan-share-not-manager", { username: parsed.username }));
    if (parsed.kind === "set") {
      const managers = new Set(listMembers(db, teamId, "manager").map((m) => m.id));
      const others = listPlanShares(db, teamId, parsed.period)
        .filter((s) => s.memberId !== target.id && managers.has(s.memberId))
        .reduce((sum, s) => sum + s.shareBp, 0);
      if (others + parsed.shareBp > 10_000) {
        return ctx.reply(ctx.t("plan-share-too-much", { left: formatPercent((10_000 - others) / 10_000) }));
      }
      setPlanShare(db, { teamId, period: parsed.period, memberId: target.id, shareBp: parsed.shareBp, setBy: ctx.member.id }, ctx.now);
    } else {
      clearPlanShare(db, teamId, parsed.period, target.id);
    }
    ctx.log.info({ period: parsed.period, memberId: target.id, shareBp: parsed.kind === "set" ? parsed.shareBp : null }, "plan share changed");
  }
  const figures = loadPlanFigures(db, ctx.team, parsed.period, day);
  const explicit = new Set(listPlanShares(db, teamId, parsed.period).map((s) => s.memberId));
  const managerIds = new Set(listMembers(db, teamId, "manager").map((m) => m.id));
  const rows = figures.managers.filter((m) => managerIds.has(m.managerId));
  const plan = getPlan(db, teamId, parsed.period);
  const lines = [ctx.t(parsed.kind === "show" ? "plan-share-title" : "plan-share-saved", { month })];
  if (rows.length === 0) lines.push(ctx.t("plan-share-no-managers"));
  for (const m of rows) {
    const share = formatPercent(m.planShare);
    const mode = ctx.t(explicit.has(m.managerId) ? "plan-share-explicit" : "plan-share-auto");
    lines.push(
      plan && m.planRevenueKopecks !== null && m.planClients !== null
        ? ctx.t("plan-share-line", { name: m.name ?? m.username, share, mode, clients: formatClientRange(m.planClients), revenue: money(ctx, m.planRevenueKopecks) })
        : ctx.t("plan-share-line-no-plan", { name: m.name ?? m.username, share, mode }),
    );
  }
  lines.push("", ctx.t("plan-usage-share"));
  await ctx.reply(lines.join("\n"));
}

export const planFeature: Feature = {
  name: "plan",
  commands: [
    defineCommand({ command: "plan", roles: ["founder", "lead"], description: "cmd-plan", chats: "alerts", handler: planCommand }),
    defineCommand({
      command: "setplan",
      roles: ["founder"],
      description: "cmd-setplan",
      chats: "private",
      parse: (text, ctx) => parseSetPlanArgs(text, periodOf(today(ctx))),
      handler: setplanCommand,
    }),
    defineCommand({
      command: "budget",
      roles: ["founder"],
      description: "cmd-budget",
      chats: "private",
      parse: (text, ctx) => parseBudgetArgs(text, periodOf(today(ctx))),
      handler: budgetCommand,
    }),
    defineCommand({ command: "expense", roles: ["founder", "lead"], description: "cmd-expense", chats: "private", parse: parseExpenseArgs, handler: expenseCommand }),
    defineCommand({
      command: "share",
      roles: ["founder"],
      description: "cmd-share",
      chats: "private",
      parse: (text, ctx) => parseShareArgs(text, periodOf(today(ctx))),
      handler: shareCommand,
    }),
  ],
};

/** The plan's features in their install order: plan and budget, then the team settings. */
export const planFeatures: Feature[] = [planFeature, settingsFeature, alertsFeature];
