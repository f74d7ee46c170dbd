/**
 * Launch data (initData) signed as Telegram signs it for a Mini App: HMAC-SHA256 over the sorted `key=value`
 * lines with the key HMAC_SHA256("WebAppData", botToken). The Mini App sends it as `Authorization: tma <raw>`.
 */
import { sign } from "@telegram-apps/init-data-node";

export interface LaunchUserSpec {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** The raw launch data string Telegram would hand the page for this user at `authDate`. */
export function signInitData(options: { botToken: string; user: LaunchUserSpec; authDate: Date }): string {
  return sign({ user: options.user, query_id: "AAHdF6IQAAAAAN0XohDhrOrc" }, options.botToken, options.authDate);
}

/** The Authorization header value for raw launch data. */
export function launchHeader(raw: string): { authorization: string } {
  return { authorization: `tma ${raw}` };
}
