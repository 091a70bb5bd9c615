// Legal deadlines (Whistleblowers Protection Act, EU Directive 2019/1937), in calendar days in
// the organisation's time zone: acknowledge within 7 days of receipt; give feedback within
// three months of the acknowledgement (or of the last day it was due, if none was sent).

export interface Deadlines {
  /** Local dates (YYYY-MM-DD): the deadline is the end of that day. */
  acknowledgeBy: string;
  feedbackBy: string;
  /** Three months after the acknowledgement (or its deadline): the legal term for feedback, whatever an extension says. */
  legalFeedbackBy: string;
}

// Making a formatter costs far more than using one (an inbox page formats a hundred dates): one per zone.
const localDateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(instant: Date, timeZone: string): string {
  let format = localDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    localDateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

const localHourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) on the organisation's clocks: the jobs run at local hours, summer time included. */
export function localHour(instant: Date, timeZone: string): number {
  let format = localHourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    localHourFormats.set(timeZone, format);
  }
  return Number(format.format(instant));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months; a day that does not exist (31 May + 1 month) becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** An extension (with a reason told to the reporter) replaces the feedback date. */
export function computeDeadlines(receivedAt: Date, acknowledgedAt: Date | null, timeZone: string, feedbackExtendedTo?: string | null): Deadlines {
  const acknowledgeBy = addDays(localDate(receivedAt, timeZone), 7);
  const feedbackFrom = acknowledgedAt ? localDate(acknowledgedAt, timeZone) : acknowledgeBy;
  const legalFeedbackBy = addMonths(feedbackFrom, 3);
  return { acknowledgeBy, feedbackBy: feedbackExtendedTo ?? legalFeedbackBy, legalFeedbackBy };
}
