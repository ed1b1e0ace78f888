import type { z } from "zod";

/** Messages per field name ("" holds form-level messages). Shared by server and client. */
export type FieldErrors = Record<string, string[]>;

export type Parsed<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/** FormData -> plain object; repeated names become arrays (checkbox groups). */
export function formDataToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of form.entries()) {
    const value = typeof raw === "string" ? raw : raw.name;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function zodErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function parseWith<S extends z.ZodType>(schema: S, input: FormData | unknown): Parsed<z.infer<S>> {
  const value = input instanceof FormData ? formDataToObject(input) : input;
  const result = schema.safeParse(value);
  return result.success ? { success: true, data: result.data } : { success: false, errors: zodErrors(result.error) };
}

export function firstError(errors: FieldErrors | undefined, field: string): string | undefined {
  return errors?.[field]?.[0];
}
