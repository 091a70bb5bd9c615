import type { MessageKey } from '../../i18n/index.js';
import type { CaseNote } from './open-case.js';
import { isMessageKey } from '../../i18n/index.js';
import { isLocalDate } from '../validate.js';

/** A value on the timeline: the handler's own words, a label from the catalogue, or a local date. */
export type Shown = { text: string } | { key: MessageKey; params?: Record<string, number> } | { date: string };

export interface TimelineEntry {
  id: string;
  at: Date;
  author: string | null;
  /** What the entry is: "Intervention", "Vote on a draft decision", … */
  title: MessageKey;
  facts: Array<{ label: MessageKey; value: Shown }>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const words = (value: unknown): Shown => ({ text: str(value) });
/** A code from the content as its label; a code the catalogue does not know is shown as it is. */
const label = (prefix: string, value: unknown): Shown => {
  const key = `${prefix}${str(value)}`;
  return isMessageKey(key) ? { key } : { text: str(value) };
};
const yesNo = (value: unknown): Shown => (value === 'yes' || value === true ? { key: 'form.yes' } : value === 'no' || value === false ? { key: 'form.no' } : { text: '–' });
/** A local date as a date only when it is one; anything else is shown as it is. */
const day = (value: unknown): Shown => (isLocalDate(str(value)) ? { date: str(value) } : { text: str(value) });

type Fact = TimelineEntry['facts'][number];
type Describe = (c: Record<string, unknown>, legalFrame: boolean) => { title: MessageKey; facts: Array<Fact | false> };

/**
 * Every kind of internal note the case can hold, with what it says. A kind missing here would show
 * only as "note" with its text: the test in timeline.test.ts holds every kind the code writes to one.
 */
const describers: Record<string, Describe> = {
  note: (c) => ({ title: 'timeline.note', facts: [{ label: 'timeline.text', value: words(c.text) }] }),
  status: (c) => ({ title: 'timeline.status', facts: [{ label: 'timeline.text', value: words(c.text) }] }),
  assessment: (c, legalFrame) => ({
    title: 'timeline.assessment',
    facts: [
      { label: 'case.assess.kind', value: label('case.kind.', c.kind) },
      // Admissibility is the law's notion: outside its frame it is not asked, so not shown.
      legalFrame && { label: 'case.assess.admissible', value: yesNo(c.admissible) },
      { label: 'case.assess.priority', value: label('case.assess.priority.', c.priority) },
      { label: 'case.assess.risk', value: label('case.assess.risk.', c.retaliationRisk) },
      { label: 'case.assess.reason', value: words(c.reason) },
      !!str(c.measures) && { label: 'timeline.measures', value: words(c.measures) },
    ],
  }),
  intervention: (c) => ({
    title: 'timeline.intervention',
    facts: [
      { label: 'interventions.kind', value: label('intervention.kind.', c.kind) },
      { label: 'interventions.who', value: words(c.who) },
      { label: 'interventions.what', value: words(c.what) },
      !!str(c.plannedOn) && { label: 'interventions.planned', value: day(c.plannedOn) },
    ],
  }),
  'intervention-result': (c) => ({
    title: c.correction ? 'timeline.interventionCorrection' : 'timeline.interventionResult',
    facts: [
      { label: 'interventions.result', value: words(c.result) },
      !!str(c.doneOn) && { label: 'timeline.doneOn', value: day(c.doneOn) },
    ],
  }),
  'decision-draft': (c) => ({
    title: 'timeline.decisionDraft',
    facts: [
      { label: 'decision.outcome', value: label('decision.outcome.', c.outcome) },
      { label: 'decision.conclusion', value: words(c.conclusion) },
    ],
  }),
  'decision-vote': (c) => ({
    title: 'timeline.decisionVote',
    facts: [
      { label: 'decision.votes.position', value: label('decision.position.', c.position) },
      !!str(c.reason) && { label: 'decision.votes.reason', value: words(c.reason) },
    ],
  }),
  'decision-closed': (c) => ({
    title: 'timeline.decisionClosed',
    facts: [
      { label: 'decision.outcome', value: label('decision.outcome.', c.outcome) },
      { label: 'timeline.votes', value: { key: 'timeline.tally', params: { agree: Number(c.agree) || 0, dissent: Number(c.dissent) || 0 } } },
    ],
  }),
  recommendation: (c) => ({
    title: 'timeline.recommendation',
    facts: [
      { label: 'recommendations.addressee', value: words(c.addressee) },
      { label: 'recommendations.text', value: words(c.text) },
    ],
  }),
  'identity-request': (c) => ({ title: 'timeline.identityRequest', facts: [{ label: 'identity.reason', value: words(c.reason) }] }),
  'identity-decision': (c) => ({
    title: 'timeline.identityDecision',
    facts: [
      { label: 'timeline.decision', value: label('timeline.identity.', c.decision) },
      c.legalDuty === true && { label: 'identity.decide.legalDuty.legend', value: { key: 'form.yes' } },
      { label: 'identity.reason', value: words(c.reason) },
    ],
  }),
  dossier: (c) => ({
    title: 'timeline.dossier',
    facts: [
      { label: 'dossier.purpose', value: label('dossier.purpose.', c.purpose) },
      { label: 'dossier.reason', value: words(c.reason) },
    ],
  }),
};

export const timelineKinds = Object.keys(describers);

/** The internal notes as a timeline that says what each entry is and what it holds. */
export function timelineOf(notes: readonly CaseNote[], legalFrame: boolean): TimelineEntry[] {
  return notes.map((note) => {
    const type = str(note.content.type);
    // Own keys only: a stored type such as "constructor" is an unknown kind, shown as a note.
    const describe = Object.hasOwn(describers, type) ? describers[type]! : describers.note!;
    const { title, facts } = describe(note.content, legalFrame);
    return { id: note.id, at: note.createdAt, author: note.authorName, title, facts: facts.filter((fact): fact is Fact => fact !== false) };
  });
}
