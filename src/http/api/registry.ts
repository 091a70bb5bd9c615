import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { validate } from '../../domain/validate.js';
import type { AppEnv } from '../env.js';
import { securedResponse } from '../middleware/security-headers.js';

// Each JSON route is declared once, with its zod schemas; the same declaration mounts the route
// and writes its part of the OpenAPI document, so the document cannot drift from the code.
export interface ApiRoute<B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  body?: B;
  /** Checked before the body is read: a caller without access learns nothing about the expected input. */
  authenticate?: (c: Context<AppEnv>) => Promise<unknown>;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handler: (c: Context<AppEnv>, body: B extends z.ZodType ? z.output<B> : undefined) => Promise<{ status: ContentfulStatusCode; json: unknown }>;
}

/** An answer already written as JSON (kept between requests, so it is not serialised again for each). */
export class JsonText {
  constructor(readonly text: string) {}
}

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .meta({ id: 'Problem' });

export class ApiRegistry {
  private readonly routes: ApiRoute[] = [];

  add<B extends z.ZodType | undefined>(route: ApiRoute<B>): void {
    this.routes.push(route as unknown as ApiRoute);
  }

  mount(app: Hono<AppEnv>): void {
    for (const route of this.routes) {
      app[route.method](route.path, async (c) => {
        let body: unknown = undefined;
        if (route.authenticate) await route.authenticate(c);
        if (route.body) {
          const raw = await c.req.json().catch(() => {
            throw new AppError('validation', [{ field: 'body', message: 'errors.json.invalid' }]);
          });
          body = validate(route.body, raw);
        }
        const result = await route.handler(c, body as never);
        const text = result.json instanceof JsonText ? result.json.text : JSON.stringify(result.json);
        // No route sets headers of its own: the answer is written with plain headers, no Headers object.
        return securedResponse(c, result.status, text, { 'content-type': 'application/json' });
      });
    }
  }

  document(baseUrl: string): object {
    const paths: Record<string, Record<string, object>> = {};
    for (const route of this.routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const parameters = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
      const responses: Record<string, object> = {};
      for (const [status, response] of Object.entries(route.responses)) {
        responses[status] = response.schema
          ? { description: response.description, content: { 'application/json': { schema: toSchema(response.schema) } } }
          : { description: response.description };
      }
      responses.default = { description: 'Problem (RFC 9457)', content: { 'application/problem+json': { schema: toSchema(problemSchema) } } };
      paths[path] = {
        ...paths[path],
        [route.method]: {
          operationId: route.operationId,
          summary: route.summary,
          tags: route.tags,
          ...(parameters.length ? { parameters } : {}),
          ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } } : {}),
          responses,
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: 'Tegenspraak API', version: '1', description: 'JSON API of Tegenspraak. Errors are RFC 9457 problem documents.' },
      servers: [{ url: baseUrl }],
      paths,
    };
  }
}

function toSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): object {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
