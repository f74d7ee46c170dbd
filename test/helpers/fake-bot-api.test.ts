import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeBotApi, WEBHOOK_DELIVERY, type FakeBotApi, type FakeBotApiOptions } from "./fake-bot-api.js";
import { parseFormattedText } from "./formatted-text.js";
import { callbackUpdate, commandUpdate, documentUpdate, groupChat, makeUser, textUpdate } from "./updates.js";

// Everything a test opens is closed here, even when an assertion fails.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
});

async function fakeApi(options?: FakeBotApiOptions): Promise<FakeBotApi> {
  const api = await createFakeBotApi(options);
  cleanups.push(() => api.close());
  return api;
}

function botFor(api: FakeBotApi): Bot {
  return new Bot(api.token, { botInfo: api.botInfo, client: { apiRoot: api.apiRoot } });
}

/** Starts long polling and resolves once grammY is polling; bot.stop() runs on cleanup. */
async function startPolling(bot: Bot): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
  cleanups.push(() => bot.stop());
}

const ivan = makeUser(101, { username: "ivan", first_name: "Ivan", language_code: "ru" });

describe("fake Bot API with a real grammY bot", () => {
  it("delivers a pushed update to a polling bot and records its reply as a Message", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    bot.command("start", (ctx) =>
      ctx.reply(`Hello, ${ctx.from?.first_name}`, { reply_markup: new InlineKeyboard().text("Tasks", "tasks:list") }),
    );
    await startPolling(bot);

    const update = commandUpdate(ivan, "/start");
    const updateId = api.pushUpdate(update);
    const reply = await api.waitForMessage(ivan.id);

    expect(updateId).toBe(update.update_id);
    expect(reply.method).toBe("sendMessage");
    expect(reply.text).toBe("Hello, Ivan");
    expect(reply.buttons).toEqual([{ text: "Tasks", callback_data: "tasks:list" }]);
    // a private chat has one message_id sequence for both sides, so the reply follows /start
    const replyId = update.message!.message_id + 1;
    expect(reply.message).toMatchObject({
      message_id: replyId,
      chat: { id: ivan.id, type: "private" },
      from: { id: api.botInfo.id, is_bot: true, username: "sales_control_bot" },
      text: "Hello, Ivan",
      reply_markup: { inline_keyboard: [[{ text: "Tasks", callback_data: "tasks:list" }]] },
    });
    expect(api.lastMessageTo(ivan.id)?.message_id).toBe(replyId);
  });

  it("delivers each update once: offsets confirm, and a restarted bot does not see old updates", async () => {
    const api = await fakeApi();
    const seen: number[] = [];
    const first = botFor(api);
    first.on("message", (ctx) => void seen.push(ctx.update.update_id));
    await startPolling(first);

    const a = api.pushUpdate(textUpdate(ivan, "one"));
    const b = api.pushUpdate(textUpdate(ivan, "two"));
    await api.waitForConfirmed(b);
    expect(api.pendingUpdates()).toEqual([]);
    await first.stop();

    const second = botFor(api);
    second.on("message", (ctx) => void seen.push(ctx.update.update_id));
    await startPolling(second);
    const c = api.pushUpdate(textUpdate(ivan, "three"));
    await api.waitForConfirmed(c);

    expect(seen).toEqual([a, b, c]);
  });

  it("lets @grammyjs/auto-retry retry a 429 so the message arrives exactly once", async () => {
    const api = await fakeApi({ retryAfter: 0 });
    const bot = botFor(api);
    bot.api.config.use(autoRetry({ maxRetryAttempts: 3 }));
    api.failNext("sendMessage", "429");

    const message = await bot.api.sendMessage(ivan.id, "after a rate limit");

    expect(message.text).toBe("after a rate limit");
    const attempts = api.callsTo("sendMessage");
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(attempts[0]!.response).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 0",
      parameters: { retry_after: 0 },
    });
    expect(api.messagesTo(ivan.id)).toHaveLength(1);
    expect(api.faultCounts).toMatchObject({ total: 1, "429": 1 });
  });

  it("surfaces 5xx as GrammyError and a dropped connection as HttpError when not retried", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    api.failNext("sendMessage", "500");
    api.failNext("sendMessage", "502");
    api.failNext("sendMessage", "drop");

    const server = await bot.api.sendMessage(ivan.id, "x").catch((error: unknown) => error);
    expect(server).toBeInstanceOf(GrammyError);
    expect((server as GrammyError).error_code).toBe(500);
    const gateway = await bot.api.sendMessage(ivan.id, "x").catch((error: unknown) => error);
    expect((gateway as GrammyError).error_code).toBe(502);
    const dropped = await bot.api.sendMessage(ivan.id, "x").catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(HttpError);

    await bot.api.sendMessage(ivan.id, "fine again");
    expect(api.callsTo("sendMessage").map((call) => call.outcome)).toEqual(["error", "error", "dropped", "ok"]);
    expect(api.messagesTo(ivan.id).map((sent) => sent.text)).toEqual(["fine again"]);
    expect(api.faultCounts).toMatchObject({ total: 3, "5xx": 2, drop: 1 });
  });

  it("injects seeded random faults reproducibly, and auto-retry still delivers every message once", async () => {
    const pattern = async () => {
      const api = await fakeApi({ retryAfter: 0 });
      api.injectFaults({ rate: 0.4, kinds: ["429"], seed: 42 });
      const bot = botFor(api);
      bot.api.config.use(autoRetry());
      for (let i = 0; i < 20; i += 1) await bot.api.sendMessage(ivan.id, `m${i}`);
      return api;
    };
    const one = await pattern();
    const two = await pattern();

    const statuses = (api: FakeBotApi) => api.callsTo("sendMessage").map((call) => call.status);
    expect(statuses(one)).toEqual(statuses(two));
    expect(one.faultCounts["429"]).toBeGreaterThan(0);
    expect(one.messagesTo(ivan.id).map((sent) => sent.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });

  it("enforces a global send rate limit with 429 retry_after", async () => {
    const api = await fakeApi();
    api.rateLimit({ perSecond: 5 });
    const bot = botFor(api);

    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => bot.api.sendMessage(1000 + i, "fan-out")));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(GrammyError);
      expect((reason as GrammyError).error_code).toBe(429);
      expect((reason as GrammyError).parameters.retry_after).toBe(1);
    }
    expect(api.faultCounts.rateLimited).toBe(3);
  });

  it("answers 403 for a chat that blocked the bot", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    api.blockChat(ivan.id);

    const error = await bot.api.sendMessage(ivan.id, "hello?").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(403);
    expect((error as GrammyError).description).toBe("Forbidden: bot was blocked by the user");
    api.unblockChat(ivan.id);
    await expect(bot.api.sendMessage(ivan.id, "back")).resolves.toMatchObject({ text: "back" });
  });

  it("records a multipart sendDocument upload with its bytes, and serves the stored file back", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    const csv = Buffer.from("company,segment\nООО Ромашка,Retail\n", "utf8");

    const message = await bot.api.sendDocument(-1_001_234_567_890, new InputFile(csv, "отчёт март.csv"), {
      caption: "<b>Burn</b> report",
      parse_mode: "HTML",
    });

    const [sent] = api.messagesTo(-1_001_234_567_890);
    expect(sent?.method).toBe("sendDocument");
    expect(sent?.caption).toBe("Burn report");
    expect(sent?.files).toHaveLength(1);
    expect(sent?.files[0]).toMatchObject({ field: "document", filename: "отчёт март.csv" });
    expect(sent?.files[0]?.bytes.equals(csv)).toBe(true);
    expect(api.callsTo("sendDocument")[0]?.transport).toBe("multipart");
    expect(message.document).toMatchObject({ file_name: "отчёт март.csv", mime_type: "text/csv", file_size: csv.length });
    expect(message.chat.type).toBe("supergroup");
    expect(message.caption_entities).toEqual([{ type: "bold", offset: 0, length: 4 }]);

    const file = await bot.api.getFile(message.document.file_id);
    const download = await fetch(`${api.apiRoot}/file/bot${api.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);
  });

  it("sends a photo upload and reports PNG dimensions", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    const png = Buffer.alloc(33);
    Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").copy(png);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);

    const message = await bot.api.sendPhoto(ivan.id, new InputFile(png, "plan.png"), { caption: "Plan" });

    expect(message.photo.at(-1)).toMatchObject({ width: 640, height: 480, file_size: 33 });
    expect(message.photo[0]).toMatchObject({ width: 320, height: 240 });
    expect(api.lastMessageTo(ivan.id)).toMatchObject({ method: "sendPhoto", caption: "Plan" });
    expect(api.fileBytes(message.photo.at(-1)!.file_id)?.equals(png)).toBe(true);
  });

  it("lets a handler download a document the user sent via ctx.getFile()", async () => {
    const api = await fakeApi();
    const content = "company,segment\nACME,IT\n";
    api.addFile("BQACdoc1", content, "documents/leads.csv");
    const bot = botFor(api);
    bot.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${api.apiRoot}/file/bot${api.token}/${file.file_path}`);
      await ctx.reply(`got ${(await response.text()).split("\n").length - 1} lines from ${file.file_path}`);
    });
    await startPolling(bot);

    api.pushUpdate(documentUpdate(ivan, { file_id: "BQACdoc1", file_name: "leads.csv", mime_type: "text/csv", caption: "/import" }));

    const reply = await api.waitForMessage(ivan.id);
    expect(reply.text).toBe("got 2 lines from documents/leads.csv");
    expect(api.callsTo("getFile")[0]?.payload).toEqual({ file_id: "BQACdoc1" });
  });

  it("stores commands per scope and language code", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    const founderCommands = [
      { command: "plan", description: "Plan vs fact" },
      { command: "burn", description: "Lead base burn" },
    ];

    await bot.api.setMyCommands(founderCommands, { scope: { type: "chat", chat_id: 555 }, language_code: "en" });
    await bot.api.setMyCommands([{ command: "tasks", description: "Мои задачи" }]);

    expect(api.commands({ type: "chat", chat_id: 555 }, "en")).toEqual(founderCommands);
    expect(api.commands()).toEqual([{ command: "tasks", description: "Мои задачи" }]);
    expect(await bot.api.getMyCommands({ scope: { type: "chat", chat_id: 555 }, language_code: "en" })).toEqual(founderCommands);
    expect(await bot.api.getMyCommands({ scope: { type: "chat", chat_id: 555 } })).toEqual([]);
    await bot.api.deleteMyCommands({ scope: { type: "chat", chat_id: 555 }, language_code: "en" });
    expect(api.commands({ type: "chat", chat_id: 555 }, "en")).toBeUndefined();
    await expect(bot.api.setMyCommands([{ command: "Plan", description: "x" }])).rejects.toThrow("BOT_COMMAND_INVALID");
  });

  it("keeps each private chat's menu button and refuses what Telegram refuses", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    const dashboard = { type: "web_app" as const, text: "Dashboard", web_app: { url: "https://bot.example.com/app/" } };
    expect(await bot.api.setChatMenuButton({ chat_id: 555, menu_button: dashboard })).toBe(true);
    expect(await bot.api.getChatMenuButton({ chat_id: 555 })).toEqual(dashboard);
    expect(await bot.api.getChatMenuButton({ chat_id: 556 })).toEqual({ type: "default" });
    expect(api.menuButton(555)).toEqual(dashboard);
    await bot.api.setChatMenuButton({ chat_id: 555, menu_button: { type: "default" } });
    expect(api.menuButton(555)).toEqual({ type: "default" });
    const insecure = { ...dashboard, web_app: { url: "http://bot.example.com/app/" } };
    await expect(bot.api.setChatMenuButton({ chat_id: 555, menu_button: insecure })).rejects.toThrow("BUTTON_URL_INVALID");
    await expect(bot.api.setChatMenuButton({ chat_id: -100, menu_button: dashboard })).rejects.toThrow("chat is not private");
    await expect(bot.api.sendMessage(555, "open", { reply_markup: new InlineKeyboard().webApp("Open", "http://bot.example.com/") })).rejects.toThrow("BUTTON_URL_INVALID");
  });

  it("answers a button press: answerCallbackQuery, then editMessageText replaces text and keyboard", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    bot.command("task", (ctx) => ctx.reply("Call ACME", { reply_markup: new InlineKeyboard().text("Done", "task:1:done") }));
    bot.callbackQuery(/^task:(\d+):done$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Saved" });
      await ctx.editMessageText("Call ACME — done ✅");
    });
    await startPolling(bot);

    api.pushUpdate(commandUpdate(ivan, "/task"));
    const prompt = await api.waitForMessage(ivan.id);
    const mark = api.mark();
    api.pushUpdate(callbackUpdate(ivan, "task:1:done", { message: prompt.message }));
    const edit = await api.waitFor((call) => call.method === "editMessageText", { since: mark });

    expect(edit.outcome).toBe("ok");
    expect(api.callsTo("answerCallbackQuery")[0]?.payload).toMatchObject({ text: "Saved" });
    const state = api.messageState(ivan.id, prompt.message_id);
    expect(state).toMatchObject({ text: "Call ACME — done ✅" });
    expect(state && "reply_markup" in state ? state.reply_markup : undefined).toBeUndefined();
    await expect(bot.api.editMessageText(ivan.id, prompt.message_id, "Call ACME — done ✅")).rejects.toThrow("message is not modified");
  });

  it("refuses what Telegram refuses: broken HTML, long texts, long callback data", async () => {
    const api = await fakeApi();
    const bot = botFor(api);

    await expect(bot.api.sendMessage(ivan.id, "<b>unclosed", { parse_mode: "HTML" })).rejects.toThrow(
      `can't parse entities: Can't find end tag corresponding to start tag "b"`,
    );
    await expect(bot.api.sendMessage(ivan.id, "Manager_1 <ivan>", { parse_mode: "HTML" })).rejects.toThrow("Unsupported start tag");
    await expect(bot.api.sendMessage(ivan.id, "price 1.5", { parse_mode: "MarkdownV2" })).rejects.toThrow("Character '.' is reserved");
    await expect(bot.api.sendMessage(ivan.id, "x".repeat(4097))).rejects.toThrow("message is too long");
    await expect(
      bot.api.sendMessage(ivan.id, "pick", { reply_markup: new InlineKeyboard().text("A", "a".repeat(65)) }),
    ).rejects.toThrow("BUTTON_DATA_INVALID");
    const ok = await bot.api.sendMessage(ivan.id, "<b>Plan</b> &amp; <i>fact</i>", { parse_mode: "HTML" });
    expect(ok.text).toBe("Plan & fact");
    expect(ok.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
      { type: "italic", offset: 7, length: 4 },
    ]);
  });

  it("parses commands built by the update builders like Telegram clients send them", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    bot.command("assign", (ctx) => ctx.reply(`assign [${ctx.match}] mentions=${ctx.entities("mention").map((e) => e.text).join(",")}`));
    await startPolling(bot);
    const team = groupChat(-1_009_999_999_999, { title: "Sales" });

    api.pushUpdate(commandUpdate(ivan, "/assign@sales_control_bot @petr Call ACME", { chat: team }));

    const reply = await api.waitForMessage(team.id);
    expect(reply.text).toBe("assign [@petr Call ACME] mentions=@petr");
    expect(reply.message.chat).toEqual(team);
    expect(() => commandUpdate(ivan, "assign")).toThrow("does not start");
  });

  it("does not treat a document caption '/import' as a command (grammY matches text commands only)", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    const seen: string[] = [];
    bot.command("import", () => void seen.push("command"));
    bot.on("message:document", () => void seen.push("document"));

    await startPolling(bot);

    const updateId = api.pushUpdate(documentUpdate(ivan, { file_id: "f1", file_name: "a.csv", mime_type: "text/csv", caption: "/import" }));
    await api.waitForConfirmed(updateId);

    expect(seen).toEqual(["document"]);
  });

  it("delivers updates to a loopback webhook with the secret token and conflicts with getUpdates", async () => {
    const api = await fakeApi();
    const bot = botFor(api);
    bot.on("message:text", (ctx) => ctx.reply(`echo ${ctx.message.text}`));
    const server: Server = createServer(webhookCallback(bot, "http", { secretToken: "s3cret" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    await bot.api.setWebhook(url, { secret_token: "s3cret" });
    const updateId = api.pushUpdate(textUpdate(ivan, "ping"));

    expect((await api.waitForMessage(ivan.id)).text).toBe("echo ping");
    const delivery = await api.waitFor((c) => c.method === WEBHOOK_DELIVERY && c.payload.update_id === updateId);
    expect(delivery.status).toBe(200);
    expect(api.webhookInfo()).toMatchObject({ url, pending_update_count: 0 });
    await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    await bot.api.deleteWebhook();
    expect((await bot.api.getWebhookInfo()).url).toBe("");
  });
});

describe("fake Bot API over plain HTTP", () => {
  const call = (api: FakeBotApi, method: string, init?: RequestInit, token = api.token) =>
    fetch(`${api.apiRoot}/bot${token}/${method}`, init).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string },
    }));

  it("answers unknown methods with 404 and wrong tokens with 401", async () => {
    const api = await fakeApi();
    expect(await call(api, "fooBar", { method: "POST" })).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found: method not found" },
    });
    expect(await call(api, "getMe", undefined, "1:wrong")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    const error = await new Bot("1:wrong", { client: { apiRoot: api.apiRoot } }).init().catch((e: unknown) => e);
    expect((error as GrammyError).error_code).toBe(401);
  });

  it("accepts GET query strings, urlencoded and standard multipart bodies, typing the values back", async () => {
    const api = await fakeApi();
    const viaGet = await call(api, `sendMessage?chat_id=7&text=${encodeURIComponent("Привет")}`);
    expect(viaGet.body.result).toMatchObject({ chat: { id: 7 }, text: "Привет" });

    const form = new URLSearchParams({ chat_id: "7", text: "123", reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }) });
    await call(api, "sendMessage", { method: "POST", body: form });
    expect(api.lastMessageTo(7)).toMatchObject({ text: "123", buttons: [{ text: "A", callback_data: "a" }] });
    expect(api.callsTo("sendMessage")[1]?.payload.chat_id).toBe(7);

    const multipart = new FormData();
    multipart.set("chat_id", "7");
    multipart.set("document", new Blob(["a;b\n"], { type: "text/csv" }), "data.csv");
    const uploaded = await call(api, "sendDocument", { method: "POST", body: multipart });
    expect(uploaded.body.result).toMatchObject({ document: { file_name: "data.csv", mime_type: "text/csv", file_size: 4 } });
    expect(api.lastMessageTo(7)?.files[0]?.bytes.toString()).toBe("a;b\n");
  });

  it("long-polls: returns at once when an update is pushed, caps the wait, honours offset and limit", async () => {
    const api = await fakeApi({ longPollCapMs: 400 });
    const started = Date.now();
    const pending = call(api, "getUpdates?timeout=30");
    setTimeout(() => api.pushUpdate(textUpdate(ivan, "wake up")), 20);
    const woken = await pending;
    expect(Date.now() - started).toBeLessThan(300);
    expect(woken.body.result).toHaveLength(1);

    const idle = Date.now();
    const capped = await call(api, "getUpdates?timeout=30&offset=" + String(((woken.body.result as { update_id: number }[])[0]!.update_id) + 1));
    expect(capped.body.result).toEqual([]);
    expect(Date.now() - idle).toBeGreaterThanOrEqual(390);

    const ids = [api.pushUpdate(textUpdate(ivan, "a")), api.pushUpdate(textUpdate(ivan, "b")), api.pushUpdate(textUpdate(ivan, "c"))];
    const limited = await call(api, "getUpdates?limit=2");
    expect((limited.body.result as { update_id: number }[]).map((u) => u.update_id)).toEqual(ids.slice(0, 2));
    const rest = await call(api, `getUpdates?offset=${ids[1]! + 1}`);
    expect((rest.body.result as { update_id: number }[]).map((u) => u.update_id)).toEqual([ids[2]]);
    expect(api.pendingUpdates().map((u) => u.update_id)).toEqual([ids[2]]);
  });

  it("ends an older concurrent getUpdates with 409, and close() ends pending polls", async () => {
    const api = await createFakeBotApi({ longPollCapMs: 10_000 });
    cleanups.push(() => api.close());
    const older = call(api, "getUpdates?timeout=30");
    while (api.pendingPolls() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = call(api, "getUpdates?timeout=30");
    expect((await older).body).toMatchObject({ ok: false, error_code: 409 });

    const closing = Date.now();
    await api.close();
    const settled = await newer.then((result) => result.body, (error: unknown) => error);
    expect(Date.now() - closing).toBeLessThan(1000);
    expect(settled).toEqual({ ok: true, result: [] });
  });

  it("keeps update_id when it increases and assigns the next one otherwise", async () => {
    const api = await fakeApi();
    expect(api.pushUpdate({ update_id: 500, message: textUpdate(ivan, "x").message! })).toBe(500);
    expect(api.pushUpdate({ update_id: 3, message: textUpdate(ivan, "y").message! })).toBe(501);
    expect(api.pushUpdate({ message: textUpdate(ivan, "z").message! })).toBe(502);
  });

  it("rejects a timed-out wait with the recent calls listed", async () => {
    const api = await fakeApi();
    await call(api, "sendMessage?chat_id=5&text=hello");
    await expect(api.waitForMessage(6, undefined, { timeoutMs: 30 })).rejects.toThrow(
      /timed out after 30 ms waiting for a message to chat 6[\s\S]*#1 sendMessage \[ok\] \{"chat_id":5,"text":"hello"\}/,
    );
    const updateId = api.pushUpdate(textUpdate(ivan, "nobody polls"));
    await expect(api.waitForConfirmed(updateId, { timeoutMs: 30 })).rejects.toThrow(
      `update ${updateId} was not confirmed within 30 ms; confirmed up to 0, pending [${updateId}]. Is the bot polling?`,
    );
  });
});

describe("parse modes", () => {
  it("turns MarkdownV2 into plain text with entities and honours escapes", () => {
    expect(parseFormattedText("*Plan* for _May_: 1\\.5M \\(ok\\) [chart](https://example.com/c)", "MarkdownV2")).toEqual({
      text: "Plan for May: 1.5M (ok) chart",
      entities: [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 9, length: 3 },
        { type: "text_link", offset: 24, length: 5, url: "https://example.com/c" },
      ],
    });
    expect(() => parseFormattedText("*open", "MarkdownV2")).toThrow("Can't find end of Bold entity at byte offset 0");
  });
});
