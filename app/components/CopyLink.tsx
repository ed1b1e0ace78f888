import { useEffect, useRef, useState } from "react";

/**
 * A read-only link field anyone can select and copy; with JavaScript a Copy button does it in one
 * click (without JavaScript the button is not shown, the field still works).
 */
export function CopyLink({ id, url, label }: { id: string; url: string; label: string }) {
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // clipboard refused (permissions): the text is selected, the user can copy it themselves
    }
  }

  return (
    <div className="copy-link">
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input ref={input} id={id} type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      {hydrated ? (
        <button type="button" className="button--small button--secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {copied ? "Link copied" : ""}
      </span>
    </div>
  );
}
