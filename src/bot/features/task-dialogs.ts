/**
 * Small pieces the task dialogues share: the action environment read fresh inside
 * `conversation.external`, waiting for a free text, and the `otherwise` that lets a typed command
 * leave a dialogue and lets other buttons keep working while one is open.
 */
import { getMember, type Member } from "../../db/members.js";
import { getTeam } from "../../db/teams.js";
import { MAX_TEXT, textLength } from "../../domain/tasks.js";
import type { BotContext, ConvContext } from "../context.js";
import { rejectAnswer, type BotConversation } from "../conversation-tools.js";
import type { ActionEnv } from "../../services/tasks/task-actions.js";

/** The environment of an operation in an ordinary handler. */
export function envOf(ctx: BotContext): ActionEnv {
  return { db: ctx.deps.db, translator: ctx.deps.translator, team: ctx.team, now: ctx.now };
}

/** The environment read at the moment of the call; use only inside `conversation.external`. */
export function freshEnv(ctx: ConvContext): ActionEnv {
  return { db: ctx.deps.db, translator: ctx.deps.translator, team: getTeam(ctx.deps.db, ctx.deps.teamId)!, now: ctx.deps.clock.now() };
}

/** The member as stored now (inside `conversation.external`); undefined once removed. */
export function freshMember(ctx: ConvContext, memberId: number): Member | undefined {
  const member = getMember(ctx.deps.db, memberId);
  return member?.status === "active" ? member : undefined;
}

function isTypedCommand(ctx: ConvContext): boolean {
  return ctx.message?.text?.startsWith("/") ?? false;
}

/**
 * For updates a dialogue step does not expect: a command leaves the dialogue and runs; a button
 * press goes on to its own handler (the dialogue keeps waiting); a stray message gets `hint`.
 */
export function passThrough(conversation: BotConversation, hint?: (ctx: ConvContext) => string) {
  return async (ctx: ConvContext): Promise<void> => {
    if (isTypedCommand(ctx)) await conversation.halt({ next: true });
    if (ctx.callbackQuery) await conversation.skip({ next: true });
    if (ctx.message) await rejectAnswer(conversation, ctx, hint && (() => ctx.reply(hint(ctx))));
  };
}

/** Waits for a text of 1..1000 characters (not a command); a longer one is refused and asked again. */
export async function waitForText(conversation: BotConversation, hint: (ctx: ConvContext) => string): Promise<{ text: string; ctx: ConvContext }> {
  for (;;) {
    const reply = await conversation.waitUntil((u) => typeof u.message?.text === "string" && !u.message.text.startsWith("/"), {
      otherwise: passThrough(conversation, hint),
    });
    const text = reply.message!.text!.trim();
    if (text.length > 0 && textLength(text) <= MAX_TEXT) return { text, ctx: reply };
    await rejectAnswer(conversation, reply, () => reply.reply(reply.t("task-text-too-long", { max: String(MAX_TEXT) })));
  }
}
