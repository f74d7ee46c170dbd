/** Epoch milliseconds; tests pass a movable clock. */
export interface Clock {
  now(): number;
}
