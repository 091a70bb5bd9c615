import type { Services } from '../../services.js';
import { validate } from '../validate.js';
import { proposalSchema, storeProposal } from './propose-dilemma.js';

/** An employee's dilemma, sent without a name, an account or a cookie. */
export async function submitDilemma(s: Services, organisationId: string, input: unknown, language: string): Promise<void> {
  const form = validate(proposalSchema, input);
  await storeProposal(s, organisationId, 'employee', { ...form, language });
}
