/**
 * A field humans never see (hidden by CSS, skipped by tab order and screen readers); bots that
 * fill every input fill it. Named like a real field so that they do.
 */
export const HONEYPOT_FIELD = "website_url";
