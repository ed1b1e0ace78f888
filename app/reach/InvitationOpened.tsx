import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Tells the app once that an invitation's personal link was followed (POST /s/:slug/opened). Loaders
 * never write; this post comes from a browser that rendered the page, not from a mail scanner's
 * prefetch. Without JavaScript the first page post records it instead.
 */
export function InvitationOpened({ slug, inv }: { slug: string; inv: string | undefined }) {
  const fetcher = useFetcher();
  const sent = useRef(false);
  useEffect(() => {
    if (!inv || sent.current) return;
    sent.current = true;
    fetcher.submit({ inv }, { method: "post", action: `/s/${encodeURIComponent(slug)}/opened` });
  }, [fetcher, inv, slug]);
  return null;
}
