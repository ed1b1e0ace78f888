import { DEMO, expect, logIn, test } from "./fixtures";

test("an anonymous visitor is sent to the login page and back after logging in", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers/);
  await page.getByLabel("Email").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
});

test("a wrong password and an unknown user get the same clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  const message = page.getByRole("alert");
  await expect(message).toHaveText("That email and password do not match an account.");
  await page.getByLabel("Email").fill("nobody@painmap.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(message).toHaveText("That email and password do not match an account.");
});

test("logging out ends the session: the old cookie no longer works", async ({ page, context }) => {
  await logIn(page, "marketer");
  const before = (await context.cookies()).find((c) => c.name === "pm_session");
  expect(before?.httpOnly).toBe(true);
  expect(before?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await context.addCookies([{ ...before!, expires: -1 }]);
  await page.goto("/surveys");
  await expect(page).toHaveURL(/\/login/);
});

test("an admin adds a user who can then log in with their role", async ({ asAdmin, browser }) => {
  const email = `new-${Date.now()}@painmap.test`;
  await asAdmin.goto("/admin/users");
  await asAdmin.getByLabel("Name").fill("New Seller");
  await asAdmin.getByLabel("Email").fill(email);
  await asAdmin.getByRole("combobox", { name: "Role", exact: true }).selectOption("sales");
  await asAdmin.getByLabel("Initial password").fill("a-long-enough-pass");
  await asAdmin.getByRole("button", { name: "Add user" }).click();
  await expect(asAdmin.getByRole("status")).toHaveText("Added New Seller.");
  await expect(asAdmin.getByRole("cell", { name: email })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-pass");
  await page.getByRole("button", { name: "Log in" }).click();
  // Sales lands on its own home page, and the header names the role.
  await expect(page).toHaveURL(/\/prospects\/today$/);
  await expect(page.getByRole("banner").getByText("sales", { exact: true })).toBeVisible();
});

test("files in public/ are served as files with the security headers; other paths reach the app", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  expect(favicon.headers()["cache-control"]).toBe("public, max-age=3600");
  expect(favicon.headers()["x-content-type-options"]).toBe("nosniff");
  const missing = await request.get("/no-such-file.ico");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("text/html");
});
