/** How a correctable record reads in chat: on /undo, in the lists, on the buttons and in the author's notice. */
import type { CorrectableRecord } from "../../services/corrections/index.js";
import { formatDay, formatMoney } from "../../shared/format.js";
import { categoryName } from "../../reports/plan-report.js";
import type { Locale, Translate } from "../../shared/i18n.js";
import { formatMoment, reasonLabel } from "./base-card.js";

export type RecordFormat = { t: Translate; locale: Locale; currency: string; timezone: string };

/** What the record is: "сделка «Гранит» — 150 000 ₽". */
export function recordWhat(record: CorrectableRecord, format: RecordFormat): string {
  const { t } = format;
  const amount = record.amountKopecks === null ? "" : formatMoney(record.amountKopecks, format.locale, format.currency);
  const company = record.companyName ?? "—";
  switch (record.kind) {
    case "expense":
      return t("corr-kind-expense", { amount, category: categoryName(t, record.category ?? "") });
    case "deal":
      return t("corr-kind-deal", { company, amount });
    case "add":
      return t("corr-kind-add", { company, segment: record.segmentName ?? "—" });
    case "refusal":
      return t("corr-kind-refusal", { company, reason: reasonLabel(t, record.reason ?? "other") });
    default:
      return t(`corr-kind-${record.kind}`, { company });
  }
}

/** The record with its moment: "сделка «Гранит» — 150 000 ₽, 06.12.2026 13:00" (an expense with its day). */
export function recordText(record: CorrectableRecord, format: RecordFormat): string {
  const when = record.kind === "expense" ? formatDay(record.localDay) : formatMoment(record.at, format.timezone);
  return format.t("corr-record", { what: recordWhat(record, format), when });
}

/** A short button label: the day and what it is. */
export function recordLabel(record: CorrectableRecord, format: RecordFormat, max = 56): string {
  const text = `${formatDay(record.localDay).slice(0, 5)} ${recordWhat(record, format)}`;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
