import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import type { Count } from './counts.js';
import { monitorHeadline, type MonitorHeadline } from './monitor-headline.js';
import { yearStatistics, type StatisticsTable } from './year-statistics.js';

export interface RiskSignalsView {
  organisation: string;
  year: number;
  years: number[];
  k: number;
  /** Risk signals received in the year and the year before: the trend. */
  received: [Count, Count];
  themes: StatisticsTable;
  months: StatisticsTable;
  /** The share the commission followed up (took into handling), in the year and the year before; null where hidden. */
  followedUp: [number | null, number | null];
  monitor: MonitorHeadline | null;
}

/**
 * What top management sees: the risk signals about its organisation, by theme and month, their trend
 * and how many the commission followed up, with the monitor's headline beside them. No case, no
 * text, whole years only, and taken from the same suppressed statistics the analyst and the annual
 * report show, so no figure here gives back one hidden there.
 */
export async function viewRiskSignals(s: Pick<Services, 'db' | 'config' | 'now' | 'figuresCache'>, actor: Actor | null, input: { year?: string | undefined }): Promise<RiskSignalsView> {
  authorize(actor, 'signals.view');
  const own = await getOrganisation(s, actor.organisationId);
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: own.timeZone, year: 'numeric' }).format(s.now()));
  // Whole years only, as for the analyst: a running count watched from month to month tells when a signal came in.
  const years = [thisYear - 1, thisYear - 2, thisYear - 3];
  const asked = Number(input.year);
  const year = years.includes(asked) ? asked : years[0]!;
  const statistics = await yearStatistics(s, { kind: 'organisation', organisationId: own.id }, year, own.timeZone, own.headcount);
  const table = (id: StatisticsTable['id']) => statistics.tables.find((tb) => tb.id === id)!;
  const risk = table('received').rows.find((r) => r.code === 'risk_signal')!;
  return {
    organisation: own.name,
    year,
    years,
    k: s.config.surveyMinGroup,
    received: risk.counts,
    themes: table('themes'),
    months: table('riskMonths'),
    followedUp: statistics.rates.riskFollowedUp,
    monitor: await monitorHeadline(s, own.id),
  };
}
