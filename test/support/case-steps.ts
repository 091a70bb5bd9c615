import { expect } from 'vitest';
import type { FormClient } from './form-client.js';

/** Posts one case action with the handler's session token, as the case page's forms do. */
export async function caseAction(handler: FormClient, caseId: string, action: string, fields: Record<string, string>): Promise<number> {
  return (await handler.postWithOwnToken(`/staff/cases/${caseId}/${action}`, fields)).status;
}

/** Acknowledges, assesses and walks a case through every step to closed. */
export async function walkToClosed(handler: FormClient, caseId: string): Promise<void> {
  const steps: Array<[string, Record<string, string>]> = [
    ['acknowledge', { ackNote: '' }],
    ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' }],
    ['advance', { to: 'in_handling', stepText: '' }],
    ['advance', { to: 'concluded', stepText: '' }],
    ['advance', { to: 'feedback_given', stepText: 'Wij hebben gesproken met de betrokkenen.' }],
    ['advance', { to: 'closed', stepText: '' }],
  ];
  for (const [action, fields] of steps) expect(await caseAction(handler, caseId, action, fields), action).toBe(303);
}
