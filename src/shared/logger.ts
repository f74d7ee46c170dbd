import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger };

/**
 * A pino logger that never prints the given secrets. The bot token ends up in URLs, error messages and
 * child-logger bindings, so every finished line is scrubbed on its way out, whatever produced it.
 */
export function createLogger(level: string, secrets: string[] = [], destination?: DestinationStream): Logger {
  const hidden = [...new Set(secrets.filter((secret) => secret.length >= 8))].sort((a, b) => b.length - a.length);
  const target = destination ?? pino.destination({ dest: 1, sync: true });
  if (hidden.length === 0) return pino({ level }, target);
  const scrub = (line: string) => hidden.reduce((text, secret) => text.split(secret).join("***"), line);
  return pino({ level }, { write: (line: string) => void target.write(scrub(line)) });
}
