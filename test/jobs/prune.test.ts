import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { TEAM_ID } from "../../src/app.js";
import { enqueue, OUTBOX_TTL_MS, outboxCounts } from "../../src/db/outbox.js";
import { handledUpdateCount, PROCESSED_UPDATES_TTL_MS } from "../../src/db/processed-updates.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const DAY = 24 * 60 * 60 * 1000;

describe("prune job", () => {
  it("deletes delivered and failed messages after 30 days and handled update ids after 2 days, keeping their counts", async () => {
    h = await startHarness();
    const manager = await h.member("manager");
    for (let i = 0; i < 3; i++) await manager.send("/help");
    const queue = (chatId: number, key: string) =>
      enqueue(h!.db, { teamId: TEAM_ID, chatId, kind: "test", key, message: { method: "sendMessage", text: key } }, h!.clock.now());
    for (let i = 0; i < 4; i++) queue(manager.chatId, `prune:sent:${i}`);
    h.fake.blockChat(990_001);
    queue(990_001, "prune:failed");
    await h.app.outbox.drain();
    // One message is still waiting (a long retry): it is never pruned.
    queue(manager.chatId, "prune:pending");
    h.db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE idempotency_key = 'prune:pending'").run(h.clock.now() + 365 * DAY);
    const rows = () => h!.db.prepare("SELECT COUNT(*) FROM outbox").pluck().get() as number;
    const ids = () => h!.db.prepare("SELECT COUNT(*) FROM processed_updates").pluck().get() as number;
    const countsBefore = outboxCounts(h.db);
    const handledBefore = handledUpdateCount(h.db);
    const rowsBefore = rows();
    const start = h.clock.now();
    // What the other jobs queue meanwhile (check-up prompts on later days) is young and stays.
    const queuedLater = () => {
      const counts = { pending: 0, sent: 0, failed: 0 };
      for (const row of h!.db.prepare("SELECT status, COUNT(*) AS n FROM outbox WHERE created_at > ? GROUP BY status").all(start) as { status: keyof typeof counts; n: number }[]) counts[row.status] = row.n;
      return counts;
    };
    const withLater = () => {
      const later = queuedLater();
      return { pending: countsBefore.pending + later.pending, sent: countsBefore.sent + later.sent, failed: countsBefore.failed + later.failed };
    };
    expect(countsBefore.sent).toBeGreaterThanOrEqual(4);
    expect(countsBefore.failed).toBe(1);
    expect(countsBefore.pending).toBe(1);
    expect(ids()).toBe(3);

    h.clock.advance(PROCESSED_UPDATES_TTL_MS - 60_000);
    await h.app.runJobsNow();
    expect(ids()).toBe(3);
    h.clock.advance(2 * 60_000);
    await h.app.runJobsNow();
    expect(ids()).toBe(0);
    expect(handledUpdateCount(h.db)).toBe(handledBefore);

    h.clock.set(h.clock.now() - PROCESSED_UPDATES_TTL_MS - 60_000 + OUTBOX_TTL_MS - 60_000);
    await h.app.runJobsNow();
    expect(h.db.prepare("SELECT COUNT(*) FROM outbox WHERE created_at <= ?").pluck().get(start)).toBe(rowsBefore);
    h.clock.advance(2 * 60_000);
    await h.app.runJobsNow();
    expect(h.db.prepare("SELECT idempotency_key FROM outbox WHERE created_at <= ?").pluck().all(start)).toEqual(["prune:pending"]);
    expect(outboxCounts(h.db)).toEqual(withLater());
    // Pruning again changes nothing: the counts are added once.
    await h.app.runJobsNow();
    expect(outboxCounts(h.db)).toEqual(withLater());
    console.log(`prune: ${rowsBefore - 1} outbox rows and 3 update ids pruned; counts kept ${JSON.stringify(outboxCounts(h.db))}, ${handledUpdateCount(h.db)} updates handled`);
  });
});
