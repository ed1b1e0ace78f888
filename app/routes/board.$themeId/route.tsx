import type { MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/Field";
import { TrendBadge } from "~/board/TrendBadge";
import { triggerLabel } from "~/prospects/readiness";
import { percent } from "~/components/format";

import { EditThemeSection } from "./EditThemeSection";
import { FieldNotesSection } from "./FieldNotesSection";
import { MembersSection } from "./MembersSection";
import type { action, loader } from "./route.server";
import { ValuePropositionSection } from "./ValuePropositionSection";

export { action, loader } from "./route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.theme.label ?? "Theme"} · Board · Painmap` }];

// Marking notes read must not reload the page: the "New" flags stay until the next visit.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "seen" ? false : defaultShouldRevalidate;

export default function ThemePage() {
  const loaderData = useLoaderData<typeof loader>();
  const { theme, card } = loaderData;
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const sections = { data: loaderData, errors, busy };
  return (
    <div className="page theme-page">
      <p>
        <Link to="/board">← Board</Link>
      </p>
      <div className="page-head">
        <h1>{theme.label}</h1>
        <div className="row">
          {theme.status === "hidden" ? <span className="badge badge--warn">Hidden from the board</span> : null}
          {theme.pinned ? <span className="badge">Pinned</span> : null}
          {card ? <TrendBadge trend={card.trend} /> : null}
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {theme.summary ? <p className="theme-summary">{theme.summary}</p> : null}
      <FormErrors errors={errors?.[""]} />
      {card ? (
        <p className="muted">
          {card.respondents} respondents ({percent(card.share)}) · average pain{" "}
          {card.avgSeverity === null ? "–" : card.avgSeverity.toFixed(1)} / 10
          {card.triggerMix.length ? ` · triggers: ${card.triggerMix.map((t) => `${triggerLabel(t.type)} ${t.count}`).join(", ")}` : ""}
        </p>
      ) : null}
      {theme.customLabel ? <p className="muted">Analysis label: {theme.analysisLabel}</p> : null}

      <ValuePropositionSection {...sections} />
      <FieldNotesSection {...sections} />
      <EditThemeSection {...sections} />
      <MembersSection {...sections} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
