/** Inline keyboards: every button a feature or a job sends is built here. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";

/** Telegram refuses callback_data longer than this, counted in bytes of UTF-8. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Throws when `data` would be refused by Telegram, so a too-long encoding fails in tests, not in chats. */
export function checkCallbackData(data: string): string {
  const bytes = Buffer.byteLength(data, "utf8");
  if (bytes === 0 || bytes > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data of ${bytes} bytes (1..${CALLBACK_DATA_MAX_BYTES}): ${data}`);
  return data;
}

export function button(text: string, data: string): InlineKeyboardButton.CallbackButton {
  return { text, callback_data: checkCallbackData(data) };
}

/** Empty rows are dropped, so a caller can build rows conditionally. */
export function keyboard(rows: InlineKeyboardButton[][]): InlineKeyboardMarkup {
  return { inline_keyboard: rows.filter((row) => row.length > 0) };
}
