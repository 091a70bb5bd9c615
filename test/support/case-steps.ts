import { expect } from 'vitest';
import type { FormClient } from './form-client.js';

/** Posts one case action with the handler's session token, as the case page's forms do. */
export async function caseAction(handler: FormClient, caseId: string, action: string, fields: Record<string, string | string[]>): Promise<number> {
  return (await handler.postWithOwnToken(`/staff/cases/${caseId}/${action}`, fields)).status;
}

/** The open draft decision of a case, as a member sees it on the decision page. */
export async function openDecisionId(member: FormClient, caseId: string): Promise<string> {
  const page = await member.get(`/staff/cases/${caseId}/decision`);
  return /\/decision\/([0-9a-f-]{36})\/(?:vote|close)"/.exec(page.html)![1]!;
}

/**
 * Acknowledges, assesses and walks a commission case through every step to closed. A commission
 * case is concluded only by a joint decision: the handler drafts it, each of `deciders` (signed
 * in, declared, every commission member and chair holding a key) agrees, and the last of them,
 * the chair, closes it.
 */
export async function walkToClosed(handler: FormClient, caseId: string, deciders: FormClient[]): Promise<void> {
  await walkToDecision(handler, caseId, deciders);
  const after: Array<[string, Record<string, string>]> = [
    ['advance', { to: 'feedback_given', stepText: 'Wij hebben gesproken met de betrokkenen.' }],
    ['advance', { to: 'closed', stepText: '' }],
  ];
  for (const [action, fields] of after) expect(await caseAction(handler, caseId, action, fields), action).toBe(303);
}

/** The first half of walkToClosed: up to the joint decision the chair closes, ready for feedback. */
export async function walkToDecision(handler: FormClient, caseId: string, deciders: FormClient[]): Promise<void> {
  const before: Array<[string, Record<string, string>]> = [
    ['acknowledge', { ackNote: '' }],
    ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' }],
    ['advance', { to: 'in_handling', stepText: '' }],
    ['decision', { outcome: 'founded', conclusion: 'De commissie stelt vast wat er is gebeurd.' }],
  ];
  for (const [action, fields] of before) expect(await caseAction(handler, caseId, action, fields), action).toBe(303);
  const decisionId = await openDecisionId(deciders[0]!, caseId);
  for (const decider of deciders) expect(await caseAction(decider, caseId, `decision/${decisionId}/vote`, { position: 'agree', voteReason: '' }), 'vote').toBe(303);
  expect(await caseAction(deciders.at(-1)!, caseId, `decision/${decisionId}/close`, {}), 'close').toBe(303);
}
