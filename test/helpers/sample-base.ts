/** What examples/base.csv and examples/base.xlsx load: the same six companies, owners matched by username or name. */
import { join } from "node:path";
import type { Db } from "../../src/db/open.js";
import { PACKAGE_ROOT } from "../../src/shared/package-root.js";

export const SAMPLE_CSV = join(PACKAGE_ROOT, "examples", "base.csv");
export const SAMPLE_XLSX = join(PACKAGE_ROOT, "examples", "base.xlsx");

/** The team members the samples name: Иван Петров by name, @anna_lead, Пётр Смирнов (no username) by name. */
export const SAMPLE_MEMBERS = [
  { username: "ivan_m", first_name: "Иван", last_name: "Петров" },
  { username: "anna_lead", first_name: "Анна", last_name: "" },
  { username: null, first_name: "Пётр", last_name: "Смирнов" },
] as const;

/**
 * Every company of the samples; «Мария Кузнецова» is no member, so ООО Василёк has no owner. A name's own quotes
 * are tidied to „…“ as every stored name is.
 */
export const SAMPLE_COMPANIES = [
  { name: "ООО „Ромашка“", segment: "Опт", inn: "7701234567", owner: "Иван", phone: "+7 495 123-45-67", email: "info@romashka.ru" },
  { name: "АО Берёза", segment: "Опт", inn: "7702345678", owner: "Анна", phone: "8 (812) 555-01-02", email: "sales@bereza.ru" },
  { name: "ИП Сидоров А. В.", segment: "Розница", inn: "500100732259", owner: "Пётр", phone: null, email: null },
  { name: "ООО Василёк", segment: "Розница", inn: null, owner: null, phone: "+7 900 000-00-00", email: null },
  { name: "ООО Ландыш", segment: "Сети", inn: null, owner: null, phone: null, email: "zakaz@landysh.ru" },
  { name: "ООО Клевер", segment: "Сети", inn: null, owner: null, phone: null, email: null },
];

/** The warnings both samples give, by line (the sheet's row numbers match the CSV's lines). */
export const SAMPLE_WARNINGS = [
  "строка 5: ответственный «Мария Кузнецова» — нет такого участника команды ни по @username, ни по имени; компания без ответственного",
  "строка 5: email «почта не указана» — не похоже на адрес почты",
  "строка 7: ИНН «77012» — ИНН должен быть из 10 или 12 цифр",
  "строка 7: телефон «звонить после 12» — не похоже на номер телефона",
];

/** The companies in the database, in the shape of SAMPLE_COMPANIES (owner: the member's first name). */
export function loadedCompanies(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT c.name, s.name AS segment, c.inn, m.first_name AS owner, c.phone, c.email
         FROM companies c JOIN segments s ON s.id = c.segment_id LEFT JOIN members m ON m.id = c.owner_member_id ORDER BY c.id`,
    )
    .all();
}
