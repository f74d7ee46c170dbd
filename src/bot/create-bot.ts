import { Bot } from "grammy";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { createKvStore } from "../db/kv.js";
import type { BotContext, BotDeps, ConvContext } from "./context.js";
import { attachCore, decorate } from "./middleware/core.js";
import { handleBotError } from "./middleware/errors.js";
import { skipRedelivered } from "./middleware/dedupe.js";
import { trackReachability } from "./middleware/reachable.js";
import { rateLimit, RATE_LIMIT, type RateLimitOptions } from "./middleware/rate-limit.js";
import { startWithPayload } from "./features/access.js";
import { strangerGate, fallback } from "./features/gate.js";
import { COMMANDS, FEATURES } from "./features/index.js";
import { createDispatcher } from "./dispatcher.js";

/** Builds the bot with every feature installed; starting it (polling, webhook, jobs) is main.ts's business. */
export function createBot(deps: BotDeps, options: { rateLimit?: RateLimitOptions | false } = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: deps.config.apiRoot },
  });
  for (const transformer of deps.apiTransformers ?? []) bot.api.config.use(transformer);

  // Updates of one chat run one after another (conversations need it); chats run in parallel.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(attachCore(deps));
  bot.use((ctx, next) => {
    ctx.commands = COMMANDS;
    return next();
  });
  bot.use(skipRedelivered);
  bot.use(trackReachability);
  if (options.rateLimit !== false) bot.use(rateLimit(options.rateLimit ?? RATE_LIMIT));
  bot.use(startWithPayload);
  bot.use(strangerGate);
  // Roles and chats are checked here, before an open dialogue sees the update; the handler runs at `route`.
  const dispatcher = createDispatcher(FEATURES);
  bot.use(dispatcher.check);

  const kv = createKvStore(deps.db);
  const prefix = `conv:${deps.teamId}:`;
  // Most updates come from a chat with no dialogue open. The keys of open dialogues are kept in memory
  // (this bot is the only writer of them), so such an update skips the storage read.
  const openDialogues = new Set(kv.keys(prefix));
  bot.use(
    conversations<BotContext, ConvContext>({
      storage: {
        type: "key",
        version: 1,
        prefix,
        getStorageKey: (ctx) => (ctx.chatId === undefined || ctx.from === undefined ? undefined : `${ctx.chatId}:${ctx.from.id}`),
        adapter: {
          read: (key) => (openDialogues.has(key) ? kv.read(key) : undefined),
          write: (key, state) => {
            kv.write(key, state, deps.clock.now());
            openDialogues.add(key);
          },
          delete: (key) => {
            kv.delete(key);
            openDialogues.delete(key);
          },
        },
      },
      plugins: [
        async (ctx, next) => {
          for (const transformer of deps.apiTransformers ?? []) ctx.api.config.use(transformer);
          decorate(deps, ctx);
          ctx.commands = COMMANDS;
          await next();
        },
      ],
    }),
  );

  for (const feature of FEATURES) for (const conversation of feature.conversations ?? []) bot.use(conversation);
  bot.use(dispatcher.route);
  for (const feature of FEATURES) if (feature.composer) bot.use(feature.composer);
  bot.use(fallback);
  bot.catch(handleBotError);
  return bot;
}
