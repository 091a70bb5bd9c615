import { unsafeVerifyAudit, unsafeVerifyAuditChain } from '../../domain/audit/verify-audit.js';
import type { Command } from '../context.js';

/** Changes nothing in the database. */
export const readOnly = true;

export const run: Command = async ({ services, options, organisation }) => {
  const verdict = options.org ? await unsafeVerifyAuditChain(services, (await organisation()).id) : await unsafeVerifyAudit(services);
  if (verdict.ok) {
    console.log(`Audit log intact: ${verdict.entries} entries verified.`);
    return 0;
  }
  const chain = verdict.chain ? ` of chain ${verdict.chain}` : '';
  console.log(`Audit log BROKEN at entry ${verdict.brokenAt}${chain} (${verdict.reason}); the ${verdict.entries} entries before it verify.`);
  return 1;
};
