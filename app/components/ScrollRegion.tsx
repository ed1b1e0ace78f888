import type { ReactNode } from "react";

/**
 * A wide table's scrolling box. Keyboard users must be able to scroll it (WCAG 2.1.1, axe's
 * scrollable-region-focusable), so it takes focus and is a named region for screen readers.
 */
export function ScrollRegion({ label, className = "table-wrap", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
