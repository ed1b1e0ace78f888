import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/Field";
import { findUserByEmail } from "../../db/queries/users";
import { safeRedirect } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { database, db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { decoyHash, verifyPassword } from "~/utils/password.server";
import { appRateLimiter, type SharedRateLimiter } from "~/jobs/shared-rate-limit.server";
import { clientAddress, tooManyRequests } from "~/utils/rate-limit.server";
import { sessionUser, startSession } from "~/utils/session.server";

export const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
  redirectTo: z.string().max(2000).optional(),
});

export const meta: MetaFunction = () => [{ title: "Log in · Painmap" }];

const WRONG_CREDENTIALS = "That email and password do not match an account.";
/**
 * Two one-minute limits, shared by every server on PostgreSQL (ADR 0500): every attempt counts against the source address, and every failed
 * attempt counts against the account, so spreading guesses over many addresses gains nothing.
 * The account check comes before the password is checked and answers alike for unknown emails.
 */
let limiters: { ip: SharedRateLimiter; account: SharedRateLimiter } | undefined;
// Shared by every app server on PostgreSQL (app/jobs/shared-rate-limit.server.ts).
const loginLimiters = () =>
  (limiters ??= {
    ip: appRateLimiter("login-ip", env().LOGIN_RATE_LIMIT, 60_000, database().pool),
    account: appRateLimiter("login-account", env().LOGIN_RATE_LIMIT, 60_000, database().pool),
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await sessionUser(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (user) throw redirect(safeRedirect(redirectTo));
  // The form's hidden field carries only a sanitised value (never the raw query text).
  return json({ redirectTo: safeRedirect(redirectTo, "") });
}

export async function action({ request }: ActionFunctionArgs) {
  const limit = loginLimiters();
  const ip = `ip:${clientAddress(request)}`;
  const ipWait = await limit.ip.hit(ip);
  if (ipWait) return tooManyRequests(ipWait);

  const parsed = parseWith(LoginSchema, await readFormData(request, 16 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const { email, password, redirectTo } = parsed.data;
  const account = `account:${email.toLowerCase()}`;
  const accountWait = await limit.account.wait(account);
  if (accountWait) return tooManyRequests(accountWait, "Too many attempts for this account. Please wait a minute and try again.");

  const user = await findUserByEmail(db(), email);
  // Unknown user and wrong password take the same time and get the same answer.
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  if (!user || !valid || user.disabled_at) {
    await limit.account.hit(account);
    return badRequest({ "": [WRONG_CREDENTIALS] });
  }
  await limit.account.reset(account);

  const cookie = await startSession(user.id);
  const fallback = user.role === "sales" ? "/prospects/today" : "/surveys";
  return redirect(safeRedirect(redirectTo, fallback), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const result = useActionData<typeof action>();
  // A 429 (too many attempts) arrives as its plain-text message, not as field errors.
  const refused = typeof (result as unknown) === "string" ? (result as unknown as string) : undefined;
  const errors = result && typeof result === "object" && "errors" in result ? result.errors : undefined;
  const { redirectTo } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="page--narrow">
      <div className="card" style={{ marginTop: "3rem" }}>
        <h1>Log in to Painmap</h1>
        <FormErrors errors={refused ? [refused] : errors?.[""]} />
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field id="email" label="Email" error={firstError(errors, "email")} required>
            {(aria) => <input {...aria} name="email" type="email" autoComplete="username" required autoFocus />}
          </Field>
          <Field id="password" label="Password" error={firstError(errors, "password")} required>
            {(aria) => <input {...aria} name="password" type="password" autoComplete="current-password" required />}
          </Field>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Logging in…" : "Log in"}
          </button>
        </Form>
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
