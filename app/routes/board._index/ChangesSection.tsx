import type { BoardChanges } from "~/board/board-cards";

/** What changed since the previous run; nothing at all when nothing did. */
export function ChangesSection({ changes }: { changes: BoardChanges }) {
  const hasChanges =
    changes.added.length + changes.growing.length + changes.fading.length + changes.gone.length + changes.edited.length > 0;
  if (!hasChanges) return null;
  return (
    <section className="card board-changes" aria-labelledby="changes-title">
      <h2 id="changes-title">Since the previous run</h2>
      <ul>
        {changes.added.length ? (
          <li>
            <strong>New:</strong> {changes.added.join(", ")}
          </li>
        ) : null}
        {changes.growing.length ? (
          <li>
            <strong>Growing:</strong> {changes.growing.join(", ")}
          </li>
        ) : null}
        {changes.fading.length ? (
          <li>
            <strong>Fading:</strong> {changes.fading.join(", ")}
          </li>
        ) : null}
        {changes.gone.length ? (
          <li>
            <strong>No longer found:</strong> {changes.gone.join(", ")}
          </li>
        ) : null}
        {changes.edited.length ? (
          <li>
            <strong>Edited by a marketer:</strong> {changes.edited.join("; ")}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
