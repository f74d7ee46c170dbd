import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Loopback hosts may use plain http (tests, a local fake); everything else must be https. */
function isSecureOrLoopback(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "https:") return true;
    return parsed.protocol === "http:" && (parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost");
  } catch {
    return false;
  }
}

const crmUrl = (example: string) =>
  z
    .string()
    .url(`must be a URL like ${example}`)
    .refine(isSecureOrLoopback, "must be an https:// URL (http only for 127.0.0.1 or localhost)");

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const schema = z
  .object({
    BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z.string({ required_error: "is required (get one from @BotFather)" }).regex(/^\d+:[\w-]{20,}$/, "does not look like a bot token (digits:letters)"),
    ),
    DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default("data/bot.sqlite")),
    FOUNDER_IDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default("")
        .transform((value, ctx) => {
          const ids = value.split(",").map((part) => part.trim()).filter(Boolean);
          const bad = ids.find((id) => !/^\d{1,15}$/.test(id));
          if (bad !== undefined) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be comma-separated Telegram user ids, got "${bad}"` });
            return z.NEVER;
          }
          return ids.map(Number);
        }),
    ),
    TELEGRAM_API_ROOT: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url("must be a URL like https://api.telegram.org")
        .refine((url) => /^https?:\/\//.test(url), "must start with http:// or https://")
        .default("https://api.telegram.org")
        .transform((url) => url.replace(/\/+$/, "")),
    ),
    DEFAULT_TIMEZONE: z.preprocess(
      emptyToUndefined,
      z.string().default("Europe/Moscow").refine(isTimeZone, "is not an IANA time zone (e.g. Europe/Moscow)"),
    ),
    DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(["ru", "en"]).default("ru")),
    DEFAULT_COUNTRY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code (e.g. RU)")
        .default("RU")
        .transform((code) => code.toUpperCase()),
    ),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS).default("info")),
    BOT_MODE: z.preprocess(emptyToUndefined, z.enum(["polling", "webhook"]).default("polling")),
    WEBHOOK_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url("must be an https URL")
        // Updates carry what the team types; only a loopback address (tests, a local proxy) may skip TLS.
        .refine((url) => url.startsWith("https://") || new URL(url).hostname === "127.0.0.1", "must be an https:// URL")
        .optional(),
    ),
    WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -").optional(),
    ),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(8080)),
    WEB_APP_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url("must be a URL like https://bot.example.com/app/")
        // Telegram opens Mini Apps over https only; a loopback address serves tests and a local browser.
        .refine(isSecureOrLoopback, "must be an https:// URL (http only for 127.0.0.1 or localhost)")
        .optional(),
    ),
    WEB_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(8080)),
    CRM: z.preprocess(emptyToUndefined, z.enum(["bitrix24", "amocrm"], { message: "must be bitrix24 or amocrm" }).optional()),
    BITRIX24_WEBHOOK_URL: z.preprocess(
      emptyToUndefined,
      crmUrl("https://<portal>/rest/<user>/<code>/")
        .refine((url) => /\/rest\/\d+\/[^/]+\/?$/.test(new URL(url).pathname), "must end in /rest/<user id>/<webhook code>/")
        .optional(),
    ),
    AMOCRM_URL: z.preprocess(emptyToUndefined, crmUrl("https://<subdomain>.amocrm.ru").optional()),
    AMOCRM_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^\S{20,}$/, "must be a long-lived token (no spaces)").optional()),
    CRM_SYNC_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1440).default(10)),
  })
  .superRefine((env, ctx) => {
    const require = (setting: "BITRIX24_WEBHOOK_URL" | "AMOCRM_URL" | "AMOCRM_TOKEN") => {
      if (!env[setting]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [setting], message: `is required when CRM=${env.CRM}` });
    };
    if (env.CRM === "bitrix24") require("BITRIX24_WEBHOOK_URL");
    if (env.CRM === "amocrm") {
      require("AMOCRM_URL");
      require("AMOCRM_TOKEN");
    }
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  });

/** Where the lead base is read from when the team keeps it in a CRM. */
export type CrmConfig =
  | { kind: "bitrix24"; webhookUrl: string; syncMinutes: number }
  | { kind: "amocrm"; baseUrl: string; token: string; syncMinutes: number };

export interface Config {
  botToken: string;
  databasePath: string;
  founderIds: number[];
  apiRoot: string;
  defaultTimezone: string;
  defaultLocale: "ru" | "en";
  /** ISO country code of a new team's public calendar. */
  defaultCountry: string;
  logLevel: (typeof LOG_LEVELS)[number];
  mode: "polling" | "webhook";
  webhookUrl?: string;
  webhookSecret?: string;
  port: number;
  /** The Mini App's public address; undefined: no dashboard, no HTTP server in polling mode. */
  webAppUrl?: string;
  /** The Mini App's HTTP port in polling mode (webhook mode serves it on PORT). */
  webPort: number;
  /** null: no CRM, the base is typed in the bot */
  crm: CrmConfig | null;
}

export class ConfigError extends Error {
  constructor(readonly setting: string, message: string) {
    super(`${setting} ${message}`);
  }
}

/** Validates the environment; throws ConfigError naming the first bad setting. */
export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const setting = String(issue.path[0] ?? "configuration");
    const message = issue.code === "invalid_type" && issue.received === "undefined" ? "is required" : issue.message;
    throw new ConfigError(setting, message);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    databasePath: e.DATABASE_PATH,
    founderIds: e.FOUNDER_IDS,
    apiRoot: e.TELEGRAM_API_ROOT,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultCountry: e.DEFAULT_COUNTRY,
    logLevel: e.LOG_LEVEL,
    mode: e.BOT_MODE,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    port: e.PORT,
    webAppUrl: e.WEB_APP_URL,
    webPort: e.WEB_PORT,
    crm: crmOf(e),
  };
}

function crmOf(e: z.infer<typeof schema>): CrmConfig | null {
  const syncMinutes = e.CRM_SYNC_MINUTES;
  if (e.CRM === "bitrix24") return { kind: "bitrix24", webhookUrl: e.BITRIX24_WEBHOOK_URL!.replace(/\/*$/, "/"), syncMinutes };
  if (e.CRM === "amocrm") return { kind: "amocrm", baseUrl: e.AMOCRM_URL!.replace(/\/+$/, ""), token: e.AMOCRM_TOKEN!, syncMinutes };
  return null;
}

/** The parts of the CRM settings that grant access: never logged, never shown. */
export function crmSecrets(crm: CrmConfig | null): string[] {
  if (crm === null) return [];
  if (crm.kind === "amocrm") return [crm.token];
  const code = new URL(crm.webhookUrl).pathname.split("/").filter(Boolean).at(-1) ?? "";
  return [code, crm.webhookUrl];
}
