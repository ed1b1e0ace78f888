import type { ActionResult } from "./types";

export function Flash({ result, created }: { result: ActionResult; created: boolean }) {
  if (result?.ok)
    return (
      <div className="alert alert--ok builder-toast" role="status">
        {result.message}
      </div>
    );
  if (result && !result.ok) {
    const general = result.errors[""] ?? result.errors.intent ?? result.errors.questionId;
    if (general?.length) {
      return (
        <div className="alert alert--error builder-toast" role="alert">
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      );
    }
    const fields = Object.keys(result.errors).filter((k) => k !== "");
    if (!fields.length) return null;
    return (
      <div className="alert alert--error builder-toast" role="alert">
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
  if (created)
    return (
      <div className="alert alert--ok builder-toast" role="status">
        Survey created. Review the questions, then publish when you are ready.
      </div>
    );
  return null;
}
