import dotenv from "dotenv";
import { ConfigError, createConfig } from "./config.js";

dotenv.config();

let config;
try {
  config = createConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

// Loaded only after the configuration passed, so a bad setting fails fast with one line.
const { startApp } = await import("./app.js");
const { MigrationMismatchError } = await import("./db/migrate.js");
const { StartupError } = await import("./app.js");
try {
  const app = await startApp({
    config,
    onFatal: (error) => {
      console.error(error.message.split(config.botToken).join("***"));
      void app.stop().finally(() => process.exit(1));
    },
  });
  const shutdown = (signal: string) => {
    app.logger.info({ signal }, "shutting down");
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof MigrationMismatchError) {
    console.error(`Database error: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof StartupError) {
    console.error(`Start-up failed: ${error.message.split(config.botToken).join("***")}`);
    process.exit(1);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Start-up failed: ${message.split(config.botToken).join("***")}`);
  process.exit(1);
}
