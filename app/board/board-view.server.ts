import type { Kysely } from "kysely";
import { loadTriggers, type Quote } from "../../db/queries/board.js";
import type { BoardData } from "./board-cards.js";
import { loadBoard } from "./load-board.server.js";
import type { RunScope } from "../../db/queries/analysis-runs.js";
import type { Database } from "../../db/schema.js";
import { attributionOf, mayShowIdentity, pseudonymOf, visibleIdentity } from "../consent/consent-rule.js";
import { consentStates } from "../consent/consent-states.server.js";
import { prospectViews } from "../prospects/prospect-views.server.js";

/**
 * The board, the messaging page and export, and the triggers view as staff see them: the db
 * queries return plain facts and anonymous attributions; here the one consent rule names the
 * people who let sales contact them, and each card learns how many ready-now prospects share its pain.
 */
export async function attributeQuotes(db: Kysely<Database>, quotes: Quote[]): Promise<void> {
  const states = await consentStates(
    db,
    quotes.map((q) => q.personId).filter((id): id is number => id !== null),
  );
  for (const q of quotes) {
    const a = attributionOf(
      { personId: q.personId, name: q.personName, email: null, company: q.company, role: q.role, industry: q.industry },
      q.personId === null ? undefined : states.get(q.personId),
    );
    q.attribution = a.text;
    q.named = a.named;
    // what may not be shown does not leave the server
    if (!a.named) {
      q.personName = null;
      q.company = null;
    }
  }
}

/** Ready-now prospects per pain theme (rejected ones are back in nurture and do not count). */
async function readyNowByTheme(db: Kysely<Database>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const p of await prospectViews(db, { bands: ["ready_now"] })) {
    if (p.effectiveBand !== "ready_now") continue;
    for (const t of p.themes) out.set(t.id, (out.get(t.id) ?? 0) + 1);
  }
  return out;
}

export type BoardView = BoardData & { cards: Array<BoardData["cards"][number] & { readyNow: number }> };

export async function boardView(db: Kysely<Database>, input: Parameters<typeof loadBoard>[1]): Promise<BoardView> {
  const board = await loadBoard(db, input);
  const [, ready] = await Promise.all([
    attributeQuotes(
      db,
      board.cards.flatMap((c) => c.quotes),
    ),
    readyNowByTheme(db),
  ]);
  return { ...board, cards: board.cards.map((c) => ({ ...c, readyNow: ready.get(c.themeId) ?? 0 })) };
}

/** Who mentioned each trigger: named with permission to contact, a pseudonym otherwise. */
export async function triggersView(db: Kysely<Database>, scope: RunScope) {
  const rows = await loadTriggers(db, scope);
  const states = await consentStates(
    db,
    rows.flatMap((r) => r.prospects.map((p) => p.personId)).filter((id): id is number => id !== null),
  );
  return rows.map((r) => ({
    ...r,
    prospects: r.prospects.map((p) => {
      const who = visibleIdentity(
        { personId: p.personId, name: p.name, email: null, company: p.company },
        p.personId === null ? undefined : states.get(p.personId),
      );
      return { ...p, name: who.named ? p.name || who.label : who.label, company: who.company };
    }),
  }));
}

/** A theme page's members: the company only with permission to contact, a pseudonym otherwise (in the same order). */
export async function memberCompanies(
  db: Kysely<Database>,
  members: ReadonlyArray<{ personId: number | null; company: string | null }>,
): Promise<Array<string | null>> {
  const states = await consentStates(
    db,
    members.map((m) => m.personId).filter((id): id is number => id !== null),
  );
  return members.map((m) => (m.personId === null ? null : mayShowIdentity(states.get(m.personId)) ? m.company : pseudonymOf(m.personId)));
}
