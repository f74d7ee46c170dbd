/**
 * A small multipart/form-data parser for the fake Bot API.
 *
 * Why not `new Request(...).formData()`: grammY writes part headers as
 * `content-disposition:form-data;name="x";filename=report.csv` (no spaces, unquoted filename),
 * which the undici parser bundled with Node 20 rejects ("Failed to parse body as FormData").
 * Telegram accepts it, so the fake must too.
 */

/** One file part of a multipart body. */
export interface MultipartFilePart {
  /** Form field name (for grammY uploads: the random id referenced as `attach://<id>`). */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A parsed multipart body: plain fields as strings, file parts with their bytes. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: MultipartFilePart[];
}

/** Extracts the boundary from a `multipart/form-data; boundary=...` content type, or throws. */
export function multipartBoundary(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new Error("multipart/form-data without a boundary");
  return boundary;
}

function dispositionParam(disposition: string, name: string): string | undefined {
  const extended = new RegExp(`(?:^|;)\\s*${name}\\*\\s*=\\s*([^']*)'[^']*'([^;]*)`, "i").exec(disposition);
  if (extended?.[2] !== undefined) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      return extended[2].trim();
    }
  }
  const plain = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(disposition);
  if (!plain) return undefined;
  if (plain[1] !== undefined) return plain[1].replace(/\\(.)/g, "$1");
  return plain[2]?.trim();
}

/** Parses a multipart/form-data body; tolerant of header spacing and unquoted parameters. */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const delimiter = Buffer.from(`--${multipartBoundary(contentType)}`);
  const result: MultipartBody = { fields: {}, files: [] };
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error("multipart body without its boundary");
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--boundary--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw new Error("multipart part without a header end");
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const contentStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), contentStart);
    if (next < 0) throw new Error("multipart part is not terminated by the boundary");
    const content = body.subarray(contentStart, next);
    const disposition = headers.get("content-disposition") ?? "";
    const name = dispositionParam(disposition, "name");
    if (name !== undefined) {
      const filename = dispositionParam(disposition, "filename");
      if (filename !== undefined) {
        result.files.push({
          field: name,
          filename,
          contentType: headers.get("content-type") ?? "application/octet-stream",
          bytes: Buffer.from(content),
        });
      } else {
        result.fields[name] = content.toString("utf8");
      }
    }
    pos = next + 2; // skip the CRLF; the loop adds the delimiter length
  }
  return result;
}
