import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Marks a theme's notes read by posting `intent=seen` to the theme page's action (a loader must not
 * write): with JavaScript when the page opens, without it through the button this renders.
 */
export function MarkNotesSeen({ themeId, hasNew }: { themeId: number; hasNew: boolean }) {
  const seen = useFetcher();
  useEffect(() => {
    if (hasNew) seen.submit({ intent: "seen" }, { method: "post" });
    // Once per theme shown, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [themeId, hasNew]);
  if (!hasNew) return null;
  return (
    <seen.Form method="post">
      <input type="hidden" name="intent" value="seen" />
      <button type="submit" className="button button--quiet button--small">
        Mark notes as read
      </button>
    </seen.Form>
  );
}
