import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { tokenOf } from "../helpers/invites.js";
import { openDatabase } from "../../src/db/open.js";
import { migrate, readMigrations } from "../../src/db/migrate.js";
import { ensureTeam } from "../../src/db/teams.js";
import { TEAM_ID } from "../../src/app.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe("claim and invite tokens", () => {
  it("lets the claim link die after 24 hours, and a restart without a founder prints a fresh one", async () => {
    h = await startHarness();
    const stale = tokenOf(h.app.claimLink);
    h.clock.advance(24 * 3600_000 + 1);
    const late = h.stranger({ language_code: "en" });
    expect((await late.send(`/start ${stale}`))[0]!.text).toMatch(/expired/);
    expect(late.member()).toBeUndefined();
    await h.restart();
    const fresh = tokenOf(h.app.claimLink);
    expect(fresh).not.toBe(stale);
    expect((await late.send(`/start ${fresh}`))[0]!.text).toContain("founder");
    expect(late.member()?.role).toBe("founder");
    await h.restart();
    expect(h.app.claimLink).toBeUndefined();
    console.log("tokens: a claim link 24 h + 1 ms old refused; a fresh one printed only while no founder exists");
  });

  it("keeps no working token in a /backup copy: every stored token fails as a link, the real links work", async () => {
    h = await startHarness();
    const claim = tokenOf(h.app.claimLink);
    const founder = await h.member("founder", { language_code: "en" });
    const links = [tokenOf((await founder.send("/invite lead"))[0]!.text), tokenOf((await founder.send("/invite manager"))[0]!.text)];
    const backup = (await founder.send("/backup"))[0]!;
    const copyPath = join(mkdtempSync(join(tmpdir(), "scb-tokens-")), "copy.sqlite");
    writeFileSync(copyPath, backup.files[0]!.bytes);
    const copy = new Database(copyPath, { readonly: true });
    const stored = copy.prepare("SELECT token FROM invites").pluck().all() as string[];
    const dump = JSON.stringify(copy.prepare("SELECT * FROM invites").all()) + JSON.stringify(copy.prepare("SELECT * FROM kv").all());
    copy.close();
    expect(stored).toHaveLength(3);
    for (const token of [claim, ...links]) expect(dump).not.toContain(token);
    const thief = h.stranger({ language_code: "en" });
    for (const token of stored) {
      const payload = token.slice(0, 64);
      expect((await thief.send(`/start ${payload}`))[0]!.text).toMatch(/no such invite/);
    }
    expect(thief.member()).toBeUndefined();
    expect((await thief.send(`/start ${links[1]}`))[0]!.text).toContain("sales manager");
    console.log(`tokens: ${stored.length} stored tokens tried as links from a backup, 0 admitted; the real link admitted`);
  });

  it("hashes the tokens a database stored in plain text before, and their links still work", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "scb-tokens-")), "bot.sqlite");
    const db = openDatabase(dbPath);
    migrate(db, readMigrations().filter((migration) => migration.version <= 13), 0);
    ensureTeam(db, TEAM_ID, { timezone: "Europe/Moscow", locale: "en" }, 0);
    const insert = db.prepare("INSERT INTO invites (token, team_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, NULL, ?, NULL)");
    insert.run("plainOldToken123", TEAM_ID, "manager", 0);
    insert.run("claim-plainClaim456", TEAM_ID, "founder", 0);
    db.close();
    h = await startHarness({ dbPath });
    const stored = h.db.prepare("SELECT token FROM invites ORDER BY rowid").pluck().all() as string[];
    expect(stored.some((token) => token.includes("plainOldToken123") || token.includes("plainClaim456"))).toBe(false);
    const joiner = h.stranger({ language_code: "en" });
    expect((await joiner.send("/start plainOldToken123"))[0]!.text).toContain("sales manager");
    console.log(`tokens: 2 plain-text tokens hashed by the migration (${stored.length} rows now); an old link still admits`);
  });
});
