/**
 * Who plays the demo and what they say, in Russian and in English: the team, the lead base (a CSV), the
 * tasks with the day each is answered "done", the question and its answer, and the words of the refusals,
 * expenses and notes. The timeline that uses them is in script.ts.
 */
import type { DemoLocale } from "./transcript.js";

export type PersonKey = "olga" | "anna" | "ivan" | "petr" | "maria" | "sergey";
export const MANAGERS = ["ivan", "petr", "maria", "sergey"] as const;
export type ManagerKey = (typeof MANAGERS)[number];

export interface CastMember {
  name: string;
  lastName: string;
  username: string;
}

export type SegmentKey = "W" | "R" | "C";

/** A task of the month: given on `assignDay` (working-day index), answered "done" on each of `doneDays`. */
export interface TaskPlan {
  assignee: ManagerKey;
  text: string;
  due: string;
  assignDay: number;
  /** The check-ups where the manager answers [Done]; the first is returned by the lead when `returnComment` is set. */
  doneDays: number[];
  returnComment?: string;
  /** A [Question] in the check-up of that day, and the lead's answer. */
  question?: { day: number; text: string; answer: string };
}

export type RefusalReasonKey = "price" | "need" | "timing" | "competitor" | "noanswer" | "other";

export interface Cast {
  people: Record<PersonKey, CastMember>;
  roles: { founder: string; lead: string };
  segments: Record<SegmentKey, string>;
  companies: Record<SegmentKey, string[]>;
  /** Who owns which companies in the CSV. */
  owners: Record<SegmentKey, (index: number) => ManagerKey | null>;
  csvHeader: string;
  /** A row the import reports by its line number (no segment). */
  csvBadRow: string;
  reason: Record<RefusalReasonKey, string>;
  lostWord: string;
  category: Record<"salaries" | "bonuses" | "marketing" | "tools" | "other", string>;
  dueWord: string;
  tasks: TaskPlan[];
  /** Lines of the narrator and the free texts people type. */
  say: {
    claim: string;
    holiday: string;
    checkupIntro: string;
    checkupMissing: (name: string) => string;
    reminder: (name: string) => string;
    note: Partial<Record<ManagerKey, Record<number, string>>>;
    comments: Record<string, string>;
    expenses: Record<string, string>;
    /** the lead spots the founder's slip in an expense and corrects its amount */
    correction: string;
    /** a manager takes back a deal typed with a zero missing */
    undo: string;
    finale: string;
  };
}

const RU: Cast = {
  people: {
    olga: { name: "Ольга", lastName: "Морозова", username: "olga_founder" },
    anna: { name: "Анна", lastName: "Смирнова", username: "anna_rop" },
    ivan: { name: "Иван", lastName: "Кузнецов", username: "ivan_sales" },
    petr: { name: "Пётр", lastName: "Орлов", username: "petr_sales" },
    maria: { name: "Мария", lastName: "Белова", username: "maria_sales" },
    sergey: { name: "Сергей", lastName: "Волков", username: "sergey_sales" },
  },
  roles: { founder: "основатель", lead: "РОП" },
  segments: { W: "Опт", R: "Розница", C: "Сети" },
  companies: {
    W: [
      "ООО Гранит", "ООО Ромашка", "ТД Северный", "ООО Меридиан", "АО Вектор-Снаб", "ООО Промресурс", "ООО Альфа-Опт",
      "ТК Восток", "ООО Стройдвор", "ООО Техноторг", "ООО Балтснаб", "ООО Уралопт", "ООО Дельта", "ООО Атлант",
      "ООО Сибторг", "ООО Орион", "ООО Каскад", "ООО Радуга", "ООО Фортуна", "ООО Экспресс-Опт",
    ],
    R: [
      "ИП Соколова", "Магазин Уют", "ООО Домовой", "ООО Лавка", "ИП Кравец", "ООО Хозмаркет", "ООО Всё для дома",
      "ИП Белов", "ООО Мастерок", "ООО Уголок", "ИП Зайцев", "ООО Сундук", "ООО Ремонтик", "ИП Гусева",
    ],
    C: ["Сеть Колосок", "Сеть Ладушки", "Сеть Берёзка", "Сеть Семейная", "Сеть Ярмарка", "Сеть Хозяюшка"],
  },
  owners: { W: (i) => (i < 10 ? "ivan" : "petr"), R: () => "sergey", C: () => "maria" },
  csvHeader: "компания;сегмент;инн;ответственный;телефон;email",
  csvBadRow: ";Опт;7700000000;;;",
  reason: { price: "цена", need: "нет потребности", timing: "не время", competitor: "у конкурента", noanswer: "нет ответа", other: "другое" },
  lostWord: "навсегда",
  category: { salaries: "зарплаты", bonuses: "бонусы", marketing: "маркетинг", tools: "инструменты", other: "прочее" },
  dueWord: "до",
  tasks: [
    { assignee: "ivan", text: "Обзвонить 10 оптовиков из нового списка", due: "06.11", assignDay: 0, doneDays: [3, 4], returnComment: "Отметь каждый звонок в боте (/touch или /refusal) — пока вижу только 4." },
    { assignee: "petr", text: "Подготовить КП для ООО Гранит", due: "05.11", assignDay: 0, doneDays: [2] },
    {
      assignee: "maria",
      text: "Договориться о встрече с сетью Колосок",
      due: "09.11",
      assignDay: 0,
      doneDays: [4],
      question: { day: 1, text: "Колосок просит скидку 10% за объём. Можно соглашаться?", answer: "Да, до 10% при заказе от 200 000 ₽. Больше — только через меня." },
    },
    { assignee: "sergey", text: "Обновить контакты ЛПР по рознице", due: "06.11", assignDay: 0, doneDays: [3] },
    { assignee: "ivan", text: "Провести 3 встречи с оптовиками", due: "13.11", assignDay: 4, doneDays: [8] },
    { assignee: "petr", text: "Предложить рассрочку всем, кто отказал по цене", due: "13.11", assignDay: 4, doneDays: [7] },
    { assignee: "maria", text: "Подготовить презентацию для сетей", due: "11.11", assignDay: 4, doneDays: [6] },
    { assignee: "sergey", text: "Перенести базу розницы в CRM", due: "12.11", assignDay: 4, doneDays: [6] },
    { assignee: "ivan", text: "Вернуть трёх старых клиентов", due: "20.11", assignDay: 9, doneDays: [] },
    { assignee: "petr", text: "КП для ООО Орион", due: "18.11", assignDay: 9, doneDays: [11] },
    { assignee: "maria", text: "Встреча с ООО Всё для дома", due: "19.11", assignDay: 9, doneDays: [12] },
    { assignee: "sergey", text: "10 новых контактов в рознице", due: "20.11", assignDay: 9, doneDays: [13] },
    { assignee: "ivan", text: "Закрыть сделку с ООО Техноторг", due: "27.11", assignDay: 14, doneDays: [17] },
    { assignee: "petr", text: "Собрать отзывы трёх клиентов", due: "27.11", assignDay: 14, doneDays: [18] },
    { assignee: "maria", text: "Подготовить сделку с ИП Гусевой", due: "27.11", assignDay: 14, doneDays: [18] },
    { assignee: "sergey", text: "Перезвонить всем, кто отказал по цене", due: "27.11", assignDay: 14, doneDays: [] },
  ],
  say: {
    claim: "Ольга открывает одноразовую ссылку основателя, которую бот напечатал в логе при первом запуске.",
    holiday: "Праздник (04.11 в списке праздников): сверок нет, никто не считается пропустившим.",
    checkupIntro: "В 10:00 бот прислал каждому менеджеру ежедневную сверку. Их чаты не показаны; вот что они нажимали и писали:",
    checkupMissing: (name) => `${name} сегодня не отвечает на сверку.`,
    reminder: (name) => `${name} получил напоминание о сверке; в 18:00 она будет считаться пропущенной.`,
    note: { maria: { 4: "Колосок подписал договор!" }, ivan: { 3: "Ромашка готова платить" } },
    comments: {
      severny: "перезвонить после Нового года",
      ladushki: "просят скидку 20%",
      meridian: "работают с другим поставщиком",
      domovoy: "закрывают магазин",
      atlant: "дорого",
    },
    expenses: {
      direct: "Яндекс Директ на ноябрь",
      crm: "CRM на ноябрь",
      expo: "Стенд на выставке",
      advance: "Аванс за ноябрь",
      bonus: "Премии за сделки",
      salary: "Зарплата за ноябрь",
      party: "Обед с клиентами",
    },
    correction: "Анна видит в /expenses, что Ольга потеряла ноль в расходе на Директ, и исправляет сумму; Ольге приходит уведомление.",
    undo: "Мария потеряла ноль в сумме сделки: /undo называет запись и отменяет её после подтверждения, цифры пересчитаны.",
    finale: "Вечер: Ольга смотрит план, выжигание базы и выгрузку за месяц; Анна — дисциплину менеджеров.",
  },
};

const EN: Cast = {
  people: {
    olga: { name: "Olga", lastName: "Morozova", username: "olga_founder" },
    anna: { name: "Anna", lastName: "Smirnova", username: "anna_rop" },
    ivan: { name: "Ivan", lastName: "Kuznetsov", username: "ivan_sales" },
    petr: { name: "Peter", lastName: "Orlov", username: "petr_sales" },
    maria: { name: "Maria", lastName: "Belova", username: "maria_sales" },
    sergey: { name: "Sergey", lastName: "Volkov", username: "sergey_sales" },
  },
  roles: { founder: "founder", lead: "head of sales" },
  segments: { W: "Wholesale", R: "Retail", C: "Chains" },
  companies: {
    W: [
      "Granit LLC", "Romashka LLC", "Severny Trading", "Meridian LLC", "Vector Supply", "Promresurs LLC", "Alfa Opt LLC",
      "Vostok Trading", "Stroydvor LLC", "Technotorg LLC", "Baltsnab LLC", "Uralopt LLC", "Delta LLC", "Atlant LLC",
      "Sibtorg LLC", "Orion LLC", "Kaskad LLC", "Raduga LLC", "Fortuna LLC", "Express Opt LLC",
    ],
    R: [
      "Sokolova Shop", "Uyut Store", "Domovoy LLC", "Lavka LLC", "Kravets Shop", "Hozmarket LLC", "Home Goods LLC",
      "Belov Shop", "Masterok LLC", "Ugolok LLC", "Zaytsev Shop", "Sunduk LLC", "Remontik LLC", "Guseva Shop",
    ],
    C: ["Kolosok Chain", "Ladushki Chain", "Beryozka Chain", "Semeynaya Chain", "Yarmarka Chain", "Hozyayushka Chain"],
  },
  owners: RU.owners,
  csvHeader: "company;segment;inn;owner;phone;email",
  csvBadRow: ";Wholesale;7700000000;;;",
  reason: { price: "price", need: "need", timing: "timing", competitor: "competitor", noanswer: "noanswer", other: "other" },
  lostWord: "lost",
  category: { salaries: "salaries", bonuses: "bonuses", marketing: "marketing", tools: "tools", other: "other" },
  dueWord: "due",
  tasks: [
    { assignee: "ivan", text: "Call 10 wholesalers from the new list", due: "06.11", assignDay: 0, doneDays: [3, 4], returnComment: "Log every call in the bot (/touch or /refusal) — I see only 4 so far." },
    { assignee: "petr", text: "Prepare a proposal for Granit LLC", due: "05.11", assignDay: 0, doneDays: [2] },
    {
      assignee: "maria",
      text: "Get a meeting with Kolosok Chain",
      due: "09.11",
      assignDay: 0,
      doneDays: [4],
      question: { day: 1, text: "Kolosok asks for a 10% volume discount. May I agree?", answer: "Yes, up to 10% on orders from 200,000 RUB. More only through me." },
    },
    { assignee: "sergey", text: "Update the decision makers' contacts in Retail", due: "06.11", assignDay: 0, doneDays: [3] },
    { assignee: "ivan", text: "Hold 3 meetings with wholesalers", due: "13.11", assignDay: 4, doneDays: [8] },
    { assignee: "petr", text: "Offer instalments to everyone who refused on price", due: "13.11", assignDay: 4, doneDays: [7] },
    { assignee: "maria", text: "Prepare a deck for the chains", due: "11.11", assignDay: 4, doneDays: [6] },
    { assignee: "sergey", text: "Move the retail base into the CRM", due: "12.11", assignDay: 4, doneDays: [6] },
    { assignee: "ivan", text: "Win back three old clients", due: "20.11", assignDay: 9, doneDays: [] },
    { assignee: "petr", text: "Proposal for Orion LLC", due: "18.11", assignDay: 9, doneDays: [11] },
    { assignee: "maria", text: "Meeting with Home Goods LLC", due: "19.11", assignDay: 9, doneDays: [12] },
    { assignee: "sergey", text: "10 new contacts in Retail", due: "20.11", assignDay: 9, doneDays: [13] },
    { assignee: "ivan", text: "Close the deal with Technotorg LLC", due: "27.11", assignDay: 14, doneDays: [17] },
    { assignee: "petr", text: "Collect reviews from three clients", due: "27.11", assignDay: 14, doneDays: [18] },
    { assignee: "maria", text: "Prepare the deal with Guseva Shop", due: "27.11", assignDay: 14, doneDays: [18] },
    { assignee: "sergey", text: "Call back everyone who refused on price", due: "27.11", assignDay: 14, doneDays: [] },
  ],
  say: {
    claim: "Olga opens the one-time founder link the bot printed in its log on first start.",
    holiday: "A holiday (04.11 is in the holiday list): no check-ups, nobody counts as missing one.",
    checkupIntro: "At 10:00 the bot sent every manager the daily check-up. Their chats are not shown; this is what they pressed and typed:",
    checkupMissing: (name) => `${name} does not answer the check-up today.`,
    reminder: (name) => `${name} got a reminder about the check-up; at 18:00 it counts as missed.`,
    note: { maria: { 4: "Kolosok signed the contract!" }, ivan: { 3: "Romashka is ready to pay" } },
    comments: {
      severny: "call back after New Year",
      ladushki: "they want 20% off",
      meridian: "they work with another supplier",
      domovoy: "the shop is closing",
      atlant: "too expensive",
    },
    expenses: {
      direct: "Search ads for November",
      crm: "CRM for November",
      expo: "Trade show stand",
      advance: "November advance",
      bonus: "Deal bonuses",
      salary: "November salaries",
      party: "Lunch with clients",
    },
    correction: "Anna sees in /expenses that Olga dropped a zero in the ads expense and corrects the amount; Olga is told.",
    undo: "Maria dropped a zero in a deal's amount: /undo names the record and takes it back after a confirmation; the figures are recomputed.",
    finale: "Evening: Olga looks at the plan, the burn of the base and the month's export; Anna at the managers' discipline.",
  },
};

export function castFor(locale: DemoLocale): Cast {
  return locale === "ru" ? RU : EN;
}

/** The lead base as a CSV file: every company with its segment and owner, an INN for a few, and one bad row. */
export function baseCsv(cast: Cast): string {
  const rows = [cast.csvHeader];
  for (const segment of ["W", "R", "C"] as const) {
    cast.companies[segment].forEach((company, index) => {
      const owner = cast.owners[segment](index);
      const inn = index < 3 ? String(7701000000 + index * 1111 + (segment === "W" ? 0 : segment === "R" ? 300000 : 600000)) : "";
      rows.push([company, cast.segments[segment], inn, owner ? `@${cast.people[owner].username}` : "", "", ""].join(";"));
    });
    if (segment === "W") rows.push(cast.csvBadRow);
  }
  return `${rows.join("\n")}\n`;
}
