import { Form, Link } from "@remix-run/react";
import type { BoardOptions } from "~/board/board-cards";
import { FilterSelect } from "~/components/FilterSelect";
import type { BoardQuery } from "./board-schemas";

/** The board's filters and sort order, as a GET form (the URL is the state). */
export function FiltersForm({ scopeParam, query, options }: { scopeParam: string; query: Partial<BoardQuery>; options: BoardOptions }) {
  return (
    <Form method="get" className="filters card" aria-label="Filter the board">
      <input type="hidden" name="scope" value={scopeParam} />
      <FilterSelect
        id="f-survey"
        name="survey"
        label="Survey"
        value={query.survey ? String(query.survey) : ""}
        options={options.surveys.map((s) => ({ value: String(s.id), label: s.title }))}
      />
      <FilterSelect
        id="f-industry"
        name="industry"
        label="Industry"
        value={query.industry ?? ""}
        options={options.industry.map((v) => ({ value: v, label: v }))}
      />
      <FilterSelect
        id="f-region"
        name="region"
        label="Region"
        value={query.region ?? ""}
        options={options.region.map((v) => ({ value: v, label: v }))}
      />
      <FilterSelect
        id="f-role"
        name="role"
        label="Buying role"
        value={query.role ?? ""}
        options={options.buyingRole.map((v) => ({ value: v, label: v }))}
      />
      <FilterSelect
        id="f-source"
        name="source"
        label="Source"
        value={query.source ?? ""}
        options={options.source.map((v) => ({ value: v, label: v }))}
      />
      <div className="field">
        <label htmlFor="f-sort">Sort by</label>
        <select id="f-sort" name="sort" defaultValue={query.sort}>
          <option value="impact">Impact (share × severity)</option>
          <option value="share">Share</option>
          <option value="severity">Severity</option>
          <option value="respondents">Respondents</option>
        </select>
      </div>
      <div className="row">
        <button type="submit" className="button--secondary">
          Apply
        </button>
        <Link to={`/board?scope=${scopeParam}`}>Clear</Link>
      </div>
    </Form>
  );
}
