import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { generateApiKey, insertApiKey, listApiKeys, revokeApiKey } from "../../db/queries/api-keys";
import { Field, FormErrors } from "~/components/Field";
import { formatDate } from "~/components/format";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { ShownOnce } from "~/components/ShownOnce";

export const meta: MetaFunction = () => [{ title: "API keys · Painmap" }];

export const ApiKeyActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      name: z.string().trim().min(1, "Name the key after what uses it, e.g. HubSpot sync.").max(80, "Keep the name under 80 characters."),
    }),
    z.object({ intent: z.literal("revoke"), keyId: z.coerce.number().int().positive() }),
  ],
  { message: "Unknown action." },
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["admin"]);
  return json({ keys: await listApiKeys(db()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, ["admin"]);
  const parsed = parseWith(ApiKeyActionSchema, await readFormData(request, 8 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const database = db();
  if (parsed.data.intent === "create") {
    const { key, prefix, keyHash } = generateApiKey();
    await insertApiKey(database, { name: parsed.data.name, prefix, keyHash, createdBy: me.id });
    return json({ ok: true as const, message: `Created “${parsed.data.name}”.`, key });
  }
  const revoked = await revokeApiKey(database, parsed.data.keyId, new Date().toISOString());
  return json({ ok: true as const, message: revoked ? "Revoked: the key stops working now." : "That key was already revoked.", key: null });
}

export default function ApiKeys() {
  const { keys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  return (
    <div className="page">
      <p>
        <Link to="/admin/users">← Users</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>API keys</h1>
          <p className="muted">
            Read-only access to <code>GET /api/prospects</code> (ready-now prospects; <code>?band=nurture</code> or <code>?band=all</code>)
            and <code>GET /api/responses</code>, paged with <code>cursor</code> and <code>updated_since</code> (described in{" "}
            <a href="/api/openapi.json">/api/openapi.json</a>), with the header <code>Authorization: Bearer pm_…</code>. People who opted
            out never appear.
          </p>
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {result?.ok && result.key ? (
        <ShownOnce heading="Copy this key now. It is shown only once; we keep only a hash." value={result.key} testId="new-key" />
      ) : null}
      <FormErrors errors={errors?.[""]} />

      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="create" />
        <Field id="key-name" label="Name" help="What will use the key, e.g. HubSpot sync." error={firstError(errors, "name")} required>
          {(aria) => <input {...aria} name="name" type="text" maxLength={80} required />}
        </Field>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating…" : "Create key"}
        </button>
      </Form>

      {keys.length === 0 ? (
        <p className="empty">No API keys yet. Create one for each system that reads prospects.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key starts</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>pm_{k.prefix}…</code>
                  </td>
                  <td>
                    {k.createdAt.slice(0, 10)}
                    {k.createdByName ? ` by ${k.createdByName}` : ""}
                  </td>
                  <td>{k.lastUsedAt ? formatDate(k.lastUsedAt) : "never"}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="badge badge--danger">revoked {k.revokedAt.slice(0, 10)}</span>
                    ) : (
                      <span className="badge badge--ok">active</span>
                    )}
                  </td>
                  <td>
                    {!k.revokedAt ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="keyId" value={k.id} />
                        <button type="submit" className="button--danger button--small">
                          Revoke<span className="sr-only"> {k.name}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
