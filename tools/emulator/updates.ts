/**
 * Builders of Telegram updates as a user's client would produce them: commands carry a
 * `bot_command` entity, @usernames a `mention` entity, callback queries an id and the bot message
 * they were pressed on. Push them into the fake Bot API (`api.pushUpdate(...)`) or feed them to
 * `bot.handleUpdate(...)`. update_id and message_id come from module counters, so every update
 * built in a test file is unique; the fake keeps update_id when it is higher than what it has seen,
 * otherwise it assigns the next one.
 */
import type { CallbackQuery, Chat, ChatMember, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { TEST_BOT_INFO } from "./bot-info.js";

let lastUpdateId = 0;
let lastMessageId = 0;
let lastCallbackId = 0;

/** Next update_id of the builders' counter. */
export function nextUpdateId(): number {
  lastUpdateId += 1;
  return lastUpdateId;
}

function nextMessageId(): number {
  lastMessageId += 1;
  return lastMessageId;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Options of makeUser; pass `username: null` or `language_code: null` for a user without one. */
export interface UserOptions {
  username?: string | null;
  language_code?: string | null;
  first_name?: string;
  last_name?: string;
  is_bot?: boolean;
}

/** A Telegram user; defaults: username `user<id>`, first_name `User<id>`, language_code "ru". */
export function makeUser(id: number, options: UserOptions = {}): User {
  const user: User = { id, is_bot: options.is_bot ?? false, first_name: options.first_name ?? `User${id}` };
  if (options.last_name !== undefined) user.last_name = options.last_name;
  const username = options.username === undefined ? `user${id}` : options.username;
  if (username !== null) user.username = username;
  const languageCode = options.language_code === undefined ? "ru" : options.language_code;
  if (languageCode !== null) user.language_code = languageCode;
  return user;
}

/** The private chat between a user and the bot (chat id = user id, as in Telegram). */
export function privateChat(user: User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = { id: user.id, type: "private", first_name: user.first_name };
  if (user.last_name !== undefined) chat.last_name = user.last_name;
  if (user.username !== undefined) chat.username = user.username;
  return chat;
}

/** A group (default for ids above -10^12) or supergroup (ids like -100xxxxxxxxxx). */
export function groupChat(
  id = -1_001_234_567_890,
  options: { title?: string; type?: "group" | "supergroup"; username?: string } = {},
): Chat.GroupChat | Chat.SupergroupChat {
  const type = options.type ?? (id <= -1_000_000_000_000 ? "supergroup" : "group");
  const title = options.title ?? "Sales team";
  if (type === "group") return { id, type, title };
  const chat: Chat.SupergroupChat = { id, type, title };
  if (options.username !== undefined) chat.username = options.username;
  return chat;
}

/** Options shared by message builders. */
export interface MessageOptions {
  /** Default: the user's private chat. */
  chat?: Chat;
  /** Unix seconds; default now. */
  date?: number;
  message_id?: number;
  update_id?: number;
  reply_to_message?: Message;
}

/**
 * Entities Telegram clients attach to plain text: bot commands (at the start or after
 * whitespace), @mentions and http(s) links. Offsets are UTF-16 units, like Telegram's.
 */
export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const patterns: [RegExp, MessageEntity["type"]][] = [
    [/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g, "bot_command"],
    [/(^|[^\w@])(@[A-Za-z][A-Za-z0-9_]{3,31})(?![\w@])/g, "mention"],
    [/(^|\s)(https?:\/\/[^\s]+)/g, "url"],
  ];
  for (const [pattern, type] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const lead = match[1] ?? "";
      const value = match[2] ?? "";
      entities.push({ type, offset: (match.index ?? 0) + lead.length, length: value.length } as MessageEntity);
    }
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

function baseMessage(user: User, options: MessageOptions): Record<string, unknown> {
  const message: Record<string, unknown> = {
    message_id: options.message_id ?? nextMessageId(),
    date: options.date ?? nowSeconds(),
    chat: options.chat ?? privateChat(user),
    from: user,
  };
  if (options.reply_to_message) message.reply_to_message = options.reply_to_message;
  return message;
}

function messageUpdate(message: Record<string, unknown>, options: MessageOptions): Update {
  return { update_id: options.update_id ?? nextUpdateId(), message: message as unknown as NonNullable<Update["message"]> };
}

/** A text message from the user, with the entities a client would attach. */
export function textUpdate(user: User, text: string, options: MessageOptions = {}): Update {
  const message = baseMessage(user, options);
  message.text = text;
  const entities = detectEntities(text);
  if (entities.length > 0) message.entities = entities;
  return messageUpdate(message, options);
}

/** A command such as "/assign @ivan Call ACME due 12.05"; throws if the text does not start with "/". */
export function commandUpdate(user: User, text: string, options: MessageOptions = {}): Update {
  if (!/^\/[A-Za-z0-9_]/.test(text)) throw new Error(`commandUpdate: "${text}" does not start with a /command`);
  return textUpdate(user, text, options);
}

/** Options of callbackUpdate. */
export interface CallbackOptions {
  /** The message the button was on; default: a bot message in the user's private chat (or `chat`). */
  message?: Message;
  chat?: Chat;
  /** The bot that sent the message; default TEST_BOT_INFO. */
  bot?: UserFromGetMe;
  update_id?: number;
  id?: string;
}

/** A press of an inline button with `data`, from the user, on a bot message. */
export function callbackUpdate(user: User, data: string, options: CallbackOptions = {}): Update {
  lastCallbackId += 1;
  const bot = options.bot ?? TEST_BOT_INFO;
  const message =
    options.message ??
    ({
      message_id: nextMessageId(),
      date: nowSeconds(),
      chat: options.chat ?? privateChat(user),
      from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
      text: "…",
      reply_markup: { inline_keyboard: [[{ text: "…", callback_data: data }]] },
    } as unknown as Message);
  const query = {
    id: options.id ?? `${user.id}${String(lastCallbackId).padStart(6, "0")}`,
    from: user,
    chat_instance: `ci${message.chat.id}`,
    data,
    message,
  } as CallbackQuery;
  return { update_id: options.update_id ?? nextUpdateId(), callback_query: query };
}

/** The document a user sends (e.g. a CSV for /import). */
export interface DocumentSpec {
  file_id: string;
  file_name: string;
  mime_type: string;
  caption?: string;
  file_size?: number;
  file_unique_id?: string;
}

/** A message with a document; a caption gets entities like a text (a "/import" caption is a bot_command). */
export function documentUpdate(user: User, document: DocumentSpec, options: MessageOptions = {}): Update {
  const message = baseMessage(user, options);
  message.document = {
    file_id: document.file_id,
    file_unique_id: document.file_unique_id ?? `u${document.file_id}`,
    file_name: document.file_name,
    mime_type: document.mime_type,
    ...(document.file_size !== undefined ? { file_size: document.file_size } : {}),
  };
  if (document.caption !== undefined) {
    message.caption = document.caption;
    const entities = detectEntities(document.caption);
    if (entities.length > 0) message.caption_entities = entities;
  }
  return messageUpdate(message, options);
}

/** A my_chat_member update: "kicked" is what Telegram sends when the user blocks the bot. */
export function myChatMemberUpdate(
  user: User,
  status: "member" | "kicked",
  options: { chat?: Chat; bot?: UserFromGetMe; update_id?: number; date?: number } = {},
): Update {
  const bot = options.bot ?? TEST_BOT_INFO;
  const botUser: User = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
  const date = options.date ?? nowSeconds();
  const member = (s: "member" | "kicked"): ChatMember =>
    s === "member" ? { status: "member", user: botUser } : { status: "kicked", user: botUser, until_date: 0 };
  return {
    update_id: options.update_id ?? nextUpdateId(),
    my_chat_member: {
      chat: options.chat ?? privateChat(user),
      from: user,
      date,
      old_chat_member: member(status === "member" ? "kicked" : "member"),
      new_chat_member: member(status),
    },
  };
}
