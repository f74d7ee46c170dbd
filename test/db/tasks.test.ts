import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { migrate } from "../../src/db/migrate.js";
import { ensureTeam } from "../../src/db/teams.js";
import { upsertMember } from "../../src/db/members.js";
import { countListedTasks, createTask, LISTED_SQL, listListedTasksPage, listTasks } from "../../src/db/tasks.js";
import { LISTED_STATES, TASK_STATES } from "../../src/domain/tasks.js";

describe("the listed tasks (/tasks)", () => {
  it("are the tasks in LISTED_STATES (LISTED_SQL says the same), paged in listTasks order through the partial index, without a sort", () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), "scb-tasks-")), "bot.sqlite"));
    migrate(db);
    ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, 0);
    ensureTeam(db, 2, { timezone: "Europe/Moscow", locale: "ru" }, 0);
    const lead = upsertMember(db, { teamId: 1, userId: 1, username: "lead", firstName: "L", role: "lead", chatId: 1 }, 0);
    const managers = [2, 3, 4].map((id) => upsertMember(db, { teamId: 1, userId: id, username: `m${id}`, firstName: "M", role: "manager", chatId: id }, 0));
    const outsider = upsertMember(db, { teamId: 2, userId: 9, username: "other", firstName: "O", role: "manager", chatId: 9 }, 0);
    const setState = db.prepare("UPDATE tasks SET state = ? WHERE id = ?");
    // Every state for every manager, assigned in an interleaved order, and one task of another team.
    for (let round = 0; round < 3; round++) {
      for (const state of TASK_STATES) {
        for (const manager of [...managers].reverse()) {
          const task = createTask(db, { teamId: 1, assigneeId: manager.id, authorId: lead.id, text: `${state} ${round}`, dueDate: null }, 0);
          setState.run(state, task.id);
        }
      }
    }
    createTask(db, { teamId: 2, assigneeId: outsider.id, authorId: outsider.id, text: "elsewhere", dueDate: null }, 0);

    const all = listTasks(db, 1, LISTED_STATES);
    expect(new Set(all.map((task) => task.state))).toEqual(new Set(LISTED_STATES));
    expect(all).toHaveLength(LISTED_STATES.length * 3 * managers.length);
    expect(countListedTasks(db, 1)).toBe(all.length);
    const pages = [0, 10, 20, 30, 40, 50].flatMap((offset) => listListedTasksPage(db, 1, undefined, offset, 10));
    expect(pages).toEqual(all);
    for (const manager of managers) {
      const own = listTasks(db, 1, LISTED_STATES, manager.id);
      expect(countListedTasks(db, 1, manager.id)).toBe(own.length);
      expect([0, 10].flatMap((offset) => listListedTasksPage(db, 1, manager.id, offset, 10))).toEqual(own);
    }

    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 1, 1, 1) as { detail: string }[]).map((row) => row.detail).join("; ");
    const page = plan(`SELECT * FROM tasks WHERE team_id = ? AND assignee_id = ? AND ${LISTED_SQL} ORDER BY assignee_id, id LIMIT ? OFFSET ?`);
    expect(page).toContain("tasks_listed");
    expect(page).not.toContain("TEMP B-TREE");
  });

});
