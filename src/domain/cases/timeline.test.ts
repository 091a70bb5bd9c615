import { describe, expect, it } from 'vitest';
import { timelineOf } from './timeline.js';

const note = (content: Record<string, unknown>) => ({ id: 'n', authorUserId: null, authorName: null, content, createdAt: new Date(Date.UTC(2026, 10, 1)) });

describe('the timeline presenter', () => {
  it('shows odd or old note content as it is, never throwing', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '', 'unknown-kind']) {
      expect(() => timelineOf([note({ type, text: 'Tekst' })], true), type).not.toThrow();
      expect(timelineOf([note({ type, text: 'Tekst' })], true)[0]!.title, type).toBe('timeline.note');
    }
    const [intervention] = timelineOf([note({ type: 'intervention', kind: 'nonsense', who: 1, what: null, plannedOn: '2026-02-31' })], true);
    // Not a real day: shown as written, not given to the date formatter.
    expect(intervention!.facts).toContainEqual({ label: 'interventions.planned', value: { text: '2026-02-31' } });
    expect(intervention!.facts).toContainEqual({ label: 'interventions.kind', value: { text: 'nonsense' } });
    const [assessment] = timelineOf([note({ type: 'assessment' })], true);
    // Missing is not "no".
    expect(assessment!.facts).toContainEqual({ label: 'case.assess.admissible', value: { text: '–' } });
  });
});
