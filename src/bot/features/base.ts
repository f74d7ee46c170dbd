/**
 * Zone 3 — the lead base (SPEC §4): /import, /add, /touch, /refusal, /handled, /deal, /close, /unfreeze, /unpause,
 * /lead. The writes, the rules and the figures live in src/services/leads; this file reads the line, finds the company
 * (an unknown name gets the closest names and [Add as new], and nothing is written until one is chosen — the
 * choice continues the original command, kept in kv), asks what a line left out (the refusal's reason with
 * buttons, the close reason) and answers.
 */
import { createConversation } from "@grammyjs/conversations";
import type { InlineKeyboardButton } from "grammy/types";
import { addCompany, loadBurnReport, unpauseSegment, type CompanySuggestion } from "../../services/leads/index.js";
import { getCompany, type Company } from "../../db/companies.js";
import { setRefusalComment } from "../../db/company-events.js";
import { createKvStore } from "../../db/kv.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { findSegmentByKey, getSegment, listSegments } from "../../db/segments.js";
import { getTeam } from "../../db/teams.js";
import { MAX_COMPANY_NAME, nameKey } from "../../domain/company-name.js";
import { REFUSAL_REASONS, type RefusalReason } from "../../domain/company-state.js";

import { allow, commandArgs, type Feature } from "../feature.js";
import type { BotContext, ConvContext } from "../context.js";
import { conversationNow, waitOrLeave, type BotConversation } from "../conversation-tools.js";
import {
  MAX_COMMENT_CHARS,
  parseAddArgs,
  parseCloseArgs,
  parseCompanyOnly,
  parseDealArgs,
  parseRefusalArgs,
  parseRefusalReason,
  parseSegmentArg,
  parseYesNo,
  type BaseArgError,
  type Parsed,
} from "./base-args.js";
import {
  ACTION_ROLES,
  ADDABLE,
  actionEnv,
  currentCloseReasons,
  performAction,
  resolveReadings,
  type ActionEnv,
  type ActionOutcome,
  type BaseAction,
  type BaseCommand,
  type Resolution,
} from "./base-actions.js";
import { reasonLabel } from "./base-card.js";
import { importDocument, looksLikeCsv } from "./base-import.js";
import { noticeHooks } from "../../services/leads/notify.js";
import { freshMember } from "./task-dialogs.js";
import { burnFeature } from "./burn.js";
import { LeanComposer } from "../lean-composer.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { formatPercent } from "../../shared/format.js";

const composer = new LeanComposer<BotContext>();

const IMPORT_ROLES = ["founder", "lead"] as const;
const UNPAUSE_ROLES = ["founder", "lead"] as const;
const ADD_ROLES = ["founder", "lead", "manager"] as const;
/** How long after "which segment?" a typed text is taken for the answer. */
const SEGMENT_ANSWER_MS = 60 * 60 * 1000;
const REFUSAL_DIALOGUE = "base-refusal";

function envOf(ctx: BotContext): ActionEnv {
  return actionEnv(ctx.deps, ctx.team, ctx.member!, ctx.now, ctx.locale);
}

/** Cuts a button label to what Telegram shows comfortably. */
function label(text: string, max = 48): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The reply for a refused line: what was wrong, then how to write it. Nothing has been written. */
function argErrorText(ctx: BotContext, error: BaseArgError, cmd: string): string {
  const usage = ctx.t(`base-usage-${cmd}`);
  switch (error.error) {
    case "usage":
      return usage;
    case "company-too-long":
      return `${ctx.t("base-error-company-too-long", { max: MAX_COMPANY_NAME })}\n${usage}`;
    case "amount":
      return `${ctx.t("base-error-amount", { text: error.text })}\n${usage}`;
    case "reason":
      return `${ctx.t("base-error-reason", { text: error.text })}\n${usage}`;
    case "comment-too-long":
      return `${ctx.t("base-error-comment-too-long", { max: MAX_COMMENT_CHARS })}\n${usage}`;
  }
}

/** Sends an action's outcome: wakes the outbox, starts the refusal dialogue, or replies. */
async function deliver(ctx: BotContext, outcome: ActionOutcome, preface?: string): Promise<void> {
  if (outcome.queued) ctx.deps.onOutbox?.();
  if (outcome.dialogue) {
    if (preface) await ctx.reply(preface);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(REFUSAL_DIALOGUE, outcome.dialogue.companyId, outcome.dialogue.companyName);
    return;
  }
  const text = preface ? `${preface}\n${outcome.text}` : outcome.text;
  await ctx.reply(text, outcome.markup ? { reply_markup: outcome.markup } : {});
}

// ---------------------------------------------------------------------------------------------------------
// Unknown names: the closest ones as buttons, [Add as new], and the command kept until one is chosen.

/** A command waiting for its company to be picked; one per person (a newer command replaces it). */
interface PendingPick {
  nonce: string;
  action: BaseAction;
  /** the name as typed, for [Add as new] */
  typed: string;
  /** when [Add as new] asked for the segment: a typed text is then the segment's name */
  segmentAskedAt?: number;
}

const pendingKey = (teamId: number, userId: number) => `base-pick:${teamId}:${userId}`;

async function offerSuggestions(ctx: BotContext, action: BaseAction, typed: string, suggestions: CompanySuggestion[]): Promise<void> {
  const addable = ADDABLE.has(action.cmd);
  if (suggestions.length === 0 && !addable) return void (await ctx.reply(ctx.t("base-company-unknown-none", { company: typed })));
  // Unique per update, short enough for callback data (64 bytes) with a company id.
  const nonce = ctx.update.update_id.toString(36);
  createKvStore(ctx.deps.db).write(pendingKey(ctx.team.id, ctx.from!.id), { nonce, action, typed } satisfies PendingPick, ctx.now);
  const rows: InlineKeyboardButton[][] = suggestions.map((s) => [button(label(s.name), `bpick:${nonce}:${s.id}`)]);
  if (addable) rows.push([button(ctx.t("base-add-new", { company: label(typed, 32) }), `bpick:${nonce}:new`)]);
  const key = suggestions.length > 0 ? "base-company-unknown" : "base-company-unknown-add";
  await ctx.reply(ctx.t(key, { company: typed }), { reply_markup: keyboard(rows) });
}

/** Reads the pending command behind a button; undefined when the button is stale. */
function pendingFor(ctx: BotContext, nonce: string): PendingPick | undefined {
  const pending = createKvStore(ctx.deps.db).read<PendingPick>(pendingKey(ctx.team.id, ctx.from!.id));
  return pending?.nonce === nonce ? pending : undefined;
}

/** Runs a command line that names a company: parse, find the company (or offer names), act, answer. */
async function runCompanyCommand<T>(ctx: BotContext, cmd: BaseCommand, parsed: Parsed<T>, toAction: (extra: T) => BaseAction): Promise<void> {
  if (!parsed.ok) return void (await ctx.reply(argErrorText(ctx, parsed, cmd)));
  // The company is found and acted on in one transaction: the row cannot change in between, and the lookup
  // reads under the write's lock instead of taking one of its own.
  const step = inImmediateTransaction(ctx.deps.db, (): Exclude<Resolution<T>, { kind: "found" }> | { kind: "found"; company: Company; outcome: ActionOutcome } => {
    const resolution = resolveReadings(ctx.deps.db, ctx.team.id, parsed.readings);
    if (resolution.kind !== "found") return resolution;
    const { company, reading } = resolution;
    return { kind: "found", company, outcome: performAction(envOf(ctx), toAction(reading.extra), company) };
  });
  if (step.kind === "ambiguous") return void (await ctx.reply(`${ctx.t("base-ambiguous")}\n${ctx.t(`base-usage-${cmd}`)}`));
  if (step.kind === "not-found") return offerSuggestions(ctx, toAction(step.reading.extra), step.reading.company, step.suggestions);
  ctx.log.info({ cmd, companyId: step.company.id, queued: step.outcome.queued }, "base command");
  await deliver(ctx, step.outcome);
}

composer.callbackQuery(/^bpick:([0-9a-z]{1,12}):(\d{1,12}|new)$/, async (ctx) => {
  const pending = pendingFor(ctx, ctx.match[1]!);
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  if (!ACTION_ROLES[pending.action.cmd].includes(ctx.member!.role)) {
    return ctx.answerCallbackQuery({ text: ctx.t("access-denied"), show_alert: true });
  }
  const db = ctx.deps.db;
  if (ctx.match[2] === "new") {
    const segments = listSegments(db, ctx.team.id);
    if (segments.length > 0) {
      createKvStore(db).write(pendingKey(ctx.team.id, ctx.from.id), { ...pending, segmentAskedAt: ctx.now } satisfies PendingPick, ctx.now);
      await ctx.answerCallbackQuery();
      const rows = segments.slice(0, 12).map((segment) => [button(label(segment.name), `bpick:${pending.nonce}:seg:${segment.id}`)]);
      rows.push([button(ctx.t("base-default-segment-button"), `bpick:${pending.nonce}:seg:0`)]);
      return void (await ctx.reply(ctx.t("base-add-ask-segment", { company: pending.typed }), { reply_markup: keyboard(rows) }));
    }
    return addAndContinue(ctx, pending, null);
  }
  const company = getCompany(db, ctx.team.id, Number(ctx.match[2]));
  if (!company) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  createKvStore(db).delete(pendingKey(ctx.team.id, ctx.from.id));
  await ctx.answerCallbackQuery();
  await deliver(ctx, performAction(envOf(ctx), pending.action, company));
});

composer.callbackQuery(/^bpick:([0-9a-z]{1,12}):seg:(\d{1,12})$/, async (ctx) => {
  const pending = pendingFor(ctx, ctx.match[1]!);
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  if (!ACTION_ROLES[pending.action.cmd].includes(ctx.member!.role)) {
    return ctx.answerCallbackQuery({ text: ctx.t("access-denied"), show_alert: true });
  }
  const segmentId = Number(ctx.match[2]);
  const segment = segmentId === 0 ? null : getSegment(ctx.deps.db, ctx.team.id, segmentId);
  if (segment === undefined) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await addAndContinue(ctx, pending, segment?.name ?? null);
});

/** "Which segment?" answered by typing: an existing segment's name (any case) or a new one. */
composer.on("message:text", async (ctx, next) => {
  const text = ctx.message.text.replace(/\s+/g, " ").trim();
  if (text === "" || text.startsWith("/") || ctx.chat.type !== "private") return next();
  const pending = createKvStore(ctx.deps.db).read<PendingPick>(pendingKey(ctx.team.id, ctx.from.id));
  if (pending?.segmentAskedAt === undefined || ctx.now - pending.segmentAskedAt > SEGMENT_ANSWER_MS) return next();
  if (!ACTION_ROLES[pending.action.cmd].includes(ctx.member!.role)) return next();
  if (text.length > MAX_COMPANY_NAME) return void (await ctx.reply(ctx.t("base-error-company-too-long", { max: MAX_COMPANY_NAME })));
  const existing = findSegmentByKey(ctx.deps.db, ctx.team.id, nameKey(text));
  await addAndContinue(ctx, pending, existing?.name ?? text);
});

/** The name of the segment a company goes to when none is given, in the team's language. */
function defaultSegmentName(ctx: BotContext): string {
  return ctx.deps.translator.forLocale(ctx.team.locale)("base-default-segment");
}

/** [Add as new]: adds the typed name to the segment (null: the team's default one), then does the command. */
async function addAndContinue(ctx: BotContext, pending: PendingPick, segmentName: string | null): Promise<void> {
  const db = ctx.deps.db;
  const defaultSegment = defaultSegmentName(ctx);
  const added = addCompany(db, { teamId: ctx.team.id, name: pending.typed, segmentName: segmentName ?? defaultSegment, now: ctx.now });
  createKvStore(db).delete(pendingKey(ctx.team.id, ctx.from!.id));
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  if (!added.ok && added.reason !== "exists") return void (await ctx.reply(ctx.t("base-error-company-too-long", { max: MAX_COMPANY_NAME })));
  const company: Company = added.company;
  ctx.log.info({ companyId: company.id, created: added.ok }, "company added from chat");
  const preface = added.ok
    ? ctx.t("base-added", { company: company.name, segment: segmentName ?? defaultSegment })
    : ctx.t("base-added-exists", { company: company.name });
  await deliver(ctx, performAction(envOf(ctx), pending.action, company), preface);
}

// ---------------------------------------------------------------------------------------------------------
// The commands

composer.command("touch", allow(...ACTION_ROLES.touch), (ctx) =>
  runCompanyCommand(ctx, "touch", parseCompanyOnly(commandArgs(ctx)), (extra) => ({ cmd: "touch", comment: extra.comment })),
);

composer.command("refusal", allow(...ACTION_ROLES.refusal), (ctx) =>
  runCompanyCommand(ctx, "refusal", parseRefusalArgs(commandArgs(ctx)), (extra) =>
    extra.reason === null
      ? { cmd: "refusal", reason: null, lostForGood: false, comment: null }
      : { cmd: "refusal", reason: extra.reason, lostForGood: extra.lostForGood, comment: extra.comment },
  ),
);

composer.command("handled", allow(...ACTION_ROLES.handled), (ctx) =>
  runCompanyCommand(ctx, "handled", parseCompanyOnly(commandArgs(ctx)), () => ({ cmd: "handled" })),
);

composer.command("deal", allow(...ACTION_ROLES.deal), (ctx) =>
  runCompanyCommand(ctx, "deal", parseDealArgs(commandArgs(ctx)), (extra) => ({ cmd: "deal", amountKopecks: extra.amountKopecks })),
);

composer.command("close", allow(...ACTION_ROLES.close), (ctx) =>
  runCompanyCommand(ctx, "close", parseCloseArgs(commandArgs(ctx), ctx.team.closeReasons), (extra) => ({ cmd: "close", reason: extra.reason })),
);

/** /add <company>[; <segment>]: a new company in one line — the inline form of [Add as new]. */
composer.command("add", allow(...ADD_ROLES), async (ctx) => {
  const parsed = parseAddArgs(commandArgs(ctx));
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "add"));
  const db = ctx.deps.db;
  // A name the base already knows (by name, INN, or the only company without the legal form) is not added again.
  const resolution = resolveReadings(db, ctx.team.id, [{ company: parsed.company, extra: null }]);
  if (resolution.kind === "found") return ctx.reply(ctx.t("base-added-exists", { company: resolution.company.name }));
  const segmentName =
    parsed.segment === null ? defaultSegmentName(ctx) : (findSegmentByKey(db, ctx.team.id, nameKey(parsed.segment))?.name ?? parsed.segment);
  const added = addCompany(db, { teamId: ctx.team.id, name: parsed.company, segmentName, now: ctx.now });
  if (!added.ok) {
    if (added.reason === "exists") return ctx.reply(ctx.t("base-added-exists", { company: added.company.name }));
    return ctx.reply(`${ctx.t("base-error-company-too-long", { max: MAX_COMPANY_NAME })}\n${ctx.t("base-usage-add")}`);
  }
  ctx.log.info({ companyId: added.company.id }, "company added by /add");
  await ctx.reply(ctx.t("base-added", { company: added.company.name, segment: segmentName }));
});

composer.command("unfreeze", allow(...ACTION_ROLES.unfreeze), (ctx) =>
  runCompanyCommand(ctx, "unfreeze", parseCompanyOnly(commandArgs(ctx)), () => ({ cmd: "unfreeze" })),
);

composer.command("lead", allow(...ACTION_ROLES.lead), (ctx) =>
  runCompanyCommand(ctx, "lead", parseCompanyOnly(commandArgs(ctx)), () => ({ cmd: "lead" })),
);

/** [ЛПР умер] [Бизнес закрылся]: the close reason chosen for a company. */
composer.callbackQuery(/^bclose:(\d{1,12}):(\d{1,3})$/, allow(...ACTION_ROLES.close), async (ctx) => {
  const reason = currentCloseReasons(ctx.deps.db, ctx.team.id)[Number(ctx.match[2])];
  const company = getCompany(ctx.deps.db, ctx.team.id, Number(ctx.match[1]));
  if (reason === undefined || !company) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.answerCallbackQuery();
  await deliver(ctx, performAction(envOf(ctx), { cmd: "close", reason }, company));
});

// ---------------------------------------------------------------------------------------------------------
// /unpause

/** The segments paused now, worst first, as buttons. */
function pausedSegmentButtons(ctx: BotContext): InlineKeyboardButton[][] {
  const report = loadBurnReport(ctx.deps.db, ctx.team.id, { now: ctx.now });
  return report.figures.segments.flatMap((segment, index) =>
    segment.paused
      ? [[button(`${label(segment.name, 40)} — ${formatPercent(segment.burnedShare)}`, `bunpause:${report.segmentDetails[index]!.segmentId}`)]]
      : [],
  );
}

async function listPausedSegments(ctx: BotContext, notFound: string | null): Promise<void> {
  const rows = pausedSegmentButtons(ctx);
  const lead = notFound === null ? [] : [ctx.t("base-segment-unknown", { segment: notFound })];
  if (rows.length === 0) return void (await ctx.reply([...lead, ctx.t("base-unpause-none")].join("\n")));
  await ctx.reply([...lead, ctx.t("base-unpause-choose")].join("\n"), { reply_markup: keyboard(rows) });
}

async function unpause(ctx: BotContext, segmentId: number): Promise<void> {
  const segment = getSegment(ctx.deps.db, ctx.team.id, segmentId);
  const env = envOf(ctx);
  const hooks = noticeHooks(env, null, false);
  const result = unpauseSegment(ctx.deps.db, { teamId: ctx.team.id, segmentId, memberId: ctx.member!.id, now: ctx.now }, hooks);
  if (hooks.queued()) ctx.deps.onOutbox?.();
  if (!result.ok && result.reason === "not-found") return void (await ctx.reply(ctx.t("button-stale")));
  const vars = { segment: segment?.name ?? "?", share: formatPercent(result.burnedShare), threshold: formatPercent(ctx.team.pauseThreshold) };
  if (result.ok) ctx.log.info({ segmentId }, "segment unpaused");
  await ctx.reply(ctx.t(result.ok ? "base-unpause-done" : "base-unpause-not-paused", vars));
}

composer.command("unpause", allow(...UNPAUSE_ROLES), async (ctx) => {
  const parsed = parseSegmentArg(commandArgs(ctx));
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "unpause"));
  if (parsed.segment === null) return listPausedSegments(ctx, null);
  const segment = findSegmentByKey(ctx.deps.db, ctx.team.id, nameKey(parsed.segment));
  if (!segment) return listPausedSegments(ctx, parsed.segment);
  await unpause(ctx, segment.id);
});

composer.callbackQuery(/^bunpause:(\d{1,12})$/, allow(...UNPAUSE_ROLES), async (ctx) => {
  await ctx.answerCallbackQuery();
  await unpause(ctx, Number(ctx.match[1]));
});

// ---------------------------------------------------------------------------------------------------------
// /import

composer.command("import", allow(...IMPORT_ROLES), async (ctx) => {
  // "/import" sent as a reply to a CSV document imports that document.
  const replied = ctx.message?.reply_to_message?.document;
  if (replied) return importDocument(ctx, replied);
  await ctx.reply(ctx.t("base-usage-import"));
});

// A document with the caption /import is not a command update: handled here, with the same checks.
composer.on("message:document", async (ctx, next) => {
  const document = ctx.message.document;
  const caption = (ctx.message.caption ?? "").trim();
  const command = /^\/import(?:@(\w+))?(?:\s|$)/i.exec(caption);
  if (command?.[1] && command[1].toLowerCase() !== ctx.me.username.toLowerCase()) return next();
  const role = ctx.member!.role;
  const mayImport = (IMPORT_ROLES as readonly string[]).includes(role);
  if (!command) {
    // A CSV sent without a caption by someone who may import is an import; anything else is not ours.
    if (!mayImport || ctx.chat.type !== "private" || caption !== "" || !looksLikeCsv(document)) return next();
  } else {
    if (!mayImport) return void (await ctx.reply(ctx.t("access-denied")));
    if (ctx.chat.type !== "private") return void (await ctx.reply(ctx.t("private-only")));
  }
  await importDocument(ctx, document);
});

// ---------------------------------------------------------------------------------------------------------
// The refusal dialogue: reason, lost for good, comment — each by button or typed.

type Answer = { value: string; fromButton: boolean; ctx: ConvContext };

/**
 * Waits for a press of a button matching `pattern` or a text `parse` accepts; a typed command leaves the
 * dialogue, another button goes to its own handler, anything else gets the hint.
 */
async function waitAnswer(
  conversation: BotConversation,
  pattern: RegExp,
  parse: (text: string) => string | null,
  hint: (ctx: ConvContext) => Promise<unknown>,
): Promise<Answer> {
  for (;;) {
    const ctx = await waitOrLeave(conversation);
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      const match = pattern.exec(data);
      if (match) {
        await ctx.answerCallbackQuery();
        return { value: match[1]!, fromButton: true, ctx };
      }
      await conversation.skip({ next: true });
    }
    const text = ctx.message?.text;
    if (text !== undefined) {
      const value = parse(text);
      if (value !== null) return { value, fromButton: false, ctx };
    }
    await hint(ctx);
  }
}

function reasonKeyboard(t: (key: string) => string) {
  const buttons = REFUSAL_REASONS.map((reason) => button(t(`base-reason-${reason}`), `brf:r:${reason}`));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return keyboard(rows);
}

/**
 * The refusal asked step by step. It is recorded as soon as the reason and "lost for good" are known, dated
 * to the /refusal itself (the clock is read once at the start), so a command typed instead of a comment, or
 * a comment given days later, neither loses it nor moves its handling window. The comment comes last and is
 * only added to the recorded refusal (or skipped).
 */
async function refusalDialogue(conversation: BotConversation, ctx: ConvContext, companyId: number, companyName: string): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  const refusedAt = await conversationNow(conversation, ctx);
  await ctx.reply(ctx.t("base-refusal-ask-reason", { company: companyName }), { reply_markup: reasonKeyboard(ctx.t) });
  const reasonAnswer = await waitAnswer(
    conversation,
    /^brf:r:(price|need|timing|competitor|noanswer|other)$/,
    (text) => parseRefusalReason(text),
    (c) => c.reply(c.t("base-refusal-hint-reason"), { reply_markup: reasonKeyboard(c.t) }),
  );
  const reason = reasonAnswer.value as RefusalReason;

  const lostKeyboard = (t: (key: string) => string) => keyboard([[button(t("base-refusal-lost-yes"), "brf:l:1"), button(t("base-refusal-lost-no"), "brf:l:0")]]);
  await reasonAnswer.ctx.reply(reasonAnswer.ctx.t("base-refusal-ask-lost", { company: companyName, reason: reasonLabel(reasonAnswer.ctx.t, reason) }), {
    reply_markup: lostKeyboard(reasonAnswer.ctx.t),
  });
  const lostAnswer = await waitAnswer(
    conversation,
    /^brf:l:([01])$/,
    (text) => {
      const yes = parseYesNo(text);
      return yes === null ? null : yes ? "1" : "0";
    },
    (c) => c.reply(c.t("base-refusal-hint-lost"), { reply_markup: lostKeyboard(c.t) }),
  );

  // Recorded now, at the moment of the /refusal.
  const asked = lostAnswer.ctx;
  const action: BaseAction = { cmd: "refusal", reason, lostForGood: lostAnswer.value === "1", comment: null };
  const locale = asked.locale;
  const outcome = await conversation.external((): ActionOutcome => {
    const member = freshMember(ctx, memberId);
    const t = ctx.deps.translator.forLocale(locale);
    if (!member || !ACTION_ROLES.refusal.includes(member.role)) return { text: t("access-denied"), queued: false };
    const team = getTeam(ctx.deps.db, ctx.deps.teamId)!;
    const company = getCompany(ctx.deps.db, team.id, companyId);
    if (!company) return { text: t("base-company-gone", { company: companyName }), queued: false };
    return performAction(actionEnv(ctx.deps, team, member, refusedAt, locale), action, company);
  });
  if (outcome.queued) asked.deps.onOutbox?.();
  const eventId = outcome.refusalEventId;
  if (eventId === undefined) return void (await asked.reply(outcome.text));

  const skipKeyboard = (t: (key: string) => string) => keyboard([[button(t("base-refusal-skip"), "brf:c:skip")]]);
  await asked.reply(`${outcome.text}\n\n${asked.t("base-refusal-ask-comment", { max: MAX_COMMENT_CHARS })}`, { reply_markup: skipKeyboard(asked.t) });
  const commentAnswer = await waitAnswer(
    conversation,
    /^brf:c:(skip)$/,
    (text) => {
      const comment = text.trim();
      return comment !== "" && !comment.startsWith("/") && comment.length <= MAX_COMMENT_CHARS ? comment : null;
    },
    (c) =>
      c.reply(
        (c.message?.text?.trim().length ?? 0) > MAX_COMMENT_CHARS
          ? c.t("base-refusal-comment-too-long", { max: MAX_COMMENT_CHARS })
          : c.t("base-refusal-hint-comment"),
        { reply_markup: skipKeyboard(c.t) },
      ),
  );
  const last = commentAnswer.ctx;
  if (commentAnswer.fromButton) return void (await last.reply(last.t("base-refusal-comment-skipped", { company: companyName })));
  const saved = await conversation.external(() => setRefusalComment(ctx.deps.db, ctx.deps.teamId, eventId, commentAnswer.value));
  await last.reply(last.t(saved ? "base-refusal-comment-saved" : "base-company-gone", { company: companyName }));
}

export const baseFeature: Feature = {
  name: "base",
  composer,
  conversations: [createConversation(refusalDialogue, REFUSAL_DIALOGUE)],
  commands: [
    { command: "touch", roles: ACTION_ROLES.touch, description: "cmd-touch", chats: "private" },
    { command: "refusal", roles: ACTION_ROLES.refusal, description: "cmd-refusal", chats: "private" },
    { command: "handled", roles: ACTION_ROLES.handled, description: "cmd-handled", chats: "private" },
    { command: "deal", roles: ACTION_ROLES.deal, description: "cmd-deal", chats: "private" },
    { command: "lead", roles: ACTION_ROLES.lead, description: "cmd-lead", chats: "private" },
    { command: "close", roles: ACTION_ROLES.close, description: "cmd-close", chats: "private" },
    { command: "add", roles: [...ADD_ROLES], description: "cmd-add", chats: "private" },
    { command: "import", roles: [...IMPORT_ROLES], description: "cmd-import", chats: "private" },
    { command: "unfreeze", roles: ACTION_ROLES.unfreeze, description: "cmd-unfreeze", chats: "private" },
    { command: "unpause", roles: [...UNPAUSE_ROLES], description: "cmd-unpause", chats: "private" },
  ],
};

/** Zone 3 in install order: the lead base, then /burn. */
export const baseFeatures: Feature[] = [baseFeature, burnFeature];
