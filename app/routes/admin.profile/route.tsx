import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors } from "~/components/Field";
import { formatDate } from "~/components/format";
import { CRITERION_KEYS, CRITERION_LABELS, DEFAULT_PROFILE } from "~/prospects/profile";
import { INDUSTRY_OPTIONS, REGION_OPTIONS } from "~/surveys/template";
import { firstError } from "~/utils/forms";
import type { action, loader } from "./route.server";

export { action, loader } from "./route.server";

export const meta: MetaFunction = () => [{ title: "Qualification profile · Painmap" }];

export default function ProfilePage() {
  const { current, versions, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const p = current.profile;
  const weight = (key: string) => p.criteria.find((c) => c.key === key);
  const industries = [...new Set([...INDUSTRY_OPTIONS, ...p.gates.industries])];
  const regions = [...new Set([...REGION_OPTIONS, ...p.gates.regions])];
  const disabled = !canEdit;
  return (
    <div className="page">
      {canEdit ? (
        <p>
          <Link to="/admin/users">← Users</Link>
        </p>
      ) : null}
      <div className="page-head">
        <div>
          <h1>Qualification profile</h1>
          <p className="muted">
            Version {current.version}. Gates must pass or a person is not a fit, whatever the score. Readiness = 100 × the weighted mean of
            the criteria. Ready now: score at or above the bar, a decision within one sales cycle and enough pain.
          </p>
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {errors ? (
        <div className="alert alert--error" role="alert">
          Some values need fixing: see the messages below.
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      {!canEdit ? <p className="alert alert--warn">Only an admin can change the profile. You can read it here.</p> : null}

      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="save" />
        <fieldset
          className={errors?.industries ? "fieldset fieldset--error" : "fieldset"}
          disabled={disabled}
          aria-describedby={errors?.industries ? "industries-error" : undefined}
        >
          <legend>Gate: industries allowed</legend>
          <div className="choices-grid">
            {industries.map((i) => (
              <label key={i} className="choice">
                <input type="checkbox" name="industries" value={i} defaultChecked={p.gates.industries.includes(i)} /> <span>{i}</span>
              </label>
            ))}
          </div>
          {errors?.industries ? (
            <p className="error" id="industries-error">
              {errors.industries[0]}
            </p>
          ) : null}
        </fieldset>
        <fieldset
          className={errors?.regions ? "fieldset fieldset--error" : "fieldset"}
          disabled={disabled}
          aria-describedby={errors?.regions ? "regions-error" : undefined}
        >
          <legend>Gate: regions allowed</legend>
          <div className="choices-grid">
            {regions.map((r) => (
              <label key={r} className="choice">
                <input type="checkbox" name="regions" value={r} defaultChecked={p.gates.regions.includes(r)} /> <span>{r}</span>
              </label>
            ))}
          </div>
          {errors?.regions ? (
            <p className="error" id="regions-error">
              {errors.regions[0]}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="fieldset" disabled={disabled}>
          <legend>Gate: size</legend>
          <Field id="maxSites" label="At most this many sites" error={firstError(errors, "maxSites")} required>
            {(aria) => (
              <input {...aria} name="maxSites" type="number" min={1} step={1} inputMode="numeric" defaultValue={p.gates.maxSites} />
            )}
          </Field>
        </fieldset>
        <fieldset
          className={errors?.criteria ? "fieldset fieldset--error" : "fieldset"}
          disabled={disabled}
          aria-describedby={errors?.criteria ? "criteria-error" : undefined}
        >
          <legend>Scored criteria and weights (0 to 1)</legend>
          <p className="help">Weights are normalised by their sum, so the score stays between 0 and 100.</p>
          {CRITERION_KEYS.map((key) => (
            <div key={key} className="row criterion">
              <label className="choice">
                <input type="checkbox" name={`use_${key}`} defaultChecked={Boolean(weight(key))} /> <span>{CRITERION_LABELS[key]}</span>
              </label>
              <label className="sr-only" htmlFor={`weight_${key}`}>
                Weight for {CRITERION_LABELS[key]}
              </label>
              <input
                id={`weight_${key}`}
                name={`weight_${key}`}
                type="number"
                min={0}
                max={1}
                step="0.01"
                inputMode="decimal"
                defaultValue={weight(key)?.weight ?? DEFAULT_PROFILE.criteria.find((c) => c.key === key)?.weight}
                style={{ width: "6rem" }}
              />
            </div>
          ))}
          {errors?.criteria ? (
            <p className="error" id="criteria-error" role="alert">
              {errors.criteria.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="fieldset" disabled={disabled}>
          <legend>Ready now</legend>
          <Field id="readyScore" label="Score at least (0-100)" error={firstError(errors, "readyScore")} required>
            {(aria) => (
              <input {...aria} name="readyScore" type="number" min={0} max={100} step="any" defaultValue={p.thresholds.readyScore} />
            )}
          </Field>
          <Field
            id="minPain"
            label="Pain at least (0-1)"
            help="0.7 means a pain severity of 7 out of 10."
            error={firstError(errors, "minPain")}
            required
          >
            {(aria) => <input {...aria} name="minPain" type="number" min={0} max={1} step="0.05" defaultValue={p.thresholds.minPain} />}
          </Field>
          <Field
            id="cycleDays"
            label="Sales cycle (days)"
            help="A decision must be due within one cycle."
            error={firstError(errors, "cycleDays")}
            required
          >
            {(aria) => <input {...aria} name="cycleDays" type="number" min={1} max={730} step={1} defaultValue={p.thresholds.cycleDays} />}
          </Field>
        </fieldset>
        {canEdit ? (
          <div className="row">
            <button type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Saving and re-scoring…" : "Save as new version"}
            </button>
          </div>
        ) : null}
      </Form>
      {canEdit ? (
        <Form method="post" className="row" style={{ marginTop: "0.75rem" }}>
          <input type="hidden" name="intent" value="defaults" />
          <button type="submit" className="button--secondary button--small" disabled={navigation.state === "submitting"}>
            Restore the DESIGN.md defaults
          </button>
        </Form>
      ) : null}

      <h2>Versions</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.id}>
            Version {v.version} — {formatDate(v.createdAt)} UTC{v.by ? ` by ${v.by}` : " (defaults)"}
          </li>
        ))}
      </ul>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
