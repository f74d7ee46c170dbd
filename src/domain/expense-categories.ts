/**
 * Cost categories for budget lines and expenses (at least salaries, bonuses, marketing, tools, other).
 * Stored by their English key; users may type the key or a Russian word.
 */

export const EXPENSE_CATEGORIES = ["salaries", "bonuses", "marketing", "tools", "other"] as const;

export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

const ALIASES: Record<string, ExpenseCategory> = {
  salaries: "salaries", salary: "salaries", payroll: "salaries",
  зарплаты: "salaries", зарплата: "salaries", зп: "salaries", оклады: "salaries", оклад: "salaries", фот: "salaries",
  bonuses: "bonuses", bonus: "bonuses",
  бонусы: "bonuses", бонус: "bonuses", премии: "bonuses", премия: "bonuses",
  marketing: "marketing", ads: "marketing",
  маркетинг: "marketing", реклама: "marketing",
  tools: "tools", tool: "tools", software: "tools",
  инструменты: "tools", сервисы: "tools", софт: "tools",
  other: "other",
  прочее: "other", другое: "other", разное: "other", прочие: "other",
};

/** The category a typed word names (case-insensitive, English key or Russian word), or null. */
export function parseExpenseCategory(text: string): ExpenseCategory | null {
  return ALIASES[text.trim().toLowerCase().replace(/ё/g, "е")] ?? null;
}

/** True for a stored category key. */
export function isExpenseCategory(value: string): value is ExpenseCategory {
  return (EXPENSE_CATEGORIES as readonly string[]).includes(value);
}
