/** Rows a sync writes between two turns of the event loop: a member's update waits at most for this many. */
export const ROWS_PER_TURN = 10;

/** Lets other work (members' updates, the outbox) run before the sync writes more rows; a stopping bot ends it here. */
export async function nextTurn(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}
