import { describe, expect, it } from "vitest";
import { Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import { LeanComposer } from "../../src/bot/lean-composer.js";
import { TEST_BOT_INFO, TEST_BOT_TOKEN } from "../../src/emulator/bot-info.js";

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
});
