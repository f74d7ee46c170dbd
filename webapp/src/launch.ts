/**
 * What Telegram put in the URL hash when it opened the page: the raw init data (sent back to the server as
 * is, which checks its signature) and the theme. Outside Telegram both are missing and the page still loads.
 */
import { retrieveLaunchParams, retrieveRawInitData } from "@telegram-apps/sdk";

export type Launch = {
  /** the raw tgWebAppData query string, undefined when the page was not opened from Telegram */
  initData?: string;
  /** the user's Telegram language, for the words shown before the server answers */
  languageCode?: string;
  theme: Record<string, string>;
};

/** Reads the launch parameters; anything unreadable counts as missing (the server then answers 401). */
export function readLaunch(): Launch {
  let initData: string | undefined;
  try {
    initData = retrieveRawInitData();
  } catch {
    initData = undefined;
  }
  try {
    const params = retrieveLaunchParams(true);
    const theme: Record<string, string> = {};
    for (const [name, colour] of Object.entries(params.tgWebAppThemeParams ?? {})) if (typeof colour === "string") theme[name] = colour;
    return { initData, languageCode: params.tgWebAppData?.user?.languageCode, theme };
  } catch {
    return { initData, theme: {} };
  }
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Telegram's colours as the CSS variables Telegram's own clients set (--tg-theme-bg-color …); styles.css has defaults. */
export function applyTheme(theme: Record<string, string>, root: HTMLElement): void {
  for (const [name, colour] of Object.entries(theme)) root.style.setProperty(`--tg-theme-${kebab(name)}`, colour);
}
