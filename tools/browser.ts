/**
 * Headless Chromium for the Mini App's browser tests and the demo's screenshots: Debian's /usr/bin/chromium
 * driven by playwright-core (which downloads no browser of its own), in a fresh profile each launch.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_MISSING = `Chromium is not installed at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;

/** Whether the browser is there to launch. */
export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Launches the browser; quiet and offline apart from the pages it is sent to. */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright gives every launch a fresh temporary --user-data-dir of its own.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Telegram's light theme, as Telegram passes it in tgWebAppThemeParams. */
export const LIGHT_THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#999999",
  link_color: "#2481cc",
  button_color: "#2481cc",
  button_text_color: "#ffffff",
  secondary_bg_color: "#efeff3",
  section_bg_color: "#ffffff",
};

/** The address Telegram opens: the page with the launch parameters in the hash (no tgWebAppData when undefined). */
export function miniAppUrl(pageUrl: string, initData: string | undefined, theme: Record<string, string> = LIGHT_THEME): string {
  const params = [
    ...(initData === undefined ? [] : [`tgWebAppData=${encodeURIComponent(initData)}`]),
    `tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(theme))}`,
    "tgWebAppVersion=8.0",
    "tgWebAppPlatform=tdesktop",
  ];
  return `${pageUrl}#${params.join("&")}`;
}

/** A phone's viewport: the page is laid out for 360 px. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
