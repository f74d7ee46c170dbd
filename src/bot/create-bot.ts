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
import { createStrangerGate, fallback } from "./features/gate.js";
import { COMMANDS, FEATURES } from "./features/index.js";
import { createDispatcher } from "./dispatcher.js";
import { dialogueKey, dialogueKeyPrefix } from "./conversation-tools.js";
import { dialogueRolesOf, guardDialogues } from "./dialogue-guard.js";
import { createWrongAnswers, DIALOGUE_LIFETIME_MS } from "./dialogue-limits.js";

/** Builds the bot with every feature installed; starting it (polling, webhook, jobs) is main.ts's business. */
export function createBot(deps: BotDeps, options: { rateLimit?: RateLimitOptions | false; maxWrongAnswers?: number } = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: deps.config.apiRoot },
  });
  for (const transformer of deps.apiTransformers ?? []) bot.api.config.use(transformer);

  // The boundary inside the bot, so every transport (runner, webhook, tests' handleUpdate) answers the same way.
  const tree = bot.errorBoundary(handleBotError);
  // Updates of one chat run one after another (conversations need it); chats run in parallel.
  tree.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // Before anything that writes (the update's id, a profile refresh): a flood's excess writes nothing.
  if (options.rateLimit !== false) tree.use(rateLimit(deps, options.rateLimit ?? RATE_LIMIT));
  tree.use(attachCore(deps));
  const wrongAnswers = createWrongAnswers(options.maxWrongAnswers);
  tree.use(async (ctx, next) => {
    ctx.commands = COMMANDS;
    ctx.wrongAnswers = wrongAnswers;
    await next();
    const key = dialogueKey(ctx);
    if (key !== undefined) wrongAnswers.settle(key, ctx.update.update_id);
  });
  tree.use(skipRedelivered);
  tree.use(trackReachability);
  tree.use(startWithPayload);
  tree.use(createStrangerGate());
  // Roles and chats are checked here, before an open dialogue sees the update; the handler runs at `route`.
  const dispatcher = createDispatcher(FEATURES);
  tree.use(dispatcher.check);

  const kv = createKvStore(deps.db);
  const prefix = dialogueKeyPrefix(deps.teamId);
  // Most updates come from a chat with no dialogue open. The keys of open dialogues are kept in memory
  // (this bot is the only writer of them), so such an update skips the storage read.
  const openDialogues = new Set(kv.keys(prefix));
  // Dialogues found expired while this update is handled: the person is told so instead of the fallback.
  const expired = new Set<string>();
  const dialogues = {
    read: (key: string): VersionedState<ConversationData> | undefined => {
      if (!openDialogues.has(key)) return undefined;
      const state = kv.readSince<VersionedState<ConversationData>>(key, deps.clock.now() - DIALOGUE_LIFETIME_MS);
      if (state === undefined) {
        // Left unanswered for a day: an answer now would act on a question asked in another context.
        kv.delete(key);
        openDialogues.delete(key);
        expired.add(key);
      }
      return state;
    },
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
        getStorageKey: dialogueKey,
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
          ctx.wrongAnswers = wrongAnswers;
          await next();
        },
      ],
    }),
  );

  tree.use(async (ctx, next) => {
    const key = dialogueKey(ctx);
    if (key === undefined || !expired.delete(prefix + key) || ctx.message?.text?.startsWith("/")) return next();
    await (ctx.callbackQuery ? ctx.answerCallbackQuery({ text: ctx.t("dialogue-expired"), show_alert: true }) : ctx.reply(ctx.t("dialogue-expired")));
  });
  for (const feature of FEATURES) for (const conversation of feature.conversations ?? []) tree.use(conversation);
  tree.use(dispatcher.route);
  for (const feature of FEATURES) if (feature.composer) tree.use(feature.composer);
  tree.use(fallback);
  bot.catch(handleBotError);
  return bot;
}
