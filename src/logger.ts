import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger };

/** A pino logger that never prints the given secrets (the bot token ends up in URLs and errors). */
export function createLogger(level: string, secrets: string[] = [], destination?: DestinationStream): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  const scrub = (value: unknown): unknown => {
    if (typeof value === "string") return hidden.reduce((text, secret) => text.split(secret).join("***"), value);
    if (value instanceof Error) {
      const copy = new Error(scrub(value.message) as string);
      copy.name = value.name;
      copy.stack = scrub(value.stack) as string;
      return copy;
    }
    if (value && typeof value === "object") {
      try {
        return JSON.parse(scrub(JSON.stringify(value)) as string);
      } catch {
        return "[unserializable]";
      }
    }
    return value;
  };
  return pino(
    {
      level,
      hooks: {
        logMethod(args, method) {
          method.apply(this, (hidden.length ? args.map(scrub) : args) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
