import { z } from 'zod';

// Three questions that highlight the routes that fit, while every route stays listed: a person
// must never be steered into a single channel.
export const wants = ['understand', 'advice', 'act'] as const;
export const abouts = ['me', 'seen'] as const;
export const safeties = ['yes', 'no'] as const;

// From the posted form: anything unknown counts as not answered rather than as an error.
export const routeFinderSchema = z.object({
  want: z.enum(wants).optional().catch(undefined),
  about: z.enum(abouts).optional().catch(undefined),
  safe: z.enum(safeties).optional().catch(undefined),
});
export type RouteFinderAnswers = z.output<typeof routeFinderSchema>;

/** Places a person can go: the routes of the installation plus the self-check, a talk with the source and the external routes. */
export type Destination = 'self_check' | 'talk_to_source' | 'commission' | 'ethics' | 'advisor' | 'risk_signal' | 'external';

/**
 * Which destinations fit these answers. Nothing answered: nothing is highlighted.
 * - understand: the self-check names it; the ethics panel takes "is this OK?" questions;
 * - advice: a confidential advisor, or the ethics panel for a moral question;
 * - someone to act: the commission; for something seen that harms the public, also the
 *   external routes (the Whistleblowers Authority); for one's own work that cannot be done
 *   properly, the risk signal;
 * - not safe to talk to the manager: never suggest checking with the source; the confidential
 *   advisor and the commission go around the line, and the external routes are always there.
 */
export function fittingDestinations(answers: RouteFinderAnswers): Set<Destination> {
  const fit = new Set<Destination>();
  if (answers.want === 'understand') {
    fit.add('self_check');
    fit.add('ethics');
    if (answers.safe === 'yes') fit.add('talk_to_source');
  }
  if (answers.want === 'advice') {
    fit.add('advisor');
    fit.add('ethics');
  }
  if (answers.want === 'act') {
    fit.add('commission');
    if (answers.about === 'seen') fit.add('external');
    if (answers.about === 'me') fit.add('risk_signal');
  }
  if (answers.safe === 'no') {
    fit.delete('talk_to_source');
    fit.add('advisor');
    if (answers.want === 'act' || answers.about === 'seen') fit.add('external');
  }
  return fit;
}
