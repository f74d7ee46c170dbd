import type { MiddlewareFn } from "grammy";
import type { Role } from "../db/members.js";
import type { BotContext } from "./context.js";
import type { Feature } from "./feature.js";

/** Who may go on answering each dialogue, by its conversation name, from every feature. */
export function dialogueRolesOf(features: readonly Feature[]): ReadonlyMap<string, readonly Role[]> {
  return new Map(features.flatMap((feature) => Object.entries(feature.dialogueRoles ?? {})));
}

/** The names of the dialogues open in one stored conversations state (`{ version, state: { name: [...] } }`). */
function openDialogueNames(stored: unknown): string[] {
  const state = (stored as { state?: Record<string, unknown[]> } | undefined)?.state ?? {};
  return Object.keys(state).filter((name) => (state[name]?.length ?? 0) > 0);
}

export interface DialogueStore {
  /** The stored state of a chat:user key, if a dialogue is open there. */
  read(key: string): unknown;
  drop(key: string): void;
}

/**
 * Runs before the dialogues see an update: a dialogue the sender's current role no longer allows (demoted, or
 * removed and back with another role) is deleted, not answered, so an old prompt cannot write with old rights.
 * A name no feature declared counts as allowed to nobody. A typed command still goes on to run.
 */
export function guardDialogues(prefix: string, store: DialogueStore, roles: ReadonlyMap<string, readonly Role[]>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const member = ctx.member;
    if (!member || ctx.chatId === undefined || !ctx.from) return next();
    const key = `${prefix}${ctx.chatId}:${ctx.from.id}`;
    const names = openDialogueNames(store.read(key));
    const refused = names.filter((name) => !(roles.get(name) ?? []).includes(member.role));
    if (refused.length === 0) return next();
    store.drop(key);
    ctx.log.info({ dialogues: refused, role: member.role }, "dialogue closed: the role no longer allows it");
    const text = ctx.t("dialogue-role-changed");
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    await ctx.reply(text);
    if (ctx.message?.text?.startsWith("/")) await next();
  };
}
