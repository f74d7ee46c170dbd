/** /settings end to end: every setting shown, changed with validation, refused without writing. */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { getTeam } from "../../src/db/teams.js";
import { TEAM_ID } from "../../src/app.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { closeReasonsText } from "../../src/bot/features/settings-text.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const said = (message: { text?: string } | undefined): string => (message?.text ?? "").replace(/\u00a0/g, " ");
const teamRow = () => h.db.prepare("SELECT * FROM teams WHERE id = ?").get(TEAM_ID);

async function founder(): Promise<TestUser> {
  // Monday 2 November 2026, 10:00 in Moscow.
  h = await startHarness({ now: "2026-11-02T07:00:00Z" });
  return h.member("founder", { username: "boss" });
}

describe("/settings", () => {
  it("shows every setting with how to change it", async () => {
    const boss = await founder();
    const [reply] = await boss.send("/settings");
    const text = said(reply);
    for (const line of [
      "Часовой пояс: Europe/Moscow (сейчас там 10:00)",
      "Время сверки: 10:00, крайний срок: 18:00",
      "Рабочие дни: пн, вт, ср, чт, пт",
      "Праздники: впереди нет",
      "Окно отработки отказа: 2 раб. дн. после дня отказа",
      "/settings handling_days 2",
      "Остывание компании: 90 дн.",
      "Порог выжигания: 30%",
      "Порог паузы сегмента: 30%",
      "Причины закрытия: ЛПР умер, бизнес закрылся",
      "Язык команды: русский",
      "/settings holidays add 04.11",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("changes each setting with a text subcommand and confirms it", async () => {
    const boss = await founder();
    const cases: [string, string][] = [
      ["/settings timezone europe/berlin", "Сохранено. Часовой пояс: Europe/Berlin (сейчас там 08:00)."],
      ["/settings checkup 9:30", "Сохранено. Сверка в 09:30 по рабочим дням."],
      ["/settings cutoff 19:00", "Сохранено. Крайний срок сверки: 19:00."],
      ["/settings workdays 1-6", "Сохранено. Рабочие дни: пн, вт, ср, чт, пт, сб."],
      ["/settings holidays add 04.11, 31.12", "Сохранено. Праздники: 04.11.2026, 31.12.2026."],
      ["/settings holidays remove 31.12", "Сохранено. Праздники: 04.11.2026."],
      ["/settings handling_days 3", "Сохранено. Окно отработки отказа: 3 раб. дн. после дня отказа. У уже записанных отказов срок не меняется."],
      ["/settings cooldown 60", "Сохранено. Остывание компании: 60 дн."],
      ["/settings burn 25%", "Сохранено. Порог выжигания: 25%."],
      ["/settings pause 0.4", "Сохранено. Порог паузы сегмента: 40%."],
      ["/settings close_reasons add relocated", "Сохранено. Причины закрытия: ЛПР умер, бизнес закрылся, relocated."],
      ["/settings language en", "Сохранено. Язык команды: английский."],
    ];
    for (const [command, confirmation] of cases) {
      const replies = await boss.send(command);
      expect(replies, command).toHaveLength(1);
      expect(said(replies[0]), command).toBe(confirmation);
    }
    expect(getTeam(h.db, TEAM_ID)).toMatchObject({
      timezone: "Europe/Berlin",
      checkupTime: "09:30",
      cutoffTime: "19:00",
      workingDays: [1, 2, 3, 4, 5, 6],
      holidays: ["2026-11-04"],
      handlingDays: 3,
      cooldownDays: 60,
      burnThreshold: 0.25,
      pauseThreshold: 0.4,
      closeReasons: ["relocated"],
      locale: "en",
    });
    const [replaced] = await boss.send("/settings holidays 2026-12-31,2027-01-01");
    expect(said(replaced)).toBe("Сохранено. Праздники: 31.12.2026, 01.01.2027.");
    expect(getTeam(h.db, TEAM_ID)!.holidays).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("refuses bad values with the setting's usage and changes nothing", async () => {
    const boss = await founder();
    const before = teamRow();
    const cases: [string, RegExp][] = [
      ["/settings colour blue", /Не знаю настройки «colour»[\s\S]*timezone, checkup/],
      ["/settings timezone Mars/Olympus", /значение не подходит[\s\S]*\/settings timezone Europe\/Moscow/],
      ["/settings checkup 25:00", /значение не подходит[\s\S]*\/settings checkup 10:00/],
      ["/settings checkup 19:00", /Время сверки должно быть раньше крайнего срока \(сейчас сверка в 10:00, крайний срок 18:00\)/],
      ["/settings cutoff", /значение не подходит[\s\S]*\/settings cutoff 18:00/],
      ["/settings workdays 0-8", /значение не подходит[\s\S]*\/settings workdays 1-5/],
      ["/settings holidays add 31.02", /значение не подходит[\s\S]*\/settings holidays add 04\.11/],
      ["/settings holidays remove 05.11", /05\.11\.2026 нет в списке праздников/],
      ["/settings handling_days 0", /целое число рабочих дней от 1 до 30/],
      ["/settings handling_days 48 ч", /целое число рабочих дней от 1 до 30/],
      ["/settings cooldown 1.5", /целое число дней от 1 до 3650/],
      ["/settings burn 150%", /процент от 1 до 100/],
      ["/settings pause -5%", /процент от 1 до 100/],
      ["/settings close_reasons add dm_died", /dm_died разрешена всегда/],
      ["/settings close_reasons remove relocated", /relocated нет в списке/],
      ["/settings close_reasons relocated", /close_reasons add <ключ>/],
      ["/settings language de", /\/settings language ru или \/settings language en/],
    ];
    for (const [command, expected] of cases) {
      const replies = await boss.send(command);
      expect(replies, command).toHaveLength(1);
      expect(said(replies[0]), command).toMatch(expected);
    }
    expect(teamRow()).toEqual(before);
  });

  it("is the founder's alone", async () => {
    const boss = await founder();
    const lead = await h.member("lead");
    const manager = await h.member("manager");
    const before = teamRow();
    for (const user of [lead, manager]) {
      for (const command of ["/settings", "/settings burn 10%"]) {
        const [reply] = await user.send(command);
        expect(reply!.text).toBe("Эта команда недоступна для вашей роли.");
      }
    }
    expect(teamRow()).toEqual(before);
    expect(said((await boss.send("/settings"))[0])).toContain("Настройки команды");
  });

  it("holidays and working days change the plan's working-day count", async () => {
    const boss = await founder();
    await boss.send("/setplan 2026-11 10 100000");
    // 4 November is a public holiday in the team's Russian calendar.
    expect(said((await boss.send("/plan"))[0])).toContain("Рабочих дней прошло: 1 из 20");
    await boss.send("/settings holidays add 05.11");
    expect(said((await boss.send("/plan"))[0])).toContain("Рабочих дней прошло: 1 из 19");
    await boss.send("/settings workdays 1-6");
    expect(said((await boss.send("/plan"))[0])).toContain("Рабочих дней прошло: 1 из 23");
    await boss.send("/settings workdays add 04.11");
    expect(said((await boss.send("/plan"))[0])).toContain("Рабочих дней прошло: 1 из 24");
  });
});

describe("settings wording", () => {
  it("English days agree with the number; built-in close reasons are shown by their labels", () => {
    const en = createTranslator().forLocale("en");
    expect(en("settings-saved-cooldown", { value: 1 })).toBe("Saved. Company cooldown: 1 day.");
    expect(en("settings-saved-cooldown", { value: 90 })).toBe("Saved. Company cooldown: 90 days.");
    expect(closeReasonsText(en, ["relocated"])).toBe("decision maker died, business closed, relocated");
  });
});
