import type { Generated } from "kysely";
import type { Timestamp, JsonText } from "./columns.js";

/** Email, invitations, reminders (migration 0010, ADR 0700). */

export type EmailKind = "invitation" | "reminder" | "resume" | "confirm" | "summary";
export type EmailStatus = "queued" | "sent" | "outbox" | "failed" | "bounced" | "suppressed";

export interface EmailMessagesTable {
  id: Generated<number>;
  kind: EmailKind;
  to_email: string;
  to_domain: string;
  person_id: number | null;
  invitation_id: number | null;
  subject: string;
  body_text: string;
  unsubscribe_url: string;
  status: EmailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface InvitationCampaignsTable {
  id: Generated<number>;
  survey_id: number;
  campaign: string;
  reminder_days: number;
  reminder_count: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<number>;
  campaign_id: number;
  survey_id: number;
  person_id: number;
  email: string;
  name: string | null;
  company: string | null;
  role: string | null;
  fields: JsonText;
  sent_at: Timestamp;
  opened_at: Timestamp | null;
  response_id: number | null;
  reminders_sent: Generated<number>;
  last_reminded_at: Timestamp | null;
}

/** One row per survey and person the study summary went to (migration 0016, ADR 0702): never twice. */
export interface StudySummarySendsTable {
  id: Generated<number>;
  survey_id: number;
  person_id: number;
  consent_id: number | null;
  message_id: number;
  created_at: Timestamp;
}
