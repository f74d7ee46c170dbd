import { describe, expect, it } from "vitest";
import { ConfigError, createConfig, crmSecrets } from "../src/config.js";

const TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

function settingOf(env: Record<string, string | undefined>): string {
  try {
    createConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).setting;
  }
  throw new Error("expected a ConfigError");
}

describe("createConfig", () => {
  it("applies the documented defaults", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN });
    expect(config).toEqual({
      botToken: TOKEN,
      databasePath: "data/bot.sqlite",
      founderIds: [],
      apiRoot: "https://api.telegram.org",
      defaultTimezone: "Europe/Moscow",
      defaultLocale: "ru",
      defaultCountry: "RU",
      logLevel: "info",
      mode: "polling",
      webhookUrl: undefined,
      webhookSecret: undefined,
      port: 8080,
      webAppUrl: undefined,
      webPort: 8080,
      crm: null,
    });
  });

  it("reads every setting", () => {
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      DATABASE_PATH: "/tmp/x.sqlite",
      FOUNDER_IDS: " 1, 22 ,333",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DEFAULT_TIMEZONE: "Europe/Berlin",
      DEFAULT_LOCALE: "en",
      DEFAULT_COUNTRY: "kz",
      LOG_LEVEL: "debug",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.com/hook",
      WEBHOOK_SECRET: "s3cret-token-value_1",
      PORT: "3000",
    });
    expect(config.founderIds).toEqual([1, 22, 333]);
    expect(config.apiRoot).toBe("http://127.0.0.1:8081");
    expect(config.mode).toBe("webhook");
    expect(config.port).toBe(3000);
    expect(config.defaultLocale).toBe("en");
    expect(config.defaultCountry).toBe("KZ");
  });

  it("reads the Mini App's address and port: https, or http only on the loopback", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN, WEB_APP_URL: "https://bot.example.com/app/", WEB_PORT: "8443" });
    expect([config.webAppUrl, config.webPort]).toEqual(["https://bot.example.com/app/", 8443]);
    expect(createConfig({ BOT_TOKEN: TOKEN, WEB_APP_URL: "http://127.0.0.1:9000/app/" }).webAppUrl).toBe("http://127.0.0.1:9000/app/");
    expect(settingOf({ BOT_TOKEN: TOKEN, WEB_APP_URL: "http://bot.example.com/app/" })).toBe("WEB_APP_URL");
    expect(settingOf({ BOT_TOKEN: TOKEN, WEB_APP_URL: "bot.example.com" })).toBe("WEB_APP_URL");
    expect(settingOf({ BOT_TOKEN: TOKEN, WEB_PORT: "70000" })).toBe("WEB_PORT");
  });

  it("treats empty values as unset", () => {
    expect(createConfig({ BOT_TOKEN: TOKEN, FOUNDER_IDS: "", LOG_LEVEL: "", PORT: "" }).logLevel).toBe("info");
  });

  it.each([
    [{}, "BOT_TOKEN"],
    [{ BOT_TOKEN: "" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: "not-a-token" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: TOKEN, FOUNDER_IDS: "12,abc" }, "FOUNDER_IDS"],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT"],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "nonsense" }, "TELEGRAM_API_ROOT"],
    [{ BOT_TOKEN: TOKEN, DEFAULT_TIMEZONE: "Mars/Olympus" }, "DEFAULT_TIMEZONE"],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LOCALE: "de" }, "DEFAULT_LOCALE"],
    [{ BOT_TOKEN: TOKEN, DEFAULT_COUNTRY: "Russia" }, "DEFAULT_COUNTRY"],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "push" }, "BOT_MODE"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_SECRET: "s3cret-token-value_1" }, "WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/h" }, "WEBHOOK_SECRET"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.com/hook", WEBHOOK_SECRET: "s3cret-token-value_1" }, "WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://10.0.0.5:8080/hook", WEBHOOK_SECRET: "s3cret-token-value_1" }, "WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET"],
    [{ BOT_TOKEN: TOKEN, PORT: "70000" }, "PORT"],
    [{ BOT_TOKEN: TOKEN, PORT: "eighty" }, "PORT"],
    [{ BOT_TOKEN: TOKEN, CRM: "salesforce" }, "CRM"],
    [{ BOT_TOKEN: TOKEN, CRM: "bitrix24" }, "BITRIX24_WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, CRM: "bitrix24", BITRIX24_WEBHOOK_URL: "http://portal.bitrix24.ru/rest/1/abcdefgh12345678/" }, "BITRIX24_WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, CRM: "bitrix24", BITRIX24_WEBHOOK_URL: "https://portal.bitrix24.ru/crm/" }, "BITRIX24_WEBHOOK_URL"],
    [{ BOT_TOKEN: TOKEN, CRM: "amocrm", AMOCRM_TOKEN: "t".repeat(40) }, "AMOCRM_URL"],
    [{ BOT_TOKEN: TOKEN, CRM: "amocrm", AMOCRM_URL: "https://team.amocrm.ru" }, "AMOCRM_TOKEN"],
    [{ BOT_TOKEN: TOKEN, CRM: "amocrm", AMOCRM_URL: "http://team.amocrm.ru", AMOCRM_TOKEN: "t".repeat(40) }, "AMOCRM_URL"],
    [{ BOT_TOKEN: TOKEN, CRM_SYNC_MINUTES: "0" }, "CRM_SYNC_MINUTES"],
  ])("names the bad setting %#", (env, setting) => {
    expect(settingOf(env)).toBe(setting);
  });

  it("reads a Bitrix24 webhook, https or on the loopback, and keeps its code secret", () => {
    const crm = createConfig({ BOT_TOKEN: TOKEN, CRM: "bitrix24", BITRIX24_WEBHOOK_URL: "https://team.bitrix24.ru/rest/7/abcdefgh12345678" }).crm;
    expect(crm).toEqual({ kind: "bitrix24", webhookUrl: "https://team.bitrix24.ru/rest/7/abcdefgh12345678/", syncMinutes: 10 });
    expect(crmSecrets(crm)).toContain("abcdefgh12345678");
    const local = createConfig({ BOT_TOKEN: TOKEN, CRM: "bitrix24", BITRIX24_WEBHOOK_URL: "http://127.0.0.1:9000/rest/1/abcdefgh12345678/", CRM_SYNC_MINUTES: "5" });
    expect(local.crm).toMatchObject({ kind: "bitrix24", syncMinutes: 5 });
  });

  it("reads amoCRM's address and token, and keeps the token secret", () => {
    const token = "eyJ0eXAiOiJKV1QiLCJhbGciOi" + "x".repeat(30);
    const crm = createConfig({ BOT_TOKEN: TOKEN, CRM: "amocrm", AMOCRM_URL: "http://localhost:9001/", AMOCRM_TOKEN: token }).crm;
    expect(crm).toEqual({ kind: "amocrm", baseUrl: "http://localhost:9001", token, syncMinutes: 10 });
    expect(crmSecrets(crm)).toEqual([token]);
  });

  it("never echoes the token in its message", () => {
    try {
      createConfig({ BOT_TOKEN: "123:short" });
    } catch (error) {
      expect((error as Error).message).not.toContain("123:short");
      expect((error as Error).message).toMatch(/^BOT_TOKEN /);
    }
  });
});
