import type { Generated } from "kysely";
import type { Timestamp, Role } from "./columns.js";

/** Staff accounts, sessions, API keys and single-use tokens. */

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a leaked table does not leak live sessions */
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface UsedTokensTable {
  jti: string;
  purpose: string;
  used_at: Timestamp;
}
