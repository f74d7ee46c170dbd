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
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  });

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
  };
}
