import type { SerializeFrom } from "@remix-run/node";
import type { action, loader } from "./route.server";

export type LoaderData = SerializeFrom<typeof loader>;
export type QuestionView = LoaderData["questions"][number];
export type ActionResult = SerializeFrom<typeof action> | undefined;
