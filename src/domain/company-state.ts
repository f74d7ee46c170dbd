/**
 * A company's state as a pure function of its events and a moment (docs/figures.md): fresh, contacted, refused
 * (a refusal inside its handling window), handled, cooling until a day, lost (for good), closed, won.
 *
 * The rules, shared with the write paths in src/services/leads/ (which keep the same state incrementally):
 * - A refusal opens a handling window that ends with the N-th working day after the refusal's local day
 *   (team calendar, N = handling days, default 2): weekends and holidays do not count. /handled, or a deal,
 *   inside the window handles every refusal still open. When a window closes unhandled the refusal burns the company: it cools from that
 *   moment until local midnight starting `cooldownUntil` = the refusal's local day + cooldown days.
 *   A second burn while cooling extends the cooling to the later day; a burn whose cooldown ended before
 *   its window closed burns without cooling.
 * - A refusal marked lost for good burns at once; the company is lost and never cools back by itself.
 * - Closing is final; it ends cooling or lost. Unfreeze ends cooling or lost at once.
 * - Timers (window ends, cooldown ends) due at or before an event's moment happen before the event.
 */
import { addDays, listWorkingDays, localDate, nextWorkingDay, zonedInstant } from "./calendar.js";
import type { TeamCalendar } from "./calendar.js";

/** Refusal reason keys. */
export const REFUSAL_REASONS = ["price", "need", "timing", "competitor", "noanswer", "other"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

// Words people type instead of the keys, Russian first (lower case, ё → е).
const REFUSAL_WORDS: Record<string, RefusalReason> = {
  цена: "price",
  дорого: "price",
  "высокая цена": "price",
  "нет потребности": "need",
  "не нужно": "need",
  "не надо": "need",
  потребность: "need",
  "no need": "need",
  "не время": "timing",
  "не сейчас": "timing",
  сроки: "timing",
  время: "timing",
  конкурент: "competitor",
  конкуренты: "competitor",
  "у конкурента": "competitor",
  "нет ответа": "noanswer",
  "не отвечает": "noanswer",
  "no answer": "noanswer",
  недозвон: "noanswer",
  другое: "other",
  прочее: "other",
};

/** A refusal reason from its key or a Russian/English word ("цена", "нет ответа"); null when unknown. */
export function parseRefusalReason(text: string): RefusalReason | null {
  const word = text.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  if ((REFUSAL_REASONS as readonly string[]).includes(word)) return word as RefusalReason;
  return REFUSAL_WORDS[word] ?? null;
}

/** Close reasons every team has (ЛПР умер, бизнес закрылся); founders may add more in settings. */
export const BASE_CLOSE_REASONS = ["dm_died", "business_closed"] as const;

const CLOSE_WORDS: Record<string, string> = {
  "лпр умер": "dm_died",
  "умер лпр": "dm_died",
  "бизнес закрылся": "business_closed",
  "бизнес закрыт": "business_closed",
  "компания закрылась": "business_closed",
};

/** Every close reason the team accepts: the two built-in keys, then the team's own. */
export function allowedCloseReasons(teamReasons: readonly string[]): string[] {
  return [...new Set([...BASE_CLOSE_REASONS, ...teamReasons.map((r) => r.trim()).filter(Boolean)])];
}

/**
 * The close reason `text` names (a key, a team reason in any case, or "ЛПР умер"/"бизнес закрылся"),
 * or null when the team does not allow it.
 */
export function parseCloseReason(text: string, teamReasons: readonly string[]): string | null {
  const word = text.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  const allowed = allowedCloseReasons(teamReasons);
  const direct = allowed.find((reason) => reason.toLowerCase().replace(/ё/g, "е") === word);
  if (direct !== undefined) return direct;
  const mapped = CLOSE_WORDS[word];
  return mapped !== undefined && allowed.includes(mapped) ? mapped : null;
}

/** The settings a company's state depends on: the team calendar, the handling days and the cooldown. */
export type StateSettings = TeamCalendar & {
  handlingDays: number;
  cooldownDays: number;
};

/** What happened to a company, in the order it happened (ties keep input order). */
export type CompanyEvent =
  | { kind: "touch" | "handled" | "deal" | "close" | "unfreeze"; at: number }
  | {
      kind: "refusal";
      at: number;
      lostForGood: boolean;
      /** End of the handling window fixed when the refusal was logged; default at + handling window. */
      windowEndAt?: number;
    };

export type CompanyStateName = "fresh" | "contacted" | "refused" | "handled" | "cooling" | "lost" | "closed" | "won";

/** One refusal and what became of it by the moment asked. */
export type RefusalOutcome = {
  at: number;
  windowEndAt: number;
  lostForGood: boolean;
  status: "pending" | "handled" | "burned" | "lost";
  /** When it was handled or burned (window end), or the refusal moment for lost. */
  settledAt: number | null;
};

export type CompanyState = {
  state: CompanyStateName;
  /** While cooling: the first local day the company may be touched again. */
  cooldownUntil: string | null;
  /** While cooling: the moment the current cooling began. */
  coolingSince: number | null;
  firstContactAt: number | null;
  wonAt: number | null;
  closedAt: number | null;
  /** While lost: when it was marked lost for good. */
  lostAt: number | null;
  refusals: RefusalOutcome[];
};

/** The first local day a company refused at `refusalAt` may be touched again if that refusal burns it. */
export function cooldownUntil(refusalAt: number, settings: Pick<StateSettings, "timezone" | "cooldownDays">): string {
  return addDays(localDate(refusalAt, settings.timezone), settings.cooldownDays);
}

/** The last local day of the handling window: the N-th working day after the refusal's local day. */
export function handlingDeadlineDay(refusalAt: number, settings: TeamCalendar & Pick<StateSettings, "handlingDays">): string {
  let day = localDate(refusalAt, settings.timezone);
  for (let n = 0; n < settings.handlingDays; n++) day = nextWorkingDay(day, settings);
  return day;
}

/**
 * The window end of a refusal moved from `fromAt` to `toAt`: the same number of working days after its new day
 * when the window ends at a local midnight (as every window counted in working days does), else (an older window
 * counted in hours) the same length.
 */
export function movedWindowEnd(fromAt: number, windowEndAt: number, toAt: number, calendar: TeamCalendar): number {
  const lastDay = addDays(localDate(windowEndAt, calendar.timezone), -1);
  if (zonedInstant(addDays(lastDay, 1), "00:00", calendar.timezone).getTime() !== windowEndAt) return windowEndAt + (toAt - fromAt);
  const handlingDays = listWorkingDays(addDays(localDate(fromAt, calendar.timezone), 1), lastDay, calendar).length;
  return handlingDays > 0 ? handlingWindowEnd(toAt, { ...calendar, handlingDays }) : windowEndAt + (toAt - fromAt);
}

/**
 * End of the handling window of a refusal logged at `refusalAt`: the end of its deadline day, i.e. local
 * midnight starting the next day, so a manager always has whole working days and never a night-time minute.
 */
export function handlingWindowEnd(refusalAt: number, settings: TeamCalendar & Pick<StateSettings, "handlingDays">): number {
  return zonedInstant(addDays(handlingDeadlineDay(refusalAt, settings), 1), "00:00", settings.timezone).getTime();
}

/**
 * The state of a company at moment `at` from its events (those after `at` are ignored).
 * Single state precedence: closed > lost > cooling > refused (a window open) > won > handled > contacted > fresh.
 */
export function companyStateAt(events: readonly CompanyEvent[], at: number, settings: StateSettings): CompanyState {
  // Typed wide on purpose: the timers change it inside closures, which narrowing does not see.
  let status = "active" as "active" | "cooling" | "lost" | "closed";
  let coolingUntilDay: string | null = null;
  let coolingUntilAt = 0;
  let coolingSince: number | null = null;
  let firstContactAt: number | null = null;
  let wonAt: number | null = null;
  let closedAt: number | null = null;
  let lostAt: number | null = null;
  const refusals: RefusalOutcome[] = [];

  const nextPending = (): RefusalOutcome | undefined => {
    let next: RefusalOutcome | undefined;
    for (const refusal of refusals) {
      if (refusal.status === "pending" && (next === undefined || refusal.windowEndAt < next.windowEndAt)) next = refusal;
    }
    return next;
  };

  const runTimersThrough = (moment: number): void => {
    for (;;) {
      const refusal = nextPending();
      const expiry = status === "cooling" ? coolingUntilAt : Infinity;
      const windowEnd = refusal ? refusal.windowEndAt : Infinity;
      if (expiry <= moment && expiry <= windowEnd) {
        status = "active";
        coolingUntilDay = null;
        coolingSince = null;
      } else if (refusal && windowEnd <= moment) {
        refusal.status = "burned";
        refusal.settledAt = windowEnd;
        const until = cooldownUntil(refusal.at, settings);
        const untilAt = zonedInstant(until, "00:00", settings.timezone).getTime();
        if (status === "active" && untilAt > windowEnd) {
          status = "cooling";
          coolingUntilDay = until;
          coolingUntilAt = untilAt;
          coolingSince = windowEnd;
        } else if (status === "cooling" && untilAt > coolingUntilAt) {
          coolingUntilDay = until;
          coolingUntilAt = untilAt;
        }
      } else {
        return;
      }
    }
  };

  const handleOpenRefusals = (moment: number): void => {
    for (const refusal of refusals) {
      if (refusal.status === "pending") {
        refusal.status = "handled";
        refusal.settledAt = moment;
      }
    }
  };

  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.at <= at)
    .sort((a, b) => a.event.at - b.event.at || a.index - b.index);

  for (const { event } of ordered) {
    runTimersThrough(event.at);
    switch (event.kind) {
      case "touch":
        firstContactAt ??= event.at;
        break;
      case "refusal":
        firstContactAt ??= event.at;
        if (event.lostForGood) {
          refusals.push({ at: event.at, windowEndAt: event.at, lostForGood: true, status: "lost", settledAt: event.at });
          if (status !== "closed") {
            status = "lost";
            lostAt = event.at;
            coolingUntilDay = null;
            coolingSince = null;
          }
        } else {
          refusals.push({
            at: event.at,
            windowEndAt: event.windowEndAt ?? handlingWindowEnd(event.at, settings),
            lostForGood: false,
            status: "pending",
            settledAt: null,
          });
        }
        break;
      case "handled":
        handleOpenRefusals(event.at);
        break;
      case "deal":
        firstContactAt ??= event.at;
        wonAt ??= event.at;
        handleOpenRefusals(event.at);
        break;
      case "close":
        if (status !== "closed") {
          status = "closed";
          closedAt = event.at;
          coolingUntilDay = null;
          coolingSince = null;
          lostAt = null;
        }
        break;
      case "unfreeze":
        if (status === "cooling" || status === "lost") {
          status = "active";
          coolingUntilDay = null;
          coolingSince = null;
          lostAt = null;
        }
        break;
    }
  }
  runTimersThrough(at);

  let state: CompanyStateName;
  const latestRefusal = refusals[refusals.length - 1];
  if (status === "closed") state = "closed";
  else if (status === "lost") state = "lost";
  else if (status === "cooling") state = "cooling";
  else if (refusals.some((refusal) => refusal.status === "pending")) state = "refused";
  else if (wonAt !== null) state = "won";
  else if (latestRefusal?.status === "handled") state = "handled";
  else if (firstContactAt !== null) state = "contacted";
  else state = "fresh";

  return {
    state,
    cooldownUntil: status === "cooling" ? coolingUntilDay : null,
    coolingSince: status === "cooling" ? coolingSince : null,
    firstContactAt,
    wonAt,
    closedAt,
    lostAt: status === "lost" ? lostAt : null,
    refusals,
  };
}
