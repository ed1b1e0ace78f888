/** Invited, sent, opened (link followed), started, completed: the survey's invitation funnel. */
export interface FunnelFigures {
  invited: number;
  sent: number;
  opened: number;
  started: number;
  completed: number;
  failed: number;
}

export function InvitationFunnel({ funnel }: { funnel: FunnelFigures }) {
  if (funnel.invited === 0) return <p className="muted">Nobody has been invited by email yet.</p>;
  const items: [string, number][] = [
    ["Invited", funnel.invited],
    ["Sent", funnel.sent],
    ["Opened", funnel.opened],
    ["Started", funnel.started],
    ["Completed", funnel.completed],
  ];
  return (
    <>
      <dl className="response-dl" data-testid="invitation-funnel">
        {items.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-figure={label.toLowerCase()}>{n}</dd>
          </div>
        ))}
      </dl>
      {funnel.failed ? (
        <p className="alert alert--warn" role="status">
          {funnel.failed} {funnel.failed === 1 ? "invitation" : "invitations"} failed or bounced: see the outbox for each recipient.
        </p>
      ) : null}
    </>
  );
}
