import type { Feature } from "../feature.js";
import { registerCommands } from "../command-registry.js";
import { accessFeature } from "./access.js";
import { taskFeatures } from "./tasks.js";
import { backupFeature } from "./backup.js";
import { planFeatures } from "./plan.js";
import { baseFeatures } from "./base.js";
import { exportFeature } from "./export.js";

/** Installed in this order, after the stranger gate; the fallback comes last. */
export const FEATURES: Feature[] = [accessFeature, ...taskFeatures, ...baseFeatures, ...planFeatures, backupFeature, exportFeature];

for (const feature of FEATURES) registerCommands(feature.commands);
