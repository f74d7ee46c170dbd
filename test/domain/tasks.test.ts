import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  OPEN_STATES,
  TASK_STATES,
  availableActions,
  isOverdue,
  isStalled,
  parseAssign,
  stateAfterAnswer,
  textLength,
  transition,
  type TaskAction,
  type TaskState,
} from "../../src/domain/tasks.js";

describe("task state machine", () => {
  it("walks new → in_progress → done → accepted", () => {
    expect(transition("new", "start", "assignee")).toEqual({ ok: true, to: "in_progress" });
    expect(transition("in_progress", "done", "assignee")).toEqual({ ok: true, to: "done" });
    expect(transition("done", "accept", "reviewer")).toEqual({ ok: true, to: "accepted" });
  });

  it("returns a done task, and the manager picks it up again", () => {
    expect(transition("done", "return", "reviewer")).toEqual({ ok: true, to: "returned" });
    expect(transition("returned", "start", "assignee")).toEqual({ ok: true, to: "in_progress" });
    expect(transition("returned", "done", "assignee")).toEqual({ ok: true, to: "done" });
  });

  it("keeps roles apart: a manager cannot accept, a lead cannot report done", () => {
    expect(transition("done", "accept", "assignee")).toEqual({ ok: false, reason: "not-allowed" });
    expect(transition("in_progress", "done", "reviewer")).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("refuses moves from the wrong state", () => {
    expect(transition("in_progress", "accept", "reviewer")).toEqual({ ok: false, reason: "wrong-state" });
    expect(transition("accepted", "return", "reviewer")).toEqual({ ok: false, reason: "wrong-state" });
    expect(transition("cancelled", "start", "assignee")).toEqual({ ok: false, reason: "wrong-state" });
    expect(transition("in_progress", "start", "assignee")).toEqual({ ok: false, reason: "wrong-state" });
  });

  it("blocks on a question and unblocks to the state before it", () => {
    expect(transition("in_progress", "ask", "assignee")).toEqual({ ok: true, to: "blocked" });
    expect(transition("blocked", "unblock", "system", "new")).toEqual({ ok: true, to: "new" });
    expect(transition("blocked", "unblock", "system", null)).toEqual({ ok: true, to: "in_progress" });
    expect(transition("blocked", "unblock", "system", "done")).toEqual({ ok: true, to: "in_progress" });
    expect(transition("in_progress", "unblock", "system", "new")).toEqual({ ok: false, reason: "wrong-state" });
    expect(transition("blocked", "unblock", "assignee")).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("never leaves accepted or cancelled (property)", () => {
    const actions: TaskAction[] = ["start", "done", "ask", "accept", "return", "cancel", "unblock"];
    fc.assert(
      fc.property(
        fc.constantFrom<TaskState>("accepted", "cancelled"),
        fc.constantFrom(...actions),
        fc.constantFrom("assignee" as const, "reviewer" as const, "system" as const),
        (state, action, actor) => !transition(state, action, actor).ok,
      ),
    );
  });

  it("offers buttons that all work", () => {
    for (const state of TASK_STATES) {
      for (const actor of ["assignee", "reviewer"] as const) {
        for (const action of availableActions(state, actor)) expect(transition(state, action, actor).ok).toBe(true);
      }
    }
    expect(availableActions("done", "reviewer")).toEqual(["accept", "return", "cancel"]);
    expect(availableActions("new", "assignee")).toEqual(["start", "done", "ask"]);
  });
});

describe("check-up answers", () => {
  it("maps each answer to the task's next state", () => {
    expect(stateAfterAnswer("in_progress", "done")).toBe("done");
    expect(stateAfterAnswer("new", "in_progress")).toBe("in_progress");
    expect(stateAfterAnswer("returned", "in_progress")).toBe("in_progress");
    expect(stateAfterAnswer("in_progress", "in_progress")).toBe("in_progress");
    expect(stateAfterAnswer("new", "not_started")).toBe("new");
    expect(stateAfterAnswer("in_progress", "question")).toBe("blocked");
  });
});

describe("stalled", () => {
  const changed = 1_000;
  it("needs two check-ups after the last state change", () => {
    expect(isStalled({ state: "in_progress", stateChangedAt: changed }, [])).toBe(false);
    expect(isStalled({ state: "in_progress", stateChangedAt: changed }, [2_000])).toBe(false);
    expect(isStalled({ state: "in_progress", stateChangedAt: changed }, [2_000, 3_000])).toBe(true);
    expect(isStalled({ state: "new", stateChangedAt: changed }, [500, 900, 2_000])).toBe(false);
  });

  it("never applies to done, accepted or cancelled tasks", () => {
    for (const state of ["done", "accepted", "cancelled"] as const) {
      expect(isStalled({ state, stateChangedAt: changed }, [2_000, 3_000, 4_000])).toBe(false);
    }
    for (const state of OPEN_STATES) expect(isStalled({ state, stateChangedAt: changed }, [2_000, 3_000])).toBe(true);
  });
});

describe("overdue", () => {
  it("is past the due day, in the team's local days", () => {
    expect(isOverdue({ state: "in_progress", dueDate: "2026-11-05" }, "2026-11-05")).toBe(false);
    expect(isOverdue({ state: "in_progress", dueDate: "2026-11-05" }, "2026-11-06")).toBe(true);
    expect(isOverdue({ state: "done", dueDate: "2026-11-05" }, "2026-11-06")).toBe(false);
    expect(isOverdue({ state: "new", dueDate: null }, "2030-01-01")).toBe(false);
  });
});

describe("parseAssign", () => {
  const today = "2026-11-02";
  it("reads the username, the text and an optional due date", () => {
    expect(parseAssign("@ivan Call Romashka", today)).toEqual({ ok: true, username: "ivan", text: "Call Romashka", dueDate: null });
    expect(parseAssign("@ivan Call Romashka due 05.11", today)).toEqual({ ok: true, username: "ivan", text: "Call Romashka", dueDate: "2026-11-05" });
    expect(parseAssign("ivan Позвонить в Ромашку до 2026-12-01", today)).toMatchObject({ ok: true, dueDate: "2026-12-01", text: "Позвонить в Ромашку" });
    expect(parseAssign("@ivan Send offer срок 03.01.2027", today)).toMatchObject({ ok: true, dueDate: "2027-01-03" });
    expect(parseAssign("@ivan Today due 02.11", today)).toMatchObject({ ok: true, dueDate: "2026-11-02" });
  });

  it("refuses missing parts, bad and past dates, long texts", () => {
    expect(parseAssign("", today)).toEqual({ ok: false, error: "usage" });
    expect(parseAssign("@ivan", today)).toEqual({ ok: false, error: "usage" });
    expect(parseAssign("@ivan due 05.11", today)).toEqual({ ok: false, error: "usage" });
    expect(parseAssign("@ivan Call due 31.02", today)).toEqual({ ok: false, error: "bad-date" });
    expect(parseAssign("@ivan Call due 01.11", today)).toEqual({ ok: false, error: "past-date" });
    expect(parseAssign("@ivan Call due 2026-10-30", today)).toEqual({ ok: false, error: "past-date" });
    expect(parseAssign(`@ivan ${"x".repeat(1001)}`, today)).toEqual({ ok: false, error: "too-long" });
    expect(parseAssign(`@ivan ${"x".repeat(1000)}`, today)).toMatchObject({ ok: true });
  });

  it("counts characters, not UTF-16 units: 600 emoji fit, 1,001 do not", () => {
    expect(textLength("👍🏽ок")).toBe(4);
    expect(parseAssign(`@ivan ${"🔥".repeat(600)}`, today)).toMatchObject({ ok: true });
    expect(parseAssign(`@ivan ${"🔥".repeat(1000)}`, today)).toMatchObject({ ok: true });
    expect(parseAssign(`@ivan ${"🔥".repeat(1001)}`, today)).toEqual({ ok: false, error: "too-long" });
  });

  it("reads a dd.mm far behind as next year's day (typed at the end of December)", () => {
    expect(parseAssign("@ivan Plan due 10.01", "2026-12-30")).toMatchObject({ ok: true, dueDate: "2027-01-10" });
  });
});

describe("parseAssign and ordinary words", () => {
  it("keeps 'до' that is not followed by a date as part of the text", () => {
    expect(parseAssign("@ivan Дозвониться до Петрова", "2026-11-02")).toEqual({ ok: true, username: "ivan", text: "Дозвониться до Петрова", dueDate: null });
  });
});
