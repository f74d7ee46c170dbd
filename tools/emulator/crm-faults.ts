/** What the fake CRMs share: faults queued for the next requests, a down switch, and closing the server. */
import type { Server } from "node:http";

export type CrmFault = "500" | "drop";

export function createCrmFaults() {
  const queued: CrmFault[] = [];
  let down = false;
  return {
    /** The fault the next request meets; every request drops while the CRM is down (a queued fault is used up). */
    next(): CrmFault | undefined {
      const fault = queued.shift();
      return down ? "drop" : fault;
    },
    fail(count: number, how: CrmFault): void {
      for (let i = 0; i < count; i++) queued.push(how);
    },
    setDown(value: boolean): void {
      down = value;
    },
  };
}

/** Closes the fake's server with its open connections. */
export function closeFakeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
