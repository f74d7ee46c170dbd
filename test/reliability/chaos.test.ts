/**
 * kill -9 chaos: the real bot (`tsx src/main.ts`, long polling) on one SQLite file against the fake
 * Bot API, driven by scripted people — invites (a command and the /invite dialogue), joining,
 * /assign, /ask, /expense, full check-up dialogues and, once the lead base is there, /refusal —
 * and SIGKILLed at seeded random moments, restarted, and driven on.
 *
 * People behave like people: an answer the bot confirmed is never sent again; one that got no
 * reply is sent again where that is natural (a button, joining by link, a dialogue step) and
 * abandoned otherwise. At the end every confirmed answer is in the database exactly once, no
 * unconfirmed one is there twice, `PRAGMA integrity_check` is ok, and every dialogue was finished.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Message, Update, User } from "grammy/types";
import { createFakeBotApi, type FakeBotApi, type SentMessage } from "../helpers/fake-bot-api.js";
import { callbackUpdate, commandUpdate, makeUser, textUpdate } from "../helpers/updates.js";
import { runMain } from "../helpers/cli.js";
import { openDatabase } from "../../src/db/open.js";
import { migrate } from "../../src/db/migrate.js";
import { ensureTeam } from "../../src/db/teams.js";
import { upsertMember } from "../../src/db/members.js";
import { hashToken } from "../../src/db/invites.js";
import { COMMANDS } from "../../src/bot/features/index.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { seededRandom } from "../../tools/seeded-random.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SEED = 0x5eed;
const ROUNDS = 6;
/** Chance that a step is followed by a kill at a random moment within KILL_WINDOW_MS. */
const KILL_CHANCE = 0.22;
const KILL_WINDOW_MS = 40;
const REPLY_TIMEOUT_MS = 3000;

const has = (command: string) => COMMANDS.some((spec) => spec.command === command);
const t = (key: string, vars?: Record<string, string | number>) => createTranslator().t("en", key, vars);

/** A zone where it is about noon now, so the check-up window (00:00–23:59) is open all test long. */
function noonZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
}

let fake: FakeBotApi | undefined;
let running: Running | undefined;
let output = "";
/** kill -9 of the bot and the tsx process that started it. */
function killGroup(target: Running): void {
  try {
    process.kill(-target.child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

afterAll(async () => {
  if (running?.child.exitCode === null) {
    killGroup(running);
    await running.exited;
  }
  await fake?.close();
});

describe("kill -9 chaos", () => {
  it("keeps every confirmed answer exactly once, the database intact and the dialogues going", { timeout: 120_000 }, async () => {
    const random = seededRandom(SEED);
    fake = await createFakeBotApi({ waitTimeoutMs: REPLY_TIMEOUT_MS });
    const api = fake;
    const dir = mkdtempSync(join(tmpdir(), "scb-chaos-"));
    const dbPath = join(dir, "bot.sqlite");
    const zone = noonZone();
    const founder = makeUser(700_001, { username: "olga_founder", language_code: "en" });
    const lead = makeUser(700_002, { username: "anna_lead", language_code: "en" });

    // The team before the first start: founder and lead, every day a working day, the check-up open all day.
    {
      const db = openDatabase(dbPath);
      migrate(db, undefined, Date.now());
      ensureTeam(db, 1, { timezone: zone, locale: "en" }, Date.now());
      db.prepare("UPDATE teams SET working_days = '1,2,3,4,5,6,7', checkup_time = '00:00', cutoff_time = '23:59' WHERE id = 1").run();
      for (const [user, role] of [
        [founder, "founder"],
        [lead, "lead"],
      ] as const) {
        upsertMember(db, { teamId: 1, userId: user.id, username: user.username!, firstName: user.first_name, role, chatId: user.id }, Date.now());
      }
      db.prepare("UPDATE members SET locale = 'en'").run();
      db.close();
    }
    const companies = Array.from({ length: ROUNDS * 2 }, (_, i) => `Chaos Company ${i + 1}`);
    if (has("refusal")) {
      const { main } = await import("../../src/cli/import.js");
      const csv = join(dir, "base.csv");
      writeFileSync(csv, `company,segment\n${companies.map((name) => `${name},Chaos`).join("\n")}\n`);
      const run = await runMain(main, [csv], { DATABASE_PATH: dbPath });
      if (run.stderr) console.error(run.stderr);
      expect(run.code).toBe(0);
    }

    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: dbPath,
      DEFAULT_TIMEZONE: zone,
      DEFAULT_LOCALE: "en",
      LOG_LEVEL: "warn",
    };
    const killMoments = { beforeUpdate: 0, fetchedNotBegun: 0, midUpdate: 0, afterReply: 0 };
    let starts = 0;
    let kills = 0;
    let startMs = 0;

    async function startBot(): Promise<void> {
      const since = api.mark();
      const began = performance.now();
      // Its own process group: tsx runs the bot in a child process, and SIGKILL cannot be relayed, so the whole group is killed.
      const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/main.ts")], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      child.stdout!.on("data", (chunk) => (output += chunk));
      child.stderr!.on("data", (chunk) => (output += chunk));
      running = { child, exited: new Promise((resolve) => child.once("exit", () => resolve())) };
      // deleteWebhook is the last call before polling starts.
      await api.waitFor((call) => call.method === "deleteWebhook", { since, timeoutMs: 20_000, description: "the bot to start" });
      starts++;
      startMs += performance.now() - began;
    }

    async function killBot(): Promise<void> {
      killGroup(running!);
      await running!.exited;
      kills++;
    }

    /** Whether the dead process had begun the update (its id claimed in processed_updates). */
    function wasClaimed(updateId: number): boolean {
      const db = new Database(dbPath);
      try {
        return db.prepare("SELECT 1 FROM processed_updates WHERE update_id = ?").get(updateId) !== undefined;
      } finally {
        db.close();
      }
    }

    function pendingOutbox(): number {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").pluck().get() as number;
      } finally {
        db.close();
      }
    }

    const messagesSince = (chatId: number, since: number) => api.messagesTo(chatId).filter((sent) => sent.seq >= since);

    /**
     * Pushes an update like Telegram does and maybe kills the bot a moment later. Resolves with the
     * messages the person got once one of them confirms the action, or undefined when none will come.
     */
    async function act(update: Update, chatId: number, confirms: (sent: SentMessage) => boolean): Promise<SentMessage[] | undefined> {
      const since = api.mark();
      const updateId = api.pushUpdate(update);
      if (random() < KILL_CHANCE) {
        // Skewed towards the first milliseconds, where the update is being fetched and handled.
        await sleep(Math.floor(random() ** 2 * KILL_WINDOW_MS));
        await killBot();
        const confirmed = messagesSince(chatId, since).some(confirms);
        const redelivered = api.pendingUpdates().some((pending) => pending.update_id === updateId);
        const claimed = wasClaimed(updateId);
        await startBot();
        // Confirmed before the kill, or Telegram still holds an update nobody began: the new process handles it.
        // Begun and cut off (claimed), or taken off Telegram's queue and never begun: it is gone.
        if (confirmed) killMoments.afterReply++;
        else if (claimed) killMoments.midUpdate++;
        else if (redelivered) killMoments.beforeUpdate++;
        else killMoments.fetchedNotBegun++;
        if (!confirmed && (claimed || !redelivered)) return undefined;
      }
      const reply = await api.waitForMessage(chatId, confirms, { since, timeoutMs: REPLY_TIMEOUT_MS }).catch(() => undefined);
      return reply ? messagesSince(chatId, since) : undefined;
    }

    const saying = (pattern: RegExp) => (sent: SentMessage) => pattern.test(sent.text ?? "");
    const tally = { steps: 0, confirmed: 0, unconfirmed: 0, retried: 0 };
    const confirmedTags: { table: string; tag: string }[] = [];
    const attemptedTags: { table: string; tag: string }[] = [];
    const dialoguesFinished = { invite: 0, checkup: 0 };
    const confirmedCheckupAnswers: { checkupId: number; taskId: number; answer: string }[] = [];

    /** A command whose effect carries a unique tag (or gets one in the reply): sent once; confirmed or abandoned. */
    async function taggedCommand(
      user: User,
      text: string,
      confirms: (sent: SentMessage) => boolean,
      table: string,
      tag: string | ((replies: SentMessage[]) => string | undefined),
    ): Promise<void> {
      tally.steps++;
      if (typeof tag === "string") attemptedTags.push({ table, tag });
      // Confirmed by the command's own reply (a late outbox message to the same chat does not count).
      const replies = await act(commandUpdate(user, text), user.id, confirms);
      if (replies) {
        tally.confirmed++;
        const confirmedTag = typeof tag === "string" ? tag : tag(replies.filter(confirms));
        if (confirmedTag === undefined) throw new Error(`no tag in the reply to ${text}: ${JSON.stringify(replies.map((r) => r.text))}`);
        confirmedTags.push({ table, tag: confirmedTag });
      } else tally.unconfirmed++;
    }

    /** Something a person simply does again when the bot did not answer (a link, a button, a dialogue step). */
    async function untilConfirmed(chatId: number, make: () => Update, confirms: (sent: SentMessage) => boolean, attempts = 6): Promise<SentMessage[]> {
      for (let attempt = 1; attempt <= attempts; attempt++) {
        tally.steps++;
        const replies = await act(make(), chatId, confirms);
        if (replies) {
          tally.confirmed++;
          return replies;
        }
        tally.unconfirmed++;
        tally.retried++;
      }
      const recent = api.messagesTo(chatId).slice(-6).map((sent) => `  ${JSON.stringify(sent.text)} ${JSON.stringify(sent.buttons.map((b) => ("callback_data" in b ? b.callback_data : "")))}`);
      throw new Error(`no confirmation after ${attempts} attempts of ${JSON.stringify(make().message?.text ?? make().callback_query?.data)}; last messages:\n${recent.join("\n")}\n${output.slice(-3000)}`);
    }

    const linkIn = (sent: SentMessage) => /start=([\w-]+)/.exec(sent.text ?? "")?.[1];
    const withButton = (prefix: string) => (sent: SentMessage) => sent.buttons.some((button) => "callback_data" in button && button.callback_data.startsWith(prefix));

    /** The /invite dialogue: ask, choose a role by button, get the link; steps redone when lost. */
    async function inviteDialogue(user: User, role: "lead" | "manager"): Promise<string> {
      for (let attempt = 0; attempt < 6; attempt++) {
        const asked = await untilConfirmed(user.id, () => commandUpdate(user, "/invite"), withButton("invite:"));
        const question = asked.filter(withButton("invite:")).at(-1)!;
        tally.steps++;
        const pressed = await act(callbackUpdate(user, `invite:${role}`, { message: question.message as Message }), user.id, (sent) => linkIn(sent) !== undefined);
        const token = pressed?.map(linkIn).find(Boolean);
        if (token) {
          tally.confirmed++;
          dialoguesFinished.invite++;
          confirmedTags.push({ table: "invites", tag: token });
          return token;
        }
        // The dialogue lost its state with the process (or the press was lost): start it again.
        tally.unconfirmed++;
        tally.retried++;
      }
      throw new Error(`the /invite dialogue never finished\n${output.slice(-3000)}`);
    }

    const isFinal = (sent: SentMessage) => /^Check-up saved/.test(sent.text ?? "") || sent.text === t("checkup-already-answered");
    const isNumbers = (sent: SentMessage) => sent.text === t("checkup-numbers") || sent.text === t("checkup-numbers-hint");
    const isTask = (sent: SentMessage) => sent.buttons.some((button) => "callback_data" in button && /^ci:\d+:\d+:/.test(button.callback_data));
    const isNote = (sent: SentMessage) => sent.text === t("checkup-note");
    /** Whatever tells where the dialogue stands: a step's question, its hint, or the end. */
    const isStep = (sent: SentMessage) => isFinal(sent) || isNumbers(sent) || isTask(sent) || isNote(sent) || sent.text === t("checkup-task-hint");
    /** The same task always gets the same answer, also when it is asked again after a kill. */
    const answerFor = (taskId: number) => (["done", "progress", "not"] as const)[taskId % 3]!;
    const ANSWER_STATES = { done: "done", progress: "in_progress", not: "not_started" } as const;

    /**
     * A whole check-up by buttons and typed numbers and note. After a kill the dialogue may ask a step
     * again (its state is saved after the update) — the person answers what is asked; when nothing
     * comes back, /checkup shows where it stands.
     */
    async function checkupDialogue(user: User, round: number): Promise<void> {
      const reenter = () => untilConfirmed(user.id, () => commandUpdate(user, "/checkup"), isStep);
      let replies = await reenter();
      for (let step = 0; step < 40; step++) {
        const current = replies.filter(isStep).at(-1);
        if (!current) {
          replies = await reenter();
          continue;
        }
        if (isFinal(current)) {
          dialoguesFinished.checkup++;
          return;
        }
        let next: SentMessage[] | undefined;
        if (isTask(current) || current.text === t("checkup-task-hint")) {
          const question = isTask(current) ? current : api.messagesTo(user.id).filter(isTask).at(-1)!;
          const data = question.buttons.map((button) => ("callback_data" in button ? button.callback_data : "")).find((d) => /^ci:\d+:\d+:/.test(d))!;
          const [, checkupId, taskId] = data.split(":").map(Number) as [number, number, number];
          const answer = answerFor(taskId);
          next = await act(callbackUpdate(user, `ci:${checkupId}:${taskId}:${answer}`, { message: question.message as Message }), user.id, isStep);
          if (next) confirmedCheckupAnswers.push({ checkupId, taskId, answer: ANSWER_STATES[answer] });
        } else if (isNumbers(current)) {
          next = await act(textUpdate(user, `${round + 10} ${round} 1`), user.id, isStep);
        } else {
          next = await act(textUpdate(user, `chaos note ${round}`), user.id, isStep);
        }
        tally.steps++;
        if (next) {
          tally.confirmed++;
          replies = next;
        } else {
          tally.unconfirmed++;
          replies = await reenter();
        }
      }
      throw new Error(`the check-up dialogue never finished\n${output.slice(-3000)}`);
    }

    await startBot();
    const managers: User[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // A manager is invited by command and joins by the link (opening it again if nothing happened).
      await taggedCommand(founder, "/invite manager", (sent) => linkIn(sent) !== undefined, "invites", (replies) => replies.map(linkIn).find(Boolean));
      const token = await inviteDialogue(round % 2 ? founder : lead, "manager");
      const manager = makeUser(710_000 + round, { username: `chaos_manager_${round}`, language_code: "en" });
      await untilConfirmed(manager.id, () => commandUpdate(manager, `/start ${token}`), (sent) => /in the team as/.test(sent.text ?? ""));
      managers.push(manager);
      // Work for the check-up, a question, a cost, a refusal.
      for (let n = 1; n <= 2; n++) {
        await taggedCommand(lead, `/assign @${manager.username} Chaos task ${round}.${n}`, saying(/^Task #\d+ assigned/), "tasks", `Chaos task ${round}.${n}`);
      }
      await taggedCommand(manager, `/ask Chaos question ${round}`, saying(/^Question #\d+ sent/), "questions", `Chaos question ${round}`);
      await taggedCommand(founder, `/expense ${100 + round} tools chaos cost ${round}`, saying(/^Cost logged/), "expenses", `chaos cost ${round}`);
      if (has("refusal")) {
        await taggedCommand(manager, `/refusal ${companies[round - 1]}; price; chaos refusal ${round}`, saying(/^Refusal logged/), "company_events", `chaos refusal ${round}`);
      }
      await checkupDialogue(manager, round);
      if (round % 2 === 0) await inviteDialogue(founder, "lead");
    }
    // One more kill for good measure; the last start sends whatever the outbox still holds.
    await killBot();
    await startBot();
    for (let waited = 0; waited < 10_000 && pendingOutbox() > 0; waited += 100) await sleep(100);
    await killBot();

    // Messages the bot sends on its own (the outbox) survive the kills too: each joining is told to the founder.
    // Delivery is at-least-once: a kill between Telegram's ok and the "sent" mark would repeat one.
    // The founder hears of every join, the lead of the joins through their links: counted per recipient.
    const noticesTo = (user: User) => api.messagesTo(user.id).map((sent) => sent.text ?? "");
    const perRecipient = managers.flatMap((manager) => [founder, lead].map((user) => noticesTo(user).filter((text) => text.includes(`(@${manager.username}) accepted the invite`)).length));
    const noticeCounts = managers.map((_, i) => perRecipient[2 * i]!);
    const noticesRepeated = perRecipient.filter((n) => n > 1).length;

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const count = (table: string, tag: string): number => {
      switch (table) {
        case "invites":
          return db.prepare("SELECT COUNT(*) FROM invites WHERE token = ?").pluck().get(hashToken(tag)) as number;
        case "tasks":
          return db.prepare("SELECT COUNT(*) FROM tasks WHERE text = ?").pluck().get(tag) as number;
        case "questions":
          return db.prepare("SELECT COUNT(*) FROM questions WHERE text = ?").pluck().get(tag) as number;
        case "expenses":
          return db.prepare("SELECT COUNT(*) FROM expenses WHERE note = ?").pluck().get(tag) as number;
        case "company_events":
          return db.prepare("SELECT COUNT(*) FROM company_events WHERE kind = 'refusal' AND comment = ?").pluck().get(tag) as number;
        default:
          throw new Error(table);
      }
    };
    const lost: string[] = [];
    const doubled: string[] = [];
    for (const { table, tag } of confirmedTags) {
      const n = count(table, tag);
      if (n === 0) lost.push(`${table}: ${tag}`);
      if (n > 1) doubled.push(`${table}: ${tag} ×${n}`);
    }
    for (const { table, tag } of attemptedTags) if (count(table, tag) > 1) doubled.push(`${table}: ${tag} (unconfirmed) ×${count(table, tag)}`);
    // Every manager joined exactly once; every confirmed check-up answer is stored once with its value.
    for (const manager of managers) {
      expect(db.prepare("SELECT COUNT(*) FROM members WHERE user_id = ? AND role = 'manager' AND status = 'active'").pluck().get(manager.id)).toBe(1);
    }
    for (const answer of confirmedCheckupAnswers) {
      const rows = db.prepare("SELECT answer FROM checkup_answers WHERE checkup_id = ? AND task_id = ?").pluck().all(answer.checkupId, answer.taskId) as string[];
      if (rows.length === 0) lost.push(`checkup answer ${answer.checkupId}/${answer.taskId}`);
      else if (rows[0] !== answer.answer) lost.push(`checkup answer ${answer.checkupId}/${answer.taskId}: ${rows[0]} instead of ${answer.answer}`);
    }
    const finishedCheckups = db.prepare("SELECT COUNT(*) FROM checkups WHERE status = 'answered' AND note LIKE 'chaos note %'").pluck().get() as number;
    const undelivered = db.prepare("SELECT COUNT(*) FROM outbox WHERE status != 'sent'").pluck().get() as number;
    db.close();
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(10);
    expect(noticeCounts.every((n) => n >= 1)).toBe(true);
    expect(undelivered).toBe(0);
    expect(dialoguesFinished.checkup).toBe(ROUNDS);
    expect(finishedCheckups).toBe(ROUNDS);
    expect(dialoguesFinished.invite).toBe(ROUNDS + Math.floor(ROUNDS / 2));
    console.log(
      `chaos: ${kills} kills survived (${starts} starts, ${Math.round(startMs / starts)} ms each), ${tally.steps} steps, ` +
        `${confirmedTags.length + confirmedCheckupAnswers.length} confirmed answers checked, ${tally.unconfirmed} lost in a kill (${tally.retried} sent again), ` +
        `${lost.length} lost, ${doubled.length} doubled; kills: ${killMoments.beforeUpdate} before an update was fetched (redelivered), ` +
        `${killMoments.midUpdate} in the middle of one, ${killMoments.fetchedNotBegun} fetched but not begun, ${killMoments.afterReply} after the reply; ` +
        `${noticeCounts.length} join notices via the outbox, 0 lost, ${noticesRepeated} repeated; ${dialoguesFinished.checkup} check-ups and ${dialoguesFinished.invite} invite dialogues finished; integrity ok` +
        (has("refusal") ? "" : " (no /refusal registered yet)"),
    );
  });
});
