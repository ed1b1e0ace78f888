import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/Field";

import { ActionsSection } from "./ActionsSection";
import { AnswersSection } from "./AnswersSection";
import { ConsentSection } from "./ConsentSection";
import { OpportunitySection } from "./OpportunitySection";
import { ProspectHead } from "./ProspectHead";
import type { action, loader } from "./route.server";
import { SignalsSection } from "./SignalsSection";
import { WhySection } from "./WhySection";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.prospect.label || "Prospect"} · Painmap` }];

export default function ProspectPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const intent = navigation.formData?.get("intent");
  const p = data.prospect;
  return (
    <div className="page">
      <p>
        <Link to="/prospects">← All prospects</Link>
      </p>
      <ProspectHead prospect={p} />

      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      {data.unsubscribed ? (
        <div className="alert alert--warn" role="status">
          This person opted out of all email. Do not contact them; they are left out of lists, exports and the API.
        </div>
      ) : null}

      <div className="grid">
        <WhySection prospect={p} />
        <SignalsSection prospect={p} />
        <ActionsSection data={data} errors={errors} busy={busy} intent={intent} />
      </div>

      <OpportunitySection data={data} errors={errors} busy={busy} />
      <AnswersSection answers={data.answers} />
      <ConsentSection data={data} errors={errors} busy={busy} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
