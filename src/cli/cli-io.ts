/** How a command-line tool meets the world: arguments in, lines out, an exit code back. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";

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
    console.error(`${name} failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
