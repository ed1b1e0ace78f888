import { verifySignature } from "../../app/webhooks/signature.server";
import { startReceiver } from "../setup/webhook-receiver";
import { expect, test } from "./fixtures";

/**
 * The admin's webhook page end to end against a real receiver on 127.0.0.1: register an endpoint,
 * copy its secret, send a test, see it in the delivery log and check its signature; an endpoint that
 * answers 500 is retried, then shown as failing.
 */
test("an admin registers an endpoint, sends a test, sees the log; a broken endpoint ends up failing", async ({ asAdmin: page }) => {
  const receiver = await startReceiver();
  try {
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

    // Bad input: not http(s), no events.
    await page.getByLabel("URL").fill("ftp://crm.example/hooks");
    for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByText("Enter an http:// or https:// URL.")).toBeVisible();
    await expect(page.getByText("Choose at least one event.")).toBeVisible();

    await page.getByLabel("URL").fill(receiver.url("/ok"));
    await page.getByLabel("Description").fill("E2E CRM");
    await page.getByRole("checkbox", { name: /response\.completed/ }).check();
    await page.getByRole("button", { name: "Register endpoint" }).click();
    const secret = (await page.getByTestId("new-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    const endpoint = page.getByTestId("endpoint").filter({ hasText: receiver.url("/ok") });
    await endpoint.getByRole("button", { name: /Send test/ }).click();
    await expect(page.getByText("A test delivery to")).toBeVisible();
    // The log shows it delivered once the job ran (a reload reads the log again).
    await expect(async () => {
      await page.reload();
      await expect(
        page
          .getByTestId("delivery")
          .filter({ hasText: receiver.url("/ok") })
          .first(),
      ).toContainText("delivered");
    }).toPass({ timeout: 30_000 });
    const test_ = receiver.received.find((r) => r.path === "/ok")!;
    expect(JSON.parse(test_.body)).toMatchObject({ type: "webhook.test" });
    const headers = { timestamp: String(test_.headers["painmap-timestamp"]), signature: String(test_.headers["painmap-signature"]) };
    expect(verifySignature(secret, headers, test_.body)).toEqual({ ok: true });

    // An endpoint that answers 500: retried (two attempts here), then marked failing.
    await page.getByLabel("URL").fill(receiver.url("/down"));
    await page.getByRole("button", { name: "Register endpoint" }).click();
    const down = page.getByTestId("endpoint").filter({ hasText: receiver.url("/down") });
    await down.getByRole("button", { name: /Send test/ }).click();
    await expect(async () => {
      await page.reload();
      await expect(
        page
          .getByTestId("endpoint")
          .filter({ hasText: receiver.url("/down") })
          .getByTestId("endpoint-failing"),
      ).toBeVisible();
    }).toPass({ timeout: 30_000 });
    await expect(
      page
        .getByTestId("delivery")
        .filter({ hasText: receiver.url("/down") })
        .first(),
    ).toContainText("failed");
    expect(receiver.received.filter((r) => r.path === "/down")).toHaveLength(2);

    // Deleting asks first.
    page.once("dialog", (d) => void d.accept());
    await page
      .getByTestId("endpoint")
      .filter({ hasText: receiver.url("/down") })
      .getByRole("button", { name: /Delete/ })
      .click();
    await expect(page.getByText(`Deleted ${receiver.url("/down")}`)).toBeVisible();

    // The page fits a phone.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await receiver.close();
  }
});
