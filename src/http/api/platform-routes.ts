import { languageOf } from '../../i18n/index.js';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import type { Services } from '../../services.js';
import type { ApiRegistry } from './registry.js';

const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
const organisationSchema = z.object({
  name: z.string(),
  defaultLanguage: z.enum(['nl', 'en']),
  contactText: z.string(),
  languages: z.array(z.enum(['nl', 'en'])),
});

export function platformRoutes(api: ApiRegistry, s: Services) {
  api.add({
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness and database check',
    tags: ['platform'],
    responses: { 200: { description: 'The app and its database answer', schema: healthSchema } },
    handler: async () => {
      try {
        await s.database.ping();
      } catch {
        throw new AppError('unavailable', [], 5);
      }
      return { status: 200, json: { status: 'ok', database: s.database.kind } };
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/organisation',
    operationId: 'getOrganisation',
    summary: 'Public facts about the organisation that runs this installation',
    tags: ['platform'],
    responses: { 200: { description: 'The organisation', schema: organisationSchema } },
    handler: async (c) => {
      const organisation = c.get('organisation');
      if (!organisation) throw new AppError('not_found');
      return {
        status: 200,
        json: {
          name: organisation.name,
          defaultLanguage: languageOf(organisation.defaultLanguage),
          contactText: organisation.contactText,
          languages: ['nl', 'en'],
        },
      };
    },
  });
}
