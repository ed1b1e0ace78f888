import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesUrl from "./styles/app.css";
import { sessionUser } from "./utils/session.server";
import { useNonce } from "./utils/nonce";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction = () => [{ title: "Painmap" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await sessionUser(request);
  return json({ user: user ?? null });
}

export type RootData = typeof loader;

const NAV: Array<{ to: string; label: string; roles: string[] }> = [
  { to: "/surveys", label: "Surveys", roles: ["admin", "marketer"] },
  { to: "/responses", label: "Responses", roles: ["admin", "marketer"] },
  { to: "/board", label: "Board", roles: ["admin", "marketer", "sales"] },
  { to: "/prospects", label: "Prospects", roles: ["admin", "marketer", "sales"] },
  { to: "/plan", label: "Plan", roles: ["admin", "marketer", "sales"] },
  { to: "/reports", label: "Reports", roles: ["admin", "marketer", "sales"] },
  { to: "/admin/users", label: "Admin", roles: ["admin"] },
  { to: "/admin/outbox", label: "Outbox", roles: ["admin"] },
];

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function StaffHeader() {
  const data = useRouteLoaderData<RootData>("root");
  const user = data?.user;
  if (!user) return null;
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to="/" className="brand">
        Painmap
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.filter((item) => item.roles.includes(user.role)).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="post" action="/logout" className="topbar__user">
        <span>
          {user.name} <span className="badge">{user.role}</span>
        </span>
        <button type="submit" className="button button--quiet">
          Log out
        </button>
      </Form>
    </header>
  );
}

function GlobalProgress() {
  const navigation = useNavigation();
  return navigation.state === "idle" ? null : <div className="global-progress" role="progressbar" aria-label="Loading" />;
}

export default function App() {
  return (
    <Document>
      <GlobalProgress />
      <StaffHeader />
      <main id="main">
        <Outlet />
      </main>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let message = "An unexpected error happened. Please try again.";
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : `${error.status} ${error.statusText}`;
    message = typeof error.data === "string" && error.data ? error.data : message;
    if (error.status === 404 && (!error.data || typeof error.data !== "string")) message = "We could not find that page.";
  }
  return (
    <Document>
      <main id="main" className="page page--narrow">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </main>
    </Document>
  );
}
