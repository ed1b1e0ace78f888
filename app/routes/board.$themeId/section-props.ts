import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "./route.server";

export type ThemeData = SerializeFrom<typeof loader>;
/** What every section of the theme page reads: the loader's data, the action's field errors, and whether a post is under way. */
export interface SectionProps {
  data: ThemeData;
  errors: Record<string, string[]> | undefined;
  busy: boolean;
}
