import { z } from 'zod';
import { roles } from '../access/roles.js';
import { bodies } from './bodies.js';

export const bodySchema = z.enum(bodies, { error: 'errors.choice.required' });

export const foundBodySchema = z.object({
  body: bodySchema,
  statement: z.string().trim().min(1, { error: 'errors.field.required' }).max(2000, { error: 'errors.field.tooLong' }),
});

export const admitMemberSchema = z.object({
  body: bodySchema,
  userId: z.uuid({ error: 'errors.choice.required' }),
  /** As the person reads it out from their own account page. */
  fingerprint: z.string().trim().min(1, { error: 'errors.admission.fingerprintRequired' }).max(100, { error: 'errors.admission.fingerprintMismatch' }),
  roles: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(roles, { error: 'errors.choice.required' })).min(1, { error: 'errors.admission.rolesRequired' }),
  ),
});

export const removeMemberSchema = z.object({
  body: bodySchema,
  admissionId: z.uuid({ error: 'errors.field.invalid' }),
});
