/**
 * /burn [YYYY-MM] (founder, lead): how fast the lead base burns — a short text, worst segments
 * first, and the chart, both from the one report `npm run report -- burn --json` prints (loadBurnReport).
 */
import { InputFile } from "grammy";
import { loadBurnReport } from "../../services/leads/index.js";
import { localDate } from "../../domain/calendar.js";
import { periodOf } from "../../domain/period.js";
import { renderBurnChart, renderBurnText, type BurnTextOptions } from "../../reports/burn-report.js";
import { defineCommand, type Feature, type MemberCommandContext } from "../feature.js";
import { parsePeriodToken } from "./plan-args.js";

async function burn(ctx: MemberCommandContext, arg: string): Promise<unknown> {
  const current = periodOf(localDate(ctx.now, ctx.team.timezone));
  let period = current;
  if (arg !== "") {
    const typed = parsePeriodToken(arg);
    if (typed === null) return ctx.reply(`${ctx.t("burn-error-period", { text: arg })}\n${ctx.t("burn-usage")}`);
    if (typed > current) return ctx.reply(ctx.t("burn-error-future", { period: typed }));
    period = typed;
  }
  const report = loadBurnReport(ctx.deps.db, ctx.team.id, { period, now: ctx.now });
  const options: BurnTextOptions = {
    t: ctx.t,
    locale: ctx.locale,
    burnThreshold: ctx.team.burnThreshold,
    pauseThreshold: ctx.team.pauseThreshold,
  };
  await ctx.reply(renderBurnText(report, options));
  if (report.figures.segments.length === 0) return;
  let png: Buffer;
  try {
    png = await renderBurnChart(report, options, ctx.deps.drawChart);
  } catch (error) {
    // The figures were sent; a chart that cannot be drawn is logged, not a failed command.
    ctx.log.error({ err: error, period }, "burn chart failed");
    return;
  }
  await ctx.replyWithPhoto(new InputFile(png, `burn-${period}.png`));
}

export const burnFeature: Feature = {
  name: "burn",
  commands: [defineCommand({ command: "burn", roles: ["founder", "lead"], description: "cmd-burn", chats: "alerts", handler: burn })],
};
