/** Charts drawn in the short-lived child process: the same bytes as in-process, and failures reported, not hung. */
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { renderChartPng } from "../../src/reports/chart.js";
import { renderChartInChild } from "../../src/reports/chart-process.js";
import { startHarness } from "../helpers/harness.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const spec: TopLevelSpec = {
  data: { values: [{ x: "Ж", y: 3 }, { x: "Д", y: 5 }] },
  mark: "bar",
  encoding: { x: { field: "x", type: "nominal" }, y: { field: "y", type: "quantitative" } },
};

describe("renderChartInChild", () => {
  it("returns the same PNG bytes as rendering in this process", async () => {
    const [child, here] = await Promise.all([renderChartInChild(spec, { scale: 1 }), renderChartPng(spec, { scale: 1 })]);
    expect(child.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(child.equals(here)).toBe(true);
  });

  it("rejects with the child's reason when the spec cannot be drawn", async () => {
    const remote = { ...spec, data: { url: "https://example.com/data.json" } } as TopLevelSpec;
    await expect(renderChartInChild(remote)).rejects.toThrow(/chart process failed: .*inline data/);
  });

  it("rejects when the child runs past the timeout", async () => {
    await expect(renderChartInChild(spec, {}, 1)).rejects.toThrow(/timed out/);
  });
});

describe("the bot's charts", () => {
  it("are drawn by the default drawer (the child process) when the app is given no other: /plan sends a PNG", async () => {
    const h = await startHarness({ now: "2026-11-02T09:00:00Z", childCharts: true });
    try {
      const founder = await h.member("founder", { language_code: "en" });
      await founder.send("/setplan 2026-11 10 100000");
      const [text, chart] = await founder.send("/plan");
      expect(text!.method).toBe("sendMessage");
      expect(chart!.method).toBe("sendPhoto");
      expect(chart!.files[0]!.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    } finally {
      await h.stop();
    }
  });
});
