import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { annualReportTexts } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { registrationModel } from '../coding/codes.js';
import { AppError, refusal } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { validate } from '../validate.js';
import { isCommissionOfficer } from './commission-officer.js';
import { yearStatistics, type YearStatistics } from './year-statistics.js';

/** The commission's own words in its annual report, one block per theme, beside the computed figures. */
export const annualReportBlocks = ['intro', 'developments', 'signals', 'recommendations'] as const;
export type AnnualReportBlock = (typeof annualReportBlocks)[number];

export interface AnnualReport {
  organisation: string;
  year: number;
  /** Whole years only, newest first. */
  years: number[];
  k: number;
  texts: Record<AnnualReportBlock, string>;
  statistics: YearStatistics;
  /** The commission writes the texts; the analyst reads them. */
  canEdit: boolean;
  registrationModelVersion: string;
}

function wholeYears(s: Pick<Services, 'now'>, timeZone: string): number[] {
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(s.now()));
  return Array.from({ length: 5 }, (_, i) => thisYear - 1 - i);
}

/**
 * The annual report of a year: the commission's texts and the year's figures about the
 * organisation. The report is made to be published, so its figures are those published beyond the
 * commission: whole years, suppressed below k, from the same statistics as the analyst's figures
 * page and the management's risk view, so the report, its PDF, its CSV and those pages together
 * give nothing hidden back.
 */
export async function viewAnnualReport(s: Pick<Services, 'db' | 'config' | 'now' | 'sodium' | 'serverKeys' | 'figuresCache'>, actor: Actor | null, input: { year?: string | undefined }): Promise<AnnualReport> {
  authorize(actor, 'figures.view');
  const own = await getOrganisation(s, actor.organisationId);
  const years = wholeYears(s, own.timeZone);
  const asked = Number(input.year);
  const year = years.includes(asked) ? asked : years[0]!;
  const stored = await s.db.select({ block: annualReportTexts.block, text: annualReportTexts.text }).from(annualReportTexts).where(inOrg(own.id, annualReportTexts, eq(annualReportTexts.year, year)));
  const texts = Object.fromEntries(annualReportBlocks.map((b) => [b, stored.find((r) => r.block === b)?.text ?? ''])) as Record<AnnualReportBlock, string>;
  return {
    organisation: own.name,
    year,
    years,
    k: s.config.surveyMinGroup,
    texts,
    statistics: await yearStatistics(s, { kind: 'organisation', organisationId: own.id }, year, own.timeZone, own.headcount),
    canEdit: await isCommissionOfficer(s, actor),
    registrationModelVersion: registrationModel.version,
  };
}

const textsSchema = z.object(Object.fromEntries(annualReportBlocks.map((b) => [b, z.string().trim().max(6000, { error: 'errors.field.tooLong' })])) as Record<AnnualReportBlock, z.ZodString>);

/** The commission (its admitted chair or secretary) writes the annual report's texts; audited, without the text. */
export async function saveAnnualReportTexts(s: Services, actor: Actor | null, year: string, input: unknown): Promise<void> {
  authorize(actor, 'figures.view');
  if (!(await isCommissionOfficer(s, actor))) throw new AppError('forbidden');
  const own = await getOrganisation(s, actor.organisationId);
  const y = Number(year);
  if (!wholeYears(s, own.timeZone).includes(y)) throw refusal('validation', 'errors.annualReport.year');
  const form = validate(textsSchema, input);
  const at = s.now();
  await s.db.transaction(async (tx) => {
    for (const block of annualReportBlocks) {
      await tx
        .insert(annualReportTexts)
        .values({ organisationId: own.id, year: y, block, text: form[block], updatedAt: at })
        .onConflictDoUpdate({ target: [annualReportTexts.organisationId, annualReportTexts.year, annualReportTexts.block], set: { text: form[block], updatedAt: at } });
    }
    await appendAudit({ ...s, db: tx }, { organisationId: own.id, actorKind: 'staff', actorUserId: actor.userId, action: 'annual-report.edited', caseId: null, detail: { year: y } });
  });
}

/** The texts form: for the commission's admitted chair and secretary only. */
export async function editAnnualReport(s: Pick<Services, 'db' | 'config' | 'now' | 'sodium' | 'serverKeys' | 'figuresCache'>, actor: Actor | null, input: { year?: string | undefined }): Promise<AnnualReport> {
  const report = await viewAnnualReport(s, actor, input);
  if (!report.canEdit) throw new AppError('forbidden');
  return report;
}
