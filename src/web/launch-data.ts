/**
 * Telegram's launch data (initData): the query string Telegram hands a Mini App, signed with a key derived from
 * the bot token. The Mini App sends it as `Authorization: tma <raw>` on every API call.
 */
import { validate } from "@telegram-apps/init-data-node";

/** Launch data older than this is refused (Telegram's own advice: a day). */
export const LAUNCH_DATA_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A client clock a little ahead of ours is tolerated; launch data dated later than this is not. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

export type LaunchUser = { userId: number; languageCode: string | null };

/**
 * The Telegram user the launch data in an Authorization header speaks for, or null when it is missing, not
 * signed with this bot's token, or older than a day. The age is checked against the injected clock rather than
 * the library's Date.now, so tests that move time see the same rule as production.
 */
export function authenticateLaunchData(header: string | undefined, botToken: string, now: number): LaunchUser | null {
  const match = /^tma (.+)$/.exec(header ?? "");
  if (!match) return null;
  const raw = match[1]!;
  try {
    validate(raw, botToken, { expiresIn: 0 });
  } catch {
    return null;
  }
  const params = new URLSearchParams(raw);
  const authDate = Number(params.get("auth_date")) * 1000;
  if (!Number.isFinite(authDate) || now - authDate > LAUNCH_DATA_MAX_AGE_MS || authDate - now > FUTURE_SKEW_MS) return null;
  return userOf(params.get("user"));
}

function userOf(json: string | null): LaunchUser | null {
  try {
    const user = JSON.parse(json ?? "") as { id?: unknown; language_code?: unknown };
    if (!Number.isSafeInteger(user.id)) return null;
    return { userId: user.id as number, languageCode: typeof user.language_code === "string" ? user.language_code : null };
  } catch {
    return null;
  }
}
