import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import type { CurrentRule } from "../report.server";
import { WINDOW_MONTHS } from "../verdict";

/** The go/no-go rule; saving makes a new version (the old ones stay, and the report names its version). */
export function RuleForm({ rule, errors, busy }: { rule: CurrentRule; errors?: Record<string, string[]>; busy: boolean }) {
  const r = rule.rule;
  const err = (name: string) => errors?.[name]?.[0];
  return (
    <details className="card report-rule">
      <summary>
        Change the verdict rule (version {rule.version}
        {rule.createdByName ? `, by ${rule.createdByName}` : ""})
      </summary>
      <Form method="post" className="grid">
        <input type="hidden" name="intent" value="rule" />
        <Field
          id="painThreshold"
          label="Pain threshold (0–10 scale)"
          error={err("painThreshold")}
          help="A respondent is in pain at this score or more."
        >
          {(aria) => (
            <input {...aria} name="painThreshold" type="number" min={1} max={10} step={1} required defaultValue={r.painThreshold} />
          )}
        </Field>
        <Field id="minPainPercent" label="Share in pain needed (%)" error={err("minPainPercent")}>
          {(aria) => (
            <input
              {...aria}
              name="minPainPercent"
              type="number"
              min={0}
              max={100}
              step="any"
              required
              defaultValue={Math.round(r.minPainShare * 1000) / 10}
            />
          )}
        </Field>
        <Field id="minBudgetPercent" label="Share with budget and a decision needed (%)" error={err("minBudgetPercent")}>
          {(aria) => (
            <input
              {...aria}
              name="minBudgetPercent"
              type="number"
              min={0}
              max={100}
              step="any"
              required
              defaultValue={Math.round(r.minBudgetShare * 1000) / 10}
            />
          )}
        </Field>
        <Field id="withinMonths" label="Decision within (months)" error={err("withinMonths")}>
          {(aria) => (
            <select {...aria} name="withinMonths" defaultValue={String(r.withinMonths)}>
              {WINDOW_MONTHS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="minRespondents" label="Fewest respondents to decide" error={err("minRespondents")}>
          {(aria) => (
            <input {...aria} name="minRespondents" type="number" min={1} max={10000} step={1} required defaultValue={r.minRespondents} />
          )}
        </Field>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : "Save as a new version"}
          </button>
        </div>
      </Form>
    </details>
  );
}
