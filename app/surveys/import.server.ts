/**
 * Importing responses from a CSV (interview notes, another tool's export): parse, map columns to
 * questions, validate every row with the public form's own answer rules, and write the valid rows
 * as complete responses (origin "import") through the public form's write functions, all in one
 * transaction. Nothing is written before the preview.
 */
import type { Kysely } from "kysely";
import { completeResponse, saveAnswers, startResponse } from "../../db/queries/responses.js";
import type { Database } from "../../db/schema.js";
import type { PublicQuestion } from "./answer-schema.js";
import type { ValidatedRow } from "./import-rows.server.js";
import { afterCompletion, flushCompletions } from "../prospects/after-completion.server.js";
import { completionFacts, resumeTokenHash } from "./submission.server.js";
import { randomToken, sha256 } from "../utils/tokens.server.js";

// The steps before the write, re-exported so the import page has one module to call.
export { checkMapping, columnLabel, guessMapping, ImportInputError, readImportCsv } from "./import-columns.server.js";
export { validateRows, type ValidatedRow } from "./import-rows.server.js";

/**
 * A row's key is a hash of what it says (answers and contact facts), used as the response's
 * idempotency key: importing the same rows again finds their responses and writes nothing new.
 */
function importRowKey(row: Pick<ValidatedRow, "answers" | "meta">): string {
  const answers = [...row.answers].sort((a, b) => a.questionId - b.questionId);
  return `import-${sha256(JSON.stringify({ answers, meta: row.meta }))}`;
}

/** The valid rows written as responses; `alreadyImported` counts rows an earlier import wrote. */
export async function importRows(
  db: Kysely<Database>,
  args: { surveyId: number; questions: PublicQuestion[]; rows: ValidatedRow[]; importedBy: string },
): Promise<{ ids: number[]; alreadyImported: number }> {
  const valid = args.rows.filter((r) => r.errors.length === 0);
  if (valid.length === 0) return { ids: [], alreadyImported: 0 };
  let alreadyImported = 0;
  const lastPage = new Set(args.questions.map((q) => q.page)).size || 1;
  const now = new Date().toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const row of valid) {
      const when = row.meta.date ?? now;
      const { response, created } = await startResponse(trx, {
        surveyId: args.surveyId,
        idempotencyKey: importRowKey(row),
        // Nobody resumes an imported response; the hash only has to be unique.
        resumeTokenHash: resumeTokenHash(randomToken()),
        source: row.meta.source,
        utmSource: null,
        utmCampaign: row.meta.campaign,
        rep: row.meta.rep,
        origin: "import",
        now: when,
      });
      if (!created) {
        alreadyImported++;
        continue;
      }
      await saveAnswers(trx, { responseId: response.id, answers: row.answers, now: when });
      const byQuestion = new Map(row.answers.map((a) => [a.questionId, a]));
      const facts = completionFacts(args.questions, byQuestion, `import by ${args.importedBy}`, {
        companyName: row.meta.company,
        email: row.meta.email,
        name: row.meta.name,
      });
      const done = await completeResponse(trx, {
        responseId: response.id,
        lastPage,
        company: facts.company,
        person: {
          ...facts.contact,
          source: row.meta.source,
          utmSource: null,
          utmCampaign: row.meta.campaign,
          rep: row.meta.rep,
        },
        consents: facts.consents,
        now: when,
      });
      ids.push(response.id);
      // Imported people are scored like everyone else: the job commits with the rows.
      if (done) await afterCompletion(trx, { personId: done.personId, surveyId: args.surveyId, autoRun: false });
    }
    return ids;
  });
  // ...and is done before the marketer sees the result.
  await flushCompletions(db);
  return { ids, alreadyImported };
}
