import type { Command, Feature } from "../feature.js";
import { commandsOf } from "../dispatcher.js";
import { accessFeature } from "./access.js";
import { taskFeatures } from "./tasks.js";
import { backupFeature } from "./backup.js";
import { planFeatures } from "./plan.js";
import { baseFeatures } from "./base.js";
import { exportFeature } from "./export.js";
import { correctionsFeature } from "./corrections.js";
import { crmFeature } from "./crm.js";
import { dashboardFeature } from "./dashboard.js";

/** Installed in this order, after the stranger gate; the fallback comes last. */
export const FEATURES: Feature[] = [accessFeature, correctionsFeature, ...taskFeatures, ...baseFeatures, ...planFeatures, backupFeature, exportFeature, crmFeature, dashboardFeature];

/** The one command list: the dispatcher, /help and the menus all read it. */
export const COMMANDS: readonly Command[] = commandsOf(FEATURES);
