/** The invite or claim token of the `?start=` link in a message; throws when the message has none. */
export function tokenOf(text: string | undefined): string {
  const match = /start=([\w-]+)/.exec(text ?? "");
  if (!match) throw new Error(`no invite link in: ${text}`);
  return match[1]!;
}
