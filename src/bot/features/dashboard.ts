/**
 * /dashboard (everyone, private chat): a button that opens the Mini App (src/web/), where each person sees what
 * their role sees in chat. Without WEB_APP_URL the dashboard is not set up, and the reply says so.
 */
import { InlineKeyboard } from "grammy";
import { defineCommand, type Feature, type MemberCommandContext } from "../feature.js";

async function dashboard(ctx: MemberCommandContext): Promise<unknown> {
  const url = ctx.deps.config.webAppUrl;
  if (url === undefined) return ctx.reply(ctx.t("dashboard-not-configured"));
  return ctx.reply(ctx.t("dashboard-open-text"), { reply_markup: new InlineKeyboard().webApp(ctx.t("dashboard-open-button"), url) });
}

export const dashboardFeature: Feature = {
  name: "dashboard",
  commands: [defineCommand({ command: "dashboard", roles: ["founder", "lead", "manager"], description: "cmd-dashboard", chats: "private", handler: dashboard })],
};
