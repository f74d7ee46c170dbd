import { describe, expect, it } from "vitest";
import { callbackData, id, oneOf, optional, page, text } from "../../../src/shared/telegram/callback-data.js";
import { taskActionData, taskProgressButton, taskQuestionButton, taskReviewButton } from "../../../src/shared/telegram/button-data.js";

describe("callback data", () => {
  const task = callbackData("task", { action: oneOf(["start", "done"]), id });

  it("unpacks what it packed, in the wire format of the buttons already in chats", () => {
    expect(task.pack({ action: "start", id: 12 })).toBe("task:start:12");
    expect(task.unpack("task:start:12")).toEqual({ action: "start", id: 12 });
  });

  it("refuses data of another kind or with a value out of its field", () => {
    expect(task.unpack("task:accept:12")).toBeUndefined();
    expect(task.unpack("task:start:")).toBeUndefined();
    expect(task.unpack("task:start:12:extra")).toBeUndefined();
    expect(task.unpack("tasks:start:12")).toBeUndefined();
  });

  it("leaves an optional field out and reads it back as undefined", () => {
    const open = callbackData("set:open", { key: oneOf(["holidays"]), page: optional(page) });
    expect(open.pack({ key: "holidays" })).toBe("set:open:holidays");
    expect(open.unpack("set:open:holidays")).toEqual({ key: "holidays", page: undefined });
    expect(open.unpack(open.pack({ key: "holidays", page: 3 }))).toEqual({ key: "holidays", page: 3 });
  });

  it("throws when the data would exceed Telegram's 64 bytes", () => {
    const pick = callbackData("set:pick", { value: text(".{1,80}") });
    expect(() => pick.pack({ value: "я".repeat(30) })).toThrow(/bytes/);
  });

  it("builds every task button so that exactly its own kind reads it", () => {
    expect(taskProgressButton.unpack(taskActionData("done", 5))).toEqual({ action: "done", id: 5 });
    expect(taskReviewButton.unpack(taskActionData("return", 5))).toEqual({ action: "return", id: 5 });
    expect(taskQuestionButton.unpack(taskActionData("ask", 5))).toEqual({ id: 5 });
    expect(taskReviewButton.unpack(taskActionData("done", 5))).toBeUndefined();
  });
});
