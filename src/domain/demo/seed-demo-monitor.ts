import { eq } from 'drizzle-orm';
import { surveyOrganisations, surveyResponses, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { standardQuestions } from '../surveys/questions.js';
import { ensureOwnSurveyUnit } from '../surveys/own-unit.js';

/**
 * The demo municipality's monitor: its own unit and two to compare with, and one closed wave of
 * made-up answers (the same every time), so the figures page shows its results beside its reports.
 */
export async function seedDemoMonitor(s: Pick<Services, 'db'>, organisationId: string): Promise<void> {
  await ensureOwnSurveyUnit(s, organisationId);
  const [own] = await s.db.select({ id: surveyOrganisations.id }).from(surveyOrganisations).where(inOrg(organisationId, surveyOrganisations, eq(surveyOrganisations.organisationId, organisationId)));
  const peers = await s.db
    .insert(surveyOrganisations)
    .values([
      { ownerId: organisationId, name: 'Vergelijkbare gemeente', sector: 'municipality' },
      { ownerId: organisationId, name: 'Provincie Voorbeeld', sector: 'province' },
    ])
    .returning({ id: surveyOrganisations.id });
  const units = [{ id: own!.id, respondents: 48 }, { id: peers[0]!.id, respondents: 36 }, { id: peers[1]!.id, respondents: 30 }];
  const [wave] = await s.db.insert(surveyWaves).values({ ownerId: organisationId, name: 'Demo-peiling 2026', status: 'closed', questions: standardQuestions }).returning({ id: surveyWaves.id });
  await s.db.insert(surveyWaveOrganisations).values(units.map((u) => ({ waveId: wave!.id, organisationId: u.id, invited: u.respondents * 2 })));
  // A small fixed generator: the demo looks the same on every machine.
  let state = 20260;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 1 + (state % n);
  };
  const rows = units.flatMap((u) =>
    Array.from({ length: u.respondents }, () => {
      const pressured = next(4) === 1;
      const answers = standardQuestions.map((q) => {
        if (q.section === 'statements') return next(5);
        if (q.code === 'PRESSURE') return pressured ? 1 : 2;
        if (q.section === 'pressureDetail') return pressured ? next(7) : null;
        return null;
      });
      return { waveId: wave!.id, organisationId: u.id, answers: answers as number[] };
    }),
  );
  await s.db.insert(surveyResponses).values(rows);
}
