import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { LIMITS, isoToCloseDate } from "~/surveys/schemas";
import { type FieldErrors, firstError } from "~/utils/forms";
import type { LoaderData } from "./types";

export function DetailsForm({
  survey,
  errors,
  values,
  pending,
}: {
  survey: LoaderData["survey"];
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: boolean;
}) {
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Title and introduction</h2>
      <Form method="post" preventScrollReset noValidate key={`details-${survey.updatedAt}`}>
        <input type="hidden" name="intent" value="details" />
        <Field id="survey-title" label="Title" error={firstError(errors, "title")} required>
          {(aria) => (
            <input {...aria} name="title" type="text" defaultValue={values?.title ?? survey.title} maxLength={LIMITS.title} required />
          )}
        </Field>
        <Field
          id="survey-intro"
          label="Introduction"
          help="Shown above the first page of the public survey."
          error={firstError(errors, "intro")}
        >
          {(aria) => <textarea {...aria} name="intro" rows={3} defaultValue={values?.intro ?? survey.intro} maxLength={LIMITS.intro} />}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save title and introduction"}
        </button>
      </Form>
    </section>
  );
}

export function LimitsForm({
  survey,
  errors,
  values,
  pending,
}: {
  survey: LoaderData["survey"];
  errors?: FieldErrors;
  values?: Record<string, string>;
  pending: boolean;
}) {
  return (
    <section className="card" aria-labelledby="limits-heading">
      <h2 id="limits-heading">Close date and response cap</h2>
      <Form method="post" preventScrollReset noValidate key={`limits-${survey.updatedAt}`} className="builder-limits">
        <input type="hidden" name="intent" value="limits" />
        <Field
          id="closes-at"
          label="Close date"
          help="The survey stops taking answers at the end of this day (UTC). Leave empty for no date."
          error={firstError(errors, "closesAt")}
        >
          {(aria) => <input {...aria} name="closesAt" type="date" defaultValue={values?.closesAt ?? isoToCloseDate(survey.closesAt)} />}
        </Field>
        <Field
          id="max-responses"
          label="Response cap"
          help="Stop after this many complete responses. Leave empty for no cap."
          error={firstError(errors, "maxResponses")}
        >
          {(aria) => (
            <input
              {...aria}
              name="maxResponses"
              type="number"
              inputMode="numeric"
              min={1}
              max={LIMITS.maxResponses}
              step={1}
              defaultValue={values?.maxResponses ?? survey.maxResponses ?? ""}
            />
          )}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save close date and cap"}
        </button>
      </Form>
    </section>
  );
}
