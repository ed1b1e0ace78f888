import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "./route.server";

export type ProspectData = SerializeFrom<typeof loader>;
/** What every section of the prospect page reads: the loader's data, the action's field errors, and which post is under way. */
export interface SectionProps {
  data: ProspectData;
  errors: Record<string, string[]> | undefined;
  busy: boolean;
  intent: FormDataEntryValue | null | undefined;
}
