/**
 * The demo's transcript: the founder's and the lead's chats as they would read them in Telegram — who typed
 * what, the bot's replies with their buttons, edits, charts and files — interleaved by time, with one-line
 * notes of what the managers did off-screen. It reads what the bot really sent through the emulator's HTTP
 * API (the recorded calls), so nothing in it is made up; charts and files are saved into the output folder.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { RecordedCall } from "../emulator/fake-bot-api.js";
import { localTime } from "../../src/domain/calendar.js";
import type { Person, StageObserver } from "./stage.js";

export type DemoLocale = "ru" | "en";

/** Words of the transcript itself (the bot's own texts come from its locales). */
const WORDS = {
  ru: {
    bot: "Бот",
    chat: (name: string, role: string) => `Чат: ${name} (${role}) и бот`,
    chartSaved: (path: string) => `[график сохранён: ${path}]`,
    fileSaved: (path: string) => `[файл сохранён: ${path}]`,
    edited: "(изменено)",
    popup: "(всплывающее)",
    document: "📎",
    moreCommands: (count: number) => `… и ещё ${count} (весь список — /help)`,
  },
  en: {
    bot: "Bot",
    chat: (name: string, role: string) => `Chat: ${name} (${role}) and the bot`,
    chartSaved: (path: string) => `[chart saved: ${path}]`,
    fileSaved: (path: string) => `[file saved: ${path}]`,
    edited: "(edited)",
    popup: "(pop-up)",
    document: "📎",
    moreCommands: (count: number) => `… and ${count} more (the full list: /help)`,
  },
} as const;

export interface TranscriptOptions {
  locale: DemoLocale;
  timezone: string;
  /** Folder charts and files are saved into. */
  outDir: string;
  /** How the folder is named in the transcript (e.g. "demo-output"). */
  outLabel: string;
  now: () => number;
  /** Called with each finished line, so the transcript streams while the month plays. */
  print: (line: string) => void;
}

export interface Transcript extends StageObserver {
  /** Private chats shown in full, with the role as the transcript names it. */
  show(person: Person, role: string): void;
  /** Lets the transcript read the emulator's recorded calls. */
  attach(calls: () => readonly RecordedCall[]): void;
  /** A heading for a new day (and an optional line under it). */
  day(date: string, note?: string): void;
  /** A narrator's line: what happened off-screen. */
  note(text: string): void;
  /** A line under the narrator's last one (what came of it), indented like a manager's command's answer. */
  aside(text: string): void;
  /**
   * Runs `work` without telling the managers' actions one by one, then tells each manager's in one line:
   * "10:05 · Иван: [▶ Начать] → [✅ Сделано] → «12 3 1» → [Пропустить]".
   */
  quietly<T>(work: () => Promise<T>): Promise<T>;
  lines(): string[];
  /** Files saved so far, as the transcript names them (e.g. demo-output/plan.png). */
  saved(): string[];
  /** Calls the bot made that the emulator refused (should be none). */
  refusedCalls(): RecordedCall[];
}

const INDENT = "     ";
const COMMAND_LINE = /^\/[a-z_]+ — /;

function firstLine(text: string, max = 110): string {
  const line = text.split("\n").find((part) => part.trim() !== "") ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function buttonRows(markup: unknown): string[] {
  if (typeof markup !== "object" || markup === null || !("inline_keyboard" in markup)) return [];
  return (markup as InlineKeyboardMarkup).inline_keyboard.map((row) => row.map((button) => `[${button.text}]`).join(" "));
}

/** Creates the transcript; `show` the chats to print, `attach` the emulator's calls, then play the script. */
export function createTranscript(options: TranscriptOptions): Transcript {
  const words = WORDS[options.locale];
  const shown = new Map<number, { person: Person; role: string }>();
  const output: string[] = [];
  const saved: string[] = [];
  const refused: RecordedCall[] = [];
  const usedNames = new Map<string, number>();
  let readCalls: () => readonly RecordedCall[] = () => [];
  let consumed = 0;
  let currentChat: number | undefined;
  /** Set while quiet: each manager's actions, with the time of the first. */
  let trails: Map<Person, { time: string; steps: string[] }> | undefined;
  let deferred: (() => void)[] | undefined;
  /** The chat of the last action, for pop-ups (answerCallbackQuery names no chat). */
  let actionChat: number | undefined;
  /** A manager's command, told with the first line of the bot's answer once it is handled. */
  let pendingNarration: { chatId: number; line: string } | undefined;

  const emit = (line: string) => {
    output.push(line);
    options.print(line);
  };
  const time = () => localTime(options.now(), options.timezone);

  function speakerWidth(): number {
    return Math.max(words.bot.length, ...[...shown.values()].map((entry) => entry.person.name.length));
  }

  /** The welcome's list of every command of a role is cut to its first lines: /help shows it all. */
  function shortenCommandList(lines: string[]): string[] {
    const commandLines = lines.filter((line) => COMMAND_LINE.test(line));
    if (commandLines.length <= 8) return lines;
    const keep = new Set(commandLines.slice(0, 4));
    const out: string[] = [];
    let cut = false;
    for (const line of lines) {
      if (!COMMAND_LINE.test(line) || keep.has(line)) out.push(line);
      else if (!cut) {
        cut = true;
        out.push(words.moreCommands(commandLines.length - 4));
      }
    }
    return out;
  }

  function enterChat(chatId: number): void {
    if (currentChat === chatId) return;
    currentChat = chatId;
    const entry = shown.get(chatId)!;
    emit("");
    emit(`  — ${words.chat(entry.person.name, entry.role)} —`);
  }

  /** A message in a shown chat: the first line after the speaker, the rest and the buttons indented under it. */
  function say(chatId: number, speaker: string, body: string[], buttons: string[] = []): void {
    // While a manager's steps are gathered, what they cause in the shown chats waits to come after them.
    if (deferred) {
      const at = time();
      deferred.push(() => sayAt(at, chatId, speaker, body, buttons));
      return;
    }
    sayAt(time(), chatId, speaker, body, buttons);
  }

  function sayAt(at: string, chatId: number, speaker: string, body: string[], buttons: string[]): void {
    enterChat(chatId);
    const head = `${at}  ${speaker.padEnd(speakerWidth())} › `;
    const pad = " ".repeat(head.length);
    const [first = "", ...rest] = shortenCommandList(body.flatMap((part) => part.split("\n")));
    emit(`${INDENT}${head}${first}`);
    for (const line of rest) emit(line.trim() === "" ? "" : `${INDENT}${pad}${line}`);
    for (const row of buttons) emit(`${INDENT}${pad}${row}`);
  }

  function saveFile(call: RecordedCall, field: "photo" | "document"): string | undefined {
    const upload = call.files.find((file) => file.field === field) ?? call.files[0];
    if (!upload) return undefined;
    const dot = upload.filename.lastIndexOf(".");
    const extension = dot >= 0 ? upload.filename.slice(dot) : field === "photo" ? ".png" : "";
    // plan-2026-11.png → plan.png; the workbook keeps its own name.
    const stem = field === "photo" ? upload.filename.slice(0, dot >= 0 ? dot : undefined).replace(/-\d{4}-\d{2}$/, "") : upload.filename.slice(0, dot >= 0 ? dot : undefined);
    const count = (usedNames.get(stem + extension) ?? 0) + 1;
    usedNames.set(stem + extension, count);
    const name = count === 1 ? `${stem}${extension}` : `${stem}-${count}${extension}`;
    writeFileSync(join(options.outDir, name), upload.bytes);
    const label = `${options.outLabel}/${name}`;
    saved.push(label);
    return label;
  }

  const sentText = (call: RecordedCall): string | undefined =>
    call.outcome === "ok" && call.method === "sendMessage" ? ((call.response?.result as Message | undefined)?.text ?? undefined) : undefined;

  /** One call of the bot; `replies` are the texts sent in the same batch (a pop-up repeating one is left out). */
  function readCall(call: RecordedCall, replies: Set<string>): void {
    if (call.outcome !== "ok") {
      if (call.method !== "getUpdates") refused.push(call);
      return;
    }
    const chatId = Number(call.payload.chat_id);
    const result = call.response?.result as Message | undefined;
    if (call.method === "answerCallbackQuery") {
      const text = typeof call.payload.text === "string" ? call.payload.text : "";
      if (text && !replies.has(text) && actionChat !== undefined && shown.has(actionChat)) say(actionChat, words.bot, [`${words.popup} ${text}`]);
      return;
    }
    if (!shown.has(chatId) || !result || typeof result !== "object") return;
    switch (call.method) {
      case "sendMessage":
        return say(chatId, words.bot, [result.text ?? ""], buttonRows(result.reply_markup));
      case "editMessageText":
        return say(chatId, words.bot, [`${words.edited} ${result.text ?? ""}`], buttonRows(result.reply_markup));
      case "sendPhoto": {
        const path = saveFile(call, "photo");
        return say(chatId, words.bot, [words.chartSaved(path ?? "?"), ...(result.caption ? [result.caption] : [])], buttonRows(result.reply_markup));
      }
      case "sendDocument": {
        const path = saveFile(call, "document");
        return say(chatId, words.bot, [words.fileSaved(path ?? "?"), ...(result.caption ? [result.caption] : [])], buttonRows(result.reply_markup));
      }
      default:
        return;
    }
  }

  return {
    show(person, role) {
      shown.set(person.chatId, { person, role });
    },
    attach(calls) {
      readCalls = calls;
      consumed = calls().length;
    },
    action(person, action) {
      actionChat = person.chatId;
      pendingNarration = undefined;
      if (shown.has(person.chatId)) {
        const body =
          action.kind === "text"
            ? action.text
            : action.kind === "button"
              ? `[${action.label}]`
              : `${words.document} ${action.fileName}${action.caption ? `  «${action.caption}»` : ""}`;
        say(person.chatId, person.name, [body]);
        return;
      }
      // Managers' chats are not shown; their commands and buttons are told in one line with the bot's first words back.
      if (trails) {
        const trail = trails.get(person) ?? { time: time(), steps: [] };
        trail.steps.push(action.kind === "button" ? `[${action.label}]` : action.kind === "text" ? `«${action.text}»` : action.fileName);
        trails.set(person, trail);
        return;
      }
      if (action.kind === "document" || (action.kind === "text" && !action.text.startsWith("/"))) return;
      // A button outside a check-up (the confirmation of an /undo) is told like a command.
      const text = action.kind === "button" ? `[${action.label}]` : action.text.startsWith("/start ") ? "/start …" : action.text;
      pendingNarration = { chatId: person.chatId, line: `${INDENT}${time()}  · ${person.name} › ${text}` };
    },
    settle() {
      const fresh = readCalls().slice(consumed);
      consumed += fresh.length;
      if (pendingNarration) {
        const { chatId, line } = pendingNarration;
        pendingNarration = undefined;
        currentChat = undefined;
        emit(line);
        const reply = fresh.find((call) => Number(call.payload.chat_id) === chatId && sentText(call) !== undefined);
        if (reply) emit(`${INDENT}${" ".repeat(7)}↳ ${firstLine(sentText(reply)!)}`);
      }
      const replies = new Set(fresh.map(sentText).filter((text): text is string => text !== undefined));
      for (const call of fresh) readCall(call, replies);
    },
    day(date, note) {
      const label = new Intl.DateTimeFormat(options.locale === "ru" ? "ru-RU" : "en-GB", {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(new Date(`${date}T12:00:00Z`));
      currentChat = undefined;
      emit("");
      emit(`═══ ${label.charAt(0).toUpperCase()}${label.slice(1)} ${"═".repeat(Math.max(3, 60 - label.length))}`);
      if (note) emit(`${INDENT}${note}`);
    },
    note(text) {
      currentChat = undefined;
      emit(`${INDENT}${time()}  · ${text}`);
    },
    aside(text) {
      emit(`${INDENT}${" ".repeat(7)}${text}`);
    },
    async quietly(work) {
      const told = new Map<Person, { time: string; steps: string[] }>();
      const later: (() => void)[] = [];
      trails = told;
      deferred = later;
      try {
        return await work();
      } finally {
        trails = undefined;
        deferred = undefined;
        if (told.size > 0) currentChat = undefined;
        for (const [person, trail] of told) emit(`${INDENT}${trail.time}  · ${person.name}: ${trail.steps.join(" → ")}`);
        for (const show of later) show();
      }
    },
    lines: () => [...output],
    saved: () => [...saved],
    refusedCalls: () => [...refused],
  };
}
