/** Calls to the Mini App's HTTP server of a running app, as the page makes them. */
import type { AddressInfo } from "node:net";
import type { App } from "../../src/app.js";
import { launchHeader, signInitData, type LaunchUserSpec } from "./init-data.js";

export interface WebAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** GET `path` from the app's Mini App server with the given headers. */
export async function webGet(app: App, path: string, headers: Record<string, string> = {}): Promise<WebAnswer> {
  const { port } = app.webServer!.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A function that GETs API paths as `user`, with launch data signed now (per the app's clock). */
export function apiAs(app: App, botToken: string, now: () => number, user: LaunchUserSpec) {
  return (path: string) => webGet(app, path, launchHeader(signInitData({ botToken, user, authDate: new Date(now()) })));
}
