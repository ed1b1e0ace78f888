import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "./route.server";

export type PlanData = SerializeFrom<typeof loader>;

export function num(n: number) {
  return n.toLocaleString("en");
}
