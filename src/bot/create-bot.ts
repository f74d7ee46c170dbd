import { Bot } from "grammy";
import { conversations, type ConversationData, type VersionedState } from "@grammyjs/conversations";
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
import { dialogueKeyPrefix } from "./conversation-tools.js";
import { dialogueRolesOf, guardDialogues } from "./dialogue-guard.js";

/** Builds the bot with every feature installed; starting it (polling, webhook, jobs) is main.ts's business. */
export function createBot(deps: BotDeps, options: { rateLimit?: RateLimitOptions | false } = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: deps.config.apiRoot },
  });
  for (const transformer of deps.apiTransformers ?? []) bot.api.config.use(transformer);

  // The boundary inside the bot, so every transport (runner, webhook, tests' handleUpdate) answers the same way.
  const tree = bot.errorBoundary(handleBotError);
  // Updates of one chat run one after another (conversations need it); chats run in parallel.
  tree.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  tree.use(attachCore(deps));
  tree.use((ctx, next) => {
    ctx.commands = COMMANDS;
    return next();
  });
  tree.use(skipRedelivered);
  tree.use(trackReachability);
  if (options.rateLimit !== false) tree.use(rateLimit(options.rateLimit ?? RATE_LIMIT));
  tree.use(startWithPayload);
  tree.use(strangerGate);
  // Roles and chats are checked here, before an open dialogue sees the update; the handler runs at `route`.
  const dispatcher = createDispatcher(FEATURES);
  tree.use(dispatcher.check);

  const kv = createKvStore(deps.db);
  const prefix = dialogueKeyPrefix(deps.teamId);
  // Most updates come from a chat with no dialogue open. The keys of open dialogues are kept in memory
  // (this bot is the only writer of them), so such an update skips the storage read.
  const openDialogues = new Set(kv.keys(prefix));
  const dialogues = {
    read: (key: string) => (openDialogues.has(key) ? kv.read<VersionedState<ConversationData>>(key) : undefined),
    drop: (key: string) => {
      kv.delete(key);
      openDialogues.delete(key);
    },
  };
  tree.use(guardDialogues(prefix, dialogues, dialogueRolesOf(FEATURES)));
  tree.use(
    conversations<BotContext, ConvContext>({
      storage: {
        type: "key",
        version: 1,
        prefix,
        getStorageKey: (ctx) => (ctx.chatId === undefined || ctx.from === undefined ? undefined : `${ctx.chatId}:${ctx.from.id}`),
        adapter: {
          read: dialogues.read,
          write: (key, state) => {
            kv.write(key, state, deps.clock.now());
            openDialogues.add(key);
          },
          delete: dialogues.drop,
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

  for (const feature of FEATURES) for (const conversation of feature.conversations ?? []) tree.use(conversation);
  tree.use(dispatcher.route);
  for (const feature of FEATURES) if (feature.composer) tree.use(feature.composer);
  tree.use(fallback);
  bot.catch(handleBotError);
  return bot;
}
