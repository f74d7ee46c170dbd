/** The Mini App's HTTP side: the page under /app/ and its JSON API under /api/. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApi } from "./api.js";
import type { WebDeps } from "./api-types.js";
import { serveStatic } from "./static-files.js";

export type { WebDeps } from "./api-types.js";

export interface WebHandler {
  /** True for the paths this handler answers (the webhook server hands those over). */
  owns(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** Node accepts request lines that URL cannot parse (`GET //[/app`); such a request is nobody's, never a crash. */
function urlOf(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? "/", "http://localhost");
  } catch {
    return null;
  }
}

export function createWebHandler(deps: WebDeps): WebHandler {
  return {
    owns: (req) => /^\/(app|api)(\/|$)/.test(urlOf(req)?.pathname ?? ""),
    handle(req, res) {
      const url = urlOf(req);
      // The API reads no body: whatever a client sends is drained so the connection stays usable.
      req.resume();
      if (url === null) {
        res.writeHead(400).end();
        return;
      }
      if (url.pathname.startsWith("/api/") || url.pathname === "/api") {
        try {
          return handleApi(deps, req, url, res);
        } catch (error) {
          deps.logger.error({ err: error, path: url.pathname }, "mini app request failed");
          if (!res.headersSent) res.writeHead(500, { "Cache-Control": "no-store" }).end();
          return;
        }
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405).end();
        return;
      }
      if (url.pathname === "/app") {
        res.writeHead(301, { Location: "/app/" }).end();
        return;
      }
      serveStatic(deps.assetsDir, url.pathname, res).catch((error: unknown) => {
        deps.logger.error({ err: error }, "mini app page failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    },
  };
}
