import { describe, expect, it } from "vitest";
import { createLogger } from "../src/shared/logger.js";

const TOKEN = "123456789:AAH-secretPartOfTheToken_0123456789";

function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

describe("createLogger", () => {
  it("hides the token wherever it appears: message, error, bindings of a child", () => {
    const out = capture();
    const logger = createLogger("info", [TOKEN, TOKEN.split(":")[1]!], out.stream);
    logger.child({ url: `https://api.telegram.org/bot${TOKEN}/getMe` }).info("child");
    logger.error({ err: new Error(`fetch https://api.telegram.org/bot${TOKEN}/sendMessage failed`) }, "call failed");
    logger.warn(`encoded bot123456789%3A${TOKEN.split(":")[1]}`);
    expect(out.lines).toHaveLength(3);
    for (const line of out.lines) {
      expect(line).not.toContain(TOKEN.split(":")[1]);
      expect(line).toContain("***");
    }
  });

  it("keeps an error's message and stack", () => {
    const out = capture();
    createLogger("info", [TOKEN], out.stream).error({ err: new Error("database is locked") }, "job failed");
    const entry = JSON.parse(out.lines[0]!);
    expect(entry.err.message).toBe("database is locked");
    expect(entry.err.stack).toContain("Error: database is locked");
  });
});
