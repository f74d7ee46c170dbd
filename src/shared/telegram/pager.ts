/**
 * Pages for long lists under one message: the list is cut into pages the same way every time it is
 * asked for, and a row of [‹] [n/m] [›] buttons moves between them by editing the message.
 * Features encode which page (and whatever else they need) into their own callback data.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { button } from "./keyboard.js";

/** How a list is cut: at most `maxItems` per page and, when `size` is given, at most `maxSize` of it. */
export interface PageLimits<T> {
  maxItems: number;
  maxSize?: number;
  /** The size of one item (e.g. the characters its line takes); an item larger than maxSize gets a page of its own. */
  size?: (item: T) => number;
}

/** One page of a list; `index` counts from 0, `count` is at least 1 (an empty list has one empty page). */
export interface Page<T> {
  items: T[];
  index: number;
  count: number;
  /** Position of the page's first item in the whole list. */
  offset: number;
}

/** Cuts `items` into pages, keeping their order; always at least one page. */
export function splitPages<T>(items: readonly T[], limits: PageLimits<T>): T[][] {
  const maxItems = Math.max(1, Math.floor(limits.maxItems));
  const pages: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = limits.size?.(item) ?? 0;
    const full = current.length >= maxItems || (limits.maxSize !== undefined && current.length > 0 && used + size > limits.maxSize);
    if (full) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  pages.push(current);
  return pages;
}

/** Page `index` of `items` (clamped into range, so a page asked for after the list shrank still shows something). */
export function pageOf<T>(items: readonly T[], index: number, limits: PageLimits<T>): Page<T> {
  const pages = splitPages(items, limits);
  const clamped = Number.isInteger(index) ? Math.min(Math.max(index, 0), pages.length - 1) : 0;
  let offset = 0;
  for (let i = 0; i < clamped; i++) offset += pages[i]!.length;
  return { items: pages[clamped]!, index: clamped, count: pages.length, offset };
}

/**
 * The [‹] [n/m] [›] row for a page, or no buttons when there is one page. The arrows wrap around; the
 * middle button shows the page again (a refresh), so it needs no handler of its own.
 */
export function pagerRow(page: Pick<Page<unknown>, "index" | "count">, dataFor: (index: number) => string): InlineKeyboardButton[] {
  if (page.count <= 1) return [];
  const previous = (page.index - 1 + page.count) % page.count;
  const next = (page.index + 1) % page.count;
  return [
    button("‹", dataFor(previous)),
    button(`${page.index + 1}/${page.count}`, dataFor(page.index)),
    button("›", dataFor(next)),
  ];
}

/** Reads a page index out of callback data; anything odd reads as the first page. */
export function pageIndex(text: string | undefined): number {
  const n = Number(text ?? "0");
  return Number.isInteger(n) && n >= 0 && n < 10_000 ? n : 0;
}

/**
 * True when editing failed only because the message already shows exactly this (a refresh press, a repeated
 * choice): Telegram answers 400 "message is not modified", which is not worth an error.
 */
export function isNotModified(error: unknown): boolean {
  return error instanceof Error && /message is not modified/i.test(error.message);
}
