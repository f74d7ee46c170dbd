/** How a command-line tool meets the world: arguments in, lines out, an exit code back. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { createTranslator, type Locale, type Translate } from "../shared/i18n.js";

export interface CliIo {
  /** One line of the result (stdout). */
  stdout: (line: string) => void;
  /** One line of diagnostics or of an error (stderr). */
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Tests pin the clock; a real run reads the system time. */
  now: () => number;
}

/** Runs a tool with the arguments after the script name; resolves to the exit code. */
export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * Runs `main` with the process's arguments and `.env` when this module is the script node started
 * (`npm run <name> -- ...`); tests import the module and call `main` themselves.
 */
export async function runIfEntryPoint(moduleUrl: string, name: string, main: CliMain): Promise<void> {
  const script = process.argv[1];
  if (!script) return;
  try {
    if (realpathSync(script) !== realpathSync(fileURLToPath(moduleUrl))) return;
  } catch {
    return;
  }
  dotenv.config();
  const io: CliIo = { stdout: (line) => console.log(line), stderr: (line) => console.error(line), env: process.env, now: Date.now };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    const t = cliTranslate(process.env) ?? createTranslator().forLocale("ru");
    console.error(t("cli-failed", { tool: `npm run ${name}`, reason: (error as Error).message }));
    process.exitCode = 1;
  }
}

export type CliTool = "import" | "report" | "export" | "backup";

/** DEFAULT_LOCALE (ru when unset), or null when it names a language the bot does not speak. */
export function cliLocale(env: NodeJS.ProcessEnv): Locale | null {
  const value = env.DEFAULT_LOCALE?.trim() || "ru";
  return value === "ru" || value === "en" ? value : null;
}

/** The translator the tools speak with, in DEFAULT_LOCALE; null when DEFAULT_LOCALE is not ru or en. */
export function cliTranslate(env: NodeJS.ProcessEnv): Translate | null {
  const locale = cliLocale(env);
  return locale === null ? null : createTranslator().forLocale(locale);
}

/**
 * The start every tool shares: the translator, or exit 2 with one line when DEFAULT_LOCALE is wrong (said in
 * Russian, the default, and English, since the wanted language is unknown); `--help` prints the usage, what
 * the tool does with examples, and the exit codes, then exits 0.
 */
export function startCli(tool: CliTool, argv: readonly string[], io: CliIo, vars?: Record<string, string>): { t: Translate } | { exit: number } {
  const t = cliTranslate(io.env);
  if (t === null) {
    const value = io.env.DEFAULT_LOCALE ?? "";
    const translator = createTranslator();
    io.stderr(`${translator.t("ru", "cli-bad-locale", { value })} / ${translator.t("en", "cli-bad-locale", { value })}`);
    return { exit: 2 };
  }
  if (argv.includes("--help") || argv.includes("-h")) {
    for (const key of [`cli-usage-${tool}`, `cli-help-${tool}`, "cli-exit-codes"]) io.stdout(t(key, vars));
    return { exit: 0 };
  }
  return { t };
}

/** Why a file could not be read, in words (never an errno). */
export function fileProblem(t: Translate, error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return t("cli-file-missing", { path });
  if (code === "EISDIR") return t("cli-file-is-folder", { path });
  if (code === "EACCES" || code === "EPERM") return t("cli-file-denied", { path });
  return t("cli-file-unreadable", { path });
}
