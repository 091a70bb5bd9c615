import { firstOrganisation } from '../src/domain/organisation/get-organisation.js';
// The integrity monitor at central-government size: 121,000 invitation codes, and the results of a
// wave of 121,000 respondents x 30 questions, next to a plain GROUP BY over the same rows.
import { sql } from 'drizzle-orm';
import { surveyOrganisations, surveyResponses, surveyWaveOrganisations, surveyWaves } from '../src/db/schema.js';
import { generateInvitationCodes } from '../src/domain/surveys/invitation-codes.js';
import { standardQuestions, type SurveyQuestion } from '../src/domain/surveys/questions.js';
import { computeResults, loadAnswers } from '../src/domain/surveys/results.js';
import { getWaveDefinition } from '../src/domain/surveys/waves.js';
import type { Services } from '../src/services.js';

export async function benchSurveys(s: Services, respondents: number, codes: number): Promise<{ codesMs: number; aggregateMs: number; plainMs: number }> {
  const ownerId = (await firstOrganisation(s))!.id;
  const orgs = await s.db
    .insert(surveyOrganisations)
    .values(Array.from({ length: 24 }, (_, i) => ({ ownerId, name: `Bench-organisatie ${i + 1}`, sector: ['central_government', 'municipality', 'province', 'water_authority'][i % 4]! })))
    .returning({ id: surveyOrganisations.id });
  // The standard set plus extra statements: 30 questions in all.
  const questions: SurveyQuestion[] = [...standardQuestions];
  for (let i = questions.length; i < 30; i++) questions.push({ code: `E${i}`, type: 'agree5', section: 'extra', label: { nl: `Stelling ${i}`, en: `Statement ${i}` } });
  const [wave] = await s.db.insert(surveyWaves).values({ ownerId, name: 'Benchmark', questions }).returning({ id: surveyWaves.id });
  await s.db.insert(surveyWaveOrganisations).values(orgs.map((o) => ({ waveId: wave!.id, organisationId: o.id })));

  const analyst = { userId: '00000000-0000-4000-8000-000000000000', organisationId: ownerId, roles: ['analyst'] as const };
  const codesStart = performance.now();
  await generateInvitationCodes(s, analyst, wave!.id, { organisationId: orgs[0]!.id, count: codes });
  const codesMs = performance.now() - codesStart;

  let seed = 1;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const answerFor = (q: SurveyQuestion) => (q.type === 'agree5' ? 1 + random(5) : q.type === 'yesNo' ? 1 + random(2) : q.type === 'single' ? 1 + random(q.options!.length) : random(1 << q.options!.length));
  for (let done = 0; done < respondents; done += 5000) {
    const batch = Array.from({ length: Math.min(5000, respondents - done) }, () => ({ waveId: wave!.id, organisationId: orgs[random(orgs.length)]!.id, answers: questions.map(answerFor) }));
    await s.db.insert(surveyResponses).values(batch);
  }
  await s.db.execute(sql`analyze survey_responses`);

  const aggregateStart = performance.now();
  const summary = await getWaveDefinition(s, wave!.id);
  computeResults(summary, await loadAnswers(s, wave!.id), s.config.surveyMinGroup);
  const aggregateMs = performance.now() - aggregateStart;

  // What the database itself needs for the same counts: one GROUP BY over every answer.
  const plainStart = performance.now();
  await s.db.execute(sql`select organisation_id, a.position, a.value, count(*) from survey_responses, unnest(answers) with ordinality as a(value, position) where wave_id = ${wave!.id} group by 1, 2, 3`);
  const plainMs = performance.now() - plainStart;
  return { codesMs, aggregateMs, plainMs };
}
