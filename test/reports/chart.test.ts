import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { renderChartPng } from "../../src/reports/chart.js";
import {
  burnChartSpec,
  planChartSpec,
  type BurnChartInput,
  type BurnChartLabels,
  type PlanChartDay,
  type PlanChartLabels,
} from "../../src/reports/chart-specs.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always directly follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function expectReadablePng(png: Buffer): { width: number; height: number } {
  const size = pngSize(png);
  expect(size.width).toBeGreaterThanOrEqual(600);
  expect(size.width).toBeLessThanOrEqual(2000);
  expect(size.height).toBeGreaterThanOrEqual(300);
  expect(size.height).toBeLessThanOrEqual(2400);
  expect(png.length).toBeGreaterThan(5 * 1024);
  expect(png.length).toBeLessThan(2 * 1024 * 1024);
  return size;
}

const planLabelsRu: PlanChartLabels = {
  fact: "Факт",
  plan: "План",
  forecast: "Прогноз",
  date: "День",
  revenue: "Выручка, ₽",
  noData: "Сделок пока нет",
};

const burnLabelsRu: BurnChartLabels = {
  weeks: "Выжигание по неделям",
  segments: "Выжжено по сегментам",
  week: "Неделя с",
  burnRate: "Доля выжженных",
  burnedShare: "Выжжено от сегмента",
  threshold: "порог",
  paused: "пауза",
  noData: "Нет данных",
};

/** March 2025 working days; 12 of 21 elapsed, revenue in uneven deals, plan spread evenly. */
function marchDays(): PlanChartDay[] {
  const workingDays: string[] = [];
  for (let day = 1; day <= 31; day++) {
    const date = new Date(Date.UTC(2025, 2, day));
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) workingDays.push(date.toISOString().slice(0, 10));
  }
  const deals = [0, 150_000, 0, 320_000, 90_000, 0, 410_000];
  const elapsed = 12;
  let fact = 0;
  return workingDays.map((date, i) => {
    if (i < elapsed) fact += deals[i % deals.length] ?? 0;
    return {
      date,
      fact: i < elapsed ? fact : null,
      plan: Math.round((4_500_000 * (i + 1)) / workingDays.length),
      forecast: i >= elapsed - 1 ? Math.round((fact / elapsed) * (i + 1)) : null,
    };
  });
}

function burnInput(overrides: Partial<BurnChartInput> = {}): BurnChartInput {
  return {
    weeks: [
      { week: "2025-02-03", burnRate: 0.12 },
      { week: "2025-02-10", burnRate: 0.18 },
      { week: "2025-02-17", burnRate: 0.22 },
      { week: "2025-02-24", burnRate: 0.35 },
      { week: "2025-03-03", burnRate: 0.28 },
      { week: "2025-03-10", burnRate: 0.41 },
    ],
    segments: [
      { name: "Автосервисы СПб", burnedShare: 0.18, paused: false },
      { name: "Стоматологии Москва", burnedShare: 0.42, paused: true },
      { name: "Логистические компании Урала и Сибири (выгрузка 2024)", burnedShare: 0.31, paused: true },
      { name: "IT-интеграторы", burnedShare: 0.07, paused: false },
    ],
    threshold: 0.3,
    title: "Выжигание базы · март 2025",
    subtitle: "Выжжено 34 из 118 контактов (29%)",
    labels: burnLabelsRu,
    ...overrides,
  };
}

function manyWeeksAndSegments(): Pick<BurnChartInput, "weeks" | "segments"> {
  const weeks = Array.from({ length: 26 }, (_, i) => ({
    week: new Date(Date.UTC(2024, 9, 7 + 7 * i)).toISOString().slice(0, 10),
    burnRate: ((i * 7) % 11) / 20,
  }));
  const segments = Array.from({ length: 40 }, (_, i) => ({
    name: `Сегмент №${i + 1}`,
    burnedShare: ((i * 13) % 17) / 17,
    paused: (i * 13) % 17 >= 10,
  }));
  return { weeks, segments };
}

function planInput(days: PlanChartDay[] = marchDays()) {
  return { days, title: "План на март 2025", subtitle: "Факт 1 530 000 ₽ из 4 500 000 ₽", labels: planLabelsRu };
}

describe("renderChartPng with the /plan spec", () => {
  it("renders a phone-sized PNG with Cyrillic labels", async () => {
    const size = expectReadablePng(await renderChartPng(planChartSpec(planInput())));
    expect(size.width).toBeGreaterThan(size.height);
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const spec = planChartSpec(planInput());
    const first = await renderChartPng(spec);
    const second = await renderChartPng(planChartSpec(planInput()));
    expect(second.equals(first)).toBe(true);
  });

  it("does not depend on the machine's time zone", async () => {
    const savedTz = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      const west = await renderChartPng(planChartSpec(planInput()));
      process.env.TZ = "Asia/Vladivostok";
      const east = await renderChartPng(planChartSpec(planInput()));
      expect(east.equals(west)).toBe(true);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it("still renders a chart for a period with no days at all", async () => {
    const png = await renderChartPng(planChartSpec(planInput([])));
    const size = pngSize(png);
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(png.length).toBeGreaterThan(5 * 1024);
  });

  it("still renders a chart when no deal has been won yet", async () => {
    const noDeals = marchDays().map((day) => ({ ...day, fact: day.fact === null ? null : 0, forecast: 0 }));
    expectReadablePng(await renderChartPng(planChartSpec(planInput(noDeals))));
  });

  it("honours width and scale", async () => {
    const spec = planChartSpec(planInput());
    const normal = pngSize(await renderChartPng(spec));
    const wider = pngSize(await renderChartPng(spec, { width: 640 }));
    const single = pngSize(await renderChartPng(spec, { scale: 1 }));
    expect(wider.width - normal.width).toBeCloseTo((640 - 440) * 2, -1);
    expect(single.width).toBeCloseTo(normal.width / 2, 0);
  });
});

describe("renderChartPng with the /burn spec", () => {
  it("renders a phone-sized PNG with Cyrillic labels", async () => {
    expectReadablePng(await renderChartPng(burnChartSpec(burnInput())));
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const first = await renderChartPng(burnChartSpec(burnInput()));
    const second = await renderChartPng(burnChartSpec(burnInput()));
    expect(second.equals(first)).toBe(true);
  });

  it.each([
    ["no weeks", { weeks: [] }],
    ["no segments", { segments: [] }],
    ["nothing at all", { weeks: [], segments: [] }],
  ])("still renders a chart with %s", async (_case, overrides: Partial<BurnChartInput>) => {
    expectReadablePng(await renderChartPng(burnChartSpec(burnInput(overrides))));
  });

  it("renders half a year of weeks and 40 segments without growing past a phone picture", async () => {
    expectReadablePng(await renderChartPng(burnChartSpec(burnInput(manyWeeksAndSegments()))));
  });
});

describe("renderChartPng", () => {
  const letterSpec = (letter: string): TopLevelSpec => ({
    data: { values: [{ letter }] },
    mark: { type: "text", fontSize: 40 },
    encoding: { text: { field: "letter", type: "nominal" } },
  });

  it("draws Cyrillic letters as distinct glyphs, not missing-glyph boxes", async () => {
    const zhe = await renderChartPng(letterSpec("Ж"));
    const de = await renderChartPng(letterSpec("Д"));
    expect(zhe.equals(de)).toBe(false);
  });

  it("refuses specs that would make vega fetch data", async () => {
    const remote: TopLevelSpec = {
      data: { url: "http://127.0.0.1:9/data.json" },
      mark: "bar",
      encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
    };
    await expect(renderChartPng(remote)).rejects.toThrow(/inline data/);
  });

  it("rejects a nonsensical scale", async () => {
    await expect(renderChartPng(letterSpec("Ж"), { scale: 0 })).rejects.toThrow(RangeError);
  });
});

describe("chart specs", () => {
  it("puts segments worst first, keeps at most maxSegments and marks paused ones", () => {
    const spec = burnChartSpec(burnInput({ maxSegments: 3 }));
    const json = JSON.stringify(spec);
    const names = ["Стоматологии Москва", "Логистические компании Урала и Сибири (выгрузка 2024)", "Автосервисы СПб"];
    const positions = names.map((name) => json.indexOf(`"name":${JSON.stringify(name)}`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(json).not.toContain("IT-интеграторы");
    expect(json).toContain("42% · пауза");
  });

  it("gives segments with the same name a bar each", () => {
    const twins = burnChartSpec(
      burnInput({
        segments: [
          { name: "Москва", burnedShare: 0.4, paused: false },
          { name: "Москва", burnedShare: 0.1, paused: false },
        ],
      }),
    );
    const json = JSON.stringify(twins);
    expect(json).toContain('"key":"0"');
    expect(json).toContain('"key":"1"');
  });

  it("formats rates as percents and money with grouped digits", () => {
    expect(JSON.stringify(burnChartSpec(burnInput()))).toContain('"format":".0%"');
    expect(JSON.stringify(planChartSpec(planInput()))).toContain('"format":",.0f"');
  });

  it("uses only inline data", () => {
    expect(JSON.stringify(planChartSpec(planInput()))).not.toContain('"url"');
    expect(JSON.stringify(burnChartSpec(burnInput()))).not.toContain('"url"');
  });
});

// Writes sample pictures to look at by eye: CHART_SAMPLES=1 npx vitest run test/reports/chart.test.ts
describe.skipIf(!process.env.CHART_SAMPLES)("chart samples", () => {
  it("writes /tmp/chart-samples/*.png and reports render times", async () => {
    const dir = "/tmp/chart-samples";
    mkdirSync(dir, { recursive: true });
    const english = planChartSpec({
      days: marchDays(),
      title: "Plan for March 2025",
      labels: { fact: "Actual", plan: "Plan", forecast: "Forecast", date: "Day", revenue: "Revenue, RUB" },
    });
    const samples: [string, TopLevelSpec][] = [
      ["plan", planChartSpec(planInput())],
      ["plan-en", english],
      ["plan-empty", planChartSpec(planInput([]))],
      ["burn", burnChartSpec(burnInput())],
      ["burn-empty", burnChartSpec(burnInput({ weeks: [], segments: [] }))],
      ["burn-many", burnChartSpec(burnInput(manyWeeksAndSegments()))],
    ];
    for (const [name, spec] of samples) {
      await renderChartPng(spec); // warm-up
      const runs = 5;
      const started = performance.now();
      let png: Buffer = Buffer.alloc(0);
      for (let i = 0; i < runs; i++) png = await renderChartPng(spec);
      const ms = (performance.now() - started) / runs;
      writeFileSync(`${dir}/${name}.png`, png);
      const { width, height } = pngSize(png);
      console.log(`${name}: ${width}×${height}, ${Math.round(png.length / 1024)} KB, ${ms.toFixed(0)} ms`);
    }
  });
});
