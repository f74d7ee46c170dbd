/**
 * Callback data, one definition per button kind: `prefix:field:field…`, packed and unpacked by the same
 * definition, so what a button carries and what its handler reads cannot drift apart. Packing checks
 * Telegram's 64-byte limit; unpacking refuses anything that is not exactly this kind.
 */
import { checkCallbackData } from "./keyboard.js";

/** One part of the data: how it is written, and the pattern it must match to be read back. */
export interface Field<T> {
  pattern: string;
  read(text: string): T;
  write(value: T): string;
  /** Left out (with its colon) when the value is undefined. */
  optional?: boolean;
}

export interface CallbackData<T> {
  pack(value: T): string;
  /** The value, or undefined when `data` is not this kind of button. */
  unpack(data: string): T | undefined;
}

type ValueOf<T> = T extends Field<infer V> ? V : never;
/** The fields' values by name; an optional field's may be left out. */
type Values<F> = { [K in keyof F as undefined extends ValueOf<F[K]> ? never : K]: ValueOf<F[K]> } & {
  [K in keyof F as undefined extends ValueOf<F[K]> ? K : never]?: ValueOf<F[K]>;
};

/** A button kind whose data is `prefix` then the fields in the order given. */
export function callbackData<F extends Record<string, Field<unknown>>>(prefix: string, fields: F = {} as F): CallbackData<Values<F>> {
  const names = Object.keys(fields);
  const parts = names.map((name) => (fields[name]!.optional ? `(?::(${fields[name]!.pattern}))?` : `:(${fields[name]!.pattern})`));
  const exact = new RegExp(`^${escape(prefix)}${parts.join("")}$`);
  return {
    pack(value) {
      let data = prefix;
      for (const name of names) {
        const part = (value as Record<string, unknown>)[name];
        if (part === undefined && fields[name]!.optional) continue;
        data += `:${(fields[name] as Field<unknown>).write(part)}`;
      }
      return checkCallbackData(data);
    },
    unpack(data) {
      const match = exact.exec(data);
      if (!match) return undefined;
      const value: Record<string, unknown> = {};
      names.forEach((name, index) => {
        const text = match[index + 1];
        value[name] = text === undefined ? undefined : (fields[name] as Field<unknown>).read(text);
      });
      return value as Values<F>;
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A database id. */
export const id: Field<number> = { pattern: "\\d{1,12}", read: Number, write: String };

/** A page of a list; an absurd one reads as the first (the pager clamps it anyway). */
export const page: Field<number> = { pattern: "\\d{1,4}", read: Number, write: String };

/** One digit, 0-9. */
export const digit: Field<number> = { pattern: "\\d", read: Number, write: String };

/** One of a few fixed words. */
export function oneOf<const K extends string>(values: readonly K[]): Field<K> {
  return { pattern: values.map(escape).join("|"), read: (text) => text as K, write: (value) => value };
}

/** Free text matching `pattern` (which must not match more than the field should hold). */
export function text(pattern: string): Field<string> {
  return { pattern, read: (value) => value, write: (value) => value };
}

/** The same field, left out when undefined. */
export function optional<T>(field: Field<T>): Field<T | undefined> {
  return { ...(field as Field<T | undefined>), optional: true };
}
