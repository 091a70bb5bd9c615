import { describe, expect, it } from 'vitest';
import { abouts, fittingDestinations, routeFinderSchema, safeties, wants, type Destination } from './fit-routes.js';

// Every combination, with the expectation written out independently of the implementation.
const expected = (want?: string, about?: string, safe?: string): Destination[] => {
  const fit: Destination[] = [];
  if (want === 'understand') fit.push('self_check', 'ethics', ...(safe === 'yes' ? (['talk_to_source'] as const) : []));
  if (want === 'advice') fit.push('advisor', 'ethics');
  if (want === 'act') fit.push('commission', ...(about === 'seen' ? (['external'] as const) : []), ...(about === 'me' ? (['risk_signal'] as const) : []));
  if (safe === 'no') {
    if (!fit.includes('advisor')) fit.push('advisor');
    if ((want === 'act' || about === 'seen') && !fit.includes('external')) fit.push('external');
  }
  return fit.sort();
};

describe('route finder', () => {
  const optional = <T extends string>(values: readonly T[]) => [undefined, ...values];
  for (const want of optional(wants)) {
    for (const about of optional(abouts)) {
      for (const safe of optional(safeties)) {
        it(`want=${want} about=${about} safe=${safe}`, () => {
          expect([...fittingDestinations({ want, about, safe })].sort()).toEqual(expected(want, about, safe));
        });
      }
    }
  }

  it('never suggests talking to the source when that is not safe', () => {
    for (const want of wants) for (const about of abouts) expect(fittingDestinations({ want, about, safe: 'no' }).has('talk_to_source')).toBe(false);
  });

  it('treats unknown values as unanswered', () => {
    expect(routeFinderSchema.parse({ want: 'everything', about: 'me', safe: '<script>' })).toEqual({ about: 'me' });
  });
});
