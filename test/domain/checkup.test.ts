import { describe, expect, it } from "vitest";
import {
  checkupDay,
  checkupDeadline,
  chunkLines,
  computeDiscipline,
  digestDay,
  isAwayOn,
  isMissDue,
  isOnTime,
  isReminderDue,
  missedStreak,
  needsEscalation,
  parseCheckupNumbers,
  parseInlineCheckup,
  parseTaskAnswer,
  reminderAt,
  scheduledPromptDay,
  type CheckupSettings,
} from "../../src/domain/checkup.js";

const moscow: CheckupSettings = { timezone: "Europe/Moscow", workingDays: [1, 2, 3, 4, 5], holidays: ["2026-11-04"], checkupTime: "10:00", cutoffTime: "18:00" };
const berlin: CheckupSettings = { ...moscow, timezone: "Europe/Berlin", holidays: [] };
const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe("check-up schedule", () => {
  it("puts the prompt at local 10:00 and the cut-off at 18:00, DST or not", () => {
    expect(checkupDay("2026-11-02", moscow).promptAt).toBe(at("2026-11-02T07:00:00Z"));
    expect(checkupDay("2026-11-02", moscow).cutoffAt).toBe(at("2026-11-02T15:00:00Z"));
    // Berlin: summer (UTC+2) and winter (UTC+1); Moscow has no DST.
    expect(checkupDay("2026-10-23", berlin).promptAt).toBe(at("2026-10-23T08:00:00Z"));
    expect(checkupDay("2026-10-26", berlin).promptAt).toBe(at("2026-10-26T09:00:00Z"));
    expect(checkupDay("2026-10-26", moscow).promptAt).toBe(at("2026-10-26T07:00:00Z"));
  });

  it("is due from the check-up time to the cut-off of a working day only", () => {
    expect(scheduledPromptDay(at("2026-11-02T06:59:00Z"), moscow)).toBeNull();
    expect(scheduledPromptDay(at("2026-11-02T07:00:00Z"), moscow)).toBe("2026-11-02");
    expect(scheduledPromptDay(at("2026-11-02T07:30:00Z"), moscow)).toBe("2026-11-02");
    expect(scheduledPromptDay(at("2026-11-02T15:00:00Z"), moscow)).toBeNull();
    expect(scheduledPromptDay(at("2026-11-07T07:00:00Z"), moscow)).toBeNull(); // Saturday
    expect(scheduledPromptDay(at("2026-11-04T07:00:00Z"), moscow)).toBeNull(); // holiday
  });

  it("gives a round after the cut-off until the end of the day", () => {
    expect(checkupDeadline("2026-11-02", at("2026-11-02T08:00:00Z"), moscow)).toBe(at("2026-11-02T15:00:00Z"));
    expect(checkupDeadline("2026-11-02", at("2026-11-02T16:00:00Z"), moscow)).toBe(at("2026-11-02T21:00:00Z"));
  });

  it("reminds 2 h after the prompt unless that is past the deadline", () => {
    expect(reminderAt(at("2026-11-02T07:00:00Z"), at("2026-11-02T15:00:00Z"))).toBe(at("2026-11-02T09:00:00Z"));
    expect(reminderAt(at("2026-11-02T14:00:00Z"), at("2026-11-02T15:00:00Z"))).toBeNull();
  });

  it("knows when the reminder and the miss are due", () => {
    const row = { status: "pending" as const, promptedAt: 0, remindAt: 2 * H, remindedAt: null, deadlineAt: 8 * H, answeredAt: null };
    expect(isReminderDue(row, 2 * H - 1)).toBe(false);
    expect(isReminderDue(row, 2 * H)).toBe(true);
    expect(isReminderDue({ ...row, remindedAt: 2 * H }, 3 * H)).toBe(false);
    expect(isReminderDue({ ...row, status: "answered" }, 3 * H)).toBe(false);
    expect(isReminderDue(row, 8 * H)).toBe(false);
    expect(isMissDue(row, 8 * H - 1)).toBe(false);
    expect(isMissDue(row, 8 * H)).toBe(true);
    expect(isMissDue({ ...row, status: "started" }, 9 * H)).toBe(true);
    expect(isMissDue({ ...row, status: "answered" }, 9 * H)).toBe(false);
  });

  it("is on time when answered before the reminder", () => {
    expect(isOnTime({ status: "answered", promptedAt: 0, answeredAt: 2 * H })).toBe(true);
    expect(isOnTime({ status: "answered", promptedAt: 0, answeredAt: 2 * H + 1 })).toBe(false);
    expect(isOnTime({ status: "missed", promptedAt: 0, answeredAt: null })).toBe(false);
  });

  it("sends the digest from the cut-off to the end of the same day", () => {
    expect(digestDay(at("2026-11-02T14:59:00Z"), moscow, true)).toBeNull();
    expect(digestDay(at("2026-11-02T15:00:00Z"), moscow, false)).toBe("2026-11-02");
    expect(digestDay(at("2026-11-02T20:59:00Z"), moscow, false)).toBe("2026-11-02");
    expect(digestDay(at("2026-11-07T15:00:00Z"), moscow, false)).toBeNull();
    expect(digestDay(at("2026-11-07T15:00:00Z"), moscow, true)).toBe("2026-11-07");
  });

  it("reads away periods inclusively", () => {
    const periods = [{ fromDate: "2026-11-02", toDate: "2026-11-06" }];
    expect(isAwayOn("2026-11-01", periods)).toBe(false);
    expect(isAwayOn("2026-11-02", periods)).toBe(true);
    expect(isAwayOn("2026-11-06", periods)).toBe(true);
    expect(isAwayOn("2026-11-07", periods)).toBe(false);
  });
});

describe("missed streak", () => {
  it("counts misses back from the latest check-up that is over", () => {
    expect(missedStreak([])).toBe(0);
    expect(missedStreak(["missed", "missed", "answered", "missed"])).toBe(2);
    expect(missedStreak(["pending", "missed", "missed"])).toBe(2);
    expect(missedStreak(["answered", "missed"])).toBe(0);
  });
});

describe("question escalation", () => {
  it("counts only working hours between the check-up time and the cut-off", () => {
    const asked = at("2026-11-02T08:00:00Z"); // Monday 11:00 Moscow
    expect(needsEscalation(asked, asked + 4 * H, moscow)).toBe(false);
    expect(needsEscalation(asked, asked + 4 * H + 60_000, moscow)).toBe(true);
    // Friday 17:00 Moscow: one working hour that day, the rest on Monday after 10:00.
    const friday = at("2026-11-06T14:00:00Z");
    expect(needsEscalation(friday, at("2026-11-09T06:00:00Z"), moscow)).toBe(false);
    expect(needsEscalation(friday, at("2026-11-09T10:01:00Z"), moscow)).toBe(true);
  });
});

describe("typed answers", () => {
  it("reads the three numbers", () => {
    expect(parseCheckupNumbers("12 3 1")).toEqual({ calls: 12, meetings: 3, proposals: 1 });
    expect(parseCheckupNumbers(" 12, 3, 1 ")).toEqual({ calls: 12, meetings: 3, proposals: 1 });
    expect(parseCheckupNumbers("12/3/1")).toEqual({ calls: 12, meetings: 3, proposals: 1 });
    expect(parseCheckupNumbers("12 3")).toBeNull();
    expect(parseCheckupNumbers("12 3 -1")).toBeNull();
    expect(parseCheckupNumbers("a b c")).toBeNull();
    expect(parseCheckupNumbers("1 2 99999")).toBeNull();
  });

  it("reads a task answer in words", () => {
    expect(parseTaskAnswer("Done")).toEqual({ answer: "done" });
    expect(parseTaskAnswer("в работе")).toEqual({ answer: "in_progress" });
    expect(parseTaskAnswer("не начата")).toEqual({ answer: "not_started" });
    expect(parseTaskAnswer("? what price")).toEqual({ answer: "question", question: "what price" });
    expect(parseTaskAnswer("вопрос: какая цена?")).toEqual({ answer: "question", question: "какая цена?" });
    expect(parseTaskAnswer("maybe")).toBeNull();
  });

  it("reads a whole check-up in one line", () => {
    expect(parseInlineCheckup("#12 done, #13 progress, 14 ? what price, exactly?; 12 3 1; met the client")).toEqual({
      ok: true,
      value: {
        answers: [
          { taskId: 12, answer: "done" },
          { taskId: 13, answer: "in_progress" },
          { taskId: 14, answer: "question", question: "what price, exactly?" },
        ],
        numbers: { calls: 12, meetings: 3, proposals: 1 },
        note: "met the client",
      },
    });
    expect(parseInlineCheckup("12 3 1")).toEqual({ ok: true, value: { answers: [], numbers: { calls: 12, meetings: 3, proposals: 1 }, note: undefined } });
    expect(parseInlineCheckup("12 3 1; -")).toMatchObject({ ok: true, value: { note: null } });
    expect(parseInlineCheckup("#5 done")).toMatchObject({ ok: true, value: { answers: [{ taskId: 5, answer: "done" }], numbers: null } });
    expect(parseInlineCheckup("hello")).toEqual({ ok: false, error: "usage" });
    expect(parseInlineCheckup("#5 ?")).toEqual({ ok: false, error: "question-empty" });
    expect(parseInlineCheckup(`12 3 1; ${"x".repeat(1001)}`)).toEqual({ ok: false, error: "too-long" });
  });

  it("counts the question and the note in characters: 600 emoji fit", () => {
    expect(parseInlineCheckup(`#5 ? ${"🔥".repeat(600)}; 1 2 3; ${"😀".repeat(1000)}`)).toMatchObject({ ok: true });
    expect(parseInlineCheckup(`#5 ? ${"🔥".repeat(1001)}`)).toEqual({ ok: false, error: "too-long" });
    expect(parseInlineCheckup(`1 2 3; ${"😀".repeat(1001)}`)).toEqual({ ok: false, error: "too-long" });
  });

  it("accepts the numbers after a leading separator: '; 5 2 1'", () => {
    const numbers = { calls: 5, meetings: 2, proposals: 1 };
    expect(parseInlineCheckup("; 5 2 1")).toEqual({ ok: true, value: { answers: [], numbers, note: undefined } });
    expect(parseInlineCheckup(";5 2 1; all fine")).toEqual({ ok: true, value: { answers: [], numbers, note: "all fine" } });
    expect(parseInlineCheckup(";")).toEqual({ ok: false, error: "usage" });
    expect(parseInlineCheckup("; ; note")).toEqual({ ok: false, error: "usage" });
  });
});

describe("discipline", () => {
  it("computes each manager's figures", () => {
    const [ivan, anna] = computeDiscipline({
      memberIds: [1, 2],
      checkups: [
        { memberId: 1, status: "answered", promptedAt: 0, answeredAt: H },
        { memberId: 1, status: "answered", promptedAt: 0, answeredAt: 3 * H },
        { memberId: 1, status: "missed", promptedAt: 0, answeredAt: null },
        { memberId: 1, status: "pending", promptedAt: 0, answeredAt: null },
      ],
      reviews: [
        { memberId: 1, toState: "accepted" },
        { memberId: 1, toState: "returned" },
        { memberId: 1, toState: "returned" },
      ],
      notStartedAnswers: [
        { memberId: 1, taskId: 7 },
        { memberId: 1, taskId: 7 },
        { memberId: 1, taskId: 8 },
      ],
      stalledTasks: [{ memberId: 1 }],
      questions: [
        { memberId: 1, askedAt: 0, answeredAt: H },
        { memberId: 1, askedAt: 0, answeredAt: 3 * H },
        { memberId: 1, askedAt: 0, answeredAt: null },
      ],
    });
    expect(ivan).toEqual({
      memberId: 1,
      checkups: 3,
      answered: 2,
      missed: 1,
      checkupRate: 2 / 3,
      onTimeRate: 1 / 3,
      accepted: 1,
      returned: 2,
      notStarted: 2,
      stalled: 1,
      questions: 3,
      answerTimeMs: 2 * H,
      openQuestions: 1,
    });
    expect(anna).toMatchObject({ checkups: 0, checkupRate: null, onTimeRate: null, answerTimeMs: null });
  });

  it("splits long text into messages that fit", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${"x".repeat(50)}`);
    const chunks = chunkLines(lines);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3800);
    expect(chunks.join("\n")).toBe(lines.join("\n"));
  });
});
