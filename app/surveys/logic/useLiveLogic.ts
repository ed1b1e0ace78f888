import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import { formDataToObject } from "../../utils/forms.js";
import type { AnswerValue, FormValues, PublicQuestion } from "../answer-schema.js";
import { shownOnPage } from "./page.js";
import type { Logic } from "./rules.js";

interface LiveLogicInput {
  questions: Array<{ id: number; logic: Logic | null }>;
  prior: Array<[number, AnswerValue]>;
  hidden: number[];
  hints: Record<number, string>;
}

/**
 * Display logic in the browser: after hydration the page's questions are shown and hidden as the
 * prospect answers (the same evaluation the server runs on the post). Before hydration, and
 * without JavaScript, the server's render stands.
 */
export function useLiveLogic(logic: LiveLogicInput | undefined, page: PublicQuestion[], formRef: RefObject<HTMLFormElement | null>) {
  const [typed, setTyped] = useState<FormValues | undefined>();
  const prior = useMemo(() => new Map(logic?.prior ?? []), [logic]);
  const read = useCallback(() => {
    if (logic && formRef.current) setTyped(formDataToObject(new FormData(formRef.current)));
  }, [logic, formRef]);
  useEffect(read, [read]);
  const hidden = useMemo(() => {
    if (!logic) return new Set<number>();
    if (!typed) return new Set(logic.hidden);
    const visible = shownOnPage(logic.questions, page, prior, typed);
    return new Set(page.filter((q) => !visible.has(q.id)).map((q) => q.id));
  }, [logic, typed, page, prior]);
  return { hidden, hints: typed ? {} : (logic?.hints ?? {}), onChange: read };
}
