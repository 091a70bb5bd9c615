import { computeDeadlines } from '../reports/deadlines.js';
import { awaitingFeedback, type CaseStatus } from './lifecycle.js';

/**
 * The next legal deadline of a case as a local date: acknowledging while it is received, feedback
 * while it is awaited, none after that. Kept on the case at every change, so the inbox can sort and
 * filter on it with an index instead of computing it for every case.
 */
export function dueOn(c: { status: string; receivedAt: Date; acknowledgedAt: Date | null; feedbackExtendedTo: string | null }, timeZone: string): string | null {
  const deadlines = computeDeadlines(c.receivedAt, c.acknowledgedAt, timeZone, c.feedbackExtendedTo);
  if (c.status === 'received') return deadlines.acknowledgeBy;
  return awaitingFeedback.includes(c.status as CaseStatus) ? deadlines.feedbackBy : null;
}
