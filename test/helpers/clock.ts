import type { Clock } from "../../src/shared/clock.js";

export interface TestClock extends Clock {
  set(instant: string | number | Date): void;
  advance(ms: number): void;
  /** Minutes/hours helpers keep tests readable. */
  advanceMinutes(minutes: number): void;
  advanceHours(hours: number): void;
}

/** A clock that moves only when the test moves it. */
export function createTestClock(start: string | number | Date = "2026-11-02T07:00:00Z"): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => current,
    set(instant) {
      current = new Date(instant).getTime();
    },
    advance(ms) {
      current += ms;
    },
    advanceMinutes(minutes) {
      current += minutes * 60_000;
    },
    advanceHours(hours) {
      current += hours * 3_600_000;
    },
  };
}
