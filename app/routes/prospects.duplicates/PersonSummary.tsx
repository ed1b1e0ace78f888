import type { PersonCard } from "~/prospects/duplicates-view.server";

/** One person as the consent rule lets staff see them: named with permission to contact, else pseudonym and descriptor. */
export function PersonSummary({ card }: { card: PersonCard }) {
  return (
    <div className="stack-tight">
      <strong>{card.named ? card.name || card.label : card.label}</strong>
      {card.named ? (
        <span className="small break">{[card.jobTitle, card.company, card.email].filter(Boolean).join(" · ")}</span>
      ) : (
        <span className="small muted">Name, company and email hidden: no permission to contact.</span>
      )}
      <span className="small muted">
        {[
          card.descriptor,
          card.source ? `source: ${card.source}` : null,
          card.band ? `${card.band.replace(/_/g, " ")} ${card.score ?? ""}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </span>
    </div>
  );
}
