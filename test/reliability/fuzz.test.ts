/**
 * Fuzz (fast-check, fixed seed): every registered command with random, huge (100 KB), unicode,
 * control-character and injection-like arguments from each role, then random answers to whatever
 * dialogue the bare command opened, then random button data. Checked for every input: no crash
 * (no exception out of the update, no "something went wrong" reply), no unhandled rejection, a reply
 * (never silence in a private chat), and — when the reply is a usage, error or refusal message —
 * nothing written to the tables that hold team data.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type Replies, type TestUser } from "../helpers/harness.js";
import { textUpdate } from "../helpers/updates.js";
import { COMMANDS } from "../../src/bot/features/index.js";
import { createTranslator, LOCALES_DIR } from "../../src/shared/i18n.js";
import type { Db } from "../../src/db/open.js";
import type { Statement } from "better-sqlite3";
import type { Role } from "../../src/db/members.js";
import { EXPECTED } from "./expectations.js";

const SEED = 20261102;
const INPUTS_PER_COMMAND = 40;
const ANSWERS_PER_DIALOGUE = 6;
const BUTTON_PRESSES = 120;

const translator = createTranslator();

// ---------------------------------------------------------------------------------------------
// Which replies mean "I did nothing": usage, validation errors, refusals.

/** Locale keys whose message says the input was not accepted. */
const NO_WRITE_KEY =
  /(^|-)(usage|error|invalid|too-long|too-large|too-much|bad-date|past-date|not-found|unknown|denied|private-only|not-manager|wrong-state|missing|exists|builtin|order|empty)(-|$)/;

function localeMessages(): Map<string, string[]> {
  const vars = new Map<string, string[]>();
  for (const file of readdirSync(join(LOCALES_DIR, "en")).filter((name) => name.endsWith(".ftl"))) {
    let current: string | undefined;
    for (const line of readFileSync(join(LOCALES_DIR, "en", file), "utf8").split("\n")) {
      const head = /^([a-z][\w-]*)\s*=/.exec(line);
      if (head) vars.set((current = head[1]!), []);
      if (current) for (const match of line.matchAll(/\$([\w-]+)/g)) vars.get(current)!.push(match[1]!);
    }
  }
  return vars;
}

const MARK = "\u0001";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex per "nothing done" message in both languages; variables match anything. */
const noWritePatterns: { key: string; pattern: RegExp }[] = [...localeMessages()]
  .filter(([key]) => NO_WRITE_KEY.test(key) || key === "reliability-slow-down" || key === "button-stale")
  .flatMap(([key, names]) =>
    (["ru", "en"] as const).map((locale) => {
      const rendered = translator.t(locale, key, Object.fromEntries(names.map((name) => [name, MARK])));
      return { key, pattern: new RegExp(`^${escape(rendered).split(MARK).join("[\\s\\S]*?")}$`) };
    }),
  );
const crashTexts = new Set((["ru", "en"] as const).map((locale) => translator.t(locale, "error-generic")));

function noWriteKey(text: string): string | undefined {
  return noWritePatterns.find(({ pattern }) => pattern.test(text))?.key;
}

// ---------------------------------------------------------------------------------------------
// What "written" means: every table holding team data; not conversation state (kv), not the
// update ids, and of members only who they are (profile refreshes and language are bookkeeping).

/** Each table's read, prepared once per connection: the fingerprint is taken twice for every input. */
const tableReads = new WeakMap<Db, [string, Statement][]>();

function fingerprint(db: Db): string {
  let reads = tableReads.get(db);
  if (!reads) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    reads = tables
      .filter((name) => name !== "kv" && name !== "processed_updates" && name !== "schema_migrations" && name !== "migrations")
      // Rows as arrays of values (raw): the same contents, without building an object per row.
      .map((name) => [name, (name === "members" ? db.prepare("SELECT id, team_id, user_id, role, status FROM members ORDER BY id") : db.prepare(`SELECT * FROM "${name}"`)).raw()]);
    tableReads.set(db, reads);
  }
  const hash = createHash("sha1");
  for (const [name, read] of reads) hash.update(name).update(JSON.stringify(read.all()));
  return hash.digest("hex");
}

// ---------------------------------------------------------------------------------------------
// Inputs

const HUGE = ["x".repeat(100_000), "Я".repeat(50_000), "ООО Ромашка ".repeat(8_500), `@${"a".repeat(100_000)}`, `${"9".repeat(100_000)}`, "; ".repeat(50_000)];
const NASTY = [
  "'; DROP TABLE members; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM tasks;--",
  "<script>alert(1)</script>",
  "<b>bold</b> *bold* _it_ [link](http://x)",
  "{ $name } { -brand } {",
  "%s%s%n%x",
  "${process.exit(1)}",
  "../../../etc/passwd",
  "\u0000\u0001\u0002\u001b[31m\u007f",
  "\u202eevil\u202c \u200b\u200c\u200d \ufeff",
  "e\u0301\u0301\u0301 Z̷̧̛a̵l̸g̶o̴",
  "👍🏽👨‍👩‍👧‍👦🏳️‍🌈",
  "\ud800 lone surrogate",
  "مرحبا שלום 你好 こんにちは",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "0x1F",
  "99999999999999999999999",
  "1000000000001",
  "0.001",
  "1,5",
  "2026-02-30",
  "31.02",
  "29.02.2027",
  "00.00",
  "12.13.2026",
  "2026-13",
  "9999-12",
  "0000-00",
  "; ; ;",
  ";",
  "@",
  "@@",
  "@ivan_manager",
  "@olga_founder",
  "@nonexistent_user_xyz",
  "/start",
  "\\",
  "\n\n\n",
  "   ",
  "\t",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
];
const VOCABULARY = [
  "@ivan_manager", "@anna_lead", "@olga_founder", "@nobody_here", "2026-11", "2026-12", "2025-01", "10", "0", "-5", "100000", "150000.50", "1e12", "10000000000000", "marketing",
  "salaries", "tools", "other", "due", "12.11", "01.01.2030", "2026-11-20", "lost", "price", "need", "timing", "competitor", "noanswer", "ООО Ромашка", ";", "50%", "150%", "burn",
  "pause", "window", "cooldown", "timezone", "Europe/Moscow", "Mars/Olympus", "checkup", "cutoff", "10:00", "25:61", "holidays", "add", "remove", "workdays", "1,2,3", "8", "ru", "en",
  "de", "overdue", "stalled", "#1", "1", "999999", "all", "done", "yes", "no",
];

const separator = fc.constantFrom(" ", "  ", "; ", ";", "\n", "\t", " ; ");
const structured = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 6 }).chain((words) =>
  fc.array(separator, { minLength: words.length, maxLength: words.length }).map((seps) => words.map((word, i) => (i ? seps[i]! : "") + word).join("")),
);

/** Arguments: mostly plausible-looking, then noise of every kind; huge ones kept rare (they are slow to hash). */
const argument = fc.oneof(
  { weight: 6, arbitrary: structured },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\u001b", "\u007f", "\u200b", "\u202e", "\r", "\n", "\t", ";", "@", "/"), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);
const ROLES: Role[] = ["founder", "lead", "manager"];
const input = fc.record({ args: argument, role: fc.constantFrom(...ROLES) });
const answer = fc.oneof({ weight: 5, arbitrary: argument }, { weight: 1, arbitrary: fc.constantFrom("/help", "/start") });

// ---------------------------------------------------------------------------------------------

let h: Harness;
const people = {} as Record<Role, TestUser>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  h = await startHarness({ now: "2026-11-10T09:00:00Z" });
  people.founder = await h.member("founder", { username: "olga_founder", language_code: "en" });
  people.lead = await h.member("lead", { username: "anna_lead", language_code: "en" });
  people.manager = await h.member("manager", { username: "ivan_manager", language_code: "en" });
  const known = new Set(COMMANDS.map((spec) => spec.command));
  const seed: [Role, string][] = [
    ["founder", "/setplan 2026-11 10 150000"],
    ["lead", "/assign @ivan_manager Позвонить в ООО Ромашка due 20.11"],
    ["manager", "/ask Что с ценой?"],
  ];
  for (const [role, command] of seed) if (known.has(command.slice(1).split(" ")[0]!)) await people[role].send(command);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await h?.stop();
});

/** Any text as typed, also what starts with "/" without being a command (the harness's send() wants real ones). */
async function sendText(user: TestUser, text: string): Promise<Replies> {
  if (/^\/[A-Za-z0-9_]/.test(text)) return user.send(text);
  const since = h.fake.mark();
  await h.dispatch(textUpdate(user.user, text));
  return h.fake.messagesTo(user.chatId).filter((sent) => sent.seq >= since);
}

interface Tally {
  inputs: number;
  noWriteChecked: number;
  problems: string[];
}

const short = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text);

/** Sends one text (or button press) and checks the invariants; returns the replies. */
async function attempt(tally: Tally, user: TestUser, label: string, act: () => Promise<Replies>): Promise<Replies | undefined> {
  const before = fingerprint(h.db);
  tally.inputs++;
  let replies: Replies;
  try {
    replies = await act();
  } catch (error) {
    tally.problems.push(`${label}: threw ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return undefined;
  } finally {
    h.clock.advance(1000); // a person's pace: the flood limit is not what is being tested here
  }
  const texts = [...replies.map((reply) => reply.text ?? reply.caption ?? ""), ...(replies.answer !== undefined ? [replies.answer] : [])];
  if (texts.length === 0) tally.problems.push(`${label}: silence`);
  if (texts.some((text) => crashTexts.has(text))) tally.problems.push(`${label}: "something went wrong"`);
  if (texts.length > 0 && texts.every((text) => noWriteKey(text) !== undefined)) {
    tally.noWriteChecked++;
    if (fingerprint(h.db) !== before) tally.problems.push(`${label}: answered ${noWriteKey(texts[0]!)} but wrote to the database`);
  }
  void user;
  return replies;
}

describe("fuzz", () => {
  it("survives random arguments to every command from every role", { timeout: 120_000 }, async () => {
    const tally: Tally = { inputs: 0, noWriteChecked: 0, problems: [] };
    const commands = COMMANDS.map((spec) => spec.command);
    for (const [index, command] of commands.entries()) {
      const samples = fc.sample(input, { seed: SEED + index, numRuns: INPUTS_PER_COMMAND });
      for (const { args, role } of samples) {
        const user = people[role];
        await attempt(tally, user, `/${command} ${short(args)} by ${role}`, () => user.send(`/${command} ${args}`));
      }
    }
    expect(tally.problems).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(tally.noWriteChecked).toBeGreaterThan(tally.inputs / 4);
    console.log(`fuzz: ${tally.inputs} command inputs tried (${commands.length} commands × 3 roles), ${tally.noWriteChecked} usage/refusal replies checked to write nothing, 0 crashes, 0 silent`);
  });

  it("survives random answers in every dialogue and random button data", { timeout: 120_000 }, async () => {
    const tally: Tally = { inputs: 0, noWriteChecked: 0, problems: [] };
    const commands = COMMANDS.map((spec) => spec.command).filter((command) => command !== "start" && command !== "help");
    let dialogues = 0;
    for (const [index, command] of commands.entries()) {
      const expected = EXPECTED[command];
      for (const role of ROLES.filter((r) => !expected || expected.allowed.includes(r))) {
        const user = people[role];
        // The bare command: either usage or the first question of a dialogue.
        const opened = await attempt(tally, user, `/${command} by ${role}`, () => user.send(`/${command}`));
        if (!opened || opened.every((reply) => noWriteKey(reply.text ?? "") !== undefined)) continue;
        dialogues++;
        const answers = fc.sample(answer, { seed: SEED * 7 + index, numRuns: ANSWERS_PER_DIALOGUE });
        for (const text of answers) await attempt(tally, user, `/${command} by ${role}, answer ${short(text)}`, () => sendText(user, text));
        await user.send("/help");
        h.clock.advance(1000);
      }
    }
    // Buttons: data the bot really uses, with numbers and suffixes mangled, pressed by every role.
    const seenData = [
      ...new Set(
        h.fake.calls
          .filter((call) => call.outcome === "ok")
          .flatMap((call) => (call.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard?.flat() ?? [])
          .map((button) => button.callback_data)
          .filter((data): data is string => typeof data === "string"),
      ),
    ];
    const mangled = fc.oneof(
      fc.constantFrom(...(seenData.length ? seenData : ["lang:en"])).chain((data) =>
        fc.constantFrom(data, data.replace(/\d+/g, "999999"), data.replace(/\d+/g, "-1"), `${data}:extra`, data.split(":")[0]!, `${data.split(":")[0]}:${"z".repeat(50)}`),
      ),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 64 }),
    );
    const presses = fc.sample(fc.record({ data: mangled, role: fc.constantFrom(...ROLES) }), { seed: SEED + 99, numRuns: BUTTON_PRESSES });
    for (const { data, role } of presses) {
      const user = people[role];
      await attempt(tally, user, `button ${short(data)} by ${role}`, () => user.press(data));
    }
    expect(tally.problems).toEqual([]);
    expect(unhandled).toEqual([]);
    console.log(`fuzz: ${dialogues} dialogues answered with random text, ${BUTTON_PRESSES} random button presses (${seenData.length} real button kinds mangled); ${tally.inputs} inputs, ${tally.noWriteChecked} checked to write nothing, 0 crashes`);
  });
});
