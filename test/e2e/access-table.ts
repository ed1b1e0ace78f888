/**
 * Who may do what: the one table the access matrix (access-matrix.spec.ts) checks. Every route of
 * the server build must have a row here, and every row a route: a new route fails the matrix until
 * its expected access is written down.
 *
 * Levels say who is let in; `expected(level, role)` turns them into the outcome each role must get.
 * Pages are requested with real ids (so "ok" means the page really rendered); actions are posted
 * with only their `intent` and, where the route takes an id, an id that does not exist, so an
 * allowed role is refused by validation or gets a 404 and nothing changes.
 */
export const ROLES = ["anonymous", "prospect", "sales", "marketer", "admin", "apiKey", "revokedKey"] as const;
export type Role = (typeof ROLES)[number];

export type Outcome = "ok" | "redirect" | "login" | "forbidden" | "unauthorized" | "notfound" | "refused" | "error";

export type Level =
  | "public" // anyone, logged in or not
  | "guest" // the login page: staff are sent on
  | "staff" // ALL_ROLES
  | "marketing" // MARKETING_ROLES
  | "sales" // SALES_ROLES
  | "admin"
  | "api" // a live API key only
  | "redirect"; // only ever redirects

const STAFF: readonly Role[] = ["sales", "marketer", "admin"];
const LEVEL_ROLES: Partial<Record<Level, readonly Role[]>> = {
  staff: STAFF,
  marketing: ["marketer", "admin"],
  sales: ["sales", "admin"],
  admin: ["admin"],
};

/** What a role gets from a page (GET) or its loader JSON at this level. */
export function expectedPage(level: Level, role: Role): Outcome {
  const staff = STAFF.includes(role);
  switch (level) {
    case "public":
      return "ok";
    case "guest":
      return staff ? "redirect" : "ok";
    case "redirect":
      return "redirect";
    case "api":
      return role === "apiKey" ? "ok" : "unauthorized";
    default:
      if (!staff) return "login"; // an API key opens no page, a resume token no staff page
      return LEVEL_ROLES[level]!.includes(role) ? "ok" : "forbidden";
  }
}

/** "allowed" means: past the access check (a 2xx, a redirect, a 400 for the missing fields, or a 404 for the missing id). */
export type ActionOutcome = "allowed" | Outcome;
export function expectedAction(level: Level, role: Role): ActionOutcome {
  const page = expectedPage(level, role);
  return page === "ok" || page === "redirect" ? "allowed" : page;
}

export interface RouteAccess {
  /** Path with placeholders filled from the demo data: {surveyId} {responseId} {themeId} {personId} {runId} {slug} {token}. */
  page: string;
  level: Level;
  /** Per-role exceptions to the level, each with its reason. */
  pageOverrides?: Partial<Record<Role, Outcome>>;
  /** Where actions are posted (ids that do not exist); defaults to `page`. */
  actionPath?: string;
  actions?: Array<{ intent: string; level: Level; overrides?: Partial<Record<Role, ActionOutcome>> }>;
}

const MISSING = "999999";
// board.$themeId validates the body and looks the theme up before its marketing-only check, so an
// intent-only post gets sales a 400, not a 403 (board.spec.ts checks the 403 with a full body).
const THEME_EDIT = { level: "marketing" as const, overrides: { sales: "refused" as const } };

export const ACCESS: Record<string, RouteAccess> = {
  "routes/_index": {
    page: "/",
    level: "redirect",
    pageOverrides: { anonymous: "login", prospect: "login", apiKey: "login", revokedKey: "login" },
  },
  "routes/login": { page: "/login", level: "guest", actions: [{ intent: "", level: "public" }] },
  // Logging out is for anyone: it ends whatever session there is (posted with a throwaway session).
  // (and it always lands on the login page).
  "routes/logout": {
    page: "/logout",
    level: "redirect",
    actions: [{ intent: "", level: "public", overrides: Object.fromEntries(ROLES.map((role) => [role, "login"])) }],
  },
  "routes/s.$slug": {
    page: "/s/{slug}",
    level: "public",
    actionPath: `/s/no-such-survey-${MISSING}`,
    actions: [
      { intent: "", level: "public" },
      { intent: "back", level: "public" },
      { intent: "autosave", level: "public" },
    ],
  },
  "routes/s.$slug_.thanks": { page: "/s/{slug}/thanks", level: "public" },
  "routes/unsubscribe.$token": { page: "/unsubscribe/{token}", level: "public", actions: [{ intent: "", level: "public" }] },
  // Issue 14: the emailed links and the survey's two small posts (resume by email, invitation opened).
  "routes/confirm.$token": { page: "/confirm/{token}", level: "public", actions: [{ intent: "", level: "public" }] },
  "routes/s.$slug_.resume-link": { page: "/s/{slug}/resume-link", level: "redirect", actions: [{ intent: "", level: "public" }] },
  "routes/s.$slug_.opened": { page: "/s/{slug}/opened", level: "redirect", actions: [{ intent: "", level: "public" }] },
  "routes/admin.outbox": { page: "/admin/outbox", level: "admin" },
  "routes/surveys.$id.invite": {
    page: "/surveys/{surveyId}/invite",
    level: "marketing",
    actionPath: `/surveys/${MISSING}/invite`,
    actions: [
      { intent: "preview", level: "marketing" },
      { intent: "send", level: "marketing" },
    ],
  },
  // Late bounces (ADR 0702): POST only, so a keyed GET is a 405; the matrix posts a form body, a 415.
  "routes/api.bounces": {
    page: "/api/bounces",
    level: "api",
    pageOverrides: { apiKey: "refused" },
    actions: [{ intent: "", level: "api" }],
  },
  "routes/api.prospects": { page: "/api/prospects", level: "api", actions: [{ intent: "", level: "public" }] },
  "routes/api.responses": { page: "/api/responses", level: "api", actions: [{ intent: "", level: "public" }] },
  // The API's description: public, it holds no data.
  "routes/api.openapi[.]json": { page: "/api/openapi.json", level: "public", actions: [{ intent: "", level: "public" }] },
  "routes/api.runs.$id": { page: "/api/runs/{runId}", level: "staff" },

  "routes/surveys._index": { page: "/surveys", level: "marketing" },
  "routes/surveys.new": { page: "/surveys/new", level: "marketing", actions: [{ intent: "", level: "marketing" }] },
  "routes/surveys.$id._index": {
    page: "/surveys/{surveyId}",
    level: "marketing",
    pageOverrides: { marketer: "redirect", admin: "redirect" },
  },
  "routes/surveys.$id.edit": {
    page: "/surveys/{surveyId}/edit",
    level: "marketing",
    actionPath: `/surveys/${MISSING}/edit`,
    actions: [
      "details",
      "add-question",
      "update-question",
      "remove-question",
      "move-question",
      "logic",
      "limits",
      "flow",
      "publish",
      "close",
      "reopen",
      "undo",
    ].map((intent) => ({ intent, level: "marketing" as const })),
  },
  "routes/surveys.$id.preview": {
    page: "/surveys/{surveyId}/preview",
    level: "marketing",
    actionPath: `/surveys/${MISSING}/preview`,
    actions: [
      { intent: "", level: "marketing" },
      { intent: "back", level: "marketing" },
    ],
  },
  "routes/surveys.$id.import": {
    page: "/surveys/{surveyId}/import",
    level: "marketing",
    actionPath: `/surveys/${MISSING}/import`,
    actions: ["upload", "import"].map((intent) => ({ intent, level: "marketing" as const })),
  },
  "routes/surveys.$id.responses": { page: "/surveys/{surveyId}/responses", level: "marketing" },
  // Quotas and translations (issue 13 items 5 and 6, ADR 0602): marketers set them.
  "routes/surveys.$id.quotas": {
    page: "/surveys/{surveyId}/quotas",
    level: "marketing",
    actionPath: `/surveys/${MISSING}/quotas`,
    actions: ["save", "remove"].map((intent) => ({ intent, level: "marketing" as const })),
  },
  "routes/surveys.$id.translations": {
    page: "/surveys/{surveyId}/translations?lang=es",
    level: "marketing",
    actionPath: `/surveys/${MISSING}/translations`,
    actions: ["save", "import", "remove"].map((intent) => ({ intent, level: "marketing" as const })),
  },
  "routes/surveys.$id.translations[.]csv": { page: "/surveys/{surveyId}/translations.csv?lang=es", level: "marketing" },
  // The validation study report (issue 16): staff read it; marketers change the rule and share it; only admins revoke a share.
  "routes/surveys.$id.report": {
    page: "/surveys/{surveyId}/report",
    level: "staff",
    actionPath: `/surveys/${MISSING}/report`,
    actions: [
      { intent: "rule", level: "marketing" },
      { intent: "share", level: "marketing" },
      { intent: "revoke", level: "admin" },
    ],
  },
  "routes/surveys.$id.report[.]csv": { page: "/surveys/{surveyId}/report.csv", level: "staff" },
  "routes/surveys.$id.report[.]xlsx": { page: "/surveys/{surveyId}/report.xlsx", level: "staff" },
  "routes/reports._index": { page: "/reports", level: "staff" },
  "routes/reports.compare": { page: "/reports/compare?a={surveyId}", level: "staff" },
  // A share link is public; a token that opens nothing is a 404 for everyone.
  "routes/r.$token": { page: "/r/{token}", level: "public", pageOverrides: Object.fromEntries(ROLES.map((role) => [role, "notfound"])) },
  "routes/responses._index": { page: "/responses", level: "marketing" },
  "routes/responses.$id": { page: "/responses/{responseId}", level: "marketing" },
  "routes/responses.export": { page: "/responses/export", level: "marketing" },
  // Trigger corrections: posted from a response's or a theme's page; its own page only explains that.
  "routes/answers.$answerId.triggers": {
    page: "/answers/1/triggers",
    level: "marketing",
    actionPath: `/answers/${MISSING}/triggers`,
    actions: [{ intent: "", level: "marketing" }],
  },

  "routes/board._index": { page: "/board", level: "staff", actions: [{ intent: "run", level: "marketing" }] },
  "routes/board.$themeId": {
    page: "/board/{themeId}",
    level: "staff",
    actionPath: `/board/${MISSING}`,
    actions: [
      { intent: "note", level: "staff" },
      ...["rename", "hide", "unhide", "pin", "unpin", "merge", "split", "move", "vp"].map((intent) => ({ intent, ...THEME_EDIT })),
    ],
  },
  "routes/board.triggers": { page: "/board/triggers", level: "staff" },
  "routes/board.messaging": { page: "/board/messaging", level: "staff" },
  "routes/board.messaging_.export": { page: "/board/messaging/export", level: "staff" },
  "routes/plan": { page: "/plan", level: "staff", actions: [{ intent: "", level: "staff" }] },

  "routes/prospects._index": { page: "/prospects", level: "staff" },
  "routes/prospects.nurture": { page: "/prospects/nurture", level: "staff" },
  "routes/prospects.today": { page: "/prospects/today", level: "staff" },
  "routes/prospects.duplicates": {
    page: "/prospects/duplicates",
    level: "marketing",
    actions: ["merge", "undo"].map((intent) => ({ intent, level: "marketing" as const })),
  },
  "routes/prospects.export[.]csv": { page: "/prospects/export.csv", level: "staff" },
  "routes/prospects.export[.]xlsx": { page: "/prospects/export.xlsx", level: "staff" },
  "routes/prospects.$personId": {
    page: "/prospects/{personId}",
    level: "staff",
    actionPath: `/prospects/${MISSING}`,
    actions: ["accept", "reject", "reopen", "assign", "contacted", "close", "opt-out"].map((intent) => ({
      intent,
      level: "sales" as const,
    })),
  },

  "routes/admin.users": {
    page: "/admin/users",
    level: "admin",
    actions: ["create", "set-role", "disable", "enable"].map((intent) => ({ intent, level: "admin" as const })),
  },
  "routes/admin.api-keys": {
    page: "/admin/api-keys",
    level: "admin",
    actions: ["create", "revoke"].map((intent) => ({ intent, level: "admin" as const })),
  },
  "routes/admin.webhooks": {
    page: "/admin/webhooks",
    level: "admin",
    actions: ["create", "test", "disable", "delete"].map((intent) => ({ intent, level: "admin" as const })),
  },
  // Everyone on staff reads the qualification profile; only admins change it.
  "routes/admin.profile": { page: "/admin/profile", level: "staff", actions: [{ intent: "", level: "admin" }] },
};
