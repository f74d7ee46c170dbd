import { Api, GrammyError, webhookCallback, type Transformer } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Config } from "./config.js";
import { crmSecrets } from "./config.js";
import { createCrmSync, type CrmSync } from "./services/crm/index.js";
import type { CrmHttpOptions } from "./services/crm/http.js";
import type { ChartDrawer } from "./reports/chart-process.js";
import { openDatabase, type Db } from "./db/open.js";
import { migrate } from "./db/migrate.js";
import { ensureTeam } from "./db/teams.js";
import { createBot } from "./bot/create-bot.js";
import { bootstrapFounders } from "./services/team/bootstrap.js";
import { createTranslator } from "./shared/i18n.js";
import type { Clock } from "./shared/clock.js";
import { createOutboxWorker, type OutboxLimits } from "./outbox/worker.js";
import { createStorageAlarm } from "./outbox/storage-alarm.js";
import { startScheduler } from "./jobs/scheduler.js";
import { JOBS } from "./jobs/index.js";
import { createLogger, type Logger } from "./shared/logger.js";
import { syncCommandMenus } from "./bot/menus.js";
import { COMMANDS } from "./bot/features/index.js";
import type { RateLimitOptions } from "./bot/middleware/rate-limit.js";
import { fitTelegramLimits } from "./shared/telegram/limits.js";
import { readWebhookBody } from "./shared/telegram/webhook-body.js";
import { createWebHandler, type WebHandler } from "./web/server.js";
import { syncMenuButtons } from "./bot/menu-button.js";
import { PACKAGE_ROOT } from "./shared/package-root.js";
import { join } from "node:path";

export const TEAM_ID = 1;

export class StartupError extends Error {}

/** One getMe call; grammY's own init would retry a wrong address or token forever in silence. */
async function fetchBotInfo(api: Api, config: Config): Promise<UserFromGetMe> {
  try {
    return await api.getMe();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) throw new StartupError("BOT_TOKEN was rejected by Telegram (401 Unauthorized)");
    if (error instanceof GrammyError && error.error_code === 404) throw new StartupError("BOT_TOKEN was rejected by Telegram (404 Not Found)");
    throw new StartupError(`TELEGRAM_API_ROOT ${config.apiRoot} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface AppOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  botInfo?: UserFromGetMe;
  /** Extra API transformers (tests record calls with them). */
  apiTransformers?: Transformer[];
  outboxLimits?: Partial<OutboxLimits>;
  /** Tests drive jobs by hand with a moved clock; production ticks every minute. */
  scheduler?: boolean;
  /** Called when the bot can no longer receive updates (main exits with one clear line). */
  onFatal?: (error: Error) => void;
  /** Long polling (default) or nothing; webhook mode follows config.mode. */
  polling?: boolean;
  /** Per-user flood limit; default the generous one in bot/middleware/rate-limit.ts, `false` for none. */
  rateLimit?: RateLimitOptions | false;
  /** Wrong answers that end a dialogue; default 3 (bot/dialogue-limits.ts). */
  maxWrongAnswers?: number;
  /** Interface the HTTP server (webhook, Mini App) listens on; default all (tests pass 127.0.0.1). */
  webhookHost?: string;
  /** The Mini App's built page; default dist/webapp/ of the package. */
  webAppDir?: string;
  /** The CRM client's pace and retries; default the CRM's documented limits (tests retry without waiting). */
  crmHttp?: Partial<CrmHttpOptions>;
  /** How charts are drawn; default a short-lived child process (the tests and the demo draw in their own). */
  drawChart?: ChartDrawer;
}

export interface App {
  db: Db;
  bot: ReturnType<typeof createBot>;
  outbox: ReturnType<typeof createOutboxWorker>;
  logger: Logger;
  claimLink?: string;
  webhookServer?: Server;
  /** The server answering the Mini App (the webhook server in webhook mode); none without WEB_APP_URL. */
  webServer?: Server;
  /** The CRM sync, when CRM is set (the demo reads its CRM right after a change there). */
  crmSync?: CrmSync;
  runJobsNow(): Promise<void>;
  stop(): Promise<void>;
}

/** Hands grammY an update the server has already read and checked (readWebhookBody). */
function checkedUpdateAdapter(update: Update, secret: string, res: ServerResponse) {
  return {
    update: Promise.resolve(update),
    header: secret,
    end: () => void res.end(),
    respond: (json: string) => void res.writeHead(200, { "Content-Type": "application/json" }).end(json),
    unauthorized: () => void res.writeHead(401).end(),
  };
}

/** The Mini App's own server in polling mode (webhook mode shares the webhook's). */
function listenForWeb(web: WebHandler, port: number, host: string | undefined): Promise<Server> {
  const server = createServer((req, res) => {
    if (web.owns(req)) return web.handle(req, res);
    req.resume();
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/** Requests in flight finish; a keep-alive connection is closed as soon as it is idle, not seconds later. */
async function closeServer(server: Server): Promise<void> {
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearInterval(sweep);
}

/** A database file that cannot be opened ends start-up with one line naming DATABASE_PATH. */
function openConfiguredDatabase(path: string): Db {
  try {
    return openDatabase(path);
  } catch (error) {
    throw new StartupError(`DATABASE_PATH ${path} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** config → db → migrate → bot → outbox → scheduler → polling or webhook. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const logger = options.logger ?? createLogger(config.logLevel, [
    config.botToken,
    config.botToken.split(":")[1] ?? "",
    config.webhookSecret ?? "",
    ...crmSecrets(config.crm),
  ]);
  const db = openConfiguredDatabase(config.databasePath);
  try {
    const applied = migrate(db, undefined, clock.now());
    if (applied.length) logger.info({ applied }, "migrations applied");
  } catch (error) {
    db.close();
    throw error;
  }
  ensureTeam(db, TEAM_ID, { timezone: config.defaultTimezone, locale: config.defaultLocale, country: config.defaultCountry }, clock.now());
  const translator = createTranslator();
  const crmSync = config.crm
    ? createCrmSync(config.crm, { db, teamId: TEAM_ID, now: () => clock.now(), translator, onOutbox: () => outbox?.kick(), http: { now: () => clock.now(), ...options.crmHttp } })
    : undefined;

  // The alarm speaks directly: it cannot queue through the database it reports on.
  const alarmApi = new Api(config.botToken, { apiRoot: config.apiRoot });
  for (const transformer of options.apiTransformers ?? []) alarmApi.config.use(transformer);
  const storageAlarm = createStorageAlarm({ db, api: alarmApi, translator, logger, teamId: TEAM_ID });

  const replyRetry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true });
  const apiTransformers = [...(options.apiTransformers ?? []), fitTelegramLimits(), replyRetry];
  let outbox: ReturnType<typeof createOutboxWorker> | undefined;
  const bot = createBot(
    {
      config,
      db,
      clock,
      logger,
      translator,
      teamId: TEAM_ID,
      botInfo: options.botInfo,
      apiTransformers,
      onOutbox: () => outbox?.kick(),
      storageAlarm,
      crmSync,
      drawChart: options.drawChart,
    },
    { rateLimit: options.rateLimit, maxWrongAnswers: options.maxWrongAnswers },
  );
  if (!options.botInfo) bot.botInfo = await fetchBotInfo(bot.api, config);

  // The outbox has its own retry schedule, so its api gives up quickly on network errors and 5xx.
  const outboxApi = new Api(config.botToken, { apiRoot: config.apiRoot });
  for (const transformer of options.apiTransformers ?? []) outboxApi.config.use(transformer);
  outboxApi.config.use(fitTelegramLimits());
  outboxApi.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 30, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
  outbox = createOutboxWorker({ db, api: outboxApi, clock, logger, translator, limits: options.outboxLimits, storageAlarm });

  const { claimToken } = bootstrapFounders(db, TEAM_ID, config.founderIds, clock.now());
  const claimLink = claimToken ? `https://t.me/${bot.botInfo.username}?start=${claimToken}` : undefined;
  if (claimLink) logger.warn({ claimLink }, "no founder yet: open this one-time link in Telegram within 24 hours to become the founder");

  await syncCommandMenus(bot.api, db, TEAM_ID, logger, COMMANDS, translator).catch((error) => logger.warn({ err: error }, "could not set command menus"));
  await syncMenuButtons(bot.api, db, TEAM_ID, translator, config.webAppUrl).catch((error) => logger.warn({ err: error }, "could not set menu buttons"));
  const web: WebHandler | undefined = config.webAppUrl
    ? createWebHandler({ db, teamId: TEAM_ID, botToken: config.botToken, clock, translator, logger, assetsDir: options.webAppDir ?? join(PACKAGE_ROOT, "dist", "webapp") })
    : undefined;

  const jobDeps = { db, teamId: TEAM_ID, translator, logger, onOutbox: () => outbox?.kick(), crmSync, drawChart: options.drawChart };
  const scheduler = options.scheduler === false ? undefined : startScheduler(JOBS, jobDeps, clock);
  outbox.start();

  let runner: RunnerHandle | undefined;
  let webhookServer: Server | undefined;
  let webServer: Server | undefined;
  if (config.mode === "webhook") {
    // An update still running after 10 s (a big /export, a chart) is answered 200 and finishes in the
    // background: a 500 would only make Telegram redeliver it (skipped as seen) and slow other deliveries.
    const handle = webhookCallback(bot, checkedUpdateAdapter, { secretToken: config.webhookSecret, onTimeout: "return" });
    const server = createServer((req, res) => {
      if (web?.owns(req)) return web.handle(req, res);
      if (req.method !== "POST") {
        res.writeHead(405).end();
        return;
      }
      // The secret first (401, as grammY would), then the body's size and shape; nothing is recorded before.
      if (req.headers["x-telegram-bot-api-secret-token"] !== config.webhookSecret) {
        req.resume();
        res.writeHead(401).end();
        return;
      }
      void readWebhookBody(req)
        .then((body) => {
          if ("update" in body) return handle(body.update, req.headers["x-telegram-bot-api-secret-token"] as string, res);
          logger.warn({ status: body.status, reason: body.reason }, "webhook body refused");
          res.writeHead(body.status, { connection: "close" }).end();
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, "webhook handler failed");
          if (!res.headersSent) res.writeHead(500).end();
        });
    });
    // A busy port or a URL Telegram refuses ends start-up with one clear line, with nothing left running.
    const failStartup = async (message: string): Promise<never> => {
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler?.stop();
      await outbox.stop();
      db.close();
      throw new StartupError(message);
    };
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, options.webhookHost, () => {
        server.off("error", reject);
        resolve();
      });
    }).catch((error: unknown) => failStartup(`PORT ${config.port} cannot be used for the webhook server: ${error instanceof Error ? error.message : String(error)}`));
    webhookServer = server;
    if (web) webServer = server;
    await bot.api
      .setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret, allowed_updates: ["message", "callback_query", "my_chat_member"] })
      .catch((error: unknown) =>
        failStartup(`Telegram refused the webhook WEBHOOK_URL=${config.webhookUrl}: ${error instanceof Error ? error.message : String(error)}`),
      );
    logger.info({ port: config.port }, "webhook server listening");
  } else if (web) {
    webServer = await listenForWeb(web, config.webPort, options.webhookHost).catch(async (error: unknown) => {
      await scheduler?.stop();
      await outbox.stop();
      db.close();
      throw new StartupError(`WEB_PORT ${config.webPort} cannot be used for the Mini App: ${error instanceof Error ? error.message : String(error)}`);
    });
    logger.info({ port: config.webPort }, "mini app server listening");
  }
  if (config.mode !== "webhook" && options.polling !== false) {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
    // The runner gives up only on errors it cannot retry (409: another instance polls with this token).
    runner.task()?.catch((error: unknown) => {
      const reason =
        error instanceof GrammyError && error.error_code === 409
          ? "another instance is already receiving updates with this BOT_TOKEN (409 Conflict)"
          : error instanceof Error
            ? error.message
            : String(error);
      logger.fatal({ err: error }, "polling stopped");
      options.onFatal?.(new StartupError(`polling stopped: ${reason}`));
    });
    logger.info({ username: bot.botInfo.username }, "polling started");
  }

  let stopping: Promise<void> | undefined;
  return {
    db,
    bot,
    outbox,
    logger,
    claimLink,
    webhookServer,
    webServer,
    crmSync,
    async runJobsNow() {
      await (scheduler?.tick() ?? (await import("./jobs/scheduler.js")).runJobs(JOBS, jobDeps, clock.now()));
      // The CRM sync runs beside the other jobs; whoever runs the jobs by hand sees it finished.
      await crmSync?.inFlight();
    },
    stop() {
      stopping ??= (async () => {
        // Finish the updates in hand, then stop the clock-driven parts, then close the database.
        if (runner?.isRunning()) await runner.stop();
        for (const server of new Set([webhookServer, webServer])) if (server) await closeServer(server);
        await scheduler?.stop();
        await crmSync?.stop();
        await outbox?.stop();
        db.close();
        logger.info("stopped");
      })();
      return stopping;
    },
  };
}
