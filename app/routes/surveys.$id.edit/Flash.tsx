import type { ActionResult } from "./types";

/**
 * The builder's status line: in the page flow, never over the fields (issue 13 item 8). The status
 * region is always present, so a screen reader announces a message when it appears in it.
 */
export function Flash({ result, created }: { result: ActionResult; created: boolean }) {
  const message = result?.ok
    ? result.message
    : !result && created
      ? "Survey created. Review the questions, then publish when you are ready."
      : null;
  return (
    <>
      <div className={message ? "alert alert--ok builder-status" : undefined} role="status">
        {message}
      </div>
      <FlashError result={result} />
    </>
  );
}

function FlashError({ result }: { result: ActionResult }) {
  if (!result || result.ok) return null;
  const general = result.errors[""] ?? result.errors.intent ?? result.errors.questionId ?? result.errors.confirm ?? result.errors.undoId;
  if (general?.length) {
    return (
      <div className="alert alert--error builder-status" role="alert">
        {general.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    );
  }
  const fields = Object.keys(result.errors).filter((k) => k !== "");
  if (!fields.length) return null;
  return (
    <div className="alert alert--error builder-status" role="alert">
      Nothing was saved: check the highlighted {fields.length === 1 ? "field" : "fields"}
      {result.questionId ? (
        <>
          {" "}
          in <a href={`#question-${result.questionId}`}>the question</a>
        </>
      ) : result.intent === "add-question" ? (
        <>
          {" "}
          in <a href="#add-question">the new question</a>
        </>
      ) : null}
      .
    </div>
  );
}
