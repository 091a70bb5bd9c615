// What an attacker holding every results page and every CSV export of one wave knows, cell by
// cell, read through the same presenters the page and the export use (tableGroups, pressureGroups,
// share, publishedN), with either benchmark the page offers. The trends table repeats the
// organisation's own figure; other waves are other respondents and add no sums. Used by the
// disclosure tests; cheap enough for a diagnostic.

import { countsForShare, type Knowledge } from './disclosure-audit.js';
import { benchmarksOf, pressureGroups, pressureTablesShown, publishedN, resultsTables, share, tableGroups, type StatementResult, type WaveResults } from './results.js';

/** Per statement code: what the published figures say of each group shown anywhere. */
export function publishedKnowledge(results: WaveResults, organisations: ReadonlyArray<{ id: string; sector: string }>): Map<string, Map<string, Knowledge>> {
  const out = new Map<string, Map<string, Knowledge>>();
  for (const st of results.statements) {
    const known = new Map<string, Knowledge>();
    for (const benchmark of benchmarksOf(results))
      for (const organisation of organisations) for (const table of resultsTables) for (const id of tableGroups(results, organisation, table, benchmark)) known.set(id, readFigure(st, id));
    out.set(st.code, known);
  }
  return out;
}

/**
 * The headline's published figures: under 'PRESSURE' the pressured share (with the count of
 * pressured the page prints), under 'SOURCE:<option>' and so on each option among the pressured.
 * Where an option is hidden but the group's PRESSURE figure is shown, its size (the pressured) is
 * known; where PRESSURE hides the group, a hidden option tells nothing (it is hidden because of that).
 */
export function publishedPressureKnowledge(results: WaveResults, organisations: ReadonlyArray<{ id: string; sector: string }>): Map<string, Map<string, Knowledge>> {
  const out = new Map<string, Map<string, Knowledge>>();
  const p = results.pressure;
  if (!p) return out;
  const groups = new Set<string>();
  for (const benchmark of benchmarksOf(results)) for (const organisation of organisations) for (const table of pressureTablesShown) for (const id of pressureGroups(results, organisation, table, benchmark)) groups.add(id);
  const pressured = new Map<string, Knowledge>();
  for (const id of groups) {
    const f = p.share.figures.get(id);
    pressured.set(id, f?.kind === 'shown' ? { kind: 'shown', n: f.n, agree: { lo: f.agree, hi: f.agree }, disagree: { lo: f.disagree, hi: f.disagree } } : readFigure(p.share, id));
  }
  out.set('PRESSURE', pressured);
  // The details are shown for the headline's groups only (organisation, sector benchmark, everyone).
  const detailGroups = new Set<string>();
  for (const benchmark of benchmarksOf(results)) for (const organisation of organisations) for (const id of pressureGroups(results, organisation, 'headline', benchmark)) detailGroups.add(id);
  for (const detail of p.details) {
    for (const option of detail.options) {
      const known = new Map<string, Knowledge>();
      for (const id of detailGroups) {
        const f = option.figures.get(id);
        if (f?.kind !== 'hidden') known.set(id, readFigure(option, id));
        else {
          const size = p.share.figures.get(id);
          if (size?.kind === 'shown') known.set(id, { kind: 'sized', n: { lo: size.agree, hi: size.agree } });
          else if (size?.kind === 'empty') known.set(id, { kind: 'sized', n: { lo: 0, hi: 0 } });
        }
      }
      out.set(`${detail.code}:${option.code}`, known);
    }
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
