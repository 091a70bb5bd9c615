import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { advisorRegistrations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { validate } from '../validate.js';

// The confidential advisors' yearly figures: what people came about, what kind of contact it was
// and how it ended. Nothing that points to a person or a case: the month, three codes, no more.
export const registrationTopics = ['improper_pressure', 'integrity_violation', 'undesirable_behaviour', 'manager_conduct', 'risk_signal', 'other'] as const;
export const registrationKinds = ['single_conversation', 'several_conversations', 'advice_by_message'] as const;
export const registrationOutcomes = ['advice_given', 'referred_commission', 'referred_external', 'resolved_informally', 'no_follow_up'] as const;

export const registrationSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.month.invalid' }),
  topic: z.enum(registrationTopics, { error: 'errors.choice.required' }),
  kind: z.enum(registrationKinds, { error: 'errors.choice.required' }),
  outcome: z.enum(registrationOutcomes, { error: 'errors.choice.required' }),
});

export async function registerContact(s: Pick<Services, 'db'>, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'advisor.register');
  await s.db.insert(advisorRegistrations).values({ ...validate(registrationSchema, input), organisationId: actor.organisationId });
}

export interface RegistrationCount {
  topic: string;
  outcome: string;
  count: number;
}

/** Counts for one year, by topic and outcome. */
export async function registrationCounts(s: Pick<Services, 'db'>, actor: Actor | null, year: number): Promise<RegistrationCount[]> {
  authorize(actor, 'advisor.register');
  return s.db
    .select({ topic: advisorRegistrations.topic, outcome: advisorRegistrations.outcome, count: sql<number>`count(*)::int` })
    .from(advisorRegistrations)
    .where(inOrg(actor.organisationId, advisorRegistrations, sql`${advisorRegistrations.month} like ${`${year}-%`}`))
    .groupBy(advisorRegistrations.topic, advisorRegistrations.outcome)
    .orderBy(advisorRegistrations.topic, advisorRegistrations.outcome);
}
