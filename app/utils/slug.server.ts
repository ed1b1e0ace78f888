import { randomToken } from "./tokens.server.js";

/** 144 random bits (24 base64url characters): a survey link cannot be guessed or enumerated. */
export function newSurveySlug(): string {
  return randomToken(18);
}
