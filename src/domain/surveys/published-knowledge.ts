// What an attacker holding every results page and every CSV export of one wave knows, cell by
// cell, read through the same presenters the page and the export use (tableGroups, share,
// publishedN). The trends table repeats the organisation's own figure; other waves are other
// respondents and add no sums. Used by the disclosure tests; cheap enough for a diagnostic.

import { countsForShare, type Knowledge } from './disclosure-audit.js';
import { publishedN, resultsTables, share, tableGroups, type StatementResult, type WaveResults } from './results.js';

/** Per statement code: what the published figures say of each group shown anywhere. */
export function publishedKnowledge(results: WaveResults, organisations: ReadonlyArray<{ id: string; sector: string }>): Map<string, Map<string, Knowledge>> {
  const out = new Map<string, Map<string, Knowledge>>();
  for (const st of results.statements) {
    const known = new Map<string, Knowledge>();
    for (const organisation of organisations) for (const table of resultsTables) for (const id of tableGroups(results, organisation, table)) known.set(id, readFigure(st, id));
    out.set(st.code, known);
  }
  return out;
}

function readFigure(st: StatementResult, id: string): Knowledge {
  const f = st.figures.get(id);
  const n = publishedN(f);
  if (n === null) return { kind: 'hidden' };
  if (n === 0) return { kind: 'shown', n: 0, agree: { lo: 0, hi: 0 }, disagree: { lo: 0, hi: 0 } };
  return { kind: 'shown', n, agree: countsForShare(share(f, 'agree')!, n), disagree: countsForShare(share(f, 'disagree')!, n) };
}
