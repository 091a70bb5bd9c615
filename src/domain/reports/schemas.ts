import { z } from 'zod';
import { emailSchema } from '../accounts/schemas.js';

export const anonymityLevels = ['anonymous', 'confidential', 'open'] as const;
export type Anonymity = (typeof anonymityLevels)[number];
export const anonymitySchema = z.enum(anonymityLevels, { error: 'errors.anonymity.required' });

/** Who the reporter is, when they choose to say: sealed to the identity custodians only. */
export const identitySchema = z.object({
  name: z.string().trim().min(1, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
  contact: z.string().trim().min(1, { error: 'errors.field.required' }).max(300, { error: 'errors.field.tooLong' }),
});
export type Identity = z.output<typeof identitySchema>;

export const answersSchema = z.record(z.string().max(40), z.union([z.string().max(20_000), z.array(z.string().max(100)).max(50)]));

export const submitReportSchema = z.object({
  route: z.string().min(1).max(40),
  anonymity: anonymitySchema,
  answers: answersSchema,
  identity: identitySchema.optional(),
  language: z.enum(['nl', 'en']).default('nl'),
  notificationEmail: emailSchema.optional(),
});
export type SubmitReportInput = z.input<typeof submitReportSchema>;

export const messageSchema = z.object({
  text: z.string().trim().max(20_000, { error: 'errors.field.tooLong' }).default(''),
});

export const receiptInputSchema = z.object({ receipt: z.string().max(100) });
