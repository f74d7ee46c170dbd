import type { Context, Transformer } from "grammy";
import type { CrmSync } from "../services/crm/index.js";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import type { Db } from "../db/open.js";
import type { Member } from "../db/members.js";
import type { Team } from "../db/teams.js";
import type { Clock } from "../shared/clock.js";
import type { Logger } from "../shared/logger.js";
import type { StorageAlarm } from "../outbox/storage-alarm.js";
import type { ChartDrawer } from "../reports/chart-process.js";
import type { Locale, Translate, Translator } from "../shared/i18n.js";
import type { Command } from "./feature.js";
import type { WrongAnswers } from "./dialogue-limits.js";

export interface BotDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  teamId: number;
  botInfo?: UserFromGetMe;
  /** Applied to bot.api and to the api inside conversations (auto-retry, test recorders). */
  apiTransformers?: Transformer[];
  /** Wakes the outbox worker after a feature queued a message. */
  onOutbox?: () => void;
  /** Told when an update could not be stored because the database refuses writes. */
  storageAlarm?: StorageAlarm;
  /** The CRM sync behind /sync and /crm, when CRM is set. */
  crmSync?: CrmSync;
  /** How /plan and /burn draw their charts; default a short-lived child process. */
  drawChart?: ChartDrawer;
}

export interface CoreFlavor {
  deps: BotDeps;
  team: Team;
  /** The active member who sent the update; undefined for a stranger. */
  member: Member | undefined;
  locale: Locale;
  t: Translate;
  log: Logger;
  /** Every command of the bot, for /help. */
  commands: readonly Command[];
  /** Wrong answers to open dialogues, counted outside their replay logs. */
  wrongAnswers: WrongAnswers;
  /** Clock reading taken once when the update arrived. */
  now: number;
  /** Set by the bot's chain when it claimed the update id: true when it had been claimed before (a redelivery). */
  redelivered?: boolean;
}

export type ConvContext = Context & CoreFlavor;
export type BotContext = ConversationFlavor<Context & CoreFlavor>;
