import { caseStatistics } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { aimsCodes, measureCodes, registrationCategories, sourceCodes, themeCodes, type CaseCoding } from '../coding/codes.js';

/**
 * Last year's reports of the demo municipality, long since closed and purged: coded anonymous rows
 * (the same on every machine), so the figures page and the annual report have a year to show.
 */
export async function seedDemoStatistics(s: Pick<Services, 'db' | 'now'>, organisationId: string): Promise<void> {
  const year = s.now().getUTCFullYear() - 1;
  let state = 4242;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const day = (month: number, plus: number) => new Date(Date.UTC(year, month, 1 + plus)).toISOString().slice(0, 10);
  const rows = Array.from({ length: 60 }, (_, i) => {
    const risk = i % 5 === 4;
    const month = next(11);
    const outcome = risk ? '' : (['founded', 'founded', 'partly_founded', 'unfounded', 'not_established', 'not_admissible'] as const)[next(6)]!;
    const coding: CaseCoding = {
      kind: risk ? 'risk_signal' : (['improper_pressure', 'improper_pressure', 'integrity_violation', 'manager_conduct'] as const)[next(4)]!,
      category: risk ? 'not_a_violation' : registrationCategories[[5, 5, 6, 9, 1, 11][next(6)]!]!,
      sources: risk ? [] : [sourceCodes[[3, 3, 2, 4, 0][next(5)]!]!],
      means: [],
      aims: risk ? [] : [aimsCodes[next(4)]!],
      effectsPersonal: [],
      effectsPublic: [],
      themes: risk ? [themeCodes[next(4)]!] : [],
      channel: next(6) === 0 ? 'oral' : 'form',
      outcome,
      measures: outcome === 'founded' ? [measureCodes[[1, 2, 7][next(3)]!]!] : [],
      termsMet: next(8) === 0 ? 'no' : 'yes',
      stage: 'closing',
    };
    return {
      organisationId,
      handledBy: organisationId,
      routeCode: risk ? 'risk_signal' : 'commission',
      kind: coding.kind,
      outcome: outcome || null,
      receivedOn: day(month, 0),
      acknowledgedOn: day(month, 1 + next(5)),
      feedbackOn: day(month, 30 + next(50)),
      closedOn: day(month, 40 + next(60)),
      purgedOn: day(month, 100),
      anonymity: (['anonymous', 'anonymous', 'confidential', 'open'] as const)[next(4)]!,
      reporterReturned: next(2) === 0,
      extended: next(6) === 0,
      coding,
    };
  });
  for (const row of rows) await s.db.insert(caseStatistics).values({ ...row, organisationId });
}
