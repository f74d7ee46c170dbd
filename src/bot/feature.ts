import type { CallbackQueryContext, CommandContext, Composer, MiddlewareFn } from "grammy";
import type { Member, Role } from "../db/members.js";
import type { CallbackData } from "../shared/telegram/callback-data.js";
import type { BotContext } from "./context.js";

/** The context after the stranger gate: the sender is an active member of the team. */
export type MemberContext = BotContext & { member: Member };

export function isMember(ctx: BotContext): ctx is MemberContext {
  return ctx.member !== undefined;
}

export type MemberCommandContext = CommandContext<MemberContext>;
export type MemberCallbackContext = CallbackQueryContext<MemberContext>;

/** Where a command works; elsewhere the sender gets a hint to use the private chat. */
export type ChatScope =
  /** any chat */
  | "any"
  /** private only: a group can hold people outside the team */
  | "private"
  /** private and the team's alert chat set by /alerts_here (figures the founder chose to share there) */
  | "alerts";

/** A command as the dispatcher, /help and the menus see it. */
export interface Command {
  command: string;
  /** Roles that may use it; others get a refusal. Declared here and nowhere else. */
  roles: readonly Role[];
  /** Locale key of the one-line description shown in menus and /help. */
  description: string;
  chats: ChatScope;
  /** Parses the text after the command and handles it; runs only after the access check. */
  run(ctx: MemberCommandContext, text: string): Promise<unknown>;
}

/** How a command is written down: `parse` turns the text after the command into `handler`'s argument. */
export interface CommandSpec<A> extends Omit<Command, "run"> {
  parse?: (text: string, ctx: MemberCommandContext) => A;
  handler: (ctx: MemberCommandContext, args: A) => unknown;
}

export function defineCommand<A = string>(spec: CommandSpec<A>): Command {
  const { parse, handler, ...described } = spec;
  return {
    ...described,
    run: async (ctx, text) => handler(ctx, parse ? parse(text, ctx) : (text as A)),
  };
}

/** A button kind and who may press it. */
export interface Callback {
  /** Roles that may press it; unset: every member (the handler checks what is theirs). */
  roles?: readonly Role[];
  /** Where a press counts, as for commands: "private" refuses presses in a group (a group can hold outsiders). */
  chats: ChatScope;
  /** The press's handler bound to its data, or undefined when the data is not this kind. */
  bind(data: string): ((ctx: MemberCallbackContext) => Promise<unknown>) | undefined;
}

export interface CallbackSpec<T> extends Omit<Callback, "bind"> {
  data: CallbackData<T>;
  handler: (ctx: MemberCallbackContext, value: T) => unknown;
}

export function defineCallback<T>(spec: CallbackSpec<T>): Callback {
  const { data, handler, ...access } = spec;
  return {
    ...access,
    bind: (text) => {
      const value = data.unpack(text);
      return value === undefined ? undefined : async (ctx) => handler(ctx, value);
    },
  };
}

export interface Feature {
  name: string;
  commands: Command[];
  callbacks?: Callback[];
  /** Handlers of what is neither a command nor a button (documents, typed answers). */
  composer?: Composer<BotContext>;
  /**
   * `createConversation(...)` middlewares. They are installed before every feature's handlers, so
   * an active dialogue sees the next update first, whichever feature owns the dialogue.
   */
  conversations?: MiddlewareFn<BotContext>[];
  /** For each of `conversations`, by name: the roles that may go on answering it (checked at every update). */
  dialogueRoles?: Readonly<Record<string, readonly Role[]>>;
}

/** The text after the command, trimmed; "" when none. */
export function commandArgs(ctx: BotContext): string {
  const match = ctx.match;
  return typeof match === "string" ? match.trim() : "";
}
