import type { Transformer } from "grammy";

/** Telegram's hard limits, in UTF-16 code units like its own counting. */
export const TELEGRAM_TEXT_LIMITS = { text: 4096, caption: 1024, callbackAnswer: 200 } as const;

function fit(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  // Never leave half of a surrogate pair at the end.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * A safety net under every feature: a text, caption or button answer over Telegram's limit is
 * shortened instead of refused with 400, so a reply that echoes a huge input, or a list that grew
 * long, still reaches the person (and an outbox message does not fail forever). Features should
 * still keep their texts short; this only guarantees nobody meets silence.
 */
export function fitTelegramLimits(): Transformer {
  return (prev, method, payload, signal) => {
    const fields = payload as Record<string, unknown>;
    if ((method === "sendMessage" || method === "editMessageText") && typeof fields.text === "string") {
      fields.text = fit(fields.text, TELEGRAM_TEXT_LIMITS.text);
    }
    if (typeof fields.caption === "string") fields.caption = fit(fields.caption, TELEGRAM_TEXT_LIMITS.caption);
    if (method === "answerCallbackQuery" && typeof fields.text === "string") fields.text = fit(fields.text, TELEGRAM_TEXT_LIMITS.callbackAnswer);
    return prev(method, payload, signal);
  };
}
