/**
 * The member-update benchmark: one fixed stream of commands from 50 members (1 founder, 4 leads, 45 managers),
 * handled by the real bot (createBot with every middleware, bot.handleUpdate) and by a minimal grammY bot that
 * does only the necessary work for the same updates (one member lookup, the same rows written in one
 * better-sqlite3 transaction, a reply). Both talk to the same in-process API stub (method-shaped results, no HTTP).
 * After a run the row counts of every table are compared, so the baseline cannot win by writing less.
 */
import { Bot, type Transformer } from "grammy";
import type { Message, Update, User } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { createConfig } from "../src/config.js";
import { createBot } from "../src/bot/create-bot.js";
import { createTranslator, type Translator } from "../src/shared/i18n.js";
import type { Clock } from "../src/shared/clock.js";
import { createLogger } from "../src/shared/logger.js";
import { openDatabase, type Db } from "../src/db/open.js";
import { migrate } from "../src/db/migrate.js";
import { ensureTeam } from "../src/db/teams.js";
import { localDate } from "../src/domain/calendar.js";
import { nameKey } from "../src/domain/company-name.js";
import { importBase } from "../src/services/leads/import.js";
import { generateCsv } from "./lead-base.js";
import { TEST_BOT_INFO, TEST_BOT_TOKEN } from "../tools/emulator/bot-info.js";
import { percentile } from "./stats.js";

export const TEAM_ID = 1;
/** A Tuesday, 11:00 in Moscow: a working day after the check-up time. */
export const WORKLOAD_START = Date.parse("2026-11-03T08:00:00Z");
/** The injected clock moves this much per update, so the per-user flood limit (2/s) never triggers. */
export const CLOCK_STEP_MS = 200;

export type WorkloadKind = "assign" | "expense" | "tasks" | "ask" | "task" | "start" | "done" | "accept" | "touch";

export interface BenchMember {
  user: User;
  role: "founder" | "lead" | "manager";
}

export interface Workload {
  /** The injected clock of update i reads start + i × CLOCK_STEP_MS. */
  start: number;
  members: BenchMember[];
  updates: Update[];
  kinds: WorkloadKind[];
  counts: Record<WorkloadKind, number>;
  /** Tasks per state at the end, as the stream intends them. */
  taskStates: Record<string, number>;
}

/** The 50 members: index 0 the founder, 1–4 leads, 5–49 managers. */
export function benchMembers(): BenchMember[] {
  const members: BenchMember[] = [];
  for (let i = 0; i < 50; i++) {
    const role = i === 0 ? "founder" : i < 5 ? "lead" : "manager";
    const username = i === 0 ? "owner_olga" : i < 5 ? `lead_${i}` : `mgr_${String(i - 4).padStart(2, "0")}`;
    members.push({ role, user: { id: 900_001 + i, is_bot: false, first_name: `Person${i}`, username, language_code: "ru" } });
  }
  return members;
}

/** Seeded tasks per manager (state new, ids 1.. in manager order), so the lists and cards read real rows. */
const SEED_TASKS = 3;
/** Companies of the seeded lead base that /touch names (a generated base has them all). */
export const SEED_COMPANIES = 2_000;

/** The name of company `index` of a generated base (see generateCsv in lead-base.ts). */
export function companyName(index: number): string {
  return `ООО «Компания ${index}»`;
}

function privateChatOf(user: User) {
  return { id: user.id, type: "private" as const, first_name: user.first_name, ...(user.username ? { username: user.username } : {}) };
}

function commandUpdate(updateId: number, user: User, text: string, date: number): Update {
  const command = text.split(/\s/, 1)[0]!;
  const message: Message.TextMessage & Update.NonChannel = {
    message_id: 1000 + updateId,
    date,
    chat: privateChatOf(user),
    from: user,
    text,
    entities: [{ type: "bot_command", offset: 0, length: command.length }],
  };
  return { update_id: updateId, message };
}

/** A press of an inline button under an earlier bot message. */
function pressUpdate(updateId: number, user: User, data: string, date: number): Update {
  const bot = { id: TEST_BOT_INFO.id, is_bot: true as const, first_name: TEST_BOT_INFO.first_name, username: TEST_BOT_INFO.username };
  const message = {
    message_id: 500 + updateId,
    date: date - 60,
    chat: privateChatOf(user),
    from: bot,
    text: "…",
    reply_markup: { inline_keyboard: [[{ text: "…", callback_data: data }]] },
  } as Message.TextMessage;
  return { update_id: updateId, callback_query: { id: `cq${updateId}`, from: user, chat_instance: `ci${user.id}`, data, message } };
}

/**
 * `count` updates, member i % 50 in turn, in rounds of 50. A task's life runs through the stream: a lead
 * assigns it, its manager presses [Start] and later [Done] (the leads are told), a lead presses [Accept]
 * (the manager is told). Founder and leads cycle /assign, /expense, [Accept] (or /tasks when nothing is
 * done), /tasks; managers cycle /ask (a notice to each lead), [Start]/[Done] on their oldest open task (or
 * /tasks), /touch <company> (an event and the burn counters), /task <own task>. Every update is also
 * claimed in processed_updates.
 */
export function buildWorkload(count: number, start = WORKLOAD_START): Workload {
  const members = benchMembers();
  const managers = members.filter((m) => m.role === "manager");
  const updates: Update[] = [];
  const kinds: WorkloadKind[] = [];
  const counts: Record<WorkloadKind, number> = { assign: 0, expense: 0, tasks: 0, ask: 0, task: 0, start: 0, done: 0, accept: 0, touch: 0 };
  // The simulated task states, to know which button each press is on.
  const state = new Map<number, string>();
  const open = new Map<number, number[]>(managers.map((m) => [m.user.id, []]));
  managers.forEach((m, k) => {
    for (let j = 1; j <= SEED_TASKS; j++) {
      const id = k * SEED_TASKS + j;
      state.set(id, "new");
      open.get(m.user.id)!.push(id);
    }
  });
  let nextTaskId = managers.length * SEED_TASKS + 1;
  const reviewQueue: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = i % members.length;
    const round = Math.floor(i / members.length);
    const member = members[index]!;
    const updateId = i + 1;
    const date = Math.floor((start + i * CLOCK_STEP_MS) / 1000);
    let kind: WorkloadKind;
    let update: Update;
    if (member.role !== "manager") {
      const slot = round % 4;
      if (slot === 0) {
        kind = "assign";
        const target = managers[(Math.floor(round / 4) * 5 + index) % managers.length]!;
        update = commandUpdate(updateId, member.user, `/assign @${target.user.username} Позвонить клиенту ${i} и согласовать счёт`, date);
        state.set(nextTaskId, "new");
        open.get(target.user.id)!.push(nextTaskId++);
      } else if (slot === 1) {
        kind = "expense";
        update = commandUpdate(updateId, member.user, `/expense ${1000 + (i % 9000)} marketing Реклама ${i}`, date);
      } else if (slot === 2 && reviewQueue.length > 0) {
        kind = "accept";
        const id = reviewQueue.shift()!;
        state.set(id, "accepted");
        update = pressUpdate(updateId, member.user, `task:accept:${id}`, date);
      } else {
        kind = "tasks";
        update = commandUpdate(updateId, member.user, "/tasks", date);
      }
    } else {
      const slot = round % 4;
      const own = open.get(member.user.id)!;
      if (slot === 0) {
        kind = "ask";
        update = commandUpdate(updateId, member.user, `/ask Клиент ${i} просит скидку 15%, можно?`, date);
      } else if (slot === 1 && own.length > 0) {
        const id = own[0]!;
        if (state.get(id) === "new") {
          kind = "start";
          state.set(id, "in_progress");
        } else {
          kind = "done";
          state.set(id, "done");
          own.shift();
          reviewQueue.push(id);
        }
        update = pressUpdate(updateId, member.user, `task:${kind}:${id}`, date);
      } else if (slot === 2) {
        kind = "touch";
        update = commandUpdate(updateId, member.user, `/touch ${companyName((i * 7919) % SEED_COMPANIES)}`, date);
      } else if (slot === 3) {
        kind = "task";
        const managerIndex = index - 5;
        update = commandUpdate(updateId, member.user, `/task ${managerIndex * SEED_TASKS + 1 + (round % SEED_TASKS)}`, date);
      } else {
        kind = "tasks";
        update = commandUpdate(updateId, member.user, "/tasks", date);
      }
    }
    counts[kind]++;
    kinds.push(kind);
    updates.push(update);
  }
  const taskStates: Record<string, number> = {};
  for (const value of state.values()) taskStates[value] = (taskStates[value] ?? 0) + 1;
  return { start, members, updates, kinds, counts, taskStates };
}

/** Opens a fresh team database at `path` and seeds it (see seedTeam) with a lead base of SEED_COMPANIES companies. */
export function seedTeamDatabase(path: string, members: BenchMember[]): Db {
  const db = openDatabase(path);
  migrate(db, undefined, WORKLOAD_START - 86_400_000);
  seedTeam(db, members);
  const imported = importBase(db, TEAM_ID, generateCsv(SEED_COMPANIES, 3), WORKLOAD_START - 86_400_000);
  if (!imported.ok || imported.created !== SEED_COMPANIES) throw new Error("seeding the lead base failed");
  return db;
}

/** The team, its 50 members (profiles exactly as their updates show them, so nothing is refreshed) and seeded tasks. */
export function seedTeam(db: Db, members: BenchMember[], at = WORKLOAD_START - 86_400_000): void {
  ensureTeam(db, TEAM_ID, { timezone: "Europe/Moscow", locale: "ru" }, at);
  const insertMember = db.prepare(
    `INSERT INTO members (team_id, user_id, username, first_name, role, locale, chat_id, joined_at) VALUES (?, ?, ?, ?, ?, 'ru', ?, ?)`,
  );
  const insertTask = db.prepare(
    `INSERT INTO tasks (team_id, assignee_id, author_id, text, state, state_changed_at, created_at) VALUES (?, ?, ?, ?, 'new', ?, ?)`,
  );
  db.transaction(() => {
    const ids = members.map(
      (m) => Number(insertMember.run(TEAM_ID, m.user.id, m.user.username ?? null, m.user.first_name, m.role, m.user.id, at).lastInsertRowid),
    );
    members.forEach((m, i) => {
      if (m.role !== "manager") return;
      for (let k = 0; k < SEED_TASKS; k++) insertTask.run(TEAM_ID, ids[i]!, ids[1]!, `Подготовить КП ${i}-${k}`, at, at);
    });
  })();
}

/** Rows per table, to check that both bots wrote the same. */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts: Record<string, number> = Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get() as number]));
  for (const row of db.prepare("SELECT state, COUNT(*) AS n FROM tasks GROUP BY state").all() as { state: string; n: number }[]) counts[`tasks:${row.state}`] = row.n;
  return counts;
}

export interface ApiStub {
  transformer: Transformer;
  /** Text of every sendMessage, in order. */
  texts: string[];
  calls: Map<string, number>;
  reset(): void;
}

/** Answers every Bot API call in-process with a method-shaped result (a sendMessage result has a message_id). */
export function createApiStub(keepTexts = false): ApiStub {
  let messageId = 0;
  const stub: ApiStub = {
    texts: [],
    calls: new Map(),
    reset() {
      stub.texts.length = 0;
      stub.calls.clear();
    },
    transformer: (async (_prev, method, payload) => {
      stub.calls.set(method, (stub.calls.get(method) ?? 0) + 1);
      const p = payload as Record<string, unknown>;
      const chat = { id: Number(p.chat_id), type: "private" as const, first_name: "Bench" };
      const date = Math.floor(Date.now() / 1000);
      switch (method) {
        case "sendMessage":
          if (keepTexts) stub.texts.push(String(p.text));
          return { ok: true, result: { message_id: ++messageId, date, chat, text: p.text, ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}) } };
        case "editMessageText":
          return { ok: true, result: { message_id: Number(p.message_id), date, edit_date: date, chat, text: p.text } };
        case "sendPhoto":
        case "sendDocument":
          return { ok: true, result: { message_id: ++messageId, date, chat, caption: p.caption } };
        case "getMe":
          return { ok: true, result: TEST_BOT_INFO };
        default:
          return { ok: true, result: true };
      }
    }) as Transformer,
  };
  return stub;
}

export interface RunResult {
  seconds: number;
  /** CPU time of this process during the run (user + system): what a busy machine does not inflate. */
  cpuSeconds: number;
  updatesPerSec: number;
  /** Per-update handling times, ms. */
  times: Float64Array;
  p99Ms: number;
  counts: Record<string, number>;
}

export async function drive(
  workload: Workload,
  clock: { at: number },
  handle: (update: Update) => Promise<void>,
): Promise<{ seconds: number; cpuSeconds: number; times: Float64Array }> {
  const times = new Float64Array(workload.updates.length);
  const cpu = process.cpuUsage();
  const began = performance.now();
  for (let i = 0; i < workload.updates.length; i++) {
    clock.at = workload.start + i * CLOCK_STEP_MS;
    const t0 = performance.now();
    await handle(workload.updates[i]!);
    times[i] = performance.now() - t0;
  }
  const seconds = (performance.now() - began) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, times };
}

function finish(workload: Workload, db: Db, run: { seconds: number; cpuSeconds: number; times: Float64Array }): RunResult {
  return {
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    updatesPerSec: workload.updates.length / run.seconds,
    times: run.times,
    p99Ms: percentile(Array.from(run.times), 99),
    counts: rowCounts(db),
  };
}

/** Texts that mean an update did not do its work (refused, limited or failed). */
function failureTexts(translator: Translator): Set<string> {
  const t = translator.forLocale("ru");
  return new Set(["error-generic", "reliability-slow-down", "access-denied", "private-only", "unknown-command", "stranger-explain"].map((key) => t(key)));
}

/** The real bot: createBot with every middleware and feature, fed with bot.handleUpdate. */
export async function runRealBot(path: string, workload: Workload, stub: ApiStub): Promise<RunResult> {
  const db = seedTeamDatabase(path, workload.members);
  try {
    const clock = { at: workload.start };
    const deps = {
      config: createConfig({ BOT_TOKEN: TEST_BOT_TOKEN, DATABASE_PATH: path, LOG_LEVEL: "silent" }),
      db,
      clock: { now: () => clock.at } satisfies Clock,
      logger: createLogger("silent"),
      translator: sharedTranslator(),
      teamId: TEAM_ID,
      botInfo: TEST_BOT_INFO,
      // As in app.ts: the test transformer first, then the reply auto-retry.
      apiTransformers: [stub.transformer, autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true })],
      onOutbox: () => undefined,
    };
    const bot = createBot(deps);
    const run = await drive(workload, clock, (update) => bot.handleUpdate(update));
    return finish(workload, db, run);
  } finally {
    db.close();
  }
}

let translator: Translator | undefined;
function sharedTranslator(): Translator {
  return (translator ??= createTranslator());
}

/** Checks what the real bot replied (keepTexts stub): no refusal, limit or failure among the replies. */
export function assertRepliesOk(stub: ApiStub, workload: Workload): void {
  const bad = failureTexts(sharedTranslator());
  const failures = stub.texts.filter((text) => bad.has(text));
  if (failures.length > 0) throw new Error(`real bot refused or failed ${failures.length} updates, e.g. "${failures[0]}"`);
  if (stub.texts.length < workload.updates.length) throw new Error(`real bot replied ${stub.texts.length} times to ${workload.updates.length} updates`);
}

/**
 * The minimal bot: one member lookup, the same rows written in one better-sqlite3 transaction, one plain
 * reply. No i18n, no sessions, no conversations, no dedupe middleware (the update id is still written).
 */
export async function runBaselineBot(path: string, workload: Workload, stub: ApiStub): Promise<RunResult> {
  const db = seedTeamDatabase(path, workload.members);
  try {
    const clock = { at: workload.start };
    const s = {
      member: db.prepare("SELECT id, role, username FROM members WHERE team_id = ? AND user_id = ? AND status = 'active'"),
      byUsername: db.prepare("SELECT id, chat_id FROM members WHERE team_id = ? AND username = ? COLLATE NOCASE AND status = 'active'"),
      leads: db.prepare("SELECT id, chat_id FROM members WHERE team_id = ? AND role = 'lead' AND status = 'active'"),
      claim: db.prepare("INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING"),
      task: db.prepare(
        "INSERT INTO tasks (team_id, assignee_id, author_id, text, due_date, state, state_changed_at, created_at) VALUES (?, ?, ?, ?, NULL, 'new', ?, ?)",
      ),
      taskEvent: db.prepare("INSERT INTO task_events (team_id, task_id, actor_id, from_state, to_state, at) VALUES (?, ?, ?, NULL, 'new', ?)"),
      outbox: db.prepare(
        "INSERT INTO outbox (team_id, idempotency_key, chat_id, kind, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      ),
      question: db.prepare("INSERT INTO questions (team_id, member_id, text, asked_at) VALUES (?, ?, ?, ?)"),
      expense: db.prepare("INSERT INTO expenses (team_id, member_id, amount_kopecks, category, note, at, local_day) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      tasksPage: db.prepare(
        "SELECT id, text, state FROM tasks WHERE team_id = ? AND state IN ('new', 'in_progress', 'done', 'returned', 'blocked') AND (? IS NULL OR assignee_id = ?) ORDER BY assignee_id, id LIMIT 10",
      ),
      tasksCount: db.prepare(
        "SELECT COUNT(*) FROM tasks WHERE team_id = ? AND state IN ('new', 'in_progress', 'done', 'returned', 'blocked') AND (? IS NULL OR assignee_id = ?)",
      ).pluck(),
      task1: db.prepare("SELECT id, assignee_id, text, state FROM tasks WHERE id = ? AND team_id = ?"),
      moveTask: db.prepare("UPDATE tasks SET state = ?, state_changed_at = ? WHERE id = ? AND team_id = ? AND state = ?"),
      moveEvent: db.prepare("INSERT INTO task_events (team_id, task_id, actor_id, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?)"),
      memberChat: db.prepare("SELECT chat_id FROM members WHERE id = ?").pluck(),
      company: db.prepare("SELECT id, segment_id, first_contact_at FROM companies WHERE team_id = ? AND name_key = ?"),
      touchEvent: db.prepare("INSERT INTO company_events (team_id, company_id, segment_id, kind, at, local_day, member_id) VALUES (?, ?, ?, 'touch', ?, ?, ?)"),
      contacted: db.prepare(
        `INSERT INTO burn_period_companies (team_id, period, company_id, contacted_day) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET contacted_day = COALESCE(contacted_day, excluded.contacted_day) RETURNING contacted_day`,
      ).pluck(),
      periodDay: db.prepare(
        "INSERT INTO burn_period_days (team_id, period, kind, day, n) VALUES (?, ?, 'contacted', ?, 1) ON CONFLICT DO UPDATE SET n = n + 1",
      ),
      firstContact: db.prepare("UPDATE companies SET first_contact_at = ?, updated_at = ? WHERE id = ?"),
      freshDay: db.prepare("INSERT INTO segment_days (team_id, kind, day, segment_id, n) VALUES (?, 'fresh', ?, ?, -1) ON CONFLICT DO UPDATE SET n = n - 1"),
      freshMonth: db.prepare(
        "INSERT INTO segment_months (team_id, kind, period, segment_id, n) VALUES (?, 'fresh', ?, ?, -1) ON CONFLICT DO UPDATE SET n = n - 1",
      ),
      freshTotal: db.prepare("INSERT INTO segment_totals (team_id, segment_id, kind, n) VALUES (?, ?, 'fresh', -1) ON CONFLICT DO UPDATE SET n = n - 1"),
      week: db.prepare("INSERT INTO segment_weeks (team_id, week, segment_id, n) VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1"),
    };
    type BaselineMember = { id: number; role: string; username: string };
    const lookup = (userId: number) => s.member.get(TEAM_ID, userId) as BaselineMember | undefined;
    const outbox = (key: string, chatId: number, kind: string, text: string, now: number) =>
      s.outbox.run(TEAM_ID, key, chatId, kind, JSON.stringify({ method: "sendMessage", text }), now, now);

    const bot = new Bot(TEST_BOT_TOKEN, { botInfo: TEST_BOT_INFO });
    bot.api.config.use(stub.transformer);
    bot.on("message:text", async (ctx) => {
      const now = clock.at;
      const member = lookup(ctx.from.id);
      if (!member) return;
      const text = ctx.message.text;
      const space = text.indexOf(" ");
      const command = space < 0 ? text.slice(1) : text.slice(1, space);
      const args = space < 0 ? "" : text.slice(space + 1);
      const reply = db.transaction((): string => {
        s.claim.run(ctx.update.update_id, now);
        switch (command) {
          case "assign": {
            const m = /^@(\w+)\s+(.+)$/.exec(args)!;
            const assignee = s.byUsername.get(TEAM_ID, m[1]) as { id: number; chat_id: number };
            const taskId = Number(s.task.run(TEAM_ID, assignee.id, member.id, m[2], now, now).lastInsertRowid);
            s.taskEvent.run(TEAM_ID, taskId, member.id, now);
            outbox(`task-assigned:${taskId}`, assignee.chat_id, "task-assigned", `Task #${taskId}: ${m[2]}`, now);
            return `Task #${taskId} assigned`;
          }
          case "expense": {
            const [amount, category, ...note] = args.split(" ");
            const today = localDate(now, "Europe/Moscow");
            s.expense.run(TEAM_ID, member.id, Number(amount) * 100, category === "marketing" ? "marketing" : "other", note.join(" "), now, today);
            return `Expense ${amount} saved`;
          }
          case "ask": {
            const questionId = Number(s.question.run(TEAM_ID, member.id, args, now).lastInsertRowid);
            for (const lead of s.leads.all(TEAM_ID) as { id: number; chat_id: number }[]) {
              outbox(`question:${questionId}:${lead.id}`, lead.chat_id, "question", `Question #${questionId}: ${args}`, now);
            }
            return `Question #${questionId} sent`;
          }
          case "tasks": {
            const own = member.role === "manager" ? member.id : null;
            const total = s.tasksCount.get(TEAM_ID, own, own) as number;
            const rows = s.tasksPage.all(TEAM_ID, own, own) as { id: number; text: string; state: string }[];
            return `Tasks: ${total}\n` + rows.map((row) => `#${row.id} ${row.state} ${row.text}`).join("\n");
          }
          case "task": {
            const row = s.task1.get(Number(args), TEAM_ID) as { id: number; text: string; state: string } | undefined;
            return row ? `#${row.id} ${row.state} ${row.text}` : "Not found";
          }
          case "touch": {
            // The event, the company in this period's contacted set, and on a first contact the segment's
            // fresh count and weekly first contacts: the rows /touch keeps for the burn report.
            const company = s.company.get(TEAM_ID, nameKey(args)) as { id: number; segment_id: number; first_contact_at: number | null } | undefined;
            if (!company) return "Not found";
            const today = localDate(now, "Europe/Moscow");
            const period = today.slice(0, 7);
            s.touchEvent.run(TEAM_ID, company.id, company.segment_id, now, today, member.id);
            if (s.contacted.get(TEAM_ID, period, company.id, today) === today) s.periodDay.run(TEAM_ID, period, today);
            if (company.first_contact_at === null) {
              s.firstContact.run(now, now, company.id);
              s.freshDay.run(TEAM_ID, today, company.segment_id);
              s.freshMonth.run(TEAM_ID, period, company.segment_id);
              s.freshTotal.run(TEAM_ID, company.segment_id);
              s.week.run(TEAM_ID, mondayOf(today), company.segment_id);
            }
            return `Touch: ${args}`;
          }
          default:
            return "Unknown command";
        }
      }).immediate();
      await ctx.reply(reply);
    });
    bot.on("callback_query:data", async (ctx) => {
      const now = clock.at;
      const member = lookup(ctx.from.id);
      if (!member) return;
      const [, action, id] = ctx.callbackQuery.data.split(":");
      const taskId = Number(id);
      const reply = db.transaction((): string => {
        s.claim.run(ctx.update.update_id, now);
        const task = s.task1.get(taskId, TEAM_ID) as { id: number; assignee_id: number; text: string; state: string };
        const to = action === "start" ? "in_progress" : action === "done" ? "done" : "accepted";
        s.moveTask.run(to, now, taskId, TEAM_ID, task.state);
        const eventId = Number(s.moveEvent.run(TEAM_ID, taskId, member.id, task.state, to, now).lastInsertRowid);
        if (action === "done") {
          for (const lead of s.leads.all(TEAM_ID) as { id: number; chat_id: number }[]) {
            outbox(`task-done:${taskId}:${eventId}:${lead.id}`, lead.chat_id, "task-done", `Task #${taskId} done: ${task.text}`, now);
          }
        }
        if (action === "accept") {
          outbox(`task-reviewed:${taskId}:${eventId}`, s.memberChat.get(task.assignee_id) as number, "task-reviewed", `Task #${taskId} accepted`, now);
        }
        return `Task #${taskId}: ${to}`;
      }).immediate();
      await ctx.answerCallbackQuery({ text: reply });
      await ctx.reply(reply);
    });
    const run = await drive(workload, clock, (update) => bot.handleUpdate(update));
    return finish(workload, db, run);
  } finally {
    db.close();
  }
}

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Tables whose row counts differ between the two runs (should be none). */
export function countMismatches(real: Record<string, number>, baseline: Record<string, number>): string[] {
  const names = new Set([...Object.keys(real), ...Object.keys(baseline)]);
  return [...names].filter((name) => real[name] !== baseline[name]).map((name) => `${name}: real ${real[name]} vs baseline ${baseline[name]}`);
}
