/**
 * The follow-up clock (issue 17 item 7): the plan agrees how many days sales has to get in touch
 * with someone ready now; the clock starts when they first became ready (assessments.ready_since).
 * Pure and shared by the browser: the server passes `now` so the page and its test agree.
 */
export interface FollowUpClock {
  dueAt: string;
  /** whole days left (negative: days overdue) */
  daysLeft: number;
  overdue: boolean;
  text: string;
}

const DAY = 86_400_000;

export function followUpClock(readySince: string, followUpDays: number, now: Date): FollowUpClock {
  const due = Date.parse(readySince) + followUpDays * DAY;
  const left = due - now.getTime();
  const overdue = left < 0;
  const days = overdue ? Math.ceil(-left / DAY) : Math.floor(left / DAY);
  const text = overdue
    ? `overdue by ${days} day${days === 1 ? "" : "s"}`
    : days === 0
      ? "due today"
      : `due in ${days} day${days === 1 ? "" : "s"}`;
  return { dueAt: new Date(due).toISOString(), daysLeft: overdue ? -days : days, overdue, text };
}
