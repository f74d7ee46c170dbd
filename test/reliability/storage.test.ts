import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { TEAM_ID } from "../../src/app.js";
import { enqueue } from "../../src/db/outbox.js";
import { createTranslator } from "../../src/shared/i18n.js";

let h: Harness | undefined;
afterEach(async () => {
  h?.db.pragma("query_only = OFF");
  h?.db.pragma("max_page_count = 1073741823");
  await h?.stop();
  h = undefined;
});

const translator = createTranslator();
const en = (key: string) => translator.t("en", key);

async function team(harness: Harness) {
  const founder = await harness.member("founder", { language_code: "en" });
  const lead = await harness.member("lead", { language_code: "en" });
  const ivan = await harness.member("manager", { username: "ivan_disk", language_code: "en" });
  for (const person of [founder, lead, ivan]) await person.send("/start");
  return { founder, lead, ivan };
}

const taskCount = (harness: Harness) => harness.db.prepare("SELECT COUNT(*) FROM tasks").pluck().get() as number;
const rowOf = (harness: Harness, key: string) => harness.db.prepare("SELECT status FROM outbox WHERE idempotency_key = ?").pluck().get(key) as string;

/** Fills every free byte of the database under a page limit, so the next new row has nowhere to go. */
function fillDisk(harness: Harness): void {
  harness.db.pragma(`max_page_count = ${harness.db.pragma("page_count", { simple: true }) as number}`);
  let filler = 0;
  for (const size of [100_000, 10_000, 1_000, 100, 10, 1]) {
    try {
      for (;;) harness.db.prepare("INSERT INTO kv (key, value, updated_at) VALUES (?, ?, 0)").run(`filler:${filler++}`, JSON.stringify("x".repeat(size)));
    } catch (error) {
      expect((error as { code?: string }).code).toBe("SQLITE_FULL");
    }
  }
  let id = 2_000_000_000;
  try {
    for (;;) harness.db.prepare("INSERT INTO processed_updates (update_id, processed_at) VALUES (?, 0)").run(id++);
  } catch (error) {
    expect((error as { code?: string }).code).toBe("SQLITE_FULL");
  }
}

describe("a database that refuses writes", () => {
  it("read-only: a sent message is not sent again, 40 commands each hear nothing was saved and are logged, the founders are told once, and it recovers", async () => {
    const logs: string[] = [];
    h = await startHarness({ logs });
    const { founder, lead, ivan } = await team(h);
    enqueue(h.db, { teamId: TEAM_ID, chatId: ivan.chatId, kind: "test", key: "ro:1", message: { method: "sendMessage", text: "sent once" } }, h.clock.now());
    h.db.pragma("query_only = ON");
    for (let tick = 0; tick < 6; tick++) {
      await h.app.outbox.drain();
      h.clock.advance(1000);
    }
    expect(ivan.messages().filter((message) => message.text === "sent once")).toHaveLength(1);
    expect(rowOf(h, "ro:1")).toBe("pending");

    const tasksBefore = taskCount(h);
    let notSaved = 0;
    for (let i = 0; i < 40; i++) {
      const replies = await lead.send(`/assign @ivan_disk call client ${i}`);
      if (replies.some((reply) => reply.text === en("storage-not-saved"))) notSaved++;
      h.clock.advance(500); // a person's pace: the flood limit, checked before anything, is not what is tested here
    }
    expect(notSaved).toBe(40);
    expect(taskCount(h)).toBe(tasksBefore);
    const logged = logs.filter((line) => line.includes("update not stored") && line.includes("/assign @ivan_disk call client"));
    expect(logged).toHaveLength(40);
    expect(founder.messages().filter((message) => message.text === en("storage-alarm-read-only"))).toHaveLength(1);

    // The file is writable again: the remembered mark is written, nothing is resent, the founders hear it once.
    h.db.pragma("query_only = OFF");
    await h.app.outbox.drain();
    expect(rowOf(h, "ro:1")).toBe("sent");
    expect(ivan.messages().filter((message) => message.text === "sent once")).toHaveLength(1);
    expect(founder.messages().filter((message) => message.text === en("storage-alarm-recovered"))).toHaveLength(1);
    const replies = await lead.send("/assign @ivan_disk call client again");
    expect(replies.some((reply) => reply.text === en("storage-not-saved"))).toBe(false);
    expect(taskCount(h)).toBe(tasksBefore + 1);
    console.log(`storage: read-only: 1 message sent 1 time over 6 drains, ${notSaved}/40 commands told nothing was saved, ${logged.length} logged, founder told 1 time, recovered`);
  });

  it("full disk: commands hear nothing was saved, a queued message goes out once, the founders are told once, and it recovers when space returns", async () => {
    const logs: string[] = [];
    h = await startHarness({ logs });
    const { founder, lead, ivan } = await team(h);
    enqueue(h.db, { teamId: TEAM_ID, chatId: ivan.chatId, kind: "test", key: "full:1", message: { method: "sendMessage", text: "sent once, disk full" } }, h.clock.now());
    fillDisk(h);
    const tasksBefore = taskCount(h);
    let notSaved = 0;
    for (let i = 0; i < 40; i++) {
      const replies = await lead.send(`/assign @ivan_disk call client ${i}`);
      if (replies.some((reply) => reply.text === en("storage-not-saved"))) notSaved++;
      h.clock.advance(500); // a person's pace: the flood limit, checked before anything, is not what is tested here
    }
    for (let tick = 0; tick < 5; tick++) {
      await h.app.outbox.drain();
      h.clock.advance(1000);
    }
    expect(notSaved).toBe(40);
    expect(taskCount(h)).toBe(tasksBefore);
    expect(logs.filter((line) => line.includes("update not stored"))).toHaveLength(40);
    expect(founder.messages().filter((message) => message.text === en("storage-alarm-full"))).toHaveLength(1);
    expect(ivan.messages().filter((message) => message.text === "sent once, disk full").length).toBeLessThanOrEqual(1);

    // Space returns (the filler is removed, the limit lifted): everything works again by itself.
    h.db.pragma("max_page_count = 1073741823");
    h.db.prepare("DELETE FROM kv WHERE key LIKE 'filler:%'").run();
    await h.app.outbox.drain();
    expect(rowOf(h, "full:1")).toBe("sent");
    expect(ivan.messages().filter((message) => message.text === "sent once, disk full")).toHaveLength(1);
    expect(founder.messages().filter((message) => message.text === en("storage-alarm-recovered"))).toHaveLength(1);
    const replies = await lead.send("/assign @ivan_disk call client after");
    expect(replies.some((reply) => reply.text === en("storage-not-saved"))).toBe(false);
    expect(taskCount(h)).toBe(tasksBefore + 1);
    console.log(`storage: full disk: ${notSaved}/40 commands told nothing was saved, 1 message sent 1 time, founder told 1 time, recovered`);
  });
});
