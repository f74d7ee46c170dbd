/**
 * Who may use each command, written from the roles (not read from the code), shared by the access
 * matrix and the fuzz test. A command registered without a row here fails the access matrix test,
 * so every new command has to be classified.
 */
import type { Role } from "../../src/db/members.js";

export interface Expectation {
  /** Roles the command is meant for. */
  allowed: Role[];
  /** Roles left open: either answer is accepted. */
  optional?: Role[];
  /**
   * "private" for everything whose reply carries team data: a group can hold people outside the team;
   * "alerts" for the figures a founder may share in the alert group (/burn and /plan work there).
   */
  chats: "private" | "any" | "alerts";
}

export const ALL: Role[] = ["founder", "lead", "manager"];

/**
 * The roles: founder — everything, alerts, /burn /plan /budget, plan, budget, settings, invites;
 * lead — assign/accept/return tasks, answer questions, digest, /burn /plan read-only, invite managers;
 * manager — own tasks, check-up, questions, touches, refusals, deals; stranger — nothing.
 * "Founder: everything" is read as "every team-wide power"; a manager's own chores (asking a
 * question, going away, logging a touch) are optional for the founder and the lead.
 */
export const EXPECTED: Record<string, Expectation> = {
  start: { allowed: ALL, chats: "any" },
  help: { allowed: ALL, chats: "any" },
  lang: { allowed: ALL, chats: "any" },
  alerts_here: { allowed: ["founder"], chats: "any" }, // sent in a private chat or a group
  alerts: { allowed: ["founder"], chats: "alerts" },
  invite: { allowed: ["founder", "lead"], chats: "private" },
  invites: { allowed: ["founder", "lead"], chats: "private" }, // the unused links: the founder's all, a lead's own
  remove: { allowed: ["founder"], chats: "private" },
  backup: { allowed: ["founder"], chats: "private" },
  sync: { allowed: ["founder"], chats: "private" },
  crm: { allowed: ["founder"], chats: "private" },
  crm_link: { allowed: ["founder"], chats: "private" },
  // tasks and check-ups
  assign: { allowed: ["founder", "lead"], chats: "private" },
  tasks: { allowed: ALL, chats: "private" },
  task: { allowed: ALL, chats: "private" },
  return: { allowed: ["founder", "lead"], chats: "private" },
  reassign: { allowed: ["founder", "lead"], chats: "private" },
  accept: { allowed: ["founder", "lead"], chats: "private" },
  checkup: { allowed: ["founder", "lead"], optional: ["manager"], chats: "private" },
  away: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  back: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  discipline: { allowed: ["founder", "lead"], chats: "private" },
  ask: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  answer: { allowed: ["founder", "lead"], chats: "private" },
  questions: { allowed: ["founder", "lead"], optional: ["manager"], chats: "private" },
  digest: { allowed: ["founder", "lead"], chats: "private" },
  // plan and budget
  plan: { allowed: ["founder", "lead"], chats: "alerts" },
  setplan: { allowed: ["founder"], chats: "private" },
  budget: { allowed: ["founder"], chats: "private" },
  expense: { allowed: ["founder"], optional: ["lead"], chats: "private" },
  share: { allowed: ["founder"], chats: "private" },
  deal: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  // the lead base
  import: { allowed: ["founder"], optional: ["lead"], chats: "private" },
  touch: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  refusal: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  handled: { allowed: ["manager"], optional: ["founder", "lead"], chats: "private" },
  lead: { allowed: ["founder", "manager"], optional: ["lead"], chats: "private" },
  add: { allowed: ALL, chats: "private" }, // /add <company>; <segment>: anyone who works the base adds to it
  close: { allowed: ["founder"], optional: ["lead", "manager"], chats: "private" },
  unfreeze: { allowed: ["founder", "lead"], chats: "private" },
  unpause: { allowed: ["founder"], optional: ["lead"], chats: "private" },
  burn: { allowed: ["founder", "lead"], chats: "alerts" },
  segments: { allowed: ["founder", "lead"], optional: ["manager"], chats: "private" },
  // settings
  settings: { allowed: ["founder"], chats: "private" },
  // Corrections: everyone takes back their own last record; the lead and the founder correct anyone's.
  undo: { allowed: ALL, chats: "private" },
  deals: { allowed: ["founder", "lead"], chats: "private" },
  expenses: { allowed: ["founder", "lead"], chats: "private" },
  // Not in the roles above: the team's data as a spreadsheet — the founder's; the lead reads most of it anyway.
  export: { allowed: ["founder"], optional: ["lead"], chats: "private" },
  // The Mini App shows each role what it sees in chat; its figures are personal, so private only.
  dashboard: { allowed: ALL, chats: "private" },
};
