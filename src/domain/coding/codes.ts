import { z } from 'zod';
import { aimsOptions, meansOptions, publicEffectOptions, sourceOptions } from '../routes/default-questionnaires.js';
import { caseKinds } from '../cases/lifecycle.js';

// The codes a commission gives a case for its figures: metadata, never the reporter's words. The
// research codes (source, means, aims, effects) are the questionnaire's and the monitor's, so a
// report, a survey answer and a figure mean the same thing by the same code.

/**
 * The categories of the national registration model for integrity violations, kept as data: the
 * model's version is exported with every registration file, and a new version is a new list here
 * (codes once used stay, so older years still read). Checked against the typology the model
 * builds on (corruption, fraud and theft, conflicts of interest and gifts, incompatible functions,
 * misuse of powers, misuse of information, undesirable conduct, waste, misconduct in private time).
 */
export const registrationModel = {
  version: '2026-1',
  categories: [
    { code: 'corruption', nl: 'Corruptie: omkoping en bevoordeling', en: 'Corruption: bribery and favouritism' },
    { code: 'fraud_theft', nl: 'Fraude en diefstal', en: 'Fraud and theft' },
    { code: 'conflict_of_interest', nl: 'Belangenverstrengeling', en: 'Conflict of interest' },
    { code: 'gifts', nl: 'Geschenken en uitnodigingen', en: 'Gifts and hospitality' },
    { code: 'incompatible_functions', nl: 'Onverenigbare functies en nevenwerkzaamheden', en: 'Incompatible functions and side activities' },
    { code: 'misuse_of_powers', nl: 'Misbruik van bevoegdheden', en: 'Misuse of powers' },
    { code: 'misuse_of_information', nl: 'Misbruik en lekken van informatie', en: 'Misuse and leaking of information' },
    { code: 'misuse_of_resources', nl: 'Misbruik van middelen van de organisatie', en: "Misuse of the organisation's resources" },
    { code: 'waste', nl: 'Verspilling en wanbeleid', en: 'Waste and poor performance' },
    { code: 'undesirable_conduct', nl: 'Ongewenste omgangsvormen', en: 'Undesirable conduct' },
    { code: 'private_misconduct', nl: 'Misdragingen in privétijd', en: 'Misconduct in private time' },
    { code: 'not_a_violation', nl: 'Geen integriteitsschending', en: 'Not an integrity violation' },
  ],
} as const;
export const registrationCategories = registrationModel.categories.map((c) => c.code);

/** How the report came in: the form, orally through the secretariat, or passed on (with consent) by an advisor or the ethics panel. */
export const intakeChannels = ['form', 'oral', 'advisor', 'panel'] as const;

/** The outcome as counted: the joint decision's outcomes, and the two ways a case ends without one. */
export const codedOutcomes = ['founded', 'partly_founded', 'unfounded', 'not_established', 'referred', 'not_admissible', 'withdrawn'] as const;
/** Outcomes that count as (partly) substantiated, for the substantiation rate. */
export const substantiated: readonly string[] = ['founded', 'partly_founded'];

/** Measures and sanctions that followed, as the registration model counts them. */
export const measureCodes = ['none', 'conversation', 'written_warning', 'disciplinary_sanction', 'transfer', 'dismissal', 'criminal_report', 'organisational_change', 'training', 'mediation', 'other'] as const;

export const personalEffectCodes = ['professionalism', 'psychological', 'cynicism', 'less_joy', 'physical', 'excluded', 'sick_leave', 'other'] as const;
/** Risk signals: what causes them (the risk-signal questionnaire's CAUSE codes). */
export const themeCodes = ['cuts', 'understaffing', 'rules_unworkable', 'time_pressure', 'other'] as const;

export const sourceCodes = sourceOptions.map((o) => o.code);
export const meansCodes = meansOptions.map((o) => o.code);
export const aimsCodes = aimsOptions.map((o) => o.code);
export const publicEffectCodes = publicEffectOptions.map((o) => o.code);

const several = (codes: readonly string[]) => z.array(z.string().refine((c) => codes.includes(c), { error: 'errors.choice.invalid' })).max(codes.length).transform((l) => [...new Set(l)]);

export const caseCodingSchema = z.object({
  kind: z.enum(caseKinds, { error: 'errors.choice.required' }),
  category: z.enum(registrationCategories as [string, ...string[]], { error: 'errors.choice.required' }),
  sources: several(sourceCodes),
  means: several(meansCodes),
  aims: several(aimsCodes),
  effectsPersonal: several(personalEffectCodes),
  effectsPublic: several(publicEffectCodes),
  themes: several(themeCodes),
  channel: z.enum(intakeChannels, { error: 'errors.choice.required' }),
  /** Empty while the case runs. */
  outcome: z.enum(['', ...codedOutcomes], { error: 'errors.choice.required' }),
  measures: several(measureCodes),
  termsMet: z.enum(['yes', 'no'], { error: 'errors.choice.required' }),
});

/** A stored coding: the form's codes, and at which stage it was last confirmed. */
export type CaseCoding = z.output<typeof caseCodingSchema> & { stage: 'assessment' | 'closing' };

/** Coded while the case is assessed and handled, or once there is a conclusion (at closing). */
export function codingStage(status: string): CaseCoding['stage'] {
  return ['concluded', 'feedback_given', 'closed'].includes(status) ? 'closing' : 'assessment';
}

/** The routes whose cases the commission codes: reports and risk signals (the panel and the advisors count otherwise). */
export const codedRoutes: readonly string[] = ['commission', 'risk_signal'];
