import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { createFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api.js";
import { commandUpdate, makeUser } from "../helpers/updates.js";

const ROOT = new URL("../../", import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The node flags and entry of package.json's start script (after its prestart build). */
function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [program, ...args] = pkg.scripts.start.split(/\s+/);
  expect(program).toBe("node");
  return args.map((arg) => (arg.endsWith(".js") ? join(ROOT, arg) : arg));
}

/** Starts the compiled bot exactly as `npm start` runs it, with only the given environment. */
function startMain(env: Record<string, string>, cwd = ROOT): Running {
  const child = spawn(process.execPath, startCommand(), {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

let fake: FakeBotApi | undefined;
let running: Running | undefined;
let second: Running | undefined;
afterEach(async () => {
  if (second && second.child.exitCode === null) {
    second.child.kill("SIGKILL");
    await second.exited;
  }
  second = undefined;
  if (running && running.child.exitCode === null) {
    running.child.kill("SIGKILL");
    await running.exited;
  }
  running = undefined;
  await fake?.close();
  fake = undefined;
});

describe("npm start", () => {
  // npm start builds first (prestart); so does this test, so it runs what the source says now.
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "pipe" });
  }, 120_000);

  it("exits non-zero naming BOT_TOKEN when it is missing", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "scb-start-"));
    running = startMain({}, cwd);
    expect(await running.exited).not.toBe(0);
    expect(running.output()).toContain("BOT_TOKEN");
    expect(running.output().trim().split("\n")).toHaveLength(1);
  });

  it("exits non-zero with one line naming DATABASE_PATH when the database cannot be opened", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "scb-start-"));
    running = startMain({ BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA", TELEGRAM_API_ROOT: "http://127.0.0.1:9", DATABASE_PATH: cwd }, cwd);
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(new RegExp(`^Start-up failed: DATABASE_PATH ${cwd} cannot be opened: `));
    expect(running.output().trim().split("\n")).toHaveLength(1);
  });

  it("reads .env from the working directory and names a bad setting there", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "scb-start-"));
    writeFileSync(join(cwd, ".env"), "BOT_TOKEN=123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA\nDEFAULT_TIMEZONE=Nowhere/Land\n");
    running = startMain({}, cwd);
    expect(await running.exited).not.toBe(0);
    expect(running.output()).toMatch(/^Configuration error: DEFAULT_TIMEZONE/);
  });

  it("polls the Bot API at TELEGRAM_API_ROOT, answers /start, and stops cleanly on SIGTERM", async () => {
    fake = await createFakeBotApi();
    const dir = mkdtempSync(join(tmpdir(), "scb-start-"));
    const founder = makeUser(555_000_111, { language_code: "en", username: "olga" });
    running = startMain({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dir, "bot.sqlite"),
      FOUNDER_IDS: String(founder.id),
      LOG_LEVEL: "info",
    });
    await fake.waitFor((call) => call.method === "getUpdates", { timeoutMs: 20_000, description: "the bot to start polling" });
    fake.pushUpdate(commandUpdate(founder, "/start"));
    // The bot runs on the real clock, so its scheduler may tell the founder something of its own first (in
    // December, that next year's calendar is not loaded): wait for the answer to /start itself.
    const reply = await fake.waitForMessage(founder.id, (message) => (message.text ?? "").includes("founder"), { timeoutMs: 10_000 });
    expect(reply.text).toContain("founder");
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(running.output()).not.toContain(fake.token);
    expect(running.output()).not.toContain(fake.token.split(":")[1]!);
    const db = new Database(join(dir, "bot.sqlite"), { readonly: true });
    expect(db.prepare("SELECT role FROM members WHERE user_id = ?").pluck().get(founder.id)).toBe("founder");
    db.close();
  });

  it("ends with one clear line when another instance polls with the same token (409)", async () => {
    fake = await createFakeBotApi();
    const dir = mkdtempSync(join(tmpdir(), "scb-start-"));
    const env = (name: string) => ({
      BOT_TOKEN: fake!.token,
      TELEGRAM_API_ROOT: fake!.apiRoot,
      DATABASE_PATH: join(dir, `${name}.sqlite`),
      FOUNDER_IDS: "1",
      LOG_LEVEL: "silent",
    });
    running = startMain(env("one"));
    second = startMain(env("two"));
    const first = await Promise.race([running.exited.then(() => running!), second.exited.then(() => second!)]);
    expect(first.child.exitCode).toBe(1);
    expect(first.output()).toMatch(/another instance is already receiving updates with this BOT_TOKEN \(409 Conflict\)/);
    expect(first.output()).not.toContain(fake.token);
  });
});
