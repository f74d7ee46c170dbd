/** The shared pager: pages cut the same way every time, clamped indexes, and a [‹] [n/m] [›] row within Telegram's limits. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isNotModified, pageIndex, pageOf, pagerRow, splitPages } from "../../src/shared/telegram/pager.js";
import { CALLBACK_DATA_MAX_BYTES, checkCallbackData } from "../../src/shared/telegram/keyboard.js";

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const dataOf = (row: ReturnType<typeof pagerRow>) => row.map((b) => ("callback_data" in b ? b.callback_data : ""));

describe("splitPages / pageOf", () => {
  it("cuts by count, keeps order, and gives an empty list one empty page", () => {
    expect(splitPages(numbers(7), { maxItems: 3 })).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(splitPages([], { maxItems: 3 })).toEqual([[]]);
    expect(pageOf(numbers(7), 2, { maxItems: 3 })).toEqual({ items: [7], index: 2, count: 3, offset: 6 });
  });

  it("also cuts by size, and an oversized item gets a page of its own", () => {
    const words = ["aaaa", "bb", "cccccccccc", "d", "e"];
    expect(splitPages(words, { maxItems: 10, maxSize: 6, size: (w) => w.length })).toEqual([["aaaa", "bb"], ["cccccccccc"], ["d", "e"]]);
  });

  it("clamps an index out of range (the list shrank since the buttons were made)", () => {
    expect(pageOf(numbers(5), 9, { maxItems: 2 })).toMatchObject({ items: [5], index: 2, count: 3, offset: 4 });
    expect(pageOf(numbers(5), -1, { maxItems: 2 })).toMatchObject({ items: [1, 2], index: 0 });
    expect(pageOf(numbers(5), 1.5, { maxItems: 2 })).toMatchObject({ index: 0 });
  });

  it("every item lands on exactly one page, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 80 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), (items, maxItems, maxSize) => {
        const limits = { maxItems, maxSize, size: (s: string) => s.length };
        const pages = splitPages(items, limits);
        expect(pages.flat()).toEqual(items);
        for (const page of pages) {
          expect(page.length).toBeLessThanOrEqual(maxItems);
          if (page.length > 1) expect(page.reduce((sum, s) => sum + s.length, 0)).toBeLessThanOrEqual(maxSize);
        }
        for (let i = 0; i < pages.length; i++) {
          const page = pageOf(items, i, limits);
          expect(items.slice(page.offset, page.offset + page.items.length)).toEqual(pages[i]);
        }
      }),
    );
  });
});

describe("pagerRow", () => {
  it("has no buttons for a single page", () => {
    expect(pagerRow({ index: 0, count: 1 }, (i) => `x:${i}`)).toEqual([]);
  });

  it("shows [‹] [n/m] [›], wrapping around, the middle one showing the same page again", () => {
    const first = pagerRow({ index: 0, count: 3 }, (i) => `list:p:${i}`);
    expect(first.map((b) => b.text)).toEqual(["‹", "1/3", "›"]);
    expect(dataOf(first)).toEqual(["list:p:2", "list:p:0", "list:p:1"]);
    expect(dataOf(pagerRow({ index: 2, count: 3 }, (i) => `list:p:${i}`))).toEqual(["list:p:1", "list:p:2", "list:p:0"]);
  });

  it("refuses callback data Telegram would refuse (over 64 bytes of UTF-8)", () => {
    expect(checkCallbackData("a".repeat(CALLBACK_DATA_MAX_BYTES))).toHaveLength(64);
    expect(() => checkCallbackData("я".repeat(33))).toThrow(/66 bytes/);
    expect(() => pagerRow({ index: 0, count: 2 }, (i) => `${"x".repeat(64)}${i}`)).toThrow(/callback data/);
  });

  it("reads page indexes from data defensively, and knows Telegram's 'not modified' answer", () => {
    expect(pageIndex("3")).toBe(3);
    expect(pageIndex(undefined)).toBe(0);
    expect(pageIndex("99999")).toBe(0);
    expect(isNotModified(new Error("Call to 'editMessageText' failed! (400: Bad Request: message is not modified: specified new message content…)"))).toBe(true);
    expect(isNotModified(new Error("Bad Request: message to edit not found"))).toBe(false);
  });
});
