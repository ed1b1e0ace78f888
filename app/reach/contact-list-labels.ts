/** What the per-row report says about a contact that will not be invited (shared with the page). */
export type RowProblem = "malformed_email" | "duplicate" | "opted_out" | "bounced_before" | "invited_already";

export const ROW_PROBLEM_LABELS: Record<RowProblem, string> = {
  malformed_email: "Not a valid email address: nothing sent.",
  duplicate: "Appears earlier in the list: sent once.",
  opted_out: "Opted out of our email: nothing sent.",
  bounced_before: "Bounced before: nothing sent.",
  invited_already: "Invited to this survey already: nothing sent.",
};
