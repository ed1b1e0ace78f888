import { useEffect, useState } from "react";
import { useFormT } from "../i18n/i18n";

/**
 * "1,234 / 10,000" under a text answer. The field has no maxLength on purpose: a browser cuts a
 * long paste silently at maxLength, so the text is kept whole and the counter (and the server,
 * which refuses it with a message) says it is over. Without JavaScript it shows the count as loaded.
 */
export function CharCounter({ inputId, max, initial }: { inputId: string; max: number; initial: number }) {
  const t = useFormT();
  const [count, setCount] = useState(initial);
  useEffect(() => {
    const el = document.getElementById(inputId) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!el) return;
    const read = () => setCount(el.value.length);
    read();
    el.addEventListener("input", read);
    return () => el.removeEventListener("input", read);
  }, [inputId]);
  const over = count > max;
  return (
    <p id={`${inputId}-count`} className={over ? "counter counter--over" : "counter"} aria-live={over ? "polite" : "off"}>
      {t("counter", { length: count, max })}
      {over ? ` · ${t("over", { count: count - max, max })}` : null}
    </p>
  );
}
