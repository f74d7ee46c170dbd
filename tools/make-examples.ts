/**
 * Writes examples/base.csv (Windows-1251, `;`, Russian headers, as Excel saves "CSV (разделители — точки с
 * запятой)") and examples/base.xlsx (a note sheet first, the base on the sheet «База», CRM-style headers).
 * Run once with `npx tsx tools/make-examples.ts`; the files are committed and the tests read them.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/shared/package-root.js";

const ROWS = [
  ["ООО «Ромашка»", "Опт", "7701234567", "Иван Петров", "+7 495 123-45-67", "info@romashka.ru"],
  ["АО Берёза", "Опт", "7702345678", "@anna_lead", "8 (812) 555-01-02", "sales@bereza.ru"],
  ["ИП Сидоров А. В.", "Розница", "500100732259", "Пётр Смирнов", "", ""],
  ["ООО Василёк", "Розница", "", "Мария Кузнецова", "+7 900 000-00-00", "почта не указана"],
  ["ООО Ландыш", "Сети", "", "", "", "zakaz@landysh.ru"],
  ["ООО Клевер", "Сети", "77012", "", "звонить после 12", ""],
];

/** Windows-1251 for the characters the sample uses (Node encodes only UTF-8). */
function cp1251(text: string): Buffer {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, "«": 0xab, "»": 0xbb, "№": 0xb9, "—": 0x97 };
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      const mapped = special[ch];
      if (mapped === undefined) throw new Error(`no Windows-1251 code for ${ch}`);
      return mapped;
    }),
  );
}

const csv = [["Компания", "Сегмент", "ИНН", "Ответственный", "Телефон", "Email"], ...ROWS].map((row) => row.join(";")).join("\r\n");
writeFileSync(join(PACKAGE_ROOT, "examples", "base.csv"), cp1251(`${csv}\r\n`));

const workbook = new ExcelJS.Workbook();
// A fixed date keeps the committed file the same on every run.
workbook.created = workbook.modified = new Date("2026-01-01T00:00:00Z");
const note = workbook.addWorksheet("Как заполнять");
note.addRow(["Компания и сегмент обязательны; ИНН, ответственный (@username или имя и фамилия), телефон и email — по желанию."]);
const base = workbook.addWorksheet("База");
base.addRow(["Название компании", "Отрасль", "ИНН", "Ответственный", "Рабочий телефон", "Рабочий email"]);
// INNs as numbers, as Excel keeps them when typed in.
for (const row of ROWS) base.addRow(row.map((cell, index) => (index === 2 && /^\d+$/.test(cell) ? Number(cell) : cell)));
base.columns.forEach((column) => (column.width = 24));
writeFileSync(join(PACKAGE_ROOT, "examples", "base.xlsx"), Buffer.from(await workbook.xlsx.writeBuffer()));
