/**
 * Russia: the non-working public holidays of the Labour Code (art. 112) and the years whose transfer decree is
 * shipped. A new year is one more file beside these, added to PUBLISHED_YEARS once its decree is signed.
 */
import type { PublishedYear } from "../types.js";
import { ru2024 } from "./2024.js";
import { ru2025 } from "./2025.js";
import { ru2026 } from "./2026.js";

/** 'MM-DD' of the non-working public holidays, art. 112 part 1. */
export const RU_HOLIDAYS = [
  "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08",
  "02-23", "03-08", "05-01", "05-09", "06-12", "11-04",
] as const;

/** Holidays whose coinciding weekend rest is moved by the yearly decree, not to the next working day. */
export const RU_JANUARY_HOLIDAYS_PREFIX = "01-";

export const RU_PUBLISHED_YEARS: ReadonlyMap<number, PublishedYear> = new Map(
  [ru2024, ru2025, ru2026].map((year) => [year.year, year]),
);
