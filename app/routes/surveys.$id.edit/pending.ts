import { useNavigation } from "@remix-run/react";

/** Which form a result or a pending submission belongs to. */
export function formKey(intent: unknown, questionId: unknown): string {
  const question = questionId === null || questionId === undefined || questionId === "" ? "" : String(questionId);
  return intent === "update-question" || intent === "move-question" || intent === "remove-question" || intent === "logic"
    ? `${intent}:${question}`
    : String(intent);
}

export function usePending() {
  const navigation = useNavigation();
  const data = navigation.state === "submitting" ? navigation.formData : undefined;
  return (intent: string, questionId?: number) =>
    Boolean(data && formKey(data.get("intent"), data.get("questionId")) === formKey(intent, questionId));
}

/** Which undo row is being posted. */
export function useUndoPending() {
  const navigation = useNavigation();
  const data = navigation.state === "submitting" ? navigation.formData : undefined;
  return (undoId: number) => Boolean(data && data.get("intent") === "undo" && data.get("undoId") === String(undoId));
}
