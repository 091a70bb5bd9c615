import { describe, expect, it } from 'vitest';
import { addMonths, computeDeadlines } from './deadlines.js';

describe('legal deadlines in calendar days, Amsterdam time', () => {
  it.each([
    // 23:30 UTC on 31 Dec is already 1 January in Amsterdam.
    ['2026-12-31T23:30:00Z', null, { acknowledgeBy: '2027-01-08', feedbackBy: '2027-04-08', legalFeedbackBy: '2027-04-08' }],
    ['2026-03-10T09:00:00Z', '2026-03-12T10:00:00Z', { acknowledgeBy: '2026-03-17', feedbackBy: '2026-06-12', legalFeedbackBy: '2026-06-12' }],
    // Across the change to summer time the count stays in whole days.
    ['2026-03-28T23:30:00Z', null, { acknowledgeBy: '2026-04-05', feedbackBy: '2026-07-05', legalFeedbackBy: '2026-07-05' }],
  ])('received %s, acknowledged %s', (received, acknowledged, expected) => {
    expect(computeDeadlines(new Date(received), acknowledged ? new Date(acknowledged) : null, 'Europe/Amsterdam')).toEqual(expected);
  });

  it('keeps the legal term when an extension moves the feedback date', () => {
    expect(computeDeadlines(new Date('2026-03-10T09:00:00Z'), new Date('2026-03-12T10:00:00Z'), 'Europe/Amsterdam', '2026-08-12')).toEqual({ acknowledgeBy: '2026-03-17', feedbackBy: '2026-08-12', legalFeedbackBy: '2026-06-12' });
  });

  it('ends a month early when the day does not exist', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
});
