import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { bodies, type Body } from './bodies.js';

// Admissions, removals and foundings of one body happen one at a time, so two chairs cannot
// both found it, nor admit the same person twice.
const LOCK_BASE = 7_431_950;

export async function lockBody(tx: Tx, organisationId: string, body: Body): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_BASE + bodies.indexOf(body)}, hashtext(${organisationId}))`);
}
