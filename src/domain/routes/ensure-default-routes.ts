import { routes, questionnaires } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { defaultRoutes } from './default-questionnaires.js';

/** On a fresh database, stores the three routes and their first questionnaires. Idempotent. */
export async function ensureDefaultRoutes(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const route of defaultRoutes) {
      const inserted = await tx
        .insert(routes)
        .values({ code: route.code, position: route.position, name: route.name, description: route.description, handlerRoles: route.handlerRoles, custodianRoles: route.custodianRoles })
        .onConflictDoNothing()
        .returning({ code: routes.code });
      if (inserted.length === 1) {
        await tx.insert(questionnaires).values({ routeCode: route.code, version: 1, definition: route.questionnaire });
      }
    }
  });
}
