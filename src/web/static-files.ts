/** The Mini App's built page (dist/webapp/) served under /app/ with a strict Content-Security-Policy. */
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { ServerResponse } from "node:http";

/** Only this server's own scripts, styles and API; only Telegram may frame the page. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors https://web.telegram.org https://*.telegram.org",
].join("; ");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/**
 * Serves `/app/<file>` from `directory` (`/app/` is index.html). The page holds no figures (they come from the
 * API after the launch data is checked), yet it is revalidated on each open so a new build shows at once.
 */
export async function serveStatic(directory: string, pathname: string, res: ServerResponse): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.replace(/^\/app\/?/, "")) || "index.html";
  } catch {
    relative = "";
  }
  const file = normalize(join(directory, relative));
  const type = CONTENT_TYPES[extname(file)];
  if (!file.startsWith(directory + sep) || type === undefined) {
    res.writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    return;
  }
  const body = await readFile(file).catch(() => null);
  if (body === null) {
    res.writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": type, "Cache-Control": "no-cache" }).end(body);
}
