/**
 * A fake Telegram Bot API served over HTTP on 127.0.0.1, for end-to-end tests of the bot through
 * grammY's `client: { apiRoot }`. It answers with method-shaped results (a sendMessage result is
 * a Message with a per-chat message_id), refuses what Telegram refuses (bad markup, long texts,
 * 64+ byte callback data, editing a message into itself), records every call, and can inject
 * faults (429 / 5xx / dropped connections), rate limits and blocked chats.
 *
 *   const api = await createFakeBotApi();
 *   const bot = new Bot(api.token, { botInfo: api.botInfo, client: { apiRoot: api.apiRoot } });
 *   void bot.start();
 *   api.pushUpdate(commandUpdate(makeUser(1), "/start"));
 *   const reply = await api.waitForMessage(1);
 *   await bot.stop(); await api.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  Chat,
  Document,
  File as TelegramFile,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  MenuButton,
  Message,
  MessageEntity,
  PhotoSize,
  Update,
  UserFromGetMe,
  WebhookInfo,
} from "grammy/types";
import { TEST_BOT_INFO, TEST_BOT_TOKEN } from "./bot-info.js";
import { EntityParseError, parseFormattedText, type FormattedText } from "./formatted-text.js";
import { parseMultipart } from "./multipart.js";
import { seededRandom } from "../seeded-random.js";

// ---------------------------------------------------------------------------------------------
// Public types

/** A fault the fake can inject instead of a normal answer. "5xx" alternates 500 and 502. */
export type FaultKind = "429" | "5xx" | "500" | "502" | "drop";

/** Random faults on a fraction of calls, reproducible from `seed`. */
export interface FaultPlan {
  /** Fraction of eligible calls that fail, 0..1. */
  rate: number;
  kinds: FaultKind[];
  seed: number;
  /** Methods that may fail; default every method except getUpdates (grammY sleeps 3 s after a failed poll). */
  methods?: string[];
  /** retry_after for injected 429s; default the fake's `retryAfter` option. */
  retryAfter?: number;
}

/** A global messages-per-second limit on message-sending methods, answered with 429 like Telegram. */
export interface RateLimitOptions {
  perSecond: number;
  /** retry_after to announce; default: seconds until the sliding one-second window frees a slot (at least 1). */
  retryAfter?: number;
}

/** How many calls were failed on purpose, by cause. */
export interface FaultCounts {
  total: number;
  "429": number;
  "5xx": number;
  drop: number;
  rateLimited: number;
  blocked: number;
}

/** A file part uploaded with a call (multipart/form-data). */
export interface UploadedFile {
  /** The API parameter it was sent for, e.g. "document" or "photo". */
  field: string;
  /** The multipart part name (grammY: a random id referenced as `attach://<id>`). */
  attachId: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** How the call's parameters arrived. */
export type CallTransport = "json" | "urlencoded" | "multipart" | "query" | "webhook-reply" | "webhook-delivery";

/** `method` of the pseudo-call recorded for each POST of an update to the webhook (payload = the update). */
export const WEBHOOK_DELIVERY = "webhook:deliver";

/** One recorded Bot API call with the answer the fake gave. */
export interface RecordedCall {
  /** Increasing across the fake's life (not reset by clearCalls); see `mark()`. */
  seq: number;
  /** Canonical method name (Telegram method names are case-insensitive). */
  method: string;
  /** Parameters; values that arrived as strings (forms, query) are typed back (numbers, JSON objects). */
  payload: Record<string, unknown>;
  files: UploadedFile[];
  /** Arrival time, epoch ms (wall clock, not the injected `now`). */
  at: number;
  transport: CallTransport;
  /** HTTP status answered; 0 when the connection was dropped or the client went away. */
  status: number;
  outcome: "ok" | "error" | "dropped" | "aborted";
  /** Set when the fake failed the call on purpose. */
  fault?: "429" | "500" | "502" | "drop" | "rate-limit" | "blocked" | "refused";
  /** The JSON body answered (absent for dropped/aborted calls). */
  response?: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: unknown };
}

/** A message, photo or document the bot sent successfully, as a test wants to look at it. */
export interface SentMessage {
  seq: number;
  method: string;
  chat_id: number;
  message_id: number;
  /** Text as the user sees it (parse_mode applied); the raw text is `payload.text`. */
  text?: string;
  /** Caption as the user sees it; the raw caption is `payload.caption`. */
  caption?: string;
  parse_mode?: string;
  /** reply_markup as sent (inline keyboard, reply keyboard, remove, force reply). */
  reply_markup?: unknown;
  /** Inline keyboard buttons, flattened row by row. */
  buttons: InlineKeyboardButton[];
  files: UploadedFile[];
  payload: Record<string, unknown>;
  /** The Message the fake answered. */
  message: Message;
  at: number;
}

/** A handler for a Bot API method: returns the `result`, or throws `BotApiError`. */
export type MethodHandler = (payload: Record<string, unknown>, call: HandlerContext) => unknown;

/** What a handler gets besides the payload. */
export interface HandlerContext {
  files: UploadedFile[];
  /** Aborted when the client goes away (used by long polling). */
  signal: AbortSignal;
}

/** Thrown by a handler to answer `{ ok: false, error_code, description }`. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

/** Options of createFakeBotApi. */
export interface FakeBotApiOptions {
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** retry_after announced in 429 answers (seconds); default 1. */
  retryAfter?: number;
  /** Longest a getUpdates long poll is held, ms; default 500 (tests stay fast, grammY just polls again). */
  longPollCapMs?: number;
  /** Clock for `date` fields of messages the fake creates; default Date.now. */
  now?: () => number;
  /** Refuse edits/deletes of messages and answers to callback queries the fake has never seen. Default false
   * (tests that call bot.handleUpdate directly bypass pushUpdate, so the fake cannot know those messages). */
  strict?: boolean;
  /** Default timeout of waitFor/waitForMessage, ms; default 2000. */
  waitTimeoutMs?: number;
}

/** Options of waitFor / waitForMessage. */
export interface WaitOptions {
  timeoutMs?: number;
  /** Only calls with seq >= since count (take it from `mark()` before acting). Default: all recorded calls. */
  since?: number;
  /** Says what is awaited, for the timeout message. */
  description?: string;
}

/** An update to push; update_id is assigned when missing. */
export type UpdateInput = Omit<Update, "update_id"> & { update_id?: number };

/** The fake Bot API; see createFakeBotApi. */
export interface FakeBotApi {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** `http://127.0.0.1:<port>` — pass as grammY `client.apiRoot`. */
  readonly apiRoot: string;
  readonly port: number;
  /** Every call answered so far, in order of completion (a long poll completes when it returns);
   * webhook deliveries appear as pseudo-calls with method WEBHOOK_DELIVERY. */
  readonly calls: readonly RecordedCall[];
  readonly faultCounts: Readonly<FaultCounts>;

  /** Queues an update for getUpdates (or the webhook). Keeps update_id if it is above every earlier one,
   * otherwise assigns the next one; returns the update_id used. */
  pushUpdate(update: UpdateInput): number;
  /** Updates not yet confirmed by a getUpdates offset (or not yet delivered to the webhook). */
  pendingUpdates(): Update[];
  /** getUpdates long polls currently held open. */
  pendingPolls(): number;
  /** Lets the fake know chats, messages and callback queries of an update a test fed to bot.handleUpdate itself. */
  rememberUpdate(update: Update): void;
  /** The next message id of a chat, as Telegram would give a user's message there (user and bot share the sequence). */
  allocateMessageId(chatId: number): number;
  /** Makes a file downloadable: getFile(fileId) answers its file_path, GET /file/bot<token>/<path> its bytes. */
  addFile(fileId: string, bytes: Uint8Array | string, filePath?: string): TelegramFile;
  /** Bytes of a stored file (uploaded by the bot or added by the test). */
  fileBytes(fileId: string): Buffer | undefined;

  /** Starts (or with null stops) random faults. */
  injectFaults(plan: FaultPlan | null): void;
  /** The next `times` calls of `method` ("*" = any method but getUpdates) fail with `kind`. */
  failNext(method: string, kind: FaultKind, times?: number): void;
  /** Starts (or with null stops) a global rate limit on message-sending methods. */
  rateLimit(options: RateLimitOptions | null): void;
  /** Sends, edits and chat actions to this chat answer 403 like Telegram after the user blocked the bot. */
  blockChat(chatId: number): void;
  unblockChat(chatId: number): void;
  /** Sends to this chat answer 400 with `description` (a group that muted the bot: "not enough rights"); null lifts it. */
  refuseChat(chatId: number, description: string | null): void;
  /** Adds or replaces the handler of a method. */
  handle(method: string, handler: MethodHandler): void;

  /** Next seq to be recorded: `waitFor(p, { since: api.mark() })` ignores what happened before. */
  mark(): number;
  callsTo(method: string): RecordedCall[];
  /** Messages, photos and documents sent successfully to the chat, in order. */
  messagesTo(chatId: number): SentMessage[];
  lastMessageTo(chatId: number): SentMessage | undefined;
  /** The message as it is now (after edits), or undefined if unknown or deleted. */
  messageState(chatId: number, messageId: number): Message | undefined;
  /** Commands set for a scope (default: {type:"default"}) and language code (default: none). */
  commands(scope?: Record<string, unknown>, languageCode?: string): BotCommand[] | undefined;
  /** The chat's menu button as last set (no chat: the bot's default), or undefined when never set. */
  menuButton(chatId?: number): MenuButton | undefined;
  webhookInfo(): WebhookInfo;

  /** Resolves with the first call (already recorded or arriving later) matching the predicate. */
  waitFor(predicate: (call: RecordedCall) => boolean, options?: WaitOptions): Promise<RecordedCall>;
  /**
   * Resolves once the update is confirmed: a getUpdates asked for a later offset (with grammY's
   * bot.start() that means the bot finished handling it), the webhook answered 2xx for it, or it was dropped.
   */
  waitForConfirmed(updateId: number, options?: Omit<WaitOptions, "since">): Promise<void>;
  /** Resolves with the first message sent to the chat that matches the predicate. */
  waitForMessage(chatId: number, predicate?: (message: SentMessage) => boolean, options?: WaitOptions): Promise<SentMessage>;
  clearCalls(): void;
  /** Ends pending long polls, stops webhook delivery, rejects pending waits and closes the server. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Method classification and parameter coercion

const JSON_FIELDS = new Set([
  "reply_markup",
  "scope",
  "entities",
  "caption_entities",
  "allowed_updates",
  "commands",
  "link_preview_options",
  "reply_parameters",
  "media",
  "results",
  "permissions",
  "explanation_entities",
  "menu_button",
  "rights",
  "options",
]);
const INTEGER_FIELDS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "offset",
  "limit",
  "timeout",
  "reply_to_message_id",
  "message_thread_id",
  "cache_time",
  "max_connections",
  "user_id",
  "duration",
  "width",
  "height",
]);
const BOOLEAN_FIELDS = new Set([
  "disable_notification",
  "protect_content",
  "show_alert",
  "drop_pending_updates",
  "disable_web_page_preview",
  "allow_sending_without_reply",
  "has_spoiler",
  "disable_content_type_detection",
  "revoke_messages",
  "allow_paid_broadcast",
  "show_caption_above_media",
]);

function coerceStringParameter(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(key) && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** Methods that create messages: subject to the rate limit. */
function isMessageSend(method: string): boolean {
  return (method.startsWith("send") && method !== "sendChatAction") || method === "copyMessage" || method === "forwardMessage";
}

/** Methods that write into a chat: refused with 403 when the chat blocked the bot. */
function isChatWrite(method: string): boolean {
  return /^(send|copy|forward|edit|pin)/.test(method);
}

const isLoopbackUrl = (url: string): boolean => {
  try {
    const host = new URL(url).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
};

const MIME_BY_EXTENSION: Record<string, string> = {
  csv: "text/csv",
  txt: "text/plain",
  json: "application/json",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  svg: "image/svg+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** Width and height of a PNG, read from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function flattenButtons(markup: unknown): InlineKeyboardButton[] {
  if (typeof markup !== "object" || markup === null || !("inline_keyboard" in markup)) return [];
  const rows = (markup as InlineKeyboardMarkup).inline_keyboard;
  return Array.isArray(rows) ? rows.flatMap((row) => (Array.isArray(row) ? row : [])) : [];
}

function summarize(call: RecordedCall): string {
  const payload = JSON.stringify(call.payload);
  const short = payload.length > 160 ? `${payload.slice(0, 157)}...` : payload;
  const answer = call.response?.ok === false ? ` -> ${call.response.error_code} ${call.response.description}` : "";
  return `#${call.seq} ${call.method} [${call.outcome}${call.fault ? `, fault ${call.fault}` : ""}] ${short}${answer}`;
}

// ---------------------------------------------------------------------------------------------
// The fake

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
}

interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  since: number;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Poll {
  wake: () => void;
  conflicted: boolean;
}

interface ExecutionResult {
  status: number;
  body?: RecordedCall["response"];
  fault?: RecordedCall["fault"];
  dropped?: boolean;
}

const DEFAULT_SCOPE = { type: "default" };

/** Starts a fake Bot API on 127.0.0.1 (random port). Always `await api.close()` when done. */
export async function createFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? TEST_BOT_TOKEN;
  const botInfo: UserFromGetMe = { ...TEST_BOT_INFO, ...options.botInfo };
  const now = options.now ?? Date.now;
  const defaultRetryAfter = options.retryAfter ?? 1;
  const longPollCapMs = options.longPollCapMs ?? 500;
  const strict = options.strict ?? false;
  const defaultWaitMs = options.waitTimeoutMs ?? 2000;
  const nowSeconds = () => Math.floor(now() / 1000);
  const botUser = {
    id: botInfo.id,
    is_bot: true as const,
    first_name: botInfo.first_name,
    username: botInfo.username,
  };

  // --- state
  let closed = false;
  const closeController = new AbortController();
  const calls: RecordedCall[] = [];
  // The messages each chat was sent, kept as calls are recorded: tests ask after every update, and reading them
  // out of every call each time made a long test quadratic in its calls.
  const sentByChat = new Map<number, SentMessage[]>();
  let seq = 0;
  const waiters = new Set<Waiter>();
  const queue: Update[] = [];
  let lastUpdateId = 0;
  let confirmedUpdateId = 0;
  const confirmationWaiters = new Set<{ updateId: number; resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  const polls = new Set<Poll>();
  const chats = new Map<number, Chat>();
  const messages = new Map<string, Message>();
  const lastMessageIds = new Map<number, number>();
  const callbackQueries = new Map<string, { answered: boolean }>();
  const files = new Map<string, StoredFile>();
  const filesByPath = new Map<string, StoredFile>();
  let fileCounter = 0;
  const commandSets = new Map<string, BotCommand[]>();
  const menuButtons = new Map<number | "default", MenuButton>();
  let webhook: (WebhookInfo & { url: string; secret_token?: string }) | undefined;
  const faultCounts: FaultCounts = { total: 0, "429": 0, "5xx": 0, drop: 0, rateLimited: 0, blocked: 0 };
  const failQueue: { method: string; kind: FaultKind; remaining: number }[] = [];
  let faultPlan: (FaultPlan & { random: () => number; methodSet?: Set<string> }) | undefined;
  let serverErrorToggle = false;
  let rate: (RateLimitOptions & { window: number[] }) | undefined;
  const blocked = new Set<number>();
  const refused = new Map<number, string>();
  const handlers = new Map<string, { name: string; handler: MethodHandler }>();

  const messageKey = (chatId: number, messageId: number) => `${chatId}:${messageId}`;

  // --- helpers on state
  function rememberMessage(message: Message): void {
    if (!("chat" in message) || !message.chat) return;
    chats.set(message.chat.id, message.chat);
    if (message.date === 0) return; // InaccessibleMessage
    messages.set(messageKey(message.chat.id, message.message_id), message);
    const last = lastMessageIds.get(message.chat.id) ?? 0;
    if (message.message_id > last) lastMessageIds.set(message.chat.id, message.message_id);
    if (message.reply_to_message) rememberMessage(message.reply_to_message as Message);
  }

  function rememberUpdate(update: Update): void {
    for (const message of [update.message, update.edited_message, update.channel_post, update.edited_channel_post]) {
      if (message) rememberMessage(message as Message);
    }
    const query = update.callback_query;
    if (query) {
      callbackQueries.set(query.id, { answered: false });
      if (query.message) rememberMessage(query.message as Message);
    }
    for (const member of [update.my_chat_member, update.chat_member]) {
      if (member) chats.set(member.chat.id, member.chat);
    }
  }

  function chatIdOf(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isSafeInteger(value)) return value;
    if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
    if (typeof value === "string" && value.startsWith("@")) {
      for (const chat of chats.values()) {
        if ("username" in chat && chat.username && `@${chat.username}`.toLowerCase() === value.toLowerCase()) return chat.id;
      }
    }
    return undefined;
  }

  function requireChat(value: unknown): Chat {
    if (value === undefined || value === "") throw new BotApiError(400, "Bad Request: chat_id is empty");
    const id = chatIdOf(value);
    if (id === undefined || id === 0) throw new BotApiError(400, "Bad Request: chat not found");
    const known = chats.get(id);
    if (known) return known;
    const chat: Chat =
      id > 0
        ? { id, type: "private", first_name: `User ${id}` }
        : id <= -1_000_000_000_000
          ? { id, type: "supergroup", title: `Supergroup ${id}` }
          : { id, type: "group", title: `Group ${id}` };
    chats.set(id, chat);
    return chat;
  }

  function requireMessageId(value: unknown): number {
    const id = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
      throw new BotApiError(400, "Bad Request: message identifier is not specified");
    }
    return id;
  }

  function formatted(raw: unknown, parseMode: unknown, entities: unknown, what: "text" | "caption"): FormattedText {
    const source = typeof raw === "string" ? raw : raw === undefined || raw === null ? "" : String(raw);
    let result: FormattedText;
    try {
      result = parseFormattedText(source, typeof parseMode === "string" ? parseMode : undefined);
    } catch (error) {
      if (error instanceof EntityParseError) throw new BotApiError(400, error.description);
      throw error;
    }
    if (Array.isArray(entities) && (parseMode === undefined || parseMode === "")) {
      result = { text: result.text, entities: entities as MessageEntity[] };
    }
    if (what === "text") {
      if (result.text.trim() === "") throw new BotApiError(400, "Bad Request: message text is empty");
      if (result.text.length > 4096) throw new BotApiError(400, "Bad Request: message is too long");
    } else if (result.text.length > 1024) {
      throw new BotApiError(400, "Bad Request: message caption is too long");
    }
    return result;
  }

  /** A Web App address Telegram accepts: https (a loopback http address stands in for it in tests). */
  function checkWebAppUrl(value: unknown): void {
    const url = typeof value === "string" && URL.canParse(value) ? new URL(value) : undefined;
    const loopback = url?.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost");
    if (!url || (url.protocol !== "https:" && !loopback)) throw new BotApiError(400, "Bad Request: BUTTON_URL_INVALID");
  }

  /** Validates menu_button like Telegram: default, commands, or web_app with a text and an address. */
  function checkMenuButton(value: unknown): MenuButton {
    const button = (value ?? { type: "default" }) as Record<string, unknown>;
    if (button.type === "default" || button.type === "commands") return { type: button.type };
    if (button.type !== "web_app") throw new BotApiError(400, "Bad Request: unsupported menu button type");
    if (typeof button.text !== "string" || button.text === "") throw new BotApiError(400, "Bad Request: menu button text is empty");
    checkWebAppUrl((button.web_app as { url?: unknown } | undefined)?.url);
    return button as unknown as MenuButton;
  }

  /** Validates reply_markup like Telegram; returns the inline keyboard a Message carries, if any. */
  function checkMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
    if (markup === undefined || markup === null) return undefined;
    if (typeof markup !== "object") throw new BotApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
    if ("inline_keyboard" in markup) {
      const rows = (markup as { inline_keyboard: unknown }).inline_keyboard;
      if (!Array.isArray(rows)) throw new BotApiError(400, 'Bad Request: field "inline_keyboard" must be an Array');
      for (const row of rows) {
        if (!Array.isArray(row)) throw new BotApiError(400, "Bad Request: field \"inline_keyboard\" must be an Array of Arrays");
        for (const button of row as Record<string, unknown>[]) {
          if (typeof button?.text !== "string" || button.text === "") {
            throw new BotApiError(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          }
          if ("web_app" in button) checkWebAppUrl((button.web_app as { url?: unknown } | undefined)?.url);
          if ("callback_data" in button) {
            const size = Buffer.byteLength(String(button.callback_data), "utf8");
            if (size < 1 || size > 64) throw new BotApiError(400, "Bad Request: BUTTON_DATA_INVALID");
          }
        }
      }
      return rows.length > 0 ? (markup as InlineKeyboardMarkup) : undefined;
    }
    if ("keyboard" in markup && !Array.isArray((markup as { keyboard: unknown }).keyboard)) {
      throw new BotApiError(400, 'Bad Request: field "keyboard" must be an Array');
    }
    return undefined;
  }

  function newMessage(chat: Chat, content: Record<string, unknown>, markup: InlineKeyboardMarkup | undefined, payload: Record<string, unknown>): Message {
    const messageId = (lastMessageIds.get(chat.id) ?? 0) + 1;
    lastMessageIds.set(chat.id, messageId);
    const message: Record<string, unknown> = { message_id: messageId, date: nowSeconds(), chat, from: botUser, ...content };
    if (typeof payload.message_thread_id === "number") message.message_thread_id = payload.message_thread_id;
    const replyParameters = payload.reply_parameters as { message_id?: unknown } | undefined;
    const replyTo = typeof replyParameters?.message_id === "number" ? replyParameters.message_id : payload.reply_to_message_id;
    if (typeof replyTo === "number") {
      const original = messages.get(messageKey(chat.id, replyTo));
      if (original) message.reply_to_message = original;
      else if (strict) throw new BotApiError(400, "Bad Request: message to be replied not found");
    }
    if (markup) message.reply_markup = markup;
    const result = message as unknown as Message;
    messages.set(messageKey(chat.id, messageId), result);
    return result;
  }

  function storeFile(bytes: Buffer, kind: "documents" | "photos", extension: string): StoredFile {
    fileCounter += 1;
    const prefix = kind === "photos" ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI";
    const stored: StoredFile = {
      file_id: `${prefix}fake${fileCounter}`,
      file_unique_id: `AQADfake${fileCounter}`,
      file_path: `${kind}/file_${fileCounter}${extension ? `.${extension}` : ""}`,
      bytes,
    };
    files.set(stored.file_id, stored);
    filesByPath.set(stored.file_path, stored);
    return stored;
  }

  /** Resolves a photo/document parameter: an upload (attach://), a known file_id, or an http(s) URL. */
  function inputFile(
    value: unknown,
    field: string,
    uploads: UploadedFile[],
    kind: "documents" | "photos",
  ): { stored: StoredFile; upload?: UploadedFile; name?: string } {
    if (value === undefined || value === null || value === "") {
      throw new BotApiError(400, `Bad Request: there is no ${field} in the request`);
    }
    if (typeof value !== "string") throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    if (value.startsWith("attach://")) {
      const upload = uploads.find((file) => file.attachId === value.slice("attach://".length));
      if (!upload) throw new BotApiError(400, `Bad Request: there is no ${field} in the request`);
      const extension = extensionOf(upload.filename) || (kind === "photos" ? "jpg" : "");
      return { stored: storeFile(upload.bytes, kind, extension), upload, name: upload.filename };
    }
    const known = files.get(value);
    if (known) return { stored: known };
    if (/^https?:\/\//i.test(value)) {
      const name = new URL(value).pathname.split("/").pop() ?? "";
      return { stored: storeFile(Buffer.alloc(0), kind, extensionOf(name)), name };
    }
    throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
  }

  function commandKey(scope: unknown, languageCode: unknown): string {
    const normalized = (typeof scope === "object" && scope !== null ? scope : DEFAULT_SCOPE) as Record<string, unknown>;
    const sorted = Object.keys(normalized)
      .sort()
      .map((key) => [key, key === "chat_id" || key === "user_id" ? (chatIdOf(normalized[key]) ?? normalized[key]) : normalized[key]]);
    return `${JSON.stringify(sorted)}|${typeof languageCode === "string" ? languageCode : ""}`;
  }

  function confirmUpdates(offset: unknown): void {
    if (typeof offset !== "number" || offset === 0) return;
    if (offset > 0) {
      while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
      markConfirmed(Math.min(offset - 1, lastUpdateId));
    } else {
      const dropped = queue.splice(0, Math.max(0, queue.length + offset));
      markConfirmed(dropped.at(-1)?.update_id ?? 0);
    }
  }

  function dropPendingUpdates(): void {
    const dropped = queue.splice(0, queue.length);
    markConfirmed(dropped.at(-1)?.update_id ?? 0);
  }

  function markConfirmed(updateId: number): void {
    if (updateId <= confirmedUpdateId) return;
    confirmedUpdateId = updateId;
    for (const waiter of confirmationWaiters) {
      if (waiter.updateId <= confirmedUpdateId) {
        confirmationWaiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve();
      }
    }
  }

  function wakePolls(): void {
    for (const poll of polls) poll.wake();
  }

  // --- editing
  function editableMessage(payload: Record<string, unknown>): { key: string; message: Message } | undefined {
    const chat = requireChat(payload.chat_id);
    const messageId = requireMessageId(payload.message_id);
    const key = messageKey(chat.id, messageId);
    const known = messages.get(key);
    if (known) {
      if (known.from && known.from.id !== botInfo.id) throw new BotApiError(400, "Bad Request: message can't be edited");
      return { key, message: known };
    }
    if (strict) throw new BotApiError(400, "Bad Request: message to edit not found");
    return undefined;
  }

  const NOT_MODIFIED =
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

  function applyEdit(
    payload: Record<string, unknown>,
    change: (current: Record<string, unknown>) => Record<string, unknown>,
  ): Message | true {
    if (typeof payload.inline_message_id === "string") {
      change({});
      return true;
    }
    const target = editableMessage(payload);
    const chat = requireChat(payload.chat_id);
    const messageId = requireMessageId(payload.message_id);
    const current: Record<string, unknown> = target
      ? { ...(target.message as unknown as Record<string, unknown>) }
      : { message_id: messageId, date: nowSeconds(), chat, from: botUser, text: "" };
    const next = change(current);
    const same = (key: string) => JSON.stringify(current[key] ?? null) === JSON.stringify(next[key] ?? null);
    if (target && same("text") && same("caption") && same("entities") && same("caption_entities") && same("reply_markup")) {
      throw new BotApiError(400, NOT_MODIFIED);
    }
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    next.edit_date = nowSeconds();
    const message = next as unknown as Message;
    messages.set(messageKey(chat.id, messageId), message);
    return message;
  }

  // --- built-in methods
  const builtIns: Record<string, MethodHandler> = {
    getMe: () => botInfo,
    logOut: () => true,
    close: () => true,

    getUpdates: async (payload, { signal }) => {
      if (webhook?.url) {
        throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      }
      confirmUpdates(payload.offset);
      const limit = Math.min(100, Math.max(1, typeof payload.limit === "number" ? payload.limit : 100));
      const timeoutMs = Math.min(longPollCapMs, Math.max(0, typeof payload.timeout === "number" ? payload.timeout : 0) * 1000);
      for (const other of polls) {
        other.conflicted = true; // Telegram ends the older request of two concurrent pollers
        other.wake();
      }
      const poll: Poll = { wake: () => undefined, conflicted: false };
      polls.add(poll);
      try {
        const deadline = Date.now() + timeoutMs;
        while (queue.length === 0 && !closed && !poll.conflicted && !signal.aborted && Date.now() < deadline) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
            signal.addEventListener("abort", done, { once: true });
            poll.wake = done;
            function done() {
              clearTimeout(timer);
              signal.removeEventListener("abort", done);
              resolve();
            }
          });
        }
      } finally {
        polls.delete(poll);
      }
      if (poll.conflicted) {
        throw new BotApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
      }
      return closed ? [] : queue.slice(0, limit);
    },

    setWebhook: (payload) => {
      const url = typeof payload.url === "string" ? payload.url : "";
      if (payload.drop_pending_updates === true) dropPendingUpdates();
      if (url === "") {
        webhook = undefined;
        return true;
      }
      if (!/^https?:\/\//i.test(url)) throw new BotApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
      const secret = payload.secret_token;
      if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
        throw new BotApiError(400, "Bad Request: secret token contains unallowed characters");
      }
      webhook = {
        url,
        has_custom_certificate: false,
        pending_update_count: 0,
        max_connections: typeof payload.max_connections === "number" ? payload.max_connections : 40,
        ...(Array.isArray(payload.allowed_updates)
          ? { allowed_updates: payload.allowed_updates as NonNullable<WebhookInfo["allowed_updates"]> }
          : {}),
        ...(typeof secret === "string" ? { secret_token: secret } : {}),
      };
      for (const poll of polls) poll.wake();
      void deliverWebhook();
      return true;
    },
    deleteWebhook: (payload) => {
      webhook = undefined;
      if (payload.drop_pending_updates === true) dropPendingUpdates();
      return true;
    },
    getWebhookInfo: () => webhookInfo(),

    sendMessage: (payload) => {
      const chat = requireChat(payload.chat_id);
      const text = formatted(payload.text, payload.parse_mode, payload.entities, "text");
      const markup = checkMarkup(payload.reply_markup);
      return newMessage(chat, { text: text.text, ...(text.entities.length ? { entities: text.entities } : {}) }, markup, payload);
    },

    sendPhoto: (payload, { files: uploads }) => {
      const chat = requireChat(payload.chat_id);
      const caption = formatted(payload.caption, payload.parse_mode, payload.caption_entities, "caption");
      const markup = checkMarkup(payload.reply_markup);
      const { stored } = inputFile(payload.photo, "photo", uploads, "photos");
      const size = pngSize(stored.bytes) ?? { width: 800, height: 600 };
      const photo: PhotoSize[] = [];
      const scale = Math.min(1, 320 / Math.max(size.width, size.height, 1));
      if (scale < 1) {
        photo.push({
          file_id: `${stored.file_id}_s`,
          file_unique_id: `${stored.file_unique_id}_s`,
          width: Math.round(size.width * scale),
          height: Math.round(size.height * scale),
        });
      }
      photo.push({ file_id: stored.file_id, file_unique_id: stored.file_unique_id, file_size: stored.bytes.length, ...size });
      return newMessage(
        chat,
        { photo, ...(caption.text ? { caption: caption.text } : {}), ...(caption.entities.length ? { caption_entities: caption.entities } : {}) },
        markup,
        payload,
      );
    },

    sendDocument: (payload, { files: uploads }) => {
      const chat = requireChat(payload.chat_id);
      const caption = formatted(payload.caption, payload.parse_mode, payload.caption_entities, "caption");
      const markup = checkMarkup(payload.reply_markup);
      const { stored, upload, name } = inputFile(payload.document, "document", uploads, "documents");
      const fileName = name || stored.file_path.split("/").pop() || "document";
      const declared = upload?.contentType && upload.contentType !== "application/octet-stream" ? upload.contentType : undefined;
      const document: Document = {
        file_id: stored.file_id,
        file_unique_id: stored.file_unique_id,
        file_name: fileName,
        mime_type: declared ?? MIME_BY_EXTENSION[extensionOf(fileName)] ?? "application/octet-stream",
        file_size: stored.bytes.length,
      };
      return newMessage(
        chat,
        { document, ...(caption.text ? { caption: caption.text } : {}), ...(caption.entities.length ? { caption_entities: caption.entities } : {}) },
        markup,
        payload,
      );
    },

    editMessageText: (payload) =>
      applyEdit(payload, (current) => {
        if (current.text === undefined && (current.photo !== undefined || current.document !== undefined)) {
          throw new BotApiError(400, "Bad Request: there is no text in the message to edit");
        }
        const text = formatted(payload.text, payload.parse_mode, payload.entities, "text");
        const markup = checkMarkup(payload.reply_markup);
        return { ...current, text: text.text, entities: text.entities.length ? text.entities : undefined, reply_markup: markup };
      }),

    editMessageCaption: (payload) =>
      applyEdit(payload, (current) => {
        if (current.text !== undefined) throw new BotApiError(400, "Bad Request: there is no caption in the message to edit");
        const caption = formatted(payload.caption, payload.parse_mode, payload.caption_entities, "caption");
        const markup = checkMarkup(payload.reply_markup);
        return {
          ...current,
          caption: caption.text || undefined,
          caption_entities: caption.entities.length ? caption.entities : undefined,
          reply_markup: markup,
        };
      }),

    editMessageReplyMarkup: (payload) =>
      applyEdit(payload, (current) => ({ ...current, reply_markup: checkMarkup(payload.reply_markup) })),

    deleteMessage: (payload) => {
      const chat = requireChat(payload.chat_id);
      const key = messageKey(chat.id, requireMessageId(payload.message_id));
      if (!messages.delete(key) && strict) throw new BotApiError(400, "Bad Request: message to delete not found");
      return true;
    },

    answerCallbackQuery: (payload) => {
      const id = payload.callback_query_id;
      const tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
      if (typeof id !== "string" || id === "") throw new BotApiError(400, tooOld);
      const known = callbackQueries.get(id);
      if ((known && known.answered) || (!known && strict)) throw new BotApiError(400, tooOld);
      if (typeof payload.text === "string" && payload.text.length > 200) throw new BotApiError(400, "Bad Request: MESSAGE_TOO_LONG");
      callbackQueries.set(id, { answered: true });
      return true;
    },

    sendChatAction: (payload) => {
      requireChat(payload.chat_id);
      if (typeof payload.action !== "string" || payload.action === "") throw new BotApiError(400, "Bad Request: action is empty");
      return true;
    },

    getFile: (payload) => {
      const stored = typeof payload.file_id === "string" ? files.get(payload.file_id) : undefined;
      if (!stored) throw new BotApiError(400, "Bad Request: invalid file_id");
      return {
        file_id: stored.file_id,
        file_unique_id: stored.file_unique_id,
        file_size: stored.bytes.length,
        file_path: stored.file_path,
      } satisfies TelegramFile;
    },

    setMyCommands: (payload) => {
      const commands = payload.commands;
      if (!Array.isArray(commands)) throw new BotApiError(400, "Bad Request: commands must be an Array");
      if (commands.length > 100) throw new BotApiError(400, "Bad Request: too many commands");
      for (const entry of commands as Record<string, unknown>[]) {
        if (typeof entry?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(entry.command)) {
          throw new BotApiError(400, "Bad Request: BOT_COMMAND_INVALID");
        }
        if (typeof entry.description !== "string" || entry.description.length < 1 || entry.description.length > 256) {
          throw new BotApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
        }
      }
      commandSets.set(commandKey(payload.scope, payload.language_code), commands as BotCommand[]);
      return true;
    },
    setChatMenuButton: (payload) => {
      const chat = payload.chat_id === undefined ? undefined : requireChat(payload.chat_id);
      if (chat && chat.type !== "private") throw new BotApiError(400, "Bad Request: chat is not private");
      menuButtons.set(chat?.id ?? "default", checkMenuButton(payload.menu_button));
      return true;
    },
    getChatMenuButton: (payload) =>
      menuButtons.get(payload.chat_id === undefined ? "default" : requireChat(payload.chat_id).id) ?? menuButtons.get("default") ?? { type: "default" },
    getMyCommands: (payload) => commandSets.get(commandKey(payload.scope, payload.language_code)) ?? [],
    deleteMyCommands: (payload) => {
      commandSets.delete(commandKey(payload.scope, payload.language_code));
      return true;
    },
  };
  for (const [name, handler] of Object.entries(builtIns)) handlers.set(name.toLowerCase(), { name, handler });

  function webhookInfo(): WebhookInfo {
    if (!webhook) return { url: "", has_custom_certificate: false, pending_update_count: queue.length };
    const { secret_token: _secret, ...info } = webhook;
    return { ...info, pending_update_count: queue.length };
  }

  // --- faults
  function pickFault(method: string): FaultKind | undefined {
    const lower = method.toLowerCase();
    const queued = failQueue.find((entry) => entry.method === lower || (entry.method === "*" && lower !== "getupdates"));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) failQueue.splice(failQueue.indexOf(queued), 1);
      return queued.kind;
    }
    if (!faultPlan || faultPlan.kinds.length === 0) return undefined;
    const eligible = faultPlan.methodSet ? faultPlan.methodSet.has(lower) : lower !== "getupdates";
    if (!eligible || faultPlan.random() >= faultPlan.rate) return undefined;
    return faultPlan.kinds[Math.floor(faultPlan.random() * faultPlan.kinds.length)];
  }

  function faultAnswer(kind: FaultKind): ExecutionResult {
    faultCounts.total += 1;
    if (kind === "drop") {
      faultCounts.drop += 1;
      return { status: 0, dropped: true, fault: "drop" };
    }
    if (kind === "429") {
      faultCounts["429"] += 1;
      const retryAfter = faultPlan?.retryAfter ?? defaultRetryAfter;
      return {
        status: 429,
        fault: "429",
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        },
      };
    }
    faultCounts["5xx"] += 1;
    if (kind === "5xx") serverErrorToggle = !serverErrorToggle;
    const code = kind === "500" ? 500 : kind === "502" ? 502 : serverErrorToggle ? 500 : 502;
    return {
      status: code,
      fault: code === 500 ? "500" : "502",
      body: { ok: false, error_code: code, description: code === 500 ? "Internal Server Error" : "Bad Gateway" },
    };
  }

  /** Runs one API call: faults, blocked chats, rate limit, then the handler. */
  async function execute(
    method: string,
    payload: Record<string, unknown>,
    uploads: UploadedFile[],
    signal: AbortSignal,
    withFaults: boolean,
  ): Promise<ExecutionResult> {
    const entry = handlers.get(method.toLowerCase());
    if (!entry) {
      return { status: 404, body: { ok: false, error_code: 404, description: "Not Found: method not found" } };
    }
    if (withFaults) {
      const kind = pickFault(entry.name);
      if (kind) return faultAnswer(kind);
      const chatId = chatIdOf(payload.chat_id);
      if (chatId !== undefined && blocked.has(chatId) && isChatWrite(entry.name)) {
        faultCounts.total += 1;
        faultCounts.blocked += 1;
        const description = chatId > 0 ? "Forbidden: bot was blocked by the user" : "Forbidden: bot was kicked from the group chat";
        return { status: 403, fault: "blocked", body: { ok: false, error_code: 403, description } };
      }
      const refusal = chatId === undefined ? undefined : refused.get(chatId);
      if (refusal !== undefined && isMessageSend(entry.name)) {
        faultCounts.total += 1;
        return { status: 400, fault: "refused", body: { ok: false, error_code: 400, description: refusal } };
      }
      if (rate && isMessageSend(entry.name)) {
        const at = Date.now();
        while (rate.window.length > 0 && rate.window[0]! <= at - 1000) rate.window.shift();
        if (rate.window.length >= rate.perSecond) {
          faultCounts.total += 1;
          faultCounts.rateLimited += 1;
          const retryAfter = rate.retryAfter ?? Math.max(1, Math.ceil((rate.window[0]! + 1000 - at) / 1000));
          return {
            status: 429,
            fault: "rate-limit",
            body: {
              ok: false,
              error_code: 429,
              description: `Too Many Requests: retry after ${retryAfter}`,
              parameters: { retry_after: retryAfter },
            },
          };
        }
        rate.window.push(at);
      }
    }
    try {
      const result = await entry.handler(payload, { files: uploads, signal });
      return { status: 200, body: { ok: true, result } };
    } catch (error) {
      if (error instanceof BotApiError) {
        return {
          status: error.errorCode,
          body: {
            ok: false,
            error_code: error.errorCode,
            description: error.description,
            ...(error.parameters ? { parameters: error.parameters } : {}),
          },
        };
      }
      const detail = error instanceof Error ? error.message : String(error);
      return { status: 500, body: { ok: false, error_code: 500, description: `Internal Server Error: fake Bot API failed: ${detail}` } };
    }
  }

  // --- recording and waiting
  function record(call: RecordedCall): void {
    calls.push(call);
    const sent = sentMessageOf(call);
    if (sent) {
      const chat = sentByChat.get(sent.chat_id);
      if (chat) chat.push(sent);
      else sentByChat.set(sent.chat_id, [sent]);
    }
    for (const waiter of waiters) {
      if (call.seq >= waiter.since && waiter.predicate(call)) {
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(call);
      }
    }
  }

  function sentMessageOf(call: RecordedCall): SentMessage | undefined {
    if (call.outcome !== "ok" || !isMessageSend(call.method)) return undefined;
    const message = call.response?.result as Message | undefined;
    if (!message || typeof message !== "object" || !("message_id" in message)) return undefined;
    const sent: SentMessage = {
      seq: call.seq,
      method: call.method,
      chat_id: message.chat.id,
      message_id: message.message_id,
      buttons: flattenButtons(call.payload.reply_markup),
      files: call.files,
      payload: call.payload,
      message,
      at: call.at,
    };
    if ("text" in message && typeof message.text === "string") sent.text = message.text;
    if ("caption" in message && typeof message.caption === "string") sent.caption = message.caption;
    if (typeof call.payload.parse_mode === "string") sent.parse_mode = call.payload.parse_mode;
    if (call.payload.reply_markup !== undefined) sent.reply_markup = call.payload.reply_markup;
    return sent;
  }

  function waitFor(predicate: (call: RecordedCall) => boolean, waitOptions: WaitOptions = {}): Promise<RecordedCall> {
    const since = waitOptions.since ?? 0;
    const existing = calls.find((call) => call.seq >= since && predicate(call));
    if (existing) return Promise.resolve(existing);
    if (closed) return Promise.reject(new Error("fake Bot API is closed"));
    const timeoutMs = waitOptions.timeoutMs ?? defaultWaitMs;
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        since,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          const relevant = calls.filter((call) => call.method !== "getUpdates");
          const polls = calls.length - relevant.length;
          const recent = relevant.slice(-10).map(summarize);
          reject(
            new Error(
              `fake Bot API: timed out after ${timeoutMs} ms waiting for ${waitOptions.description ?? "a matching call"}` +
                (since > 0 ? ` (calls since #${since})` : "") +
                `.\nRecent calls (${relevant.length} total, plus ${polls} getUpdates):\n` +
                (recent.length > 0 ? recent.map((line) => `  ${line}`).join("\n") : "  (none)"),
            ),
          );
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  // --- webhook delivery (loopback only; sequential like max_connections = 1)
  let delivering = false;
  async function deliverWebhook(): Promise<void> {
    if (delivering) return;
    delivering = true;
    try {
      while (!closed && webhook && queue.length > 0) {
        const hook = webhook;
        if (!isLoopbackUrl(hook.url)) {
          hook.last_error_date = nowSeconds();
          hook.last_error_message = "the fake Bot API delivers webhooks to loopback addresses only";
          return;
        }
        const update = queue[0]!;
        const deliveryAt = Date.now();
        try {
          const response = await fetch(hook.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(hook.secret_token ? { "x-telegram-bot-api-secret-token": hook.secret_token } : {}),
            },
            body: JSON.stringify(update),
            signal: closeController.signal,
          });
          const text = await response.text();
          if (response.ok && queue[0] === update) {
            queue.shift();
            markConfirmed(update.update_id);
          }
          recordDelivery(update, deliveryAt, response.status, response.ok);
          if (response.ok) {
            await runWebhookReply(text);
            continue;
          }
          hook.last_error_message = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
        } catch (error) {
          if (closed) return;
          recordDelivery(update, deliveryAt, 0, false);
          hook.last_error_message = `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
        }
        hook.last_error_date = nowSeconds();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      delivering = false;
    }
  }

  function recordDelivery(update: Update, at: number, status: number, ok: boolean): void {
    record({
      seq: ++seq,
      method: WEBHOOK_DELIVERY,
      payload: update as unknown as Record<string, unknown>,
      files: [],
      at,
      transport: "webhook-delivery",
      status,
      outcome: ok ? "ok" : "error",
    });
  }

  /** Telegram executes a method sent back in the webhook response body. */
  async function runWebhookReply(text: string): Promise<void> {
    let reply: unknown;
    try {
      reply = text ? JSON.parse(text) : undefined;
    } catch {
      return;
    }
    if (typeof reply !== "object" || reply === null || typeof (reply as { method?: unknown }).method !== "string") return;
    const { method, ...payload } = reply as Record<string, unknown> & { method: string };
    const at = Date.now();
    const result = await execute(method, payload, [], closeController.signal, false);
    record({
      seq: ++seq,
      method: handlers.get(method.toLowerCase())?.name ?? method,
      payload,
      files: [],
      at,
      transport: "webhook-reply",
      status: result.status,
      outcome: result.body?.ok ? "ok" : "error",
      ...(result.body ? { response: result.body } : {}),
    });
  }

  // --- HTTP
  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function parseParameters(
    url: URL,
    contentType: string,
    body: Buffer,
  ): { payload: Record<string, unknown>; uploads: UploadedFile[]; transport: CallTransport } {
    const payload: Record<string, unknown> = {};
    for (const [key, value] of url.searchParams) payload[key] = coerceStringParameter(key, value);
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    if (body.length === 0) return { payload, uploads: [], transport: "query" };
    if (type === "application/json") {
      const parsed: unknown = JSON.parse(body.toString("utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not a JSON object");
      return { payload: { ...payload, ...(parsed as Record<string, unknown>) }, uploads: [], transport: "json" };
    }
    if (type === "application/x-www-form-urlencoded") {
      for (const [key, value] of new URLSearchParams(body.toString("utf8"))) payload[key] = coerceStringParameter(key, value);
      return { payload, uploads: [], transport: "urlencoded" };
    }
    if (type === "multipart/form-data") {
      const multipart = parseMultipart(body, contentType);
      for (const [key, value] of Object.entries(multipart.fields)) payload[key] = coerceStringParameter(key, value);
      const uploads = multipart.files.map((part): UploadedFile => {
        const reference = `attach://${part.field}`;
        let field = Object.keys(payload).find((key) => payload[key] === reference);
        if (field === undefined) {
          // a file sent directly under the parameter name (curl -F document=@file)
          field = part.field;
          if (payload[field] === undefined) payload[field] = reference;
        }
        return { field, attachId: part.field, filename: part.filename, contentType: part.contentType, bytes: part.bytes };
      });
      return { payload, uploads, transport: "multipart" };
    }
    throw new Error(`unsupported content type "${contentType}"`);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      if (download[1] !== token) return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const stored = filesByPath.get(decodeURIComponent(download[2]!));
      if (!stored) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": stored.bytes.length });
      res.end(req.method === "HEAD" ? undefined : stored.bytes);
      return;
    }
    const api = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!api) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (api[1] !== token) return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    if (req.method !== "GET" && req.method !== "POST") {
      return sendJson(res, 405, { ok: false, error_code: 405, description: "Method Not Allowed" });
    }
    const at = Date.now();
    const requested = api[2]!;
    const method = handlers.get(requested.toLowerCase())?.name ?? requested;
    const body = await readBody(req);
    let parsed: ReturnType<typeof parseParameters>;
    try {
      parsed = parseParameters(url, req.headers["content-type"] ?? "", body);
    } catch (error) {
      const description = `Bad Request: can't parse request parameters: ${error instanceof Error ? error.message : String(error)}`;
      record({ seq: ++seq, method, payload: {}, files: [], at, transport: "query", status: 400, outcome: "error", response: { ok: false, error_code: 400, description } });
      return sendJson(res, 400, { ok: false, error_code: 400, description });
    }
    const aborter = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborter.abort();
    });
    const result = await execute(method, parsed.payload, parsed.uploads, aborter.signal, true);
    const call: RecordedCall = {
      seq: ++seq,
      method,
      payload: parsed.payload,
      files: parsed.uploads,
      at,
      transport: parsed.transport,
      status: result.status,
      outcome: result.dropped ? "dropped" : aborter.signal.aborted ? "aborted" : result.body?.ok ? "ok" : "error",
      ...(result.fault ? { fault: result.fault } : {}),
      ...(result.body && !result.dropped ? { response: result.body } : {}),
    };
    if (call.outcome === "aborted") call.status = 0;
    record(call);
    if (result.dropped) {
      req.socket.destroy();
      return;
    }
    sendJson(res, result.status, result.body);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    });
  });
  // grammY keeps connections alive; don't let Node's 5 s idle timeout race a reused socket
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const apiRoot = `http://127.0.0.1:${port}`;

  const fake: FakeBotApi = {
    token,
    botInfo,
    apiRoot,
    port,
    calls,
    faultCounts,

    pushUpdate(input) {
      if (closed) throw new Error("fake Bot API is closed");
      const given = input.update_id;
      const updateId = typeof given === "number" && given > lastUpdateId ? given : lastUpdateId + 1;
      lastUpdateId = updateId;
      const update = { ...input, update_id: updateId } as Update;
      rememberUpdate(update);
      queue.push(update);
      wakePolls();
      if (webhook) void deliverWebhook();
      return updateId;
    },
    pendingUpdates: () => [...queue],
    pendingPolls: () => polls.size,
    rememberUpdate,
    allocateMessageId(chatId) {
      const messageId = (lastMessageIds.get(chatId) ?? 0) + 1;
      lastMessageIds.set(chatId, messageId);
      return messageId;
    },

    addFile(fileId, bytes, filePath) {
      const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
      fileCounter += 1;
      const stored: StoredFile = {
        file_id: fileId,
        file_unique_id: `AQADadded${fileCounter}`,
        file_path: filePath ?? `documents/file_${fileCounter}`,
        bytes: data,
      };
      files.set(fileId, stored);
      filesByPath.set(stored.file_path, stored);
      return { file_id: fileId, file_unique_id: stored.file_unique_id, file_size: data.length, file_path: stored.file_path };
    },
    fileBytes: (fileId) => files.get(fileId)?.bytes,

    injectFaults(plan) {
      faultPlan = plan
        ? {
            ...plan,
            random: seededRandom(plan.seed),
            ...(plan.methods ? { methodSet: new Set(plan.methods.map((method) => method.toLowerCase())) } : {}),
          }
        : undefined;
    },
    failNext(method, kind, times = 1) {
      failQueue.push({ method: method === "*" ? "*" : method.toLowerCase(), kind, remaining: times });
    },
    rateLimit(rateOptions) {
      rate = rateOptions ? { ...rateOptions, window: [] } : undefined;
    },
    blockChat: (chatId) => void blocked.add(chatId),
    unblockChat: (chatId) => void blocked.delete(chatId),
    refuseChat: (chatId, description) => void (description === null ? refused.delete(chatId) : refused.set(chatId, description)),
    handle(method, handler) {
      handlers.set(method.toLowerCase(), { name: method, handler });
    },

    mark: () => seq + 1,
    callsTo: (method) => calls.filter((call) => call.method.toLowerCase() === method.toLowerCase()),
    messagesTo(chatId) {
      return [...(sentByChat.get(chatId) ?? [])];
    },
    lastMessageTo(chatId) {
      return fake.messagesTo(chatId).at(-1);
    },
    messageState: (chatId, messageId) => messages.get(messageKey(chatId, messageId)),
    commands: (scope, languageCode) => commandSets.get(commandKey(scope, languageCode)),
    menuButton: (chatId) => menuButtons.get(chatId ?? "default"),
    webhookInfo,

    waitFor,
    waitForConfirmed(updateId, waitOptions = {}) {
      if (updateId <= confirmedUpdateId) return Promise.resolve();
      if (closed) return Promise.reject(new Error("fake Bot API is closed"));
      const timeoutMs = waitOptions.timeoutMs ?? defaultWaitMs;
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          updateId,
          resolve,
          reject,
          timer: setTimeout(() => {
            confirmationWaiters.delete(waiter);
            const recent = calls.filter((c) => c.method !== "getUpdates").slice(-10).map(summarize);
            reject(
              new Error(
                `fake Bot API: update ${updateId} was not confirmed within ${timeoutMs} ms` +
                  `${waitOptions.description ? ` (${waitOptions.description})` : ""}; confirmed up to ${confirmedUpdateId}, ` +
                  `pending ${JSON.stringify(queue.map((u) => u.update_id))}. Is the bot polling?\nRecent calls:\n` +
                  (recent.length > 0 ? recent.map((line) => `  ${line}`).join("\n") : "  (none)"),
              ),
            );
          }, timeoutMs),
        };
        confirmationWaiters.add(waiter);
      });
    },
    async waitForMessage(chatId, predicate, waitOptions = {}) {
      const call = await waitFor(
        (candidate) => {
          const sent = sentMessageOf(candidate);
          return sent !== undefined && sent.chat_id === chatId && (predicate ? predicate(sent) : true);
        },
        { description: `a message to chat ${chatId}${predicate ? " matching the predicate" : ""}`, ...waitOptions },
      );
      return sentMessageOf(call)!;
    },
    clearCalls() {
      calls.length = 0;
      sentByChat.clear();
    },

    async close() {
      if (closed) return;
      closed = true;
      closeController.abort();
      wakePolls();
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error("fake Bot API was closed while a waitFor was pending"));
      }
      waiters.clear();
      for (const waiter of confirmationWaiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error("fake Bot API was closed while a waitForConfirmed was pending"));
      }
      confirmationWaiters.clear();
      // let woken long polls answer [] before their connections go away
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
