import { z } from 'zod';

const reason = z.string().trim().max(5000, { error: 'errors.field.tooLong' }).min(1, { error: 'errors.field.required' });

/** A handler's request for the reporter's name: the reason is read by the identity custodian only. */
export const identityRequestSchema = z.object({ reason });

/**
 * The custodian's decision. The reason is written for the reporter, who reads it in their inbox.
 * A legal duty (a law obliges the custodian to disclose) applies only to a grant.
 */
export const identityDecisionSchema = z
  .object({
    decision: z.enum(['grant', 'refuse'], { error: 'errors.choice.required' }),
    reason,
    legalDuty: z.boolean().default(false),
  })
  .refine((v) => v.decision === 'grant' || !v.legalDuty, { path: ['legalDuty'], error: 'errors.identity.legalDutyNeedsGrant' });

/** The reporter's answer: consent or objection, with words of their own if they wish. */
export const identityAnswerSchema = z.object({
  answer: z.enum(['consent', 'object'], { error: 'errors.choice.required' }),
  comment: z.string().trim().max(5000, { error: 'errors.field.tooLong' }),
});
