/**
 * The month the demo plays: November 2026 of a small sales team. Day one the founder claims the bot, sets
 * the plan and budget and invites the lead; the lead invites four managers, imports the base and gives
 * tasks. Every working day the jobs run at 10:00 (check-up prompts), 12:00 (reminders) and 18:00 (misses,
 * the lead's digest); the managers answer their check-ups with the buttons, log touches, refusals (some
 * worked out with /handled, some left to burn) and deals; the lead answers a question and reviews done
 * tasks; the founder logs expenses. On the last day the founder asks /plan, /burn and /export.
 *
 * Everything goes through real commands and buttons; what people do is keyed by working-day index, so
 * `--quick` (the first five working days) still shows every kind of moment.
 */
import { addDays, listWorkingDays } from "../../src/domain/calendar.js";
import type { SentMessage } from "../emulator/fake-bot-api.js";
import { baseCsv, castFor, MANAGERS, type Cast, type ManagerKey, type PersonKey, type RefusalReasonKey, type SegmentKey, type TaskPlan } from "./cast.js";
import { DEMO_TIMEZONE, type Person, type Stage } from "./stage.js";
import type { DemoLocale, Transcript } from "./transcript.js";
import type { DemoCrm } from "./crm.js";

export const DEMO_MONTH = "2026-11";
/** The one check-up nobody answers: Sergey's on the third working day. */
const MISSED_DAY = 2;
const MISSED_BY: ManagerKey = "sergey";
/** 04.11 is a public holiday in Russia; the founder puts it in the team's list on day one. */
const HOLIDAY = "2026-11-04";

/** The working days of the demo month (Monday to Friday without the holiday). */
export function demoWorkingDays(): string[] {
  return listWorkingDays(`${DEMO_MONTH}-01`, `${DEMO_MONTH}-30`, { timezone: DEMO_TIMEZONE, workingDays: [1, 2, 3, 4, 5], holidays: [HOLIDAY] });
}

type Company = [SegmentKey, number];
const W = (i: number): Company => ["W", i];
const R = (i: number): Company => ["R", i];
const C = (i: number): Company => ["C", i];

/** What someone does at a moment of a working day. */
type Act =
  | { who: ManagerKey; touch: Company }
  | { who: ManagerKey; refusal: Company; reason: RefusalReasonKey; lost?: boolean; comment?: string; typed?: true }
  | { who: ManagerKey; handled: Company }
  | { who: ManagerKey; deal: Company; amount: number; typed?: true }
  | { who: "olga" | "anna"; expense: number; category: keyof Cast["category"]; note: string }
  | { who: ManagerKey; undo: true }
  | { who: "anna"; roundNow: true }
  | { who: "anna"; unpause: SegmentKey };

/**
 * The base work of the month, by working-day index and local time. With a CRM, refusals, handled refusals and
 * deals are moves in the CRM, except the `typed` ones (a refusal right after a deal, the deal taken back with
 * /undo) and a refusal lost for good.
 */
const ACTS: [day: number, at: string, act: Act][] = [
  [0, "14:00", { who: "ivan", touch: W(1) }],
  [0, "14:10", { who: "ivan", refusal: W(2), reason: "timing", comment: "severny" }],
  [0, "14:30", { who: "petr", touch: W(0) }],
  [0, "15:00", { who: "maria", refusal: C(1), reason: "price", comment: "ladushki" }],
  [0, "15:20", { who: "sergey", refusal: R(0), reason: "noanswer" }],
  [0, "16:00", { who: "maria", touch: C(0) }],
  [1, "13:30", { who: "ivan", refusal: W(3), reason: "competitor", comment: "meridian" }],
  [1, "14:00", { who: "petr", refusal: W(10), reason: "price" }],
  [1, "15:00", { who: "maria", refusal: C(2), reason: "need" }],
  [1, "16:00", { who: "sergey", handled: R(0) }],
  [1, "16:30", { who: "sergey", touch: R(1) }],
  [2, "11:00", { who: "ivan", handled: W(3) }],
  [2, "14:00", { who: "petr", deal: W(0), amount: 180_000 }],
  [2, "16:00", { who: "anna", roundNow: true }],
  [3, "13:00", { who: "ivan", deal: W(1), amount: 120_000, typed: true }],
  // A refusal on a company that has just become a client is refused with the reason; nothing is written.
  [3, "13:05", { who: "ivan", refusal: W(1), reason: "price", typed: true }],
  [3, "13:30", { who: "ivan", touch: W(2) }],
  [3, "14:00", { who: "sergey", refusal: R(2), reason: "other", lost: true, comment: "domovoy" }],
  [3, "14:30", { who: "petr", touch: W(11) }],
  [3, "14:40", { who: "petr", touch: W(12) }],
  [3, "16:00", { who: "anna", expense: 12_000, category: "tools", note: "crm" }],
  [4, "11:00", { who: "maria", touch: C(3) }],
  [4, "11:15", { who: "anna", unpause: "C" }],
  // A zero missing, taken back at once; the right deal follows.
  [4, "11:25", { who: "maria", deal: C(0), amount: 24_000, typed: true }],
  [4, "11:27", { who: "maria", undo: true }],
  [4, "11:30", { who: "maria", deal: C(0), amount: 240_000, typed: true }],
  [4, "13:00", { who: "ivan", refusal: W(4), reason: "timing" }],
  [4, "14:00", { who: "petr", refusal: W(13), reason: "price", comment: "atlant" }],
  [5, "11:00", { who: "ivan", handled: W(4) }],
  [5, "13:00", { who: "sergey", touch: R(3) }],
  [5, "14:00", { who: "petr", touch: W(14) }],
  [5, "15:00", { who: "maria", touch: R(4) }],
  [6, "12:30", { who: "sergey", deal: R(1), amount: 90_000 }],
  [6, "14:00", { who: "ivan", touch: W(5) }],
  [6, "15:00", { who: "petr", refusal: W(15), reason: "noanswer" }],
  [7, "12:30", { who: "ivan", deal: W(5), amount: 150_000 }],
  [7, "13:00", { who: "petr", handled: W(15) }],
  [7, "14:00", { who: "maria", refusal: R(4), reason: "timing" }],
  [7, "16:00", { who: "olga", expense: 35_000, category: "marketing", note: "expo" }],
  [8, "13:00", { who: "sergey", touch: R(5) }],
  [8, "13:10", { who: "sergey", touch: R(6) }],
  [8, "14:00", { who: "ivan", refusal: W(6), reason: "competitor" }],
  [8, "15:00", { who: "petr", touch: W(16) }],
  [9, "12:30", { who: "petr", deal: W(15), amount: 210_000 }],
  [10, "12:30", { who: "olga", expense: 250_000, category: "salaries", note: "advance" }],
  [10, "13:00", { who: "sergey", refusal: R(5), reason: "price" }],
  [10, "14:00", { who: "ivan", touch: W(7) }],
  [11, "12:30", { who: "maria", deal: R(6), amount: 160_000 }],
  [11, "13:00", { who: "sergey", handled: R(5) }],
  [11, "14:00", { who: "petr", refusal: W(17), reason: "need" }],
  [12, "12:30", { who: "ivan", deal: W(7), amount: 130_000 }],
  [12, "13:00", { who: "sergey", touch: R(8) }],
  [12, "14:00", { who: "petr", touch: W(18) }],
  [13, "13:00", { who: "ivan", refusal: W(8), reason: "price" }],
  [13, "14:00", { who: "sergey", refusal: R(9), reason: "noanswer" }],
  [13, "15:00", { who: "maria", touch: R(10) }],
  [13, "16:30", { who: "ivan", handled: W(8) }],
  [14, "12:30", { who: "sergey", deal: R(8), amount: 110_000 }],
  [14, "14:00", { who: "petr", refusal: W(19), reason: "timing" }],
  [15, "12:30", { who: "petr", deal: W(18), amount: 175_000 }],
  [15, "13:00", { who: "petr", handled: W(19) }],
  [15, "14:00", { who: "ivan", touch: W(9) }],
  [16, "13:00", { who: "maria", refusal: R(10), reason: "competitor" }],
  [16, "14:00", { who: "sergey", touch: R(11) }],
  [16, "16:00", { who: "anna", expense: 18_000, category: "other", note: "party" }],
  [17, "12:30", { who: "ivan", deal: W(9), amount: 140_000 }],
  [17, "13:00", { who: "sergey", refusal: R(11), reason: "price" }],
  [17, "16:00", { who: "olga", expense: 60_000, category: "bonuses", note: "bonus" }],
  [18, "12:30", { who: "maria", deal: R(13), amount: 190_000 }],
  [19, "12:30", { who: "olga", expense: 250_000, category: "salaries", note: "salary" }],
];

/** Check-up numbers (calls, meetings, proposals) that look like a working day. */
function numbersFor(manager: ManagerKey, day: number): string {
  const seed = MANAGERS.indexOf(manager) * 7 + day * 3;
  return `${9 + (seed % 8)} ${1 + (seed % 3)} ${seed % 2}`;
}

export interface PlayOptions {
  stage: Stage;
  transcript: Transcript;
  locale: DemoLocale;
  /** Working days to play: the whole month (20) or fewer for a quick run. */
  days: number;
  /** Where refusals and deals happen instead of typed commands (--crm). */
  crm?: DemoCrm;
}

/** Plays the scripted month on the stage; the transcript collects what the founder and the lead see. */
export async function playMonth(options: PlayOptions): Promise<void> {
  const { stage, transcript, locale } = options;
  const cast = castFor(locale);
  const workingDays = demoWorkingDays().slice(0, options.days);
  const lastDay = workingDays.length - 1;
  const language = locale;
  const people = {} as Record<PersonKey, Person>;
  for (const key of Object.keys(cast.people) as PersonKey[]) {
    people[key] = stage.person(key, cast.people[key].name, { username: cast.people[key].username, lastName: cast.people[key].lastName, languageCode: language });
  }
  const { olga, anna } = people;
  transcript.show(olga, cast.roles.founder);
  transcript.show(anna, cast.roles.lead);
  const company = ([segment, index]: Company) => cast.companies[segment][index]!;
  const at = (day: number, time: string) => stage.setTime(workingDays[day]!, time);

  /** The link a /start needs, from an invite message. */
  const startToken = (messages: SentMessage[]): string => {
    for (const message of [...messages].reverse()) {
      const match = /\?start=([\w-]+)/.exec(message.text ?? "");
      if (match) return match[1]!;
    }
    throw new Error("demo: no invite link in the reply");
  };

  // ---- day one, before the team's first check-up -------------------------------------------------
  async function setUpTeam(): Promise<void> {
    at(0, "09:00");
    if (!stage.claimLink) throw new Error("demo: the bot printed no founder claim link");
    transcript.note(cast.say.claim);
    await olga.send(`/start ${new URL(stage.claimLink).searchParams.get("start")}`);
    at(0, "09:03");
    await olga.send(`/settings holidays add 04.11`);
    await olga.send(`/setplan ${DEMO_MONTH} 10 150000`);
    at(0, "09:05");
    for (const [category, amount] of [["salaries", 500_000], ["bonuses", 100_000], ["marketing", 120_000], ["tools", 30_000]] as const) {
      await olga.send(`/budget ${DEMO_MONTH} ${cast.category[category]} ${amount}`);
    }
    at(0, "09:07");
    // A zero missing: the lead corrects it after the base is loaded.
    await olga.send(`/expense 4000 ${cast.category.marketing} ${cast.say.expenses.direct}`);
    at(0, "09:10");
    const invite = await olga.send("/invite lead");
    at(0, "09:15");
    await anna.send(`/start ${startToken(invite)}`);
    at(0, "09:20");
    // The first invite through the buttons, the rest in one line each.
    await anna.send("/invite");
    const links = [startToken(await anna.press(/^invite:manager$/))];
    for (let i = 1; i < MANAGERS.length; i++) links.push(startToken(await anna.send("/invite manager")));
    at(0, "09:25");
    for (const [index, key] of MANAGERS.entries()) await people[key].send(`/start ${links[index]}`);
    at(0, "09:30");
    await anna.sendDocument(locale === "ru" ? "база.csv" : "base.csv", baseCsv(cast), "/import");
    if (options.crm) {
      // The base is in the CRM too: the first read links its companies to the imported ones by name.
      at(0, "09:32");
      await olga.send("/sync");
    }
    at(0, "09:35");
    transcript.note(cast.say.correction);
    await anna.send("/expenses");
    await anna.press(/^cor:x:\d+$/);
    await anna.press(/^cor:x:\d+:amount$/);
    await anna.send("40000");
  }

  async function assignTasks(day: number): Promise<void> {
    at(day, day === 0 ? "09:40" : "09:30");
    for (const task of cast.tasks.filter((t) => t.assignDay === day)) {
      await anna.send(`/assign @${cast.people[task.assignee].username} ${task.text} ${cast.dueWord} ${task.due}`);
    }
  }

  // ---- the check-up, with the buttons ----------------------------------------------------------------
  const taskOf = (text: string): TaskPlan | undefined => cast.tasks.find((task) => text.includes(task.text));
  const doneCount = new Map<TaskPlan, number>();

  async function checkUp(key: ManagerKey, day: number): Promise<void> {
    const manager = people[key];
    const prompt = manager.latest(/^checkup:start:\d+$/);
    if (!prompt) throw new Error(`demo: ${key} got no check-up prompt`);
    let replies = await manager.press(/^checkup:start:\d+$/, prompt);
    for (let step = 0; step < 30; step++) {
      const last = replies.at(-1);
      const data = last?.buttons.map((b) => ("callback_data" in b ? b.callback_data : "")) ?? [];
      if (data.some((d) => /^ci:\d+:\d+:done$/.test(d))) {
        const task = taskOf(last!.text ?? "");
        const answer = !task
          ? "progress"
          : task.question?.day === day
            ? "ask"
            : task.doneDays.includes(day)
              ? "done"
              : day === task.assignDay && key !== "petr"
                ? "not"
                : "progress";
        replies = await manager.press(new RegExp(`^ci:\\d+:\\d+:${answer}$`), last);
        if (answer === "ask") replies = await manager.send(task!.question!.text);
        continue;
      }
      if (data.some((d) => /^ci:\d+:skip$/.test(d))) {
        const note = cast.say.note[key]?.[day];
        replies = note ? await manager.send(note) : await manager.press(/^ci:\d+:skip$/, last);
        return;
      }
      // The numbers step has no buttons: calls, meetings and proposals in one line.
      replies = await manager.send(numbersFor(key, day));
    }
    throw new Error(`demo: ${key}'s check-up did not end`);
  }

  async function checkUps(day: number): Promise<void> {
    const missing = day === MISSED_DAY ? MISSED_BY : undefined;
    if (day === 0) transcript.note(cast.say.checkupIntro);
    for (const [index, key] of MANAGERS.entries()) {
      at(day, `10:${String(5 + index * 10).padStart(2, "0")}`);
      if (key !== missing) await transcript.quietly(() => checkUp(key, day));
    }
    if (missing) transcript.note(cast.say.checkupMissing(people[missing].name));
  }

  // ---- the lead: questions and reviews ------------------------------------------------------------
  const handledMessages = new Set<number>();

  async function answerQuestions(): Promise<void> {
    for (const message of anna.messages()) {
      if (handledMessages.has(message.message_id) || !message.buttons.some((b) => "callback_data" in b && /^question:answer:\d+$/.test(b.callback_data))) continue;
      handledMessages.add(message.message_id);
      const task = cast.tasks.find((t) => t.question && (message.text ?? "").includes(t.question.text));
      if (!task) continue;
      await anna.press(/^question:answer:\d+$/, message);
      await anna.send(task.question!.answer);
    }
  }

  async function reviewDoneTasks(): Promise<void> {
    for (const message of anna.messages()) {
      if (handledMessages.has(message.message_id) || !message.buttons.some((b) => "callback_data" in b && /^task:accept:\d+$/.test(b.callback_data))) continue;
      handledMessages.add(message.message_id);
      const task = taskOf(message.text ?? "");
      const times = (task ? doneCount.get(task) ?? 0 : 0) + 1;
      if (task) doneCount.set(task, times);
      if (task?.returnComment && times === 1) {
        await anna.press(/^task:return:\d+$/, message);
        await anna.send(task.returnComment);
      } else {
        await anna.press(/^task:accept:\d+$/, message);
      }
    }
  }

  // ---- the base, plan and budget --------------------------------------------------------------------
  async function act(item: Act): Promise<void> {
    if ("roundNow" in item) return void (await anna.send("/checkup"));
    if ("undo" in item) {
      transcript.note(cast.say.undo);
      await people[item.who].send("/undo");
      return void (await people[item.who].press(/^undo:e:\d+$/));
    }
    if ("unpause" in item) return void (await anna.send(`/unpause ${cast.segments[item.unpause]}`));
    if ("expense" in item) {
      await people[item.who].send(`/expense ${item.expense} ${cast.category[item.category]} ${cast.say.expenses[item.note] ?? ""}`.trim());
      return;
    }
    const manager = people[item.who];
    if (options.crm && !("touch" in item)) {
      const move = inCrm(options.crm, manager.name, item);
      if (move) return void (await synced(move));
    }
    if ("touch" in item) return void (await manager.send(`/touch ${company(item.touch)}`));
    if ("handled" in item) return void (await manager.send(`/handled ${company(item.handled)}`));
    if ("deal" in item) return void (await manager.send(`/deal ${company(item.deal)}; ${item.amount}`));
    const parts = [company(item.refusal), cast.reason[item.reason]];
    if (item.lost) parts.push(cast.lostWord);
    if (item.comment) parts.push(cast.say.comments[item.comment] ?? item.comment);
    await manager.send(`/refusal ${parts.join("; ")}`);
  }

  /** The CRM move of a refusal, handled refusal or deal, as the narrator tells it; undefined when it is typed. */
  function inCrm(crm: DemoCrm, who: string, item: Act): string | undefined {
    if ("handled" in item) return crm.reopen(who, company(item.handled));
    if ("deal" in item) return item.typed ? undefined : crm.win(who, company(item.deal), item.amount);
    if ("refusal" in item) return item.typed || item.lost ? undefined : crm.refuse(who, company(item.refusal), item.reason);
    return undefined;
  }

  /** The move told, then the CRM read at once (the sync job would within its interval) and what it wrote. */
  async function synced(move: string): Promise<void> {
    transcript.note(move);
    const outcome = await stage.syncCrm();
    transcript.aside(options.crm!.synced(outcome.rowsRead, outcome.recordsWritten));
  }

  async function finale(day: number): Promise<void> {
    at(day, "18:30");
    transcript.note(cast.say.finale);
    await olga.send("/plan");
    at(day, "18:32");
    await olga.send("/burn");
    at(day, "18:35");
    await olga.send("/export");
    at(day, "18:40");
    await anna.send("/discipline");
    if (options.crm) {
      at(day, "18:45");
      await olga.send("/crm");
    }
  }

  /** 12:00: reminders to whoever has not answered the check-up yet. */
  async function noon(day: number): Promise<void> {
    at(day, "12:00");
    await stage.runJobs();
    if (day === MISSED_DAY) transcript.note(cast.say.reminder(people[MISSED_BY].name));
  }

  // ---- the month ----------------------------------------------------------------------------------
  let previous: string | undefined;
  for (const [day, date] of workingDays.entries()) {
    if (previous) {
      // Days off in between: the jobs still tick, and nothing is due.
      for (let gap = addDays(previous, 1); gap < date; gap = addDays(gap, 1)) {
        if (gap === HOLIDAY) {
          transcript.day(gap, cast.say.holiday);
          stage.setTime(gap, "10:00");
          await stage.runJobs();
          stage.setTime(gap, "18:00");
          await stage.runJobs();
        }
      }
    }
    previous = date;
    transcript.day(date);
    if (day === 0) await setUpTeam();
    await assignTasks(day);
    at(day, "10:00");
    await stage.runJobs();
    await checkUps(day);
    at(day, "11:00");
    await answerQuestions();
    const acts = ACTS.filter(([d]) => d === day).sort((a, b) => a[1].localeCompare(b[1]));
    let jobsAtNoon = false;
    for (const [, time, item] of acts) {
      if (!jobsAtNoon && time >= "12:00") {
        await noon(day);
        jobsAtNoon = true;
      }
      at(day, time);
      await act(item);
    }
    if (!jobsAtNoon) await noon(day);
    at(day, "17:00");
    await reviewDoneTasks();
    at(day, "18:00");
    await stage.runJobs();
    if (day === lastDay) await finale(day);
  }
}
