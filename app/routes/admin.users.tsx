import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/Field";
import { countAdmins, createUser, findUserByEmail, listUsers, setUserDisabled, setUserRole } from "../../db/queries/users";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { hashPassword } from "~/utils/password.server";

const RoleSchema = z.enum(["admin", "marketer", "sales"], { message: "Choose admin, marketer or sales." });

export const UserActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      name: z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters."),
      email: z.string().trim().toLowerCase().min(1, "Enter an email address.").max(254).email("Enter a valid email address."),
      role: RoleSchema,
      password: z.string().min(12, "Use at least 12 characters.").max(200, "Keep it under 200 characters."),
    }),
    z.object({ intent: z.literal("set-role"), userId: z.coerce.number().int().positive(), role: RoleSchema }),
    z.object({ intent: z.literal("disable"), userId: z.coerce.number().int().positive() }),
    z.object({ intent: z.literal("enable"), userId: z.coerce.number().int().positive() }),
  ],
  { message: "Unknown action." },
);

export const meta: MetaFunction = () => [{ title: "Users · Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ["admin"]);
  return json({ users: await listUsers(db()), meId: me.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, ["admin"]);
  const parsed = parseWith(UserActionSchema, await readFormData(request, 16 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const input = parsed.data;
  const database = db();

  if (input.intent === "create") {
    if (await findUserByEmail(database, input.email)) return badRequest({ email: ["A user with that email already exists."] });
    await createUser(database, {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    return json({ ok: true as const, message: `Added ${input.name}.` });
  }
  // The last admin cannot demote or disable themselves: someone must be able to manage users.
  const losesAdmin = input.userId === me.id && (input.intent === "disable" || (input.intent === "set-role" && input.role !== "admin"));
  if (losesAdmin && (await countAdmins(database)) <= 1) {
    return badRequest({ "": ["You are the only admin. Make someone else an admin first."] });
  }
  if (input.intent === "set-role") await setUserRole(database, input.userId, input.role);
  else await setUserDisabled(database, input.userId, input.intent === "disable");
  return json({ ok: true as const, message: "Saved." });
}

export default function AdminUsers() {
  const { users, meId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Users and roles</h1>
        <div className="row">
          <a className="button button--secondary" href="/admin/profile">
            Qualification profile
          </a>
          <a className="button button--secondary" href="/admin/api-keys">
            API keys
          </a>
          <a className="button button--secondary" href="/admin/webhooks">
            Webhooks
          </a>
        </div>
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name}
                  {u.id === meId ? <span className="muted"> (you)</span> : null}
                </td>
                <td>{u.email}</td>
                <td>
                  <Form method="post" className="row">
                    <input type="hidden" name="intent" value="set-role" />
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="sr-only" htmlFor={`role-${u.id}`}>
                      Role for {u.name}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role} style={{ width: "auto" }}>
                      <option value="admin">admin</option>
                      <option value="marketer">marketer</option>
                      <option value="sales">sales</option>
                    </select>
                    <button type="submit" className="button--small button--secondary">
                      Save role
                    </button>
                  </Form>
                </td>
                <td>
                  {u.disabled_at ? <span className="badge badge--danger">disabled</span> : <span className="badge badge--ok">active</span>}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value={u.disabled_at ? "enable" : "disable"} />
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" className="button--small button--secondary">
                      {u.disabled_at ? "Enable" : "Disable"}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Add a user</h2>
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="create" />
        <Field id="new-name" label="Name" error={firstError(errors, "name")} required>
          {(aria) => <input {...aria} name="name" type="text" required />}
        </Field>
        <Field id="new-email" label="Email" error={firstError(errors, "email")} required>
          {(aria) => <input {...aria} name="email" type="email" required />}
        </Field>
        <Field id="new-role" label="Role" error={firstError(errors, "role")} required>
          {(aria) => (
            <select {...aria} name="role" defaultValue="marketer">
              <option value="marketer">marketer</option>
              <option value="sales">sales</option>
              <option value="admin">admin</option>
            </select>
          )}
        </Field>
        <Field
          id="new-password"
          label="Initial password"
          help="At least 12 characters. Share it privately."
          error={firstError(errors, "password")}
          required
        >
          {(aria) => <input {...aria} name="password" type="password" autoComplete="new-password" required />}
        </Field>
        <button type="submit" disabled={navigation.state === "submitting"}>
          Add user
        </button>
      </Form>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
