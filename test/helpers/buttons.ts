/** Inline buttons of a message the bot sent, for tests that press them. */
import type { SentMessage } from "./fake-bot-api.js";

type Markup = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;

/** Every button's callback data, row by row. */
export function buttonData(message: SentMessage | undefined): string[] {
  return ((message?.reply_markup as Markup)?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
}

/** The callback data of the message's first button whose data starts with `prefix`; throws when there is none. */
export function buttonStartingWith(message: SentMessage | undefined, prefix: string): string {
  const data = buttonData(message).find((d) => d.startsWith(prefix));
  if (data === undefined) throw new Error(`no button ${prefix}… on ${JSON.stringify(message?.text ?? "")}`);
  return data;
}
