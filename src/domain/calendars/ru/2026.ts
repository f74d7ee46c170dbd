import type { PublishedYear } from "../types.js";

export const ru2026: PublishedYear = {
  year: 2026,
  decree: "Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»",
  transfers: [
    { from: "2026-01-03", to: "2026-01-09" },
    { from: "2026-01-04", to: "2026-12-31" },
  ],
};
