/** One labelled <select> of a GET filter form: an empty "any" choice first, then the options. */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  /** The empty choice; "All" unless given. */
  anyLabel?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value}>
        <option value="">{props.anyLabel ?? "All"}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
