import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import type { FieldErrors } from "~/utils/forms";
import type { LoaderData } from "./types";

/** How the public form paces questions (ADR 0601). Its own form so saving it never resets the others. */
export function FlowForm({ survey, errors, pending }: { survey: LoaderData["survey"]; errors?: FieldErrors; pending: boolean }) {
  const problems = errors ? Object.values(errors).flat() : [];
  return (
    <section className="card" aria-labelledby="flow-heading">
      <h2 id="flow-heading">How questions are shown</h2>
      <Form method="post" preventScrollReset noValidate key={`flow-${survey.updatedAt}`}>
        <input type="hidden" name="intent" value="flow" />
        {problems.length ? <FormErrors errors={problems} /> : null}
        <div className="field">
          <label className="choice" htmlFor="survey-one-at-a-time">
            <input
              id="survey-one-at-a-time"
              type="checkbox"
              name="oneAtATime"
              value="on"
              defaultChecked={survey.oneAtATime}
              aria-describedby="survey-one-at-a-time-help"
            />
            <span>One question at a time</span>
          </label>
          <p className="help" id="survey-one-at-a-time-help">
            Prospects see one question per screen and can answer with the keyboard (letters pick a choice, Enter goes on). Without
            JavaScript the survey still shows a page of questions at a time.
          </p>
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save how questions are shown"}
        </button>
      </Form>
    </section>
  );
}
