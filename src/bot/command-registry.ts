import type { CommandSpec } from "./feature.js";

const registry: CommandSpec[] = [];

/** Features register their commands here; menus, /help and access checks all read this one list. */
export function registerCommands(specs: CommandSpec[]): void {
  for (const spec of specs) if (!registry.some((known) => known.command === spec.command)) registry.push(spec);
}

export function allCommands(): CommandSpec[] {
  return registry;
}
