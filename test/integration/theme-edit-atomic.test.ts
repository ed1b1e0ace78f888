import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { isPostgres } from "../../db/migration-helpers.js";
import { getTheme } from "../../db/queries/themes.js";
import { editTheme } from "../../app/board/board.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addResponse, makeSurvey, runNow } from "./board-fixtures.js";

// A database trigger makes every theme_stats write fail, so the recompute after an edit fails for
// real: the edit must then leave no trace (members, versions), because it shares the transaction.
async function breakThemeStats(h: DatabaseHandle): Promise<void> {
  if (isPostgres(h.db)) {
    await sql`create function refuse_stats() returns trigger as $$ begin raise exception 'stats refused'; end $$ language plpgsql`.execute(
      h.db,
    );
    await sql`create trigger refuse_stats before insert on theme_stats for each row execute function refuse_stats()`.execute(h.db);
  } else {
    await sql`create trigger refuse_stats before insert on theme_stats begin select raise(abort, 'stats refused'); end`.execute(h.db);
  }
}

async function membersOf(h: DatabaseHandle): Promise<Array<{ answer_id: number; theme_id: number }>> {
  return h.db.selectFrom("theme_members").select(["answer_id", "theme_id"]).orderBy("answer_id").execute();
}

describe.each(DATABASE_KINDS)("theme edits and their figures on %s", (kind) => {
  let h: DatabaseHandle;
  let themes: number[];
  let answers: number[];
  beforeAll(async () => {
    h = await freshDatabase(kind);
    const survey = await makeSurvey(h.db);
    answers = [];
    for (const topic of ["phishing", "outage"])
      for (let i = 0; i < 10; i++) answers.push(await addResponse(h.db, survey, { topic, index: i }));
    await runNow(h.db, null, { k: 2 });
    themes = (await h.db.selectFrom("themes").select("id").orderBy("id").execute()).map((t) => t.id);
    expect(themes).toHaveLength(2);
    await breakThemeStats(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(["merge", "split", "move"] as const)("a %s whose recompute fails changes nothing", async (intent) => {
    const before = await membersOf(h);
    const theme = (await getTheme(h.db, themes[0]))!;
    const inFirst = before.filter((m) => m.theme_id === theme.id).map((m) => m.answer_id);
    const edit =
      intent === "merge"
        ? { intent, targetId: themes[1] }
        : intent === "split"
          ? { intent, answerIds: inFirst.slice(0, 2), label: "Split out" }
          : { intent, answerId: inFirst[0], targetId: themes[1] };
    await expect(editTheme(h.db, theme, theme.version, edit)).rejects.toThrow(/stats refused/);
    expect(await membersOf(h)).toEqual(before);
    expect((await getTheme(h.db, theme.id))!.version).toBe(theme.version);
    expect((await getTheme(h.db, theme.id))!.status).toBe(theme.status);
    expect(await h.db.selectFrom("themes").select("id").orderBy("id").execute()).toEqual(themes.map((id) => ({ id })));
  });
});
