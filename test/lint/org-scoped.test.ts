import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule, { orgTables } from '../../eslint-rules/org-scoped.js';
import { getTableColumns } from 'drizzle-orm';
import * as schema from '../../src/db/schema.js';
import { cases, routes, users } from '../../src/db/schema.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { inAccountsOf, inCommission, inOrg, orgTableNames, organisationColumnOf, unsafeAnyOrg } from '../../src/db/scoped.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const header = "import { cases, users, surveyWaves } from '../db/schema.js';\nimport * as schema from '../db/schema.js';\nimport { inOrg, inCommission, inAccountsOf, unsafeAnyOrg } from '../db/scoped.js';\n";

describe('the organisation scope lint rule (src/db/scoped.ts is the only path to organisation rows)', () => {
  tester.run('org-scoped', rule as unknown as Rule.RuleModule, {
    valid: [
      { code: `${header}db.select().from(cases).where(inOrg(org, cases, eq(cases.id, id)));` },
      { code: `${header}db.select().from(cases).innerJoin(x, y).where(inCommission(org, cases)).orderBy(z);` },
      { code: `${header}db.select().from(caseKeys).leftJoin(users, eq(users.id, caseKeys.userId)).where(inOrg(org, users, eq(caseKeys.caseId, id)));` },
      { code: `${header}db.update(users).set({ a: 1 }).where(inOrg(org, users, eq(users.id, id)));` },
      { code: `${header}db.delete(schema.cases).where(unsafeAnyOrg('the purge job runs over every organisation', lt(cases.closedAt, t)));` },
      { code: `${header}db.insert(cases).values({ id, organisationId: org, handledBy: h });` },
      { code: `${header}db.insert(cases).values({ ...row, organisationId: org });` },
      { code: `${header}db.select().from(cases).where(mine ? inCommission(org, cases) : inOrg(org, cases));` },
      { code: `${header}db.update(users).set({ a: 1 }).where(inAccountsOf(orgOrNull, users, eq(users.id, id)));` },
      { code: `${header}db.insert(surveyWaves).values([{ ownerId: org, name }]);` },
      // Not the schema's table: an array of the same name, or another module's.
      { code: `const cases = [1]; Array.from(cases);` },
      { code: `import { cases } from './fixtures.js'; db.select().from(cases);` },
    ],
    invalid: [
      { code: `${header}db.select().from(cases).where(eq(cases.id, id));`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.select().from(cases);`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.select().from(schema.users).where(and(eq(users.email, e)));`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.update(cases).set({ status: 'closed' }).where(eq(cases.id, id));`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.delete(users);`, errors: [{ messageId: 'unscoped' }] },
      // A joined organisation table: the query reads its rows, so its where is scoped too.
      { code: `${header}db.select().from(caseKeys).innerJoin(users, eq(users.id, caseKeys.userId)).where(eq(caseKeys.caseId, id));`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.select().from(cases).where(mine ? inOrg(org, cases) : eq(cases.id, id));`, errors: [{ messageId: 'unscoped' }] },
      // The scope must be on one of the query's own tables, not any table.
      { code: `${header}db.select().from(cases).where(inOrg(org, users, eq(cases.id, id)));`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.select().from(cases).where(inAccountsOf(org, users, eq(cases.id, id)));`, errors: [{ messageId: 'unscoped' }] },
      // A condition built elsewhere cannot be checked here: it has to be written at the query.
      { code: `${header}const scope = (x) => inOrg(org, cases, x); db.select().from(cases).where(scope(y));`, errors: [{ messageId: 'unscoped' }] },
      { code: `${header}db.insert(cases).values({ id });`, errors: [{ messageId: 'insertUnscoped' }] },
      { code: `${header}db.insert(surveyWaves).values(rows);`, errors: [{ messageId: 'insertUnscoped' }] },
      { code: `${header}db.insert(cases).values({ ...row });`, errors: [{ messageId: 'insertUnscoped' }] },
      // A spread after the column could put another organisation's id back in.
      { code: `${header}db.insert(cases).values({ organisationId: org, ...row });`, errors: [{ messageId: 'insertUnscoped' }] },
    ],
  });

  it('guards exactly the tables the scoped path maps, each by the same column', () => {
    expect(Object.keys(orgTables).sort()).toEqual([...orgTableNames].sort());
    for (const name of orgTableNames) {
      const table = schema[name];
      const column = organisationColumnOf(table);
      const key = Object.entries(getTableColumns(table)).find(([, c]) => c === column)?.[0];
      expect(key, name).toBe(orgTables[name]);
    }
  });

  it('puts the organisation first in every condition and refuses a missing one', () => {
    expect(organisationColumnOf(routes).name).toBe('organisation_id');
    expect(() => inOrg('', cases)).toThrow('organisation scope missing');
    expect(() => inCommission(undefined as unknown as string, cases)).toThrow('organisation scope missing');
    expect(unsafeAnyOrg('every organisation')).toBeUndefined();
    // The operator's accounts (no organisation) and one organisation's are different conditions, never "any".
    const dialect = new PgDialect();
    expect(dialect.sqlToQuery(inAccountsOf(null, users)).sql).toContain('"organisation_id" is null');
    expect(dialect.sqlToQuery(inAccountsOf('x', users)).params).toEqual(['x']);
    expect(() => inAccountsOf('', users)).toThrow('organisation scope missing');
  });
});
