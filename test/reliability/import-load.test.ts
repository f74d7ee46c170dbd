/**
 * A big /import does not hold the bot: the file is parsed in slices and written in batches, others are
 * answered meanwhile, the importer hears how it goes, a file over the row cap is refused before anything is
 * written, and a file of nothing but empty lines takes no memory.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { sendCsv } from "../bot/base-fixture.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const companies = (harness: Harness) => harness.db.prepare("SELECT COUNT(*) FROM companies").pluck().get() as number;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function baseCsv(rows: number): string {
  const lines = ["компания;сегмент;инн"];
  for (let i = 1; i <= rows; i++) lines.push(`ООО Компания ${i};Сегмент ${i % 7};`);
  return lines.join("\n");
}

describe("a big import", () => {
  it("120 000 rows: the importer hears how it goes, and another member is answered while it loads", { timeout: 240_000 }, async () => {
    h = await startHarness({ now: "2026-11-10T09:00:00Z" });
    const founder = await h.member("founder", { username: "boss", language_code: "en" });
    const manager = await h.member("manager", { username: "ivan_m", language_code: "en" });
    const heapBefore = process.memoryUsage().heapUsed;
    const loading = sendCsv(h, founder, baseCsv(120_000));
    // The manager writes while the file loads; the bot answers at once, not after the import.
    let help = await manager.send("/help");
    for (let tries = 0; tries < 200 && founder.messages().length === 0; tries++) {
      h.clock.advance(1000); // a person's pace: the flood limit is not what is tested here
      help = await manager.send("/help");
    }
    const answeredDuring = help[0]!.seq;
    const replies = await loading;
    const heapAfter = process.memoryUsage().heapUsed;
    const texts = founder.messages().map((sent) => sent.text ?? "");
    const summary = founder.messages().at(-1)!;
    expect(summary.text).toMatch(/120[\s,\u00a0\u202f]?000/);
    expect(answeredDuring).toBeLessThan(summary.seq);
    expect(texts.filter((text) => text.startsWith("The file has 120"))).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith("Loading the base:"))).toHaveLength(2);
    expect(companies(h)).toBe(120_000);
    console.log(
      `import load: 120 000 rows loaded in ${replies.length} replies to the importer (1 start, 2 progress, the result); another member answered before the result; heap ${mb(heapBefore)} → ${mb(heapAfter)}`,
    );
  });

  it("a file over the row cap is refused with the cap and writes nothing; the cap is a setting", { timeout: 120_000 }, async () => {
    h = await startHarness({ now: "2026-11-10T09:00:00Z" });
    const founder = await h.member("founder", { username: "boss", language_code: "en" });
    const [saved] = await founder.send("/settings import_rows 1000");
    expect(saved!.text).toMatch(/up to 1,?000 rows/);
    const [refused] = await sendCsv(h, founder, baseCsv(1001));
    expect(refused!.text).toMatch(/more than 1,?000 rows/);
    expect(refused!.text).toContain("/settings import_rows");
    expect(companies(h)).toBe(0);
    const [loaded] = await sendCsv(h, founder, baseCsv(1000));
    expect(loaded!.text).toMatch(/1,?000/);
    expect(companies(h)).toBe(1000);
    // The default cap: 200 000 rows.
    await founder.send("/settings import_rows 200000");
    const [over] = await sendCsv(h, founder, baseCsv(200_001));
    expect(over!.text).toMatch(/more than 200,?000 rows/);
    expect(companies(h)).toBe(1000);
    console.log("import load: 1 001 rows refused at a cap of 1 000 (0 written), 1 000 loaded; 200 001 refused at the default 200 000");
  });

  it("19 MB of empty ',' lines is an empty file: refused, and no memory kept for it", { timeout: 120_000 }, async () => {
    h = await startHarness({ now: "2026-11-10T09:00:00Z" });
    const founder = await h.member("founder", { username: "boss", language_code: "en" });
    const blank = ",\n".repeat(9_500_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const [reply] = await sendCsv(h, founder, blank);
    const heapAfter = process.memoryUsage().heapUsed;
    expect(reply!.text).toMatch(/empty/);
    expect(companies(h)).toBe(0);
    // Keeping a record per empty line took gigabytes; now they are dropped as they are parsed.
    expect(heapAfter - heapBefore).toBeLessThan(512 * 1024 * 1024);
    console.log(`import load: ${mb(blank.length)} of empty lines refused as empty; heap ${mb(heapBefore)} → ${mb(heapAfter)}`);
  });
});
