import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { caseNumbers } from '../../db/schema.js';

// Letters people recognise: IC for the integrity commission, RS a risk signal, EP the ethics panel,
// VA a confidential advisor; any other route its own code.
const PREFIXES: Record<string, string> = { commission: 'IC', risk_signal: 'RS', ethics: 'EP', advisor: 'VA' };

export function caseNumberPrefix(routeCode: string): string {
  return PREFIXES[routeCode] ?? routeCode.replace(/_/g, '').toUpperCase();
}

/** "IC-2026-0042": at least four digits, more when a year holds more. */
export function formatCaseNumber(routeCode: string, year: number, n: number): string {
  return `${caseNumberPrefix(routeCode)}-${year}-${String(n).padStart(4, '0')}`;
}

/** What a reader may type to find a case: IC-2026-0042, ic-2026-42, with or without leading zeros. */
export const CASE_NUMBER_SEARCH = /^([a-z]{1,40})-(\d{4})-(\d{1,9})$/i;

/** A typed case number in its stored form, or null when it is not one. */
export function normaliseCaseNumber(typed: string): string | null {
  const match = CASE_NUMBER_SEARCH.exec(typed.trim());
  if (!match) return null;
  return `${match[1]!.toUpperCase()}-${match[2]}-${String(Number(match[3])).padStart(4, '0')}`;
}

/**
 * What someone typed to find a case: its number (IC-2026-0042), or the start of its random id as the
 * audit log shows it; null when it is neither (content is never searched: it cannot be).
 */
export function caseReference(typed: string): { number: string } | { idPrefix: string } | null {
  const number = normaliseCaseNumber(typed);
  if (number) return { number };
  const trimmed = typed.trim().toLowerCase();
  return /^[0-9a-f-]{4,36}$/.test(trimmed) ? { idPrefix: trimmed } : null;
}

/**
 * The next number of the handling organisation's route in this year, inside the submitting
 * transaction: the counter row is locked until it commits, so parallel submissions queue here for
 * a moment and each gets its own number; a submission that rolls back gives its number back.
 */
export async function takeCaseNumber(tx: Tx, handledBy: string, routeCode: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(caseNumbers)
    .values({ organisationId: handledBy, routeCode, year, last: 1 })
    .onConflictDoUpdate({ target: [caseNumbers.organisationId, caseNumbers.routeCode, caseNumbers.year], set: { last: sql`${caseNumbers.last} + 1` } })
    .returning({ last: caseNumbers.last });
  return formatCaseNumber(routeCode, year, row!.last);
}
