import type { Context, Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import { toCsv } from '../../domain/surveys/csv.js';
import { ImportRefused, importResponses, MAX_IMPORT_BYTES } from '../../domain/surveys/import-responses.js';
import { createOpenLink, generateInvitationCodes } from '../../domain/surveys/invitation-codes.js';
import {
  benchmarksOf,
  computeResults,
  groupId,
  loadAnswers,
  pressureGroups,
  pressureTrend,
  publishedN,
  share,
  tableGroups,
  trendsFor,
  type Benchmark,
  type Figure,
  type WaveResults,
} from '../../domain/surveys/results.js';
import { addSurveyOrganisation, closeWave, createWave, getWave, listSurveyOrganisations, listWaves, type WaveSummary } from '../../domain/surveys/waves.js';
import type { Services } from '../../services.js';
import { ResultsPage, sectorLabel } from '../../views/pages/surveys/results-page.js';
import { SurveysPage } from '../../views/pages/surveys/surveys-page.js';
import { WavePage, type WavePageProps } from '../../views/pages/surveys/wave-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, list, readFiles, readForm, redirectTo, text, withFormFieldNames } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The analyst's pages. Surveys never touch case data; the analyst never sees a single response.
export function surveyAdminPages(app: Hono<AppEnv>, s: Services) {
  const k = s.config.surveyMinGroup;

  async function overview(c: Context<AppEnv>, values?: Record<string, string | string[]>, saved = false) {
    const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
    const owner = requireStaff(c, 'surveys.manage').organisationId;
    return <SurveysPage waves={await listWaves(s, owner)} organisations={await listSurveyOrganisations(s, owner)} values={values} saved={saved} timeZone={timeZone} />;
  }

  app.get('/staff/surveys', async (c) => {
    requireStaff(c, 'surveys.manage');
    return render(c, c.get('t')('surveys.title'), await overview(c, undefined, c.req.query('saved') === '1'));
  });

  app.post('/staff/surveys', async (c) => {
    const actor = requireStaff(c, 'surveys.manage');
    const form = await readForm(c);
    const input = { name: text(form, 'waveName'), organisationIds: list(form, 'organisationIds'), extraNl: text(form, 'extraNl'), extraEn: text(form, 'extraEn'), askLearning: list(form, 'askLearning').includes('yes') };
    return handleForm(
      c,
      async () => {
        const waveId = await withFormFieldNames({ name: 'waveName' }, () => createWave(s, actor, input));
        return redirectTo(c, `/staff/surveys/${waveId}`);
      },
      { title: c.get('t')('surveys.title'), body: () => overview(c, form) },
    );
  });

  app.post('/staff/surveys/organisations', async (c) => {
    const actor = requireStaff(c, 'surveys.manage');
    const form = await readForm(c);
    return handleForm(
      c,
      async () => {
        await withFormFieldNames({ name: 'orgName' }, () => addSurveyOrganisation(s, actor, { name: text(form, 'orgName'), sector: text(form, 'sector') }));
        return redirectTo(c, '/staff/surveys?saved=1');
      },
      { title: c.get('t')('surveys.title'), body: () => overview(c, form) },
    );
  });

  async function wavePage(c: Context<AppEnv>, extra: Partial<WavePageProps> = {}, status: 200 | 422 = 200) {
    const wave = await getWave(s, requireStaff(c, 'surveys.manage').organisationId, c.req.param('id') ?? '');
    return render(c, wave.name, <WavePage wave={wave} {...extra} />, status);
  }

  app.get('/staff/surveys/:id', async (c) => {
    requireStaff(c, 'surveys.manage');
    return wavePage(c);
  });

  // The codes exist only in this download; the database keeps their hashes.
  app.post('/staff/surveys/:id/codes', async (c) => {
    const actor = requireStaff(c, 'surveys.manage');
    const form = await readForm(c);
    const input = { organisationId: text(form, 'organisationId'), count: text(form, 'count') };
    return handleForm(
      c,
      async () => {
        const codes = await generateInvitationCodes(s, actor, c.req.param('id'), input);
        return new Response(toCsv([['code'], ...codes.map((code) => [code])], c.get('lang')), {
          headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="uitnodigingscodes.csv"', 'cache-control': 'no-store' },
        });
      },
      { title: c.get('t')('surveys.title'), body: async () => <WavePage wave={await getWave(s, actor.organisationId, c.req.param('id'))} values={input} /> },
    );
  });

  app.post('/staff/surveys/:id/open-link', async (c) => {
    const actor = requireStaff(c, 'surveys.manage');
    const token = await createOpenLink(s, actor, c.req.param('id'));
    return wavePage(c, { openLink: `${s.config.baseUrl}/survey/open/${token}` });
  });

  app.post('/staff/surveys/:id/import', async (c) => {
    const actor = requireStaff(c, 'surveys.manage');
    const [file] = await readFiles(c, 'file');
    if (!file || file.bytes.length === 0) throw new AppError('validation', [{ field: 'file', message: 'errors.survey.importFile' }]);
    if (file.bytes.length > MAX_IMPORT_BYTES) throw new AppError('payload_too_large');
    try {
      const imported = await importResponses(s, actor, c.req.param('id'), new TextDecoder('utf-8', { fatal: false }).decode(file.bytes));
      return wavePage(c, { imported });
    } catch (error) {
      if (error instanceof ImportRefused) return wavePage(c, { refused: error }, 422);
      throw error;
    }
  });

  app.post('/staff/surveys/:id/close', async (c) => {
    const actor = requireStaff(c, 'surveys.manage');
    await closeWave(s, actor, c.req.param('id'));
    return redirectTo(c, `/staff/surveys/${c.req.param('id')}`);
  });

  /**
   * The wave's results with the chosen benchmark: the respondent's own sector only where the wave's
   * answers carry it. Both benchmarks come from one suppression, so switching tells nothing more.
   */
  async function resultsFor(ownerId: string, waveId: string, organisationId: string | undefined, benchmark: string | undefined): Promise<{ wave: WaveSummary; results: WaveResults; org: string; benchmark: Benchmark }> {
    const wave = await getWave(s, ownerId, waveId);
    const org = wave.organisations.find((o) => o.id === organisationId)?.id ?? wave.organisations[0]?.id;
    if (!org) throw new AppError('not_found');
    const results = computeResults(wave, await loadAnswers(s, waveId), k);
    return { wave, results, org, benchmark: benchmarksOf(results).find((b) => b === benchmark) ?? 'organisation' };
  }

  app.get('/staff/surveys/:id/results', async (c) => {
    const owner = requireStaff(c, 'surveys.manage').organisationId;
    const { wave, results, org, benchmark } = await resultsFor(owner, c.req.param('id'), c.req.query('org'), c.req.query('benchmark'));
    const trends = await trendsFor(s, owner, org, { waveId: wave.id, results }, k);
    return render(c, c.get('t')('surveys.results.title'), <ResultsPage wave={wave} results={results} organisationId={org} trends={trends} benchmark={benchmark} />);
  });

  // Every table of the results page as CSV; hidden figures are empty with a note, never the number.
  // The note does not say "fewer than k": a complementary cell is hidden too, and that claim would
  // tell an attacker an upper bound the page does not give.
  app.get('/staff/surveys/:id/results.csv', async (c) => {
    const owner = requireStaff(c, 'surveys.manage').organisationId;
    const t = c.get('t');
    const { wave, results, org, benchmark } = await resultsFor(owner, c.req.param('id'), c.req.query('org'), c.req.query('benchmark'));
    const organisation = wave.organisations.find((o) => o.id === org)!;
    const known = ['statements', 'levels', 'pressure', 'pressured', 'trends'];
    const table = known.find((name) => name === c.req.query('table')) ?? 'statements';
    const headers = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="resultaten-${table}.csv"`, 'cache-control': 'no-store' };
    if (table === 'pressured') {
      // The headline as the page shows it: the pressured share (with how many said yes) per group,
      // then per option among the pressured, then the organisation's share in earlier closed waves.
      const rows: Array<Array<string | number>> = [['question', 'option', 'group', 'wave', 'percent', 'count', 'n', 'hidden']];
      const p = results.pressure;
      const hiddenNote = (f: Figure | undefined) => (f?.kind === 'hidden' ? t('surveys.results.csvHidden') : '');
      const countOf = (f: Figure | undefined) => (f?.kind === 'shown' ? f.agree : f?.kind === 'empty' ? 0 : '');
      const line = (question: string, option: string, group: string, waveName: string, f: Figure | undefined) => rows.push([question, option, group, waveName, share(f, 'agree') ?? '', countOf(f), publishedN(f) ?? '', hiddenNote(f)]);
      if (p) {
        const headline = pressureGroups(results, organisation, 'headline', benchmark);
        const labels = [organisation.name, sectorLabel(t, organisation, benchmark), t('surveys.results.everyone')];
        headline.forEach((id, i) => line(p.share.code, '', labels[i]!, wave.name, p.share.figures.get(id)));
        for (const id of pressureGroups(results, organisation, 'sectors', benchmark)) line(p.share.code, '', sectorLabel(t, { sector: id.slice(id.indexOf(':') + 1) }, benchmark), wave.name, p.share.figures.get(id));
        for (const detail of p.details) for (const option of detail.options) headline.forEach((id, i) => line(detail.code, option.code, labels[i]!, wave.name, option.figures.get(id)));
        for (const point of pressureTrend(await trendsFor(s, owner, org, { waveId: wave.id, results }, k), wave)) {
          if (point.waveId !== wave.id && point.results.pressure) line(p.share.code, '', organisation.name, point.waveName, point.results.pressure.share.figures.get(groupId.org(org)));
        }
      }
      return new Response(toCsv(rows, c.get('lang')), { headers });
    }
    if (table === 'trends') {
      const rows: Array<Array<string | number>> = [['statement', 'wave', 'agree_percent', 'n', 'hidden']];
      for (const point of await trendsFor(s, owner, org, { waveId: wave.id, results }, k)) {
        for (const st of point.results.statements) {
          const f = st.figures.get(groupId.org(org));
          rows.push([st.code, point.waveName, share(f, 'agree') ?? '', publishedN(f) ?? '', f?.kind === 'hidden' ? t('surveys.results.csvHidden') : '']);
        }
      }
      return new Response(toCsv(rows, c.get('lang')), { headers });
    }
    const labels =
      table === 'levels'
        ? results.levels.map((level) => `${organisation.name}: ${t(`surveys.level.${level}` as never)}`)
        : table === 'pressure'
          ? [t('surveys.results.pressureYes', { organisation: organisation.name }), t('surveys.results.pressureNo', { organisation: organisation.name }), t('surveys.results.pressureYesAll'), t('surveys.results.pressureNoAll')]
          : [organisation.name, sectorLabel(t, organisation, benchmark), t('surveys.results.others')];
    const ids = tableGroups(results, organisation, table === 'levels' || table === 'pressure' ? table : 'statements', benchmark);
    const groups = ids.map((id, i): [string, string] => [id, labels[i]!]);
    const cell = (f: Figure | undefined, part: 'agree' | 'disagree') => share(f, part) ?? '';
    const rows: Array<Array<string | number>> = [['statement', 'group', 'agree_percent', 'disagree_percent', 'n', 'hidden']];
    for (const st of results.statements) {
      for (const [id, label] of groups) {
        const f = st.figures.get(id);
        rows.push([st.code, label, cell(f, 'agree'), cell(f, 'disagree'), publishedN(f) ?? '', f?.kind === 'hidden' ? t('surveys.results.csvHidden') : '']);
      }
    }
    return new Response(toCsv(rows, c.get('lang')), { headers });
  });
}
