import { routes, questionnaires } from '../../db/schema.js';
import type { Db, Tx } from '../../db/client.js';
import { listOrganisations } from '../organisation/get-organisation.js';
import { defaultRoutes } from './default-questionnaires.js';

/**
 * Stores the organisation's routes and their first questionnaires, read by its own bodies: at its
 * creation, and for a route a later version adds. Idempotent.
 */
export async function ensureDefaultRoutes(db: Db | Tx, organisationId: string): Promise<void> {
  const write = async (tx: Db | Tx) => {
    for (const route of defaultRoutes) {
      const inserted = await tx
        .insert(routes)
        .values({
          organisationId,
          code: route.code,
          bodyOrganisationId: organisationId,
          position: route.position,
          name: route.name,
          description: route.description,
          handlerRoles: route.handlerRoles,
          custodianRoles: route.custodianRoles,
        })
        .onConflictDoNothing()
        .returning({ code: routes.code });
      if (inserted.length === 1) {
        await tx.insert(questionnaires).values({ organisationId, routeCode: route.code, version: 1, definition: route.questionnaire });
      }
    }
  };
  if ('rollback' in db) await write(db);
  else await db.transaction(write);
}

/** At start-up: every organisation has every route this version knows. */
export async function ensureDefaultRoutesEverywhere(db: Db): Promise<void> {
  for (const organisation of await listOrganisations({ db })) await ensureDefaultRoutes(db, organisation.id);
}
