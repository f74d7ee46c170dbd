/**
 * The lead base: /import, /add, /touch, /refusal, /handled, /deal, /close, /unfreeze, /unpause,
 * /lead. The writes, the rules and the figures live in src/services/leads; this file reads the line, finds the company
 * (an unknown name gets the closest names and [Add as new], and nothing is written until one is chosen — the
 * choice continues the original command, kept in kv), asks what a line left out (the refusal's reason with
 * buttons, the close reason) and answers.
 */
import { Composer } from "grammy";
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

import { defineCallback, defineCommand, isMember, type Command, type Feature, type MemberCallbackContext, type MemberCommandContext, type MemberContext } from "../feature.js";
import type { BotContext, ConvContext } from "../context.js";
import type { Role } from "../../db/members.js";
import { callbackData, id, oneOf, text, type Field } from "../../shared/telegram/callback-data.js";
import { conversationNow, rejectAnswer, waitOrLeave, type BotConversation } from "../conversation-tools.js";
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
  ADDABLE,
  closeReasonButton,
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
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { formatPercent } from "../../shared/format.js";

const composer = new Composer<BotContext>();

/** A pick's key: unique per update, short enough for callback data (64 bytes) with a company id. */
const nonce = text("[0-9a-z]{1,12}");
const pickedCompany: Field<number | "new"> = { pattern: "\\d{1,12}|new", read: (value) => (value === "new" ? "new" : Number(value)), write: String };
/** `bpick:<nonce>:<company id>|new`: a company for the pending command, or [Add as new]. */
const pickCompanyButton = callbackData("bpick", { nonce, company: pickedCompany });
/** `bpick:<nonce>:seg:<segment id>` (0: the default segment): where [Add as new] puts the company. */
const pickSegmentButton = callbackData("bpick", { nonce, step: oneOf(["seg"]), segment: id });
/** `bunpause:<segment id>`. */
const unpauseButton = callbackData("bunpause", { segment: id });
const refusalReasonButton = callbackData("brf:r", { reason: oneOf(REFUSAL_REASONS) });
const refusalLostButton = callbackData("brf:l", { lost: oneOf(["1", "0"]) });
const refusalSkipButton = callbackData("brf:c:skip");
/** How long after "which segment?" a typed text is taken for the answer. */
const SEGMENT_ANSWER_MS = 60 * 60 * 1000;
const REFUSAL_DIALOGUE = "base-refusal";

function envOf(ctx: MemberContext): ActionEnv {
  return actionEnv(ctx.deps, ctx.team, ctx.member, ctx.now, ctx.locale);
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
async function deliver(ctx: MemberContext, outcome: ActionOutcome, preface?: string): Promise<void> {
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

export const pendingKey = (teamId: number, userId: number) => `base-pick:${teamId}:${userId}`;

async function offerSuggestions(ctx: MemberContext, action: BaseAction, typed: string, suggestions: CompanySuggestion[]): Promise<void> {
  const addable = ADDABLE.has(action.cmd);
  if (suggestions.length === 0 && !addable) return void (await ctx.reply(ctx.t("base-company-unknown-none", { company: typed })));
  // Unique per update, short enough for callback data (64 bytes) with a company id.
  const nonce = ctx.update.update_id.toString(36);
  createKvStore(ctx.deps.db).write(pendingKey(ctx.team.id, ctx.from!.id), { nonce, action, typed } satisfies PendingPick, ctx.now);
  const rows: InlineKeyboardButton[][] = suggestions.map((s) => [button(label(s.name), pickCompanyButton.pack({ nonce, company: s.id }))]);
  if (addable) rows.push([button(ctx.t("base-add-new", { company: label(typed, 32) }), pickCompanyButton.pack({ nonce, company: "new" }))]);
  const key = suggestions.length > 0 ? "base-company-unknown" : "base-company-unknown-add";
  await ctx.reply(ctx.t(key, { company: typed }), { reply_markup: keyboard(rows) });
}

/** Reads the pending command behind a button; undefined when the button is stale. */
function pendingFor(ctx: BotContext, nonce: string): PendingPick | undefined {
  const pending = createKvStore(ctx.deps.db).read<PendingPick>(pendingKey(ctx.team.id, ctx.from!.id));
  return pending?.nonce === nonce ? pending : undefined;
}

/** Runs a command line that names a company: parse, find the company (or offer names), act, answer. */
async function runCompanyCommand<T>(ctx: MemberContext, cmd: BaseCommand, parsed: Parsed<T>, toAction: (extra: T) => BaseAction): Promise<void> {
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

async function companyPicked(ctx: MemberCallbackContext, nonce: string, picked: number | "new"): Promise<unknown> {
  const pending = pendingFor(ctx, nonce);
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  if (!mayDo(ctx.member.role, pending.action.cmd)) {
    return ctx.answerCallbackQuery({ text: ctx.t("access-denied"), show_alert: true });
  }
  const db = ctx.deps.db;
  if (picked === "new") {
    const segments = listSegments(db, ctx.team.id);
    if (segments.length > 0) {
      createKvStore(db).write(pendingKey(ctx.team.id, ctx.from.id), { ...pending, segmentAskedAt: ctx.now } satisfies PendingPick, ctx.now);
      await ctx.answerCallbackQuery();
      const rows = segments.slice(0, 12).map((segment) => [button(label(segment.name), pickSegmentButton.pack({ nonce: pending.nonce, step: "seg", segment: segment.id }))]);
      rows.push([button(ctx.t("base-default-segment-button"), pickSegmentButton.pack({ nonce: pending.nonce, step: "seg", segment: 0 }))]);
      return void (await ctx.reply(ctx.t("base-add-ask-segment", { company: pending.typed }), { reply_markup: keyboard(rows) }));
    }
    return addAndContinue(ctx, pending, null);
  }
  const company = getCompany(db, ctx.team.id, picked);
  if (!company) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  createKvStore(db).delete(pendingKey(ctx.team.id, ctx.from.id));
  await ctx.answerCallbackQuery();
  await deliver(ctx, performAction(envOf(ctx), pending.action, company));
}

async function segmentPicked(ctx: MemberCallbackContext, nonce: string, segmentId: number): Promise<unknown> {
  const pending = pendingFor(ctx, nonce);
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  if (!mayDo(ctx.member.role, pending.action.cmd)) {
    return ctx.answerCallbackQuery({ text: ctx.t("access-denied"), show_alert: true });
  }
  const segment = segmentId === 0 ? null : getSegment(ctx.deps.db, ctx.team.id, segmentId);
  if (segment === undefined) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await addAndContinue(ctx, pending, segment?.name ?? null);
}

/** "Which segment?" answered by typing: an existing segment's name (any case) or a new one. */
composer.on("message:text", async (ctx, next) => {
  const text = ctx.message.text.replace(/\s+/g, " ").trim();
  if (text === "" || text.startsWith("/") || ctx.chat.type !== "private") return next();
  const pending = createKvStore(ctx.deps.db).read<PendingPick>(pendingKey(ctx.team.id, ctx.from.id));
  if (pending?.segmentAskedAt === undefined || ctx.now - pending.segmentAskedAt > SEGMENT_ANSWER_MS) return next();
  if (!isMember(ctx) || !mayDo(ctx.member.role, pending.action.cmd)) return next();
  if (text.length > MAX_COMPANY_NAME) return void (await ctx.reply(ctx.t("base-error-company-too-long", { max: MAX_COMPANY_NAME })));
  const existing = findSegmentByKey(ctx.deps.db, ctx.team.id, nameKey(text));
  await addAndContinue(ctx, pending, existing?.name ?? text);
});

/** The name of the segment a company goes to when none is given, in the team's language. */
function defaultSegmentName(ctx: MemberContext): string {
  return ctx.deps.translator.forLocale(ctx.team.locale)("base-default-segment");
}

/** [Add as new]: adds the typed name to the segment (null: the team's default one), then does the command. */
async function addAndContinue(ctx: MemberContext, pending: PendingPick, segmentName: string | null): Promise<void> {
  const db = ctx.deps.db;
  const defaultSegment = defaultSegmentName(ctx);
  const added = addCompany(db, { teamId: ctx.team.id, name: pending.typed, segmentName: segmentName ?? defaultSegment, now: ctx.now, memberId: ctx.member.id });
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

/** /add <company>[; <segment>]: a new company in one line — the inline form of [Add as new]. */
async function addCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const parsed = parseAddArgs(text);
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "add"));
  const db = ctx.deps.db;
  // A name the base already knows (by name, INN, or the only company without the legal form) is not added again.
  const resolution = resolveReadings(db, ctx.team.id, [{ company: parsed.company, extra: null }]);
  if (resolution.kind === "found") return ctx.reply(ctx.t("base-added-exists", { company: resolution.company.name }));
  const segmentName =
    parsed.segment === null ? defaultSegmentName(ctx) : (findSegmentByKey(db, ctx.team.id, nameKey(parsed.segment))?.name ?? parsed.segment);
  const added = addCompany(db, { teamId: ctx.team.id, name: parsed.company, segmentName, now: ctx.now, memberId: ctx.member.id });
  if (!added.ok) {
    if (added.reason === "exists") return ctx.reply(ctx.t("base-added-exists", { company: added.company.name }));
    return ctx.reply(`${ctx.t("base-error-company-too-long", { max: MAX_COMPANY_NAME })}\n${ctx.t("base-usage-add")}`);
  }
  ctx.log.info({ companyId: added.company.id }, "company added by /add");
  await ctx.reply(ctx.t("base-added", { company: added.company.name, segment: segmentName }));
}

/** [ЛПР умер] [Бизнес закрылся]: the close reason chosen for a company. */
async function closeReasonPicked(ctx: MemberCallbackContext, companyId: number, index: number): Promise<unknown> {
  const reason = currentCloseReasons(ctx.deps.db, ctx.team.id)[index];
  const company = getCompany(ctx.deps.db, ctx.team.id, companyId);
  if (reason === undefined || !company) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.answerCallbackQuery();
  await deliver(ctx, performAction(envOf(ctx), { cmd: "close", reason }, company));
}

// ---------------------------------------------------------------------------------------------------------
// /unpause

/** The segments paused now, worst first, as buttons. */
function pausedSegmentButtons(ctx: MemberContext): InlineKeyboardButton[][] {
  const report = loadBurnReport(ctx.deps.db, ctx.team.id, { now: ctx.now });
  return report.figures.segments.flatMap((segment, index) =>
    segment.paused
      ? [[button(`${label(segment.name, 40)} — ${formatPercent(segment.burnedShare)}`, unpauseButton.pack({ segment: report.segmentDetails[index]!.segmentId }))]]
      : [],
  );
}

async function listPausedSegments(ctx: MemberContext, notFound: string | null): Promise<void> {
  const rows = pausedSegmentButtons(ctx);
  const lead = notFound === null ? [] : [ctx.t("base-segment-unknown", { segment: notFound })];
  if (rows.length === 0) return void (await ctx.reply([...lead, ctx.t("base-unpause-none")].join("\n")));
  await ctx.reply([...lead, ctx.t("base-unpause-choose")].join("\n"), { reply_markup: keyboard(rows) });
}

async function unpause(ctx: MemberContext, segmentId: number): Promise<void> {
  const segment = getSegment(ctx.deps.db, ctx.team.id, segmentId);
  const env = envOf(ctx);
  const hooks = noticeHooks(env, null, false);
  const result = unpauseSegment(ctx.deps.db, { teamId: ctx.team.id, segmentId, memberId: ctx.member.id, now: ctx.now }, hooks);
  if (hooks.queued()) ctx.deps.onOutbox?.();
  if (!result.ok && result.reason === "not-found") return void (await ctx.reply(ctx.t("button-stale")));
  const vars = { segment: segment?.name ?? "?", share: formatPercent(result.burnedShare), threshold: formatPercent(ctx.team.pauseThreshold) };
  if (result.ok) ctx.log.info({ segmentId }, "segment unpaused");
  await ctx.reply(ctx.t(result.ok ? "base-unpause-done" : "base-unpause-not-paused", vars));
}

async function unpauseCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const parsed = parseSegmentArg(text);
  if (!parsed.ok) return ctx.reply(argErrorText(ctx, parsed, "unpause"));
  if (parsed.segment === null) return listPausedSegments(ctx, null);
  const segment = findSegmentByKey(ctx.deps.db, ctx.team.id, nameKey(parsed.segment));
  if (!segment) return listPausedSegments(ctx, parsed.segment);
  await unpause(ctx, segment.id);
}

async function unpausePressed(ctx: MemberCallbackContext, segmentId: number): Promise<void> {
  await ctx.answerCallbackQuery();
  await unpause(ctx, segmentId);
}

// ---------------------------------------------------------------------------------------------------------
// /import

async function importCommand(ctx: MemberCommandContext): Promise<unknown> {
  // "/import" sent as a reply to a CSV document imports that document.
  const replied = ctx.message?.reply_to_message?.document;
  if (replied) return importDocument(ctx, replied);
  await ctx.reply(ctx.t("base-usage-import"));
}

// A document with the caption /import is not a command update: handled here, with the same checks.
composer.on("message:document", async (ctx, next) => {
  const document = ctx.message.document;
  const caption = (ctx.message.caption ?? "").trim();
  const command = /^\/import(?:@(\w+))?(?:\s|$)/i.exec(caption);
  if (command?.[1] && command[1].toLowerCase() !== ctx.me.username.toLowerCase()) return next();
  if (!isMember(ctx)) return next();
  const mayImport = mayDo(ctx.member.role, "import");
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
 * Waits for a press of a button `read` knows or a text `parse` accepts; a typed command leaves the
 * dialogue, another button goes to its own handler, anything else gets the hint.
 */
async function waitAnswer(
  conversation: BotConversation,
  read: (data: string) => string | undefined,
  parse: (text: string) => string | null,
  hint: (ctx: ConvContext) => Promise<unknown>,
): Promise<Answer> {
  for (;;) {
    const ctx = await waitOrLeave(conversation);
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      const value = read(data);
      if (value !== undefined) {
        await ctx.answerCallbackQuery();
        return { value, fromButton: true, ctx };
      }
      await conversation.skip({ next: true });
    }
    const text = ctx.message?.text;
    if (text !== undefined) {
      const value = parse(text);
      if (value !== null) return { value, fromButton: false, ctx };
    }
    await rejectAnswer(conversation, ctx, () => hint(ctx));
  }
}

function reasonKeyboard(t: (key: string) => string) {
  const buttons = REFUSAL_REASONS.map((reason) => button(t(`base-reason-${reason}`), refusalReasonButton.pack({ reason })));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return keyboard(rows);
}

/**
 * The refusal asked step by step. It is recorded as soon as the reason and "lost for good" are known, dated
 * to the /refusal itself (the clock is read once at the start), so a command typed instead of a comment, or
 * a comment given hours later (a dialogue lasts a day), neither loses it nor moves its handling window. The comment comes last and is
 * only added to the recorded refusal (or skipped).
 */
async function refusalDialogue(conversation: BotConversation, ctx: ConvContext, companyId: number, companyName: string): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  const refusedAt = await conversationNow(conversation, ctx);
  await ctx.reply(ctx.t("base-refusal-ask-reason", { company: companyName }), { reply_markup: reasonKeyboard(ctx.t) });
  const reasonAnswer = await waitAnswer(
    conversation,
    (data) => refusalReasonButton.unpack(data)?.reason,
    (text) => parseRefusalReason(text),
    (c) => c.reply(c.t("base-refusal-hint-reason"), { reply_markup: reasonKeyboard(c.t) }),
  );
  const reason = reasonAnswer.value as RefusalReason;

  const lostKeyboard = (t: (key: string) => string) => keyboard([[button(t("base-refusal-lost-yes"), refusalLostButton.pack({ lost: "1" })), button(t("base-refusal-lost-no"), refusalLostButton.pack({ lost: "0" }))]]);
  await reasonAnswer.ctx.reply(reasonAnswer.ctx.t("base-refusal-ask-lost", { company: companyName, reason: reasonLabel(reasonAnswer.ctx.t, reason) }), {
    reply_markup: lostKeyboard(reasonAnswer.ctx.t),
  });
  const lostAnswer = await waitAnswer(
    conversation,
    (data) => refusalLostButton.unpack(data)?.lost,
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
    if (!member || !mayDo(member.role, "refusal")) return { text: t("access-denied"), queued: false };
    const team = getTeam(ctx.deps.db, ctx.deps.teamId)!;
    const company = getCompany(ctx.deps.db, team.id, companyId);
    if (!company) return { text: t("base-company-gone", { company: companyName }), queued: false };
    return performAction(actionEnv(ctx.deps, team, member, refusedAt, locale), action, company);
  });
  if (outcome.queued) asked.deps.onOutbox?.();
  const eventId = outcome.refusalEventId;
  if (eventId === undefined) return void (await asked.reply(outcome.text));

  const skipKeyboard = (t: (key: string) => string) => keyboard([[button(t("base-refusal-skip"), refusalSkipButton.pack({}))]]);
  await asked.reply(`${outcome.text}\n\n${asked.t("base-refusal-ask-comment", { max: MAX_COMMENT_CHARS })}`, { reply_markup: skipKeyboard(asked.t) });
  const commentAnswer = await waitAnswer(
    conversation,
    (data) => (refusalSkipButton.unpack(data) ? "skip" : undefined),
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

const EVERYONE = ["founder", "lead", "manager"] as const;
const FOUNDER_AND_LEAD = ["founder", "lead"] as const;

const baseCommands: Command[] = [
  defineCommand({
    command: "touch",
    roles: EVERYONE,
    description: "cmd-touch",
    chats: "private",
    parse: parseCompanyOnly,
    handler: (ctx, parsed) => runCompanyCommand(ctx, "touch", parsed, (extra) => ({ cmd: "touch", comment: extra.comment })),
  }),
  defineCommand({
    command: "refusal",
    roles: EVERYONE,
    description: "cmd-refusal",
    chats: "private",
    parse: parseRefusalArgs,
    handler: (ctx, parsed) =>
      runCompanyCommand(ctx, "refusal", parsed, (extra) =>
        extra.reason === null
          ? { cmd: "refusal", reason: null, lostForGood: false, comment: null }
          : { cmd: "refusal", reason: extra.reason, lostForGood: extra.lostForGood, comment: extra.comment },
      ),
  }),
  defineCommand({
    command: "handled",
    roles: EVERYONE,
    description: "cmd-handled",
    chats: "private",
    parse: parseCompanyOnly,
    handler: (ctx, parsed) => runCompanyCommand(ctx, "handled", parsed, () => ({ cmd: "handled" })),
  }),
  defineCommand({
    command: "deal",
    roles: EVERYONE,
    description: "cmd-deal",
    chats: "private",
    parse: parseDealArgs,
    handler: (ctx, parsed) => runCompanyCommand(ctx, "deal", parsed, (extra) => ({ cmd: "deal", amountKopecks: extra.amountKopecks })),
  }),
  defineCommand({
    command: "lead",
    roles: EVERYONE,
    description: "cmd-lead",
    chats: "private",
    parse: parseCompanyOnly,
    handler: (ctx, parsed) => runCompanyCommand(ctx, "lead", parsed, () => ({ cmd: "lead" })),
  }),
  defineCommand({
    command: "close",
    roles: EVERYONE,
    description: "cmd-close",
    chats: "private",
    parse: (text, ctx) => parseCloseArgs(text, ctx.team.closeReasons),
    handler: (ctx, parsed) => runCompanyCommand(ctx, "close", parsed, (extra) => ({ cmd: "close", reason: extra.reason })),
  }),
  defineCommand({ command: "add", roles: EVERYONE, description: "cmd-add", chats: "private", handler: addCommand }),
  defineCommand({ command: "import", roles: FOUNDER_AND_LEAD, description: "cmd-import", chats: "private", handler: importCommand }),
  defineCommand({
    command: "unfreeze",
    roles: FOUNDER_AND_LEAD,
    description: "cmd-unfreeze",
    chats: "private",
    parse: parseCompanyOnly,
    handler: (ctx, parsed) => runCompanyCommand(ctx, "unfreeze", parsed, () => ({ cmd: "unfreeze" })),
  }),
  defineCommand({ command: "unpause", roles: FOUNDER_AND_LEAD, description: "cmd-unpause", chats: "private", handler: unpauseCommand }),
];

/** Whether `role` may run the base command `name` — by the command's own roles (a pick or a dialogue continues a command). */
function mayDo(role: Role, name: BaseCommand | "import"): boolean {
  return baseCommands.some((spec) => spec.command === name && spec.roles.includes(role));
}

export const baseFeature: Feature = {
  name: "base",
  composer,
  conversations: [createConversation(refusalDialogue, REFUSAL_DIALOGUE)],
  dialogueRoles: { [REFUSAL_DIALOGUE]: EVERYONE },
  commands: baseCommands,
  callbacks: [
    defineCallback({ data: pickCompanyButton, chats: "private", handler: (ctx, { nonce, company }) => companyPicked(ctx, nonce, company) }),
    defineCallback({ data: pickSegmentButton, chats: "private", handler: (ctx, { nonce, segment }) => segmentPicked(ctx, nonce, segment) }),
    defineCallback({ data: closeReasonButton, chats: "private", roles: EVERYONE, handler: (ctx, { company, reason }) => closeReasonPicked(ctx, company, reason) }),
    defineCallback({ data: unpauseButton, chats: "private", roles: FOUNDER_AND_LEAD, handler: (ctx, { segment }) => unpausePressed(ctx, segment) }),
  ],
};

/** The lead base's features in install order: the base, then /burn. */
export const baseFeatures: Feature[] = [baseFeature, burnFeature];
