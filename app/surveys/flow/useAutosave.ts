import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

type AutosaveResult = { ok: true; saved: true; resumeUrl: string } | { ok: false; saved: false; message?: string };
export type AutosaveStatus = "idle" | "saving" | "saved" | "failed";

const DEBOUNCE_MS = 800;

/**
 * Autosave with JavaScript (ADR 0601): shortly after the prospect stops changing answers the
 * page is posted (intent "autosave") to the same partial response. One post at a time: a change
 * made while one is in flight is sent when it returns, so an older post never lands after a newer
 * one. A change still waiting when the tab is hidden or closed goes out by sendBeacon.
 */
export function useAutosave(formRef: RefObject<HTMLFormElement | null>, action: string) {
  const fetcher = useFetcher<AutosaveResult>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const busy = useRef(false);
  const [status, setStatus] = useState<AutosaveStatus>("idle");
  const submit = fetcher.submit;

  const payload = useCallback(() => {
    if (!formRef.current) return undefined;
    const data = new FormData(formRef.current);
    data.set("intent", "autosave");
    return data;
  }, [formRef]);

  const send = useCallback(() => {
    timer.current = undefined;
    if (busy.current) {
      dirty.current = true;
      return;
    }
    const data = payload();
    if (!data) return;
    dirty.current = false;
    busy.current = true;
    setStatus("saving");
    submit(data, { method: "post", action });
  }, [payload, submit, action]);

  useEffect(() => {
    if (fetcher.state !== "idle") return;
    if (!busy.current) return;
    busy.current = false;
    setStatus(fetcher.data?.saved ? "saved" : "failed");
    if (dirty.current) send();
  }, [fetcher.state, fetcher.data, send]);

  const changed = useCallback(() => {
    // "All answers saved" only while nothing is waiting to be sent.
    setStatus("saving");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(send, DEBOUNCE_MS);
  }, [send]);

  /** The page post saves everything itself: a pending autosave is dropped. */
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    dirty.current = false;
  }, []);

  useEffect(() => {
    const flush = () => {
      if (!timer.current && !dirty.current) return;
      const data = payload();
      if (data && navigator.sendBeacon?.(action, data)) cancel();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [payload, action, cancel]);

  const resumeUrl = fetcher.data?.saved ? fetcher.data.resumeUrl : undefined;
  return { status, changed, cancel, resumeUrl, message: fetcher.data && !fetcher.data.saved ? fetcher.data.message : undefined };
}
