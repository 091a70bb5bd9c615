import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { eq, ne, or, sql } from 'drizzle-orm';
import { cases, caseStatistics, organisations, routes } from '../db/schema.js';
import { inOrg, unsafeAnyOrg } from '../db/scoped.js';
import type { Services } from '../services.js';
import { BACKUP_FORMAT, BACKUP_VERSION, backupTables, encodeValue, organisationRows } from './backup-tables.js';

export class BackupRefused extends Error {}

const PAGE = 2000;

/**
 * Writes the whole installation (or one organisation's part of it) to a gzipped file of JSON lines. Report content, files and
 * identities stay what they are in the database: ciphertext sealed to the handlers' keys. The
 * server key is not in it and must be kept apart (it protects TOTP secrets, mail addresses and
 * the audit chain, never case content).
 */
export async function createBackup(s: Pick<Services, 'db' | 'now'>, path: string, options: { organisationId?: string } = {}): Promise<{ rows: number }> {
  const scope = options.organisationId ? await organisationToBackUp(s, options.organisationId) : null;
  let rows = 0;
  async function* lines() {
    yield JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: s.now().toISOString(), ...(scope ? { organisation: scope } : {}) }) + '\n';
    for (const [name, table] of backupTables) {
      const where = scope ? organisationRows(name, scope.id) : undefined;
      if (where === 'none') continue;
      for (let offset = 0; ; offset += PAGE) {
        // Stable pages without relying on a key name: every column, in the table's own order.
        const page = await s.db.select().from(table).where(where).limit(PAGE).offset(offset);
        for (const row of page) {
          rows += 1;
          yield JSON.stringify({ table: name, row: dated(row) }, encodeValue) + '\n';
        }
        if (page.length < PAGE) break;
      }
    }
  }
  const out = createWriteStream(path, { mode: 0o600 });
  await pipeline(Readable.from(lines()), createGzip(), out);
  if (!out.closed) await once(out, 'close');
  return { rows };
}

/**
 * An organisation can be backed up on its own only when its cases are read by its own accounts:
 * where a commission serves several organisations, the case keys are sealed to the serving
 * organisation's handlers and neither half restores without the other.
 */
async function organisationToBackUp(s: Pick<Services, 'db'>, organisationId: string): Promise<{ id: string; slug: string; name: string }> {
  const [organisation] = await s.db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations).where(inOrg(organisationId, organisations));
  if (!organisation) throw new BackupRefused('No such organisation.');
  const [shared] = await s.db
    .select({ n: sql<number>`count(*)::int` })
    .from(routes)
    .where(unsafeAnyOrg('backup: a shared commission, on either side, involves another organisation', ne(routes.organisationId, routes.bodyOrganisationId), or(eq(routes.organisationId, organisationId), eq(routes.bodyOrganisationId, organisationId))));
  const [handledElsewhere] = await s.db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(unsafeAnyOrg('backup: a case handled by another organisation than it concerns, on either side', ne(cases.organisationId, cases.handledBy), or(eq(cases.organisationId, organisationId), eq(cases.handledBy, organisationId))));
  // The same for cases already purged: their anonymous rows name the commission that handled them.
  const [purgedElsewhere] = await s.db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseStatistics)
    .where(
      unsafeAnyOrg(
        'backup: a purged case handled by another organisation than it concerns, on either side',
        ne(caseStatistics.organisationId, caseStatistics.handledBy),
        or(eq(caseStatistics.organisationId, organisationId), eq(caseStatistics.handledBy, organisationId)),
      ),
    );
  if (shared!.n + handledElsewhere!.n + purgedElsewhere!.n > 0) {
    throw new BackupRefused(`${organisation.name} shares a commission with another organisation (now or for earlier cases): back up the whole installation instead.`);
  }
  return organisation;
}

/** Dates are tagged before JSON.stringify turns them into bare strings. */
function dated(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? { $date: v.toISOString() } : v]));
}
