/**
 * The daily check-up (docs/figures.md): when prompts, reminders, misses and the lead's digest are due,
 * question escalation, missed streaks, the manager's numbers and the per-manager discipline figures.
 * Pure: the caller passes `now` and the rows it read; nothing here touches SQL or Telegram.
 */
import { addDays, isWorkingDay, localDate, workingMillisBetween, zonedInstant, type TeamCalendar } from "./calendar.js";
import { MAX_TEXT, textLength, type CheckupAnswer } from "./tasks.js";

/** The team settings the check-up schedule depends on. */
export type CheckupSettings = TeamCalendar & {
  /** 'HH:MM' local: prompts go out then. */
  checkupTime: string;
  /** 'HH:MM' local: unanswered check-ups are missed then and the lead gets the digest. */
  cutoffTime: string;
};

/** One reminder this long after the prompt. */
export const REMINDER_DELAY_MS = 2 * 60 * 60 * 1000;

/** A question open longer than this much working time goes to the founder. */
export const ESCALATE_AFTER_WORKING_MS = 4 * 60 * 60 * 1000;

/** Missed this many check-ups in a row: the founder is told. */
export const MISSED_STREAK_ALERT = 2;

export type CheckupStatus = "pending" | "started" | "answered" | "missed";

/** Instants of one local day's check-up in the team time zone. */
export type CheckupDay = {
  date: string;
  promptAt: number;
  cutoffAt: number;
  /** local midnight after the day */
  dayEndAt: number;
};

/** Prompt, cut-off and end instants of local day `date` (DST-aware: 10:00 is local 10:00 all year). */
export function checkupDay(date: string, settings: CheckupSettings): CheckupDay {
  return {
    date,
    promptAt: zonedInstant(date, settings.checkupTime, settings.timezone).getTime(),
    cutoffAt: zonedInstant(date, settings.cutoffTime, settings.timezone).getTime(),
    dayEndAt: zonedInstant(addDays(date, 1), "00:00", settings.timezone).getTime(),
  };
}

/** True when a date falls inside one of the member's away periods (both ends inclusive). */
export function isAwayOn(date: string, periods: readonly { fromDate: string; toDate: string }[]): boolean {
  return periods.some((period) => period.fromDate <= date && date <= period.toDate);
}

/**
 * The local day whose scheduled prompt is due at `now`, or null. Due from the check-up time until
 * the cut-off of a working day, so a bot that comes back late still prompts today (once: the
 * caller's unique row per manager and day), but never for a day that is already over.
 */
export function scheduledPromptDay(now: number, settings: CheckupSettings): string | null {
  const today = localDate(now, settings.timezone);
  if (!isWorkingDay(today, settings)) return null;
  const day = checkupDay(today, settings);
  return now >= day.promptAt && now < day.cutoffAt ? today : null;
}

/**
 * When a check-up created at `now` on `date` is missed: the day's cut-off, or — for a round the
 * lead starts after the cut-off — the end of the day.
 */
export function checkupDeadline(date: string, now: number, settings: CheckupSettings): number {
  const day = checkupDay(date, settings);
  return now < day.cutoffAt ? day.cutoffAt : day.dayEndAt;
}

/** The one reminder is due 2 h after the prompt, unless that is not before the deadline (then none). */
export function reminderAt(promptedAt: number, deadlineAt: number): number | null {
  const at = promptedAt + REMINDER_DELAY_MS;
  return at < deadlineAt ? at : null;
}

/** The part of a check-up row the schedule decisions read. */
export type CheckupTiming = {
  status: CheckupStatus;
  promptedAt: number;
  remindAt: number | null;
  remindedAt: number | null;
  deadlineAt: number;
  answeredAt: number | null;
};

/** True when the check-up still waits for the manager. */
export function isCheckupOpen(status: CheckupStatus): boolean {
  return status === "pending" || status === "started";
}

/** The reminder is due: unanswered, not reminded yet, its time has come and the deadline has not. */
export function isReminderDue(row: CheckupTiming, now: number): boolean {
  return isCheckupOpen(row.status) && row.remindedAt === null && row.remindAt !== null && now >= row.remindAt && now < row.deadlineAt;
}

/** The check-up is missed: unanswered at its deadline. */
export function isMissDue(row: CheckupTiming, now: number): boolean {
  return isCheckupOpen(row.status) && now >= row.deadlineAt;
}

/** On time: answered before the reminder was due (2 h after the prompt). */
export function isOnTime(row: Pick<CheckupTiming, "status" | "promptedAt" | "answeredAt">): boolean {
  return row.status === "answered" && row.answeredAt !== null && row.answeredAt <= row.promptedAt + REMINDER_DELAY_MS;
}

/**
 * The local day whose digest is due at `now`, or null: from the cut-off to the end of that same
 * day (a bot that was down sends today's digest when it is back, never an old one). The digest
 * goes out on working days, and on other days only when a check-up was held (a lead's round).
 */
export function digestDay(now: number, settings: CheckupSettings, heldCheckupToday: boolean): string | null {
  const today = localDate(now, settings.timezone);
  if (!isWorkingDay(today, settings) && !heldCheckupToday) return null;
  return now >= checkupDay(today, settings).cutoffAt ? today : null;
}

/**
 * Consecutive misses ending with the most recent check-up that is over (open ones are skipped):
 * `statuses` are one manager's check-ups, newest first.
 */
export function missedStreak(statuses: readonly CheckupStatus[]): number {
  let streak = 0;
  for (const status of statuses) {
    if (isCheckupOpen(status)) continue;
    if (status !== "missed") break;
    streak++;
  }
  return streak;
}

/**
 * A question open for more than 4 working hours goes to the founder. Working time is counted on
 * the team's working days between the check-up time and the cut-off (the hours the team is
 * expected to be at work), so a question asked on Friday evening escalates on Monday.
 */
export function needsEscalation(askedAt: number, now: number, settings: CheckupSettings): boolean {
  return workingMillisBetween(askedAt, now, settings, settings.checkupTime, settings.cutoffTime) > ESCALATE_AFTER_WORKING_MS;
}

/** Calls, meetings and proposals since the last check-up. */
export type CheckupNumbers = { calls: number; meetings: number; proposals: number };

/** Largest number accepted for one figure; anything bigger is a typo. */
export const MAX_FIGURE = 10_000;

/**
 * Parses the numbers step: three whole numbers, in the order calls, meetings, proposals,
 * separated by spaces, commas, slashes or semicolons ("12 3 1", "12/3/1"). Null when it is not that.
 */
export function parseCheckupNumbers(text: string): CheckupNumbers | null {
  const parts = text.trim().split(/[\s,;/]+/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((part) => /^\d{1,6}$/.test(part))) return null;
  const [calls, meetings, proposals] = parts.map(Number) as [number, number, number];
  if ([calls, meetings, proposals].some((n) => n > MAX_FIGURE)) return null;
  return { calls, meetings, proposals };
}

const ANSWER_WORDS: Record<string, CheckupAnswer> = {
  done: "done",
  "готово": "done",
  "готова": "done",
  "сделано": "done",
  "сделал": "done",
  "сделала": "done",
  "выполнено": "done",
  progress: "in_progress",
  "in_progress": "in_progress",
  "in progress": "in_progress",
  wip: "in_progress",
  "в работе": "in_progress",
  "в процессе": "in_progress",
  "делаю": "in_progress",
  not: "not_started",
  "not started": "not_started",
  "not_started": "not_started",
  new: "not_started",
  "не начата": "not_started",
  "не начато": "not_started",
  "не начал": "not_started",
  "не начала": "not_started",
  question: "question",
  "вопрос": "question",
  "?": "question",
};

/** A typed answer to a task step: the answer and, for a question, its text (may be empty: ask for it). */
export type TypedTaskAnswer = { answer: CheckupAnswer; question?: string };

/**
 * Reads a typed answer to one task step: "done", "в работе", "not started", or a question —
 * "? text", "question: text", "вопрос text". Null when the text is none of these.
 */
export function parseTaskAnswer(text: string): TypedTaskAnswer | null {
  const input = text.trim();
  const lower = input.toLowerCase().replace(/\s+/g, " ");
  const exact = ANSWER_WORDS[lower];
  if (exact && exact !== "question") return { answer: exact };
  const question = /^(?:\?|question|вопрос)\s*:?\s*([\s\S]*)$/i.exec(input);
  if (question) return { answer: "question", question: question[1]!.trim() };
  return null;
}

/** A whole check-up typed in one line: `/checkup #12 done, #13 progress, #14 ? text; 12 3 1; note`. */
export type InlineCheckup = {
  answers: { taskId: number; answer: CheckupAnswer; question?: string }[];
  numbers: CheckupNumbers | null;
  /** undefined: not given; null: skipped ("-"); text otherwise */
  note: string | null | undefined;
};

export type InlineCheckupParse = { ok: true; value: InlineCheckup } | { ok: false; error: "usage" | "too-long" | "question-empty" };

/**
 * Parses the inline form of the whole check-up: `;`-separated parts — task answers
 * (`#<id> <answer>`, comma-separated; a question takes the rest of its item as its text), then the
 * three numbers, then an optional note ("-" skips it). Every part may be left out except that a note
 * needs the numbers before it; anything not given is then asked by the conversation.
 */
export function parseInlineCheckup(text: string): InlineCheckupParse {
  const parts = text.split(";").map((part) => part.trim());
  const value: InlineCheckup = { answers: [], numbers: null, note: undefined };
  let index = 0;
  if (parts[index] !== undefined && /^#?\d+\s+\S/.test(parts[index]!) && parseCheckupNumbers(parts[index]!) === null) {
    const items = parts[index]!.split(/,(?=\s*#?\d+\s)/);
    for (const item of items) {
      const m = /^\s*#?(\d+)\s+([\s\S]+)$/.exec(item);
      if (!m) return { ok: false, error: "usage" };
      const typed = parseTaskAnswer(m[2]!);
      if (!typed) return { ok: false, error: "usage" };
      if (typed.answer === "question") {
        if (!typed.question) return { ok: false, error: "question-empty" };
        if (textLength(typed.question) > MAX_TEXT) return { ok: false, error: "too-long" };
      }
      value.answers.push({ taskId: Number(m[1]), ...typed });
    }
    index++;
  } else if (parts[0] === "" && parts.length > 1) {
    // "/checkup ; 12 3 1": no task answers, the numbers after the separator
    index++;
  }
  if (parts[index] !== undefined && parts[index] !== "") {
    const numbers = parseCheckupNumbers(parts[index]!);
    if (!numbers) return { ok: false, error: "usage" };
    value.numbers = numbers;
    index++;
    const note = parts.slice(index).join(";").trim();
    if (parts.length > index) {
      if (textLength(note) > MAX_TEXT) return { ok: false, error: "too-long" };
      value.note = note === "" || note === "-" ? null : note;
    }
  } else if (parts.length > index + 1) {
    return { ok: false, error: "usage" };
  }
  if (value.answers.length === 0 && value.numbers === null) return { ok: false, error: "usage" };
  return { ok: true, value };
}

/** One manager's discipline figures over a window. Rates are fractions; null when nothing to rate. */
export type DisciplineFigures = {
  memberId: number;
  /** check-ups that are over (answered or missed) */
  checkups: number;
  answered: number;
  missed: number;
  /** answered / over */
  checkupRate: number | null;
  /** answered before the reminder / over */
  onTimeRate: number | null;
  accepted: number;
  /** returned by the lead: the task ran the wrong way */
  returned: number;
  /** distinct tasks reported "not started" at a check-up and never started (see listNotStartedAnswers) */
  notStarted: number;
  /** open tasks stalled now */
  stalled: number;
  questions: number;
  /** mean time from a question to the lead's answer, ms; null when none was answered */
  answerTimeMs: number | null;
  /** questions still waiting for an answer */
  openQuestions: number;
};

/** What computeDiscipline reads, already limited to the window (stalled is "now"). */
export type DisciplineInput = {
  memberIds: readonly number[];
  checkups: readonly { memberId: number; status: CheckupStatus; promptedAt: number; answeredAt: number | null }[];
  /** task state changes to accepted / returned of the members' tasks */
  reviews: readonly { memberId: number; toState: string }[];
  notStartedAnswers: readonly { memberId: number; taskId: number }[];
  stalledTasks: readonly { memberId: number }[];
  questions: readonly { memberId: number; askedAt: number; answeredAt: number | null }[];
};

/** Per-manager discipline figures, in the order of `memberIds`. */
export function computeDiscipline(input: DisciplineInput): DisciplineFigures[] {
  return input.memberIds.map((memberId) => {
    const over = input.checkups.filter((row) => row.memberId === memberId && !isCheckupOpen(row.status));
    const answered = over.filter((row) => row.status === "answered");
    const onTime = answered.filter((row) => isOnTime(row));
    const questions = input.questions.filter((q) => q.memberId === memberId);
    const answeredQuestions = questions.filter((q) => q.answeredAt !== null);
    const answerTimes = answeredQuestions.map((q) => q.answeredAt! - q.askedAt);
    return {
      memberId,
      checkups: over.length,
      answered: answered.length,
      missed: over.length - answered.length,
      checkupRate: over.length ? answered.length / over.length : null,
      onTimeRate: over.length ? onTime.length / over.length : null,
      accepted: input.reviews.filter((r) => r.memberId === memberId && r.toState === "accepted").length,
      returned: input.reviews.filter((r) => r.memberId === memberId && r.toState === "returned").length,
      notStarted: new Set(input.notStartedAnswers.filter((a) => a.memberId === memberId).map((a) => a.taskId)).size,
      stalled: input.stalledTasks.filter((t) => t.memberId === memberId).length,
      questions: questions.length,
      answerTimeMs: answerTimes.length ? Math.round(answerTimes.reduce((sum, ms) => sum + ms, 0) / answerTimes.length) : null,
      openQuestions: questions.length - answeredQuestions.length,
    };
  });
}

/** Splits message lines into chunks that fit one Telegram message (4096 chars; a margin is kept). */
export function chunkLines(lines: readonly string[], limit = 3800): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.length > limit ? raw.slice(0, limit - 1) + "…" : raw;
    if (current && current.length + 1 + line.length > limit) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Formats a duration as hours and minutes for people: "2 h 05 min" style numbers { hours, minutes }. */
export function splitDuration(ms: number): { hours: number; minutes: number } {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
