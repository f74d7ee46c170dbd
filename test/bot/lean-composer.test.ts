import { describe, expect, it } from "vitest";
import { Bot, BotError, Composer, type Context } from "grammy";
import type { Update } from "grammy/types";
import { LeanComposer } from "../../src/bot/lean-composer.js";
import { TEST_BOT_INFO, TEST_BOT_TOKEN } from "../../tools/emulator/bot-info.js";

const command = (id: number, text: string): Update => ({
  update_id: id,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 1, type: "private", first_name: "A" },
    from: { id: 1, is_bot: false, first_name: "A" },
    text,
    entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
  },
});

describe("LeanComposer", () => {
  it("filters like grammY's Composer: a match runs the handler (and what is chained on it), no match goes on, async predicates too", async () => {
    const seen: string[] = [];
    const bot = new Bot<Context>(TEST_BOT_TOKEN, { botInfo: TEST_BOT_INFO });
    const composer = new LeanComposer<Context>();
    composer.command("one", (ctx, next) => {
      seen.push(`one:${ctx.match}`);
      return next();
    }).use(() => {
      seen.push("one-chained");
    });
    composer.filter(async (ctx) => ctx.message?.text === "/two", () => {
      seen.push("two");
    });
    bot.use(composer);
    bot.use(() => {
      seen.push("fallback");
    });
    await bot.handleUpdate(command(1, "/one x"));
    await bot.handleUpdate(command(2, "/two"));
    await bot.handleUpdate(command(3, "/three"));
    expect(seen).toEqual(["one:x", "one-chained", "two", "fallback"]);
  });

  it("runs middleware in order like grammY: nested composers, chains extended later, plain Composers, next past the end", async () => {
    const seen: string[] = [];
    const bot = new Bot<Context>(TEST_BOT_TOKEN, { botInfo: TEST_BOT_INFO });
    const root = new LeanComposer<Context>();
    bot.use(root);
    root.use(async (ctx, next) => {
      seen.push("a");
      await next();
      seen.push("a-after");
    });
    const inner = new LeanComposer<Context>();
    const chained = inner.use((_ctx, next) => {
      seen.push("b");
      return next();
    });
    root.use(inner);
    // Added after `inner` was installed: still runs, in its place.
    chained.use((_ctx, next) => {
      seen.push("b-chained");
      return next();
    });
    const plain = new Composer<Context>();
    plain.use((_ctx, next) => {
      seen.push("plain");
      return next();
    });
    root.use(plain);
    root.on("callback_query", () => {
      seen.push("callback");
    });
    bot.use(() => {
      seen.push("after-root");
    });
    await bot.handleUpdate(command(1, "/x"));
    expect(seen).toEqual(["a", "b", "b-chained", "plain", "after-root", "a-after"]);
  });

  it("passes errors, thrown or rejected, to the bot as grammY does", async () => {
    for (const fail of [
      () => {
        throw new Error("sync");
      },
      async () => {
        throw new Error("async");
      },
    ]) {
      const bot = new Bot<Context>(TEST_BOT_TOKEN, { botInfo: TEST_BOT_INFO });
      const root = new LeanComposer<Context>();
      const after: string[] = [];
      root.use((_ctx, next) => next());
      root.command("x", fail);
      root.use(() => {
        after.push("not reached");
      });
      bot.use(root);
      const error = await bot.handleUpdate(command(1, "/x")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BotError);
      expect((error as BotError).error).toBeInstanceOf(Error);
      expect(after).toEqual([]);
    }
  });
});
