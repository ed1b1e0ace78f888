import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/Field";

import { MergeHistory } from "./MergeHistory";
import { MergePreview } from "./MergePreview";
import { PairList } from "./PairList";
import type { action, loader } from "./route.server";

export { action, loader } from "./route.server";

export const meta: MetaFunction = () => [{ title: "Likely duplicates · Prospects · Painmap" }];

export default function DuplicatesPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="page">
      <p>
        <Link to="/prospects">← All prospects</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Likely duplicates</h1>
          <p className="muted">
            People who may be one person under two addresses: the same company email domain and name, or the same company and job title.
            Without permission to contact you see a pseudonym with role, industry and region, and which details match, not the details
            themselves.
          </p>
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      {data.previewError && !result?.ok ? (
        <div className="alert alert--error" role="alert">
          {data.previewError}
        </div>
      ) : null}
      {data.preview && !result?.ok ? <MergePreview preview={data.preview} errors={errors} busy={busy} /> : null}
      <section aria-labelledby="pairs-h">
        <h2 id="pairs-h">Suggested pairs ({data.pairs.length})</h2>
        <PairList pairs={data.pairs} />
      </section>
      <MergeHistory merges={data.merges} busy={busy} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
