import { Form } from "@remix-run/react";

/** Starts an analysis run of one survey or of all of them (marketing roles only). */
export function RunForm({
  scopeParam,
  surveys,
  starting,
  disabled,
}: {
  scopeParam: string;
  surveys: Array<{ id: number; title: string }>;
  starting: boolean;
  disabled: boolean;
}) {
  return (
    <Form method="post" className="card row board-run" noValidate>
      <input type="hidden" name="intent" value="run" />
      <label htmlFor="run-scope">Analyse</label>
      <select id="run-scope" name="scope" defaultValue={scopeParam}>
        <option value="all">All surveys</option>
        {surveys.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <button type="submit" disabled={starting || disabled}>
        {starting ? "Starting…" : "Run analysis"}
      </button>
    </Form>
  );
}
