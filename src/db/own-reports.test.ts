import { describe, expect, it } from 'vitest';
import { OwnReports } from './own-reports.js';

// The change feed's record of what this process's own connections reported (see own-reports.ts).
describe('own reports', () => {
  it('answers each report once, per backend and table', () => {
    const reports = new OwnReports();
    reports.record(7, 'organisations');
    reports.record(7, 'organisations');
    expect(reports.take(8, 'organisations')).toBe(false);
    expect(reports.take(7, 'routes')).toBe(false);
    expect(reports.take(7, 'organisations')).toBe(true);
    expect(reports.take(7, 'organisations')).toBe(true);
    expect(reports.take(7, 'organisations')).toBe(false);
  });

  it('keeps nothing older than its time, even while nothing is taken (the feed away, commits going on)', async () => {
    const reports = new OwnReports(20);
    for (let i = 0; i < 5; i++) reports.record(7, 'organisations');
    await new Promise((resolve) => setTimeout(resolve, 40));
    reports.record(7, 'organisations');
    expect(reports.size).toBe(1);
    expect(reports.take(7, 'organisations')).toBe(true);
    expect(reports.take(7, 'organisations')).toBe(false);
  });

  it('keeps at most its bound of backends and tables', () => {
    const reports = new OwnReports(10_000, 3);
    for (let pid = 1; pid <= 10; pid++) reports.record(pid, 'routes');
    expect(reports.size).toBeLessThanOrEqual(3);
  });
});
