import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field, FormErrors } from "~/components/Field";
import { createSurvey } from "../../db/queries/surveys";
import { NewSurveySchema } from "~/surveys/schemas";
import {
  DEFAULT_TEMPLATE_VARS,
  MARKET_VALIDATION_TEMPLATE,
  MARKET_VALIDATION_TITLE,
  marketValidationIntro,
  marketValidationQuestions,
} from "~/surveys/template";
import { MARKETING_ROLES, requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { newSurveySlug } from "~/utils/slug.server";

export const meta: MetaFunction = () => [{ title: "New survey · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, MARKETING_ROLES);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, MARKETING_ROLES);
  const form = await readFormData(request, 32 * 1024);
  const parsed = parseWith(NewSurveySchema, form);
  if (!parsed.success) return badRequest(parsed.errors, { start: form.get("start") === "blank" ? "blank" : "template" });
  const input = parsed.data;

  const id =
    input.start === "template"
      ? await createSurvey(
          db(),
          {
            slug: newSurveySlug(),
            title: input.title,
            intro: marketValidationIntro(input),
            template: MARKET_VALIDATION_TEMPLATE,
            templateVars: { problem: input.problem, area: input.area, category: input.category },
            createdBy: user.id,
          },
          marketValidationQuestions(input),
        )
      : await createSurvey(db(), { slug: newSurveySlug(), title: input.title, intro: "", template: null, createdBy: user.id }, []);
  return redirect(`/surveys/${id}/edit?created=1`);
}

export default function NewSurvey() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : undefined;
  const tplErrors = failed?.start === "template" ? failed.errors : undefined;
  const blankErrors = failed?.start === "blank" ? failed.errors : undefined;
  const busy = navigation.state !== "idle" && navigation.formAction?.startsWith("/surveys/new");
  const busyStart = busy ? navigation.formData?.get("start") : null;

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/surveys">← All surveys</Link>
      </p>
      <h1>New survey</h1>

      <section className="card" aria-labelledby="tpl-heading">
        <h2 id="tpl-heading">Market validation study</h2>
        <p className="muted">
          Our template: who they are, their pain in their own words, what triggered it, budget and timing, and consent to follow up. Fill in
          the three words in brackets; you can change every question afterwards.
        </p>
        <FormErrors errors={tplErrors?.[""] ?? tplErrors?.start} />
        <Form method="post" noValidate>
          <input type="hidden" name="start" value="template" />
          <Field id="tpl-title" label="Title" error={firstError(tplErrors, "title")} required>
            {(aria) => <input {...aria} name="title" type="text" defaultValue={MARKET_VALIDATION_TITLE} maxLength={200} required />}
          </Field>
          <Field
            id="tpl-problem"
            label="[problem]"
            help={
              <>
                Fills in “Tell us about the last time <em>[problem]</em> got in your way.”
              </>
            }
            error={firstError(tplErrors, "problem")}
            required
          >
            {(aria) => <input {...aria} name="problem" type="text" defaultValue={DEFAULT_TEMPLATE_VARS.problem} maxLength={120} required />}
          </Field>
          <Field
            id="tpl-area"
            label="[area]"
            help={
              <>
                Fills in “How much pain are you in around <em>[area]</em>?”
              </>
            }
            error={firstError(tplErrors, "area")}
            required
          >
            {(aria) => <input {...aria} name="area" type="text" defaultValue={DEFAULT_TEMPLATE_VARS.area} maxLength={120} required />}
          </Field>
          <Field
            id="tpl-category"
            label="[category]"
            help={
              <>
                Fills in “How compelling is <em>[category]</em> to you?”
              </>
            }
            error={firstError(tplErrors, "category")}
            required
          >
            {(aria) => (
              <input {...aria} name="category" type="text" defaultValue={DEFAULT_TEMPLATE_VARS.category} maxLength={120} required />
            )}
          </Field>
          <button type="submit" disabled={busyStart === "template"}>
            {busyStart === "template" ? "Creating…" : "Create from template"}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="blank-heading">
        <h2 id="blank-heading">Blank survey</h2>
        <p className="muted">Start with no questions and add your own.</p>
        <FormErrors errors={blankErrors?.[""] ?? blankErrors?.start} />
        <Form method="post" noValidate>
          <input type="hidden" name="start" value="blank" />
          <Field id="blank-title" label="Title" error={firstError(blankErrors, "title")} required>
            {(aria) => <input {...aria} name="title" type="text" maxLength={200} required />}
          </Field>
          <button type="submit" className="button--secondary" disabled={busyStart === "blank"}>
            {busyStart === "blank" ? "Creating…" : "Create blank survey"}
          </button>
        </Form>
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
