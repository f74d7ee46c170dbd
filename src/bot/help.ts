import type { Role } from "../db/members.js";
import type { Translate } from "../shared/i18n.js";
import type { Command } from "./feature.js";

export function describeRole(t: Translate, role: Role): string {
  return t(`role-${role}`);
}

/**
 * The commands this role may use, one per line, from the same list the menus are built from. The role is
 * passed to each description, so one may differ by role (a Fluent selector on `$role`, e.g. cmd-checkup).
 */
export function helpText(t: Translate, role: Role, commands: readonly Command[]): string {
  const lines = commands
    .filter((spec) => spec.roles.includes(role) && spec.command !== "start")
    .map((spec) => `/${spec.command} — ${t(spec.description, { role })}`);
  return `${t("help-title")}\n${lines.join("\n")}`;
}
