import { z } from "zod";
import { TIMINGS, TRIGGER_TYPES } from "../../analysis/triggers/types";

/** One schema for the trigger-correction form, on the page and in the action. */
export const TriggerCorrectionSchema = z
  .object({
    action: z.enum(["reject", "add", "undo"], { message: "Choose to mark the trigger wrong, add a missed one, or undo." }),
    type: z.enum(TRIGGER_TYPES, { message: "Choose the kind of trigger." }),
    timing: z
      .enum(["", ...TIMINGS], { message: "Choose when it happened: past, upcoming or unknown." })
      .optional()
      .transform((v) => (v ? v : null)),
    /** Where a browser without JavaScript goes back to: built by the server from these, never a URL. */
    backTo: z.enum(["response", "theme"], { message: "Unknown page." }),
    backId: z.coerce.number({ message: "Unknown page." }).int().positive({ message: "Unknown page." }),
  })
  .refine((v) => v.action !== "add" || v.timing !== null, {
    path: ["timing"],
    message: "Say when it happened: past, upcoming or unknown.",
  });

/** One detected (or marketer-added) trigger of an answer, as the response and theme pages show it. */
export interface AnswerTrigger {
  type: string;
  timing: "past" | "upcoming" | "unknown";
  phrase: string;
  confidence: number;
  origin: "text" | "choice" | "correction";
}
