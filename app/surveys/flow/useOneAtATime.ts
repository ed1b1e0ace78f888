import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { PublicQuestion } from "../answer-schema.js";
import { clampStep, shortcutChoice } from "./steps.js";

/**
 * One question at a time (ADR 0601), switched on only after hydration so the server's render
 * (every question of the page: the no-JavaScript path) is what a browser without JavaScript keeps.
 * `shown` is the page's questions that display logic shows, in order.
 */
export function useOneAtATime(
  enabled: boolean,
  shown: readonly PublicQuestion[],
  formRef: RefObject<HTMLFormElement | null>,
  pageKey: string,
) {
  const [active, setActive] = useState(false);
  const [step, setStep] = useState(0);
  useEffect(() => setActive(enabled), [enabled]);
  useEffect(() => setStep(0), [pageKey]);
  const index = clampStep(step, shown.length);
  const current = active ? shown[index] : undefined;

  const focusQuestion = useCallback(
    (id: number) => {
      requestAnimationFrame(() => {
        const box = formRef.current?.querySelector<HTMLElement>(`[data-question="${id}"]`);
        const control = box?.querySelector<HTMLElement>("input:checked, input:not([type=hidden]), textarea");
        control?.focus();
      });
    },
    [formRef],
  );

  const go = useCallback(
    (to: number) => {
      const next = clampStep(to, shown.length);
      setStep(next);
      if (shown[next]) focusQuestion(shown[next].id);
    },
    [shown, focusQuestion],
  );

  /**
   * Show the question holding `id` (an error summary link, a refused answer). Stable across renders
   * (it reads the shown questions from a ref): the pages call it from an effect on the first refused
   * question, which must not run again on every render and pull "Previous question" back to it.
   */
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const showQuestion = useCallback((id: number) => {
    const at = shownRef.current.findIndex((q) => q.id === id);
    if (at >= 0) setStep(at);
  }, []);

  /**
   * Letters pick a choice, digits a scale value, Enter goes on (not in a text area, not on a button
   * or link). On the document, so it works before the prospect has tabbed into the form.
   */
  const advanceRef = useRef<() => void>(() => undefined);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (!current || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement;
      const advance = advanceRef.current;
      const typing =
        target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && !["radio", "checkbox"].includes((target as HTMLInputElement).type));
      if (event.key === "Enter" && !["TEXTAREA", "BUTTON", "A", "SUMMARY"].includes(target.tagName)) {
        event.preventDefault();
        advance();
        return;
      }
      if (typing || event.key.length !== 1) return;
      const choice = shortcutChoice(current, event.key);
      if (choice === undefined) return;
      const input = formRef.current?.querySelector<HTMLInputElement>(`#q${current.id}-${choice}`);
      if (!input) return;
      event.preventDefault();
      input.click();
      input.focus();
    },
    [current, formRef],
  );
  useEffect(() => {
    if (!current) return;
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [current, onKeyDown]);

  return {
    active,
    current,
    index,
    count: shown.length,
    isLast: index >= shown.length - 1,
    next: () => go(index + 1),
    previous: () => go(index - 1),
    showQuestion,
    /** what Enter does: the page's own "advance" (it validates with the page's logic) */
    setAdvance: (advance: () => void) => {
      advanceRef.current = advance;
    },
  };
}
