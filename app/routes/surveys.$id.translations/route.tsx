import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/Field";
import { LANGUAGE_LABELS, TRANSLATION_LANGUAGES } from "~/surveys/i18n/languages";
import { firstError } from "~/utils/forms";
import type { action, loader } from "./route.server";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Translations · ${data?.survey.title ?? "Survey"} · Painmap` }];

export default function SurveyTranslations() {
  const { survey, language, languages, entries, values: stored } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? (result.errors as Record<string, string[]>) : undefined;
  const posted = result && "values" in result && result.intent === "save" ? (result.values as Record<string, string>) : undefined;
  const values = posted ?? stored;
  const status = new Map(languages.map((l) => [l.language, l]));
  const current = status.get(language);
  const fieldErrorCount = errors ? Object.keys(errors).filter((k) => k !== "" && k !== "file").length : 0;
  const name = LANGUAGE_LABELS[language];
  return (
    <div className="page">
      <p>
        <Link to={`/surveys/${survey.id}/edit`}>← Back to the survey</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Translations: {survey.title}</h1>
          <p className="muted">
            The survey is written in English. A prospect sees a translation when their browser asks for that language, and can switch
            language on the form. A translation is offered only once every prompt, help text and option has one.
          </p>
        </div>
      </div>
      <nav aria-label="Languages" className="row">
        {TRANSLATION_LANGUAGES.map((l) => (
          <Link
            key={l}
            to={`?lang=${l}`}
            className={l === language ? "button button--small" : "button button--secondary button--small"}
            aria-current={l === language ? "page" : undefined}
          >
            {LANGUAGE_LABELS[l]}{" "}
            <span className="small">({status.get(l) ? (status.get(l)!.complete ? "complete" : "needs updating") : "none"})</span>
          </Link>
        ))}
      </nav>
      {result && "message" in result ? (
        <div className="alert alert--ok" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      {current && !current.complete ? (
        <div className="alert alert--warn" role="status">
          <p>
            The survey changed since this translation was written: the strings left empty below need a translation before prospects see{" "}
            {name}.
          </p>
        </div>
      ) : null}

      <h2>Import or export {name} as CSV</h2>
      <div className="card">
        <p>
          <a href={`/surveys/${survey.id}/translations.csv?lang=${language}`} download>
            Download the strings as CSV ({name})
          </a>{" "}
          <span className="muted small">
            Columns: key, en, {language}. Fill the “{language}” column and import it here.
          </span>
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="lang" value={language} />
          <Field id="translation-file" label="CSV file" error={firstError(errors, "file")}>
            {(aria) => <input {...aria} type="file" name="file" accept=".csv,text/csv" />}
          </Field>
          {errors?.file && errors.file.length > 1 ? <FormErrors errors={errors.file.slice(1)} /> : null}
          <button type="submit" name="intent" value="import" className="button--secondary">
            Import CSV
          </button>
        </Form>
      </div>

      <h2>Translate into {name}</h2>
      {fieldErrorCount ? (
        <div className="alert alert--error" role="alert">
          <p>
            {fieldErrorCount === 1 ? "One string needs your attention." : `${fieldErrorCount} strings need your attention.`} Nothing was
            saved.
          </p>
        </div>
      ) : null}
      <Form method="post" className="card" noValidate key={`${language}-${posted ? "posted" : "stored"}`}>
        <input type="hidden" name="lang" value={language} />
        {entries.map((e) => (
          <Field
            key={e.key}
            id={`t-${e.key}`}
            label={e.label}
            help={<>English: {e.source || "(empty)"}</>}
            error={firstError(errors, e.key)}
            required={e.required}
          >
            {(aria) =>
              e.long ? (
                <textarea {...aria} name={e.key} rows={3} defaultValue={values[e.key] ?? ""} lang={language} />
              ) : (
                <input {...aria} name={e.key} defaultValue={values[e.key] ?? ""} lang={language} />
              )
            }
          </Field>
        ))}
        <button type="submit" name="intent" value="save">
          Save {name} translation
        </button>
      </Form>
      {current ? (
        <details>
          <summary className="button button--quiet">Remove the {name} translation…</summary>
          <Form method="post">
            <input type="hidden" name="lang" value={language} />
            <p>Prospects will see the survey in English instead. Answers already given keep their language.</p>
            <button type="submit" name="intent" value="remove" className="button--danger">
              Yes, remove the {name} translation
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
