import { z } from 'zod';
import { roleSchema, rolesConflict } from '../access/roles.js';

// Form and API input shapes. Error messages are catalogue keys, translated by the HTTP layer.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'errors.email.invalid' }).max(254, { error: 'errors.email.invalid' }));

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'errors.field.required' })
  .max(120, { error: 'errors.field.tooLong' });

export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'errors.totp.format' }));

export const passwordInputSchema = z.string().max(1024, { error: 'errors.password.tooLong' });

export const inviteUserSchema = z
  .object({
    email: emailSchema,
    displayName: displayNameSchema,
    roles: z.array(roleSchema, { error: 'errors.roles.required' }).min(1, { error: 'errors.roles.required' }),
  })
  .refine((input) => !rolesConflict(input.roles), { path: ['roles'], error: 'errors.roles.adminConflict' });

export type InviteUserInput = z.output<typeof inviteUserSchema>;

export const setRolesSchema = z
  .object({
    roles: z.array(roleSchema).min(1, { error: 'errors.roles.required' }),
    // Which side nominated a commission member: shown with their vote on every decision.
    nominatedBy: z.enum(['none', 'staff_representatives', 'employer', 'independent'], { error: 'errors.choice.required' }).default('none'),
  })
  .refine((input) => !rolesConflict(input.roles), { path: ['roles'], error: 'errors.roles.adminConflict' });

export const acceptInvitationSchema = z.object({
  password: passwordInputSchema,
  passwordConfirm: passwordInputSchema,
  totpCode: totpCodeSchema,
  totpEnrolment: z.string().min(1).max(500),
});

export const logInSchema = z.object({
  email: emailSchema,
  password: passwordInputSchema.min(1, { error: 'errors.field.required' }),
  totpCode: totpCodeSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: passwordInputSchema.min(1, { error: 'errors.field.required' }),
  newPassword: passwordInputSchema,
  newPasswordConfirm: passwordInputSchema,
});

export const recoverAccountSchema = z.object({
  email: emailSchema,
  recoveryKey: z.string().trim().min(1, { error: 'errors.field.required' }).max(100, { error: 'errors.recovery.invalid' }),
  totpCode: totpCodeSchema,
  newPassword: passwordInputSchema,
  newPasswordConfirm: passwordInputSchema,
});
