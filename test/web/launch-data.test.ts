import { describe, expect, it } from "vitest";
import { authenticateLaunchData, LAUNCH_DATA_MAX_AGE_MS } from "../../src/web/launch-data.js";
import { signInitData } from "../helpers/init-data.js";

const TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const NOW = Date.parse("2026-11-02T07:00:00Z");
const user = { id: 42, first_name: "Anna", language_code: "en" };
const header = (authDate: number, token = TOKEN) => `tma ${signInitData({ botToken: token, user, authDate: new Date(authDate) })}`;

describe("authenticateLaunchData", () => {
  it("reads the user of launch data signed with the bot's token", () => {
    expect(authenticateLaunchData(header(NOW - 60_000), TOKEN, NOW)).toEqual({ userId: 42, languageCode: "en" });
  });

  it("refuses launch data that is missing, not signed with this token, changed or without the tma scheme", () => {
    const raw = header(NOW).slice(4);
    for (const value of [undefined, "", "tma ", `Bearer ${raw}`, raw, header(NOW, "654321:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"), `tma ${raw.replace("42", "43")}`, `tma ${raw.replace(/hash=\w+/, "")}`]) {
      expect(authenticateLaunchData(value, TOKEN, NOW)).toBeNull();
    }
  });

  it("refuses launch data older than a day, or dated well after now, by the injected clock", () => {
    expect(authenticateLaunchData(header(NOW - LAUNCH_DATA_MAX_AGE_MS), TOKEN, NOW)).not.toBeNull();
    expect(authenticateLaunchData(header(NOW - LAUNCH_DATA_MAX_AGE_MS - 1000), TOKEN, NOW)).toBeNull();
    expect(authenticateLaunchData(header(NOW + 60 * 60_000), TOKEN, NOW)).toBeNull();
  });
});
