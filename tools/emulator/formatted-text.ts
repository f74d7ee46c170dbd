/**
 * What Telegram does with `parse_mode`: turns marked-up text into plain text plus entities, and
 * refuses malformed markup with "Bad Request: can't parse entities: ...". The fake uses it so a
 * bot that forgets to escape a user name in HTML or MarkdownV2 fails in tests as it would in
 * production. Offsets are UTF-16 code units, like Telegram's.
 */
import type { MessageEntity } from "grammy/types";

/** Plain text and entities as Telegram would store them. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Thrown for markup Telegram would refuse; `description` is the Bot API error text. */
export class EntityParseError extends Error {
  readonly description: string;
  constructor(detail: string, description = `Bad Request: can't parse entities: ${detail}`) {
    super(description);
    this.description = description;
  }
}

const byteOffset = (raw: string, index: number): number => Buffer.byteLength(raw.slice(0, index), "utf8");

const HTML_NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** An entity before its offset and length are known. */
type EntityShape = { type: MessageEntity["type"]; url?: string; language?: string; custom_emoji_id?: string };

interface OpenTag {
  tag: string;
  offset: number;
  entity: EntityShape | undefined;
}

function htmlAttribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? undefined : decodeHtmlEntities(value);
}

function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return HTML_NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function htmlEntityFor(tag: string, attributes: string): EntityShape | undefined | null {
  switch (tag) {
    case "b":
    case "strong":
      return { type: "bold" };
    case "i":
    case "em":
      return { type: "italic" };
    case "u":
    case "ins":
      return { type: "underline" };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough" };
    case "tg-spoiler":
      return { type: "spoiler" };
    case "span":
      return htmlAttribute(attributes, "class") === "tg-spoiler" ? { type: "spoiler" } : null;
    case "code":
      return { type: "code" };
    case "pre":
      return { type: "pre" };
    case "blockquote":
      return /(?:^|\s)expandable\b/i.test(attributes) ? { type: "expandable_blockquote" } : { type: "blockquote" };
    case "a": {
      const href = htmlAttribute(attributes, "href");
      return href ? { type: "text_link", url: href } : undefined;
    }
    case "tg-emoji": {
      const id = htmlAttribute(attributes, "emoji-id");
      return id ? { type: "custom_emoji", custom_emoji_id: id } : null;
    }
    default:
      return null;
  }
}

function parseHtml(raw: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === "&") {
      const match = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(raw.slice(i, i + 12));
      // a bare "&" or an unknown named entity stays literal text
      const decoded = match ? decodeHtmlEntities(match[0]) : "&";
      text += decoded;
      i += match ? match[0].length : 1;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i += 1;
      continue;
    }
    const close = raw.indexOf(">", i);
    if (close < 0) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(raw, i)}`);
    const inner = raw.slice(i + 1, close);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(raw, i)}`);
      if (open.tag !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${byteOffset(raw, i)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      if (open.entity && text.length > open.offset) {
        entities.push({ ...open.entity, offset: open.offset, length: text.length - open.offset } as MessageEntity);
      }
    } else {
      const nameMatch = /^([a-z][a-z0-9-]*)/i.exec(inner);
      const name = nameMatch?.[1]?.toLowerCase() ?? "";
      const entity = name ? htmlEntityFor(name, inner.slice(name.length)) : null;
      if (entity === null) {
        throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(raw, i)}`);
      }
      const parent = stack[stack.length - 1];
      if (name === "code" && parent?.tag === "pre" && parent.entity?.type === "pre") {
        // <pre><code class="language-x"> is one pre entity with a language
        const language = /language-([\w+#-]+)/.exec(htmlAttribute(inner, "class") ?? "")?.[1];
        if (language) parent.entity = { type: "pre", language };
        stack.push({ tag: name, offset: text.length, entity: undefined });
      } else {
        stack.push({ tag: name, offset: text.length, entity });
      }
    }
    i = close + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities: sortEntities(entities) };
}

const MARKDOWN_V2_RESERVED = new Set("_*[]()~`>#+-=|{}.!".split(""));
const MARKDOWN_V2_NAMES: Record<string, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  text_link: "TextUrl",
};

function parseMarkdownV2(raw: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: { type: MessageEntity["type"]; offset: number; at: number }[] = [];
  let link: { offset: number; at: number } | undefined;
  const toggle = (type: MessageEntity["type"], at: number) => {
    const index = open.findIndex((e) => e.type === type);
    if (index < 0) {
      open.push({ type, offset: text.length, at });
      return;
    }
    const [started] = open.splice(index, 1);
    if (started && text.length > started.offset) {
      entities.push({ type, offset: started.offset, length: text.length - started.offset } as MessageEntity);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === "\\") {
      const next = raw[i + 1];
      if (next === undefined) throw new EntityParseError(`Can't find escaped character at byte offset ${byteOffset(raw, i)}`);
      text += next;
      i += 2;
      continue;
    }
    if (ch === "`") {
      const fence = raw.startsWith("```", i) ? "```" : "`";
      const start = i;
      i += fence.length;
      let language: string | undefined;
      if (fence === "```") {
        const lineEnd = raw.indexOf("\n", i);
        const firstLine = lineEnd < 0 ? "" : raw.slice(i, lineEnd);
        if (lineEnd >= 0 && /^[\w+#-]+$/.test(firstLine)) {
          language = firstLine;
          i = lineEnd + 1;
        }
      }
      const offset = text.length;
      let closed = false;
      while (i < raw.length) {
        if (raw[i] === "\\" && i + 1 < raw.length) {
          text += raw[i + 1];
          i += 2;
        } else if (raw.startsWith(fence, i)) {
          i += fence.length;
          closed = true;
          break;
        } else {
          text += raw[i];
          i += 1;
        }
      }
      if (!closed) {
        throw new EntityParseError(`Can't find end of ${fence === "`" ? "Code" : "Pre"} entity at byte offset ${byteOffset(raw, start)}`);
      }
      if (text.length > offset) {
        entities.push(
          fence === "`"
            ? { type: "code", offset, length: text.length - offset }
            : language
              ? { type: "pre", offset, length: text.length - offset, language }
              : { type: "pre", offset, length: text.length - offset },
        );
      }
      continue;
    }
    if (ch === "*") {
      toggle("bold", i);
      i += 1;
      continue;
    }
    if (ch === "_") {
      if (raw[i + 1] === "_") {
        toggle("underline", i);
        i += 2;
      } else {
        toggle("italic", i);
        i += 1;
      }
      continue;
    }
    if (ch === "~") {
      toggle("strikethrough", i);
      i += 1;
      continue;
    }
    if (ch === "|" && raw[i + 1] === "|") {
      toggle("spoiler", i);
      i += 2;
      continue;
    }
    if (ch === "[" && !link) {
      link = { offset: text.length, at: i };
      i += 1;
      continue;
    }
    if (ch === "]" && link && raw[i + 1] === "(") {
      let j = i + 2;
      let url = "";
      while (j < raw.length && raw[j] !== ")") {
        if (raw[j] === "\\" && j + 1 < raw.length) j += 1;
        url += raw[j];
        j += 1;
      }
      if (j >= raw.length) throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(raw, i + 1)}`);
      if (text.length > link.offset) {
        entities.push({ type: "text_link", offset: link.offset, length: text.length - link.offset, url });
      }
      link = undefined;
      i = j + 1;
      continue;
    }
    if (ch === ">" && (i === 0 || raw[i - 1] === "\n")) {
      i += 1; // block quotation marker; the fake keeps no entity for it
      continue;
    }
    if (MARKDOWN_V2_RESERVED.has(ch)) {
      throw new EntityParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += ch;
    i += 1;
  }
  if (link) throw new EntityParseError(`Can't find end of TextUrl entity at byte offset ${byteOffset(raw, link.at)}`);
  const unclosed = open[0];
  if (unclosed) {
    throw new EntityParseError(
      `Can't find end of ${MARKDOWN_V2_NAMES[unclosed.type] ?? unclosed.type} entity at byte offset ${byteOffset(raw, unclosed.at)}`,
    );
  }
  return { text, entities: sortEntities(entities) };
}

function parseLegacyMarkdown(raw: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  const markers: Record<string, MessageEntity["type"]> = { "*": "bold", _: "italic", "`": "code" };
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === "\\" && i + 1 < raw.length && "_*`[".includes(raw[i + 1]!)) {
      text += raw[i + 1];
      i += 2;
      continue;
    }
    const fence = raw.startsWith("```", i) ? "```" : markers[ch] ? ch : ch === "[" ? "[" : undefined;
    if (!fence) {
      text += ch;
      i += 1;
      continue;
    }
    const endMarker = fence === "[" ? "]" : fence;
    const end = raw.indexOf(endMarker, i + fence.length);
    if (end < 0) {
      throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(raw, i)}`);
    }
    const inner = raw.slice(i + fence.length, end);
    const offset = text.length;
    text += inner;
    i = end + endMarker.length;
    if (fence === "[") {
      const url = /^\(([^)]*)\)/.exec(raw.slice(i));
      if (url?.[1] !== undefined) {
        i += url[0].length;
        if (inner) entities.push({ type: "text_link", offset, length: inner.length, url: url[1] });
      }
    } else if (inner) {
      const type = fence === "```" ? "pre" : markers[fence]!;
      entities.push({ type, offset, length: inner.length } as MessageEntity);
    }
  }
  return { text, entities: sortEntities(entities) };
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Applies `parse_mode` like Telegram: returns plain text and entities, or throws
 * EntityParseError for markup Telegram refuses. Unknown parse modes are refused too.
 */
export function parseFormattedText(raw: string, parseMode: string | undefined): FormattedText {
  if (parseMode === undefined || parseMode === "") return { text: raw, entities: [] };
  switch (parseMode.toLowerCase()) {
    case "html":
      return parseHtml(raw);
    case "markdownv2":
      return parseMarkdownV2(raw);
    case "markdown":
      return parseLegacyMarkdown(raw);
    default:
      throw new EntityParseError(`unsupported parse_mode "${parseMode}"`, "Bad Request: unsupported parse_mode");
  }
}
