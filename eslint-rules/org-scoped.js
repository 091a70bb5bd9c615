// Lint rule: every query on an organisation-owned table goes through the scoped access path of
// src/db/scoped.ts. A select, update or delete on such a table needs `.where(inOrg(...))`,
// `.where(inCommission(...))`, `.where(inAccountsOf(...))` or `.where(unsafeAnyOrg('why', ...))`; an insert needs values that
// name the organisation column. The tables are the ones src/db/scoped.ts lists (a test keeps the
// two lists equal).

export const orgTables = {
  organisations: 'id',
  organisationLogos: 'organisationId',
  users: 'organisationId',
  bodyAdmissions: 'organisationId',
  routes: 'organisationId',
  questionnaires: 'organisationId',
  cases: 'organisationId',
  caseNumbers: 'organisationId',
  letterTemplates: 'organisationId',
  auditLog: 'organisationId',
  caseStatistics: 'organisationId',
  advisorRegistrations: 'organisationId',
  annualReportTexts: 'organisationId',
  surveyOrganisations: 'ownerId',
  surveyWaves: 'ownerId',
  dilemmas: 'organisationId',
  dilemmaProposals: 'organisationId',
  teamSessions: 'organisationId',
  deliberations: 'organisationId',
};

const scopedConditions = new Set(['inOrg', 'inCommission', 'inAccountsOf', 'unsafeAnyOrg']);
const queryMethods = new Set(['from', 'update', 'delete', 'insert']);
// A joined organisation table makes the query one on organisation rows too: its where must be scoped as well.
const joinMethods = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin']);

function isSchemaImport(variable) {
  return variable?.defs.some((def) => def.type === 'ImportBinding' && /(^|\/)db\/schema(\.js)?$|^\.\/schema(\.js)?$/.test(def.parent.source.value));
}

function findVariable(scope, name) {
  for (let s = scope; s; s = s.upper) {
    const found = s.set.get(name);
    if (found) return found;
  }
  return undefined;
}

/** The organisation-owned table a query argument names (`cases` or `schema.cases`, imported from the schema), or null. */
function orgTableOf(context, node) {
  const scope = context.sourceCode.getScope(node);
  if (node.type === 'Identifier' && Object.hasOwn(orgTables, node.name)) {
    return isSchemaImport(findVariable(scope, node.name)) ? node.name : null;
  }
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && Object.hasOwn(orgTables, node.property.name)) {
    return isSchemaImport(findVariable(scope, node.object.name)) ? node.property.name : null;
  }
  return null;
}

/** Walks a method chain upwards from `call` to the first `.name(...)` call; returns it or null. */
function chained(call, name) {
  let current = call;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current && current.parent.parent?.type === 'CallExpression' && current.parent.parent.callee === current.parent) {
    const method = current.parent.property;
    current = current.parent.parent;
    if (method.type === 'Identifier' && method.name === name) return current;
  }
  return null;
}

/** The object literal names the column, and no spread after it can overwrite it. */
function namesColumn(object, key) {
  if (object.type !== 'ObjectExpression') return false;
  const at = object.properties.findLastIndex((p) => p.type === 'Property' && !p.computed && ((p.key.type === 'Identifier' && p.key.name === key) || (p.key.type === 'Literal' && p.key.value === key)));
  return at >= 0 && object.properties.slice(at + 1).every((p) => p.type !== 'SpreadElement');
}

/** The organisation tables a query chain reads or writes (its from, joins, update or delete), walking down from `call`. */
function chainTables(context, call) {
  const tables = new Set();
  for (let current = call; current?.type === 'CallExpression' && current.callee.type === 'MemberExpression'; current = current.callee.object) {
    const method = current.callee.property;
    if (method.type === 'Identifier' && (queryMethods.has(method.name) || joinMethods.has(method.name)) && current.arguments[0]) {
      const table = orgTableOf(context, current.arguments[0]);
      if (table) tables.add(table);
    }
  }
  return tables;
}

/**
 * A scoped condition: a call to one of the scope helpers, or a choice between two of them. inOrg
 * and inCommission must name one of the query's own organisation tables, so a condition on another
 * table cannot stand in for it.
 */
function isScoped(context, condition, tables) {
  if (condition?.type === 'ConditionalExpression') return isScoped(context, condition.consequent, tables) && isScoped(context, condition.alternate, tables);
  if (condition?.type !== 'CallExpression' || condition.callee.type !== 'Identifier' || !scopedConditions.has(condition.callee.name)) return false;
  if (condition.callee.name === 'unsafeAnyOrg') return true;
  const named = condition.arguments[1] ? orgTableOf(context, condition.arguments[1]) : null;
  return named !== null && tables.has(named);
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Queries on organisation-owned tables go through the scoped access path (src/db/scoped.ts).' },
    messages: {
      unscoped: "Query on '{{table}}' without the organisation's scope: use .where(inOrg(organisationId, {{table}}, ...)) (or inCommission / unsafeAnyOrg('why', ...)) from src/db/scoped.ts.",
      insertUnscoped: "Insert into '{{table}}' must name '{{column}}' in its values (an object, or an array of objects).",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (!queryMethods.has(method) && !joinMethods.has(method)) return;
        const argument = node.arguments[0];
        if (!argument) return;
        const table = orgTableOf(context, argument);
        if (!table) return;
        if (method === 'insert') {
          const values = chained(node, 'values');
          const given = values?.arguments[0];
          const column = orgTables[table];
          const ok = given && (namesColumn(given, column) || (given.type === 'ArrayExpression' && given.elements.length > 0 && given.elements.every((e) => e && namesColumn(e, column))));
          if (!ok) context.report({ node, messageId: 'insertUnscoped', data: { table, column } });
          return;
        }
        const where = chained(node, 'where');
        const ok = !!where && isScoped(context, where.arguments[0], chainTables(context, where));
        if (!ok) context.report({ node, messageId: 'unscoped', data: { table } });
      },
    };
  },
};
