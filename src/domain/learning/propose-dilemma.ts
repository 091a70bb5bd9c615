import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sealBound } from '../../crypto/bound-seal.js';
import type { Db, Tx } from '../../db/client.js';
import { dilemmaProposalCopies, dilemmaProposals } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { admittedReadersOfRoute } from '../admission/admitted-readers.js';
import { refusal } from '../errors.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import { localDate } from '../reports/deadlines.js';
import { getRoute } from '../routes/get-route.js';

// A dilemma for the library, from an employee (anonymous) or from a team's deliberation (with the
// consent of all present): sealed to each admitted reader of the ethics panel, exactly like a moral
// question; only the day it came in is readable beside it.

export const proposalSchema = z.object({
  situation: z.string().trim().min(20, { error: 'errors.dilemma.situationShort' }).max(4000, { error: 'errors.field.tooLong' }),
  question: z.string().trim().max(500, { error: 'errors.field.tooLong' }),
});
export type ProposalText = z.output<typeof proposalSchema>;

export const proposalBinding = (id: string) => `dilemma-proposal:${id}`;

/** Seals and stores one proposal; refused (nothing stored) when the panel has no admitted reader to read it. */
export async function storeProposal(
  s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'> & { db: Db | Tx },
  organisationId: string,
  source: 'employee' | 'deliberation',
  text: ProposalText & { language: string },
): Promise<void> {
  const { route } = await getRoute(s, organisationId, 'ethics');
  const { readers } = await admittedReadersOfRoute(s, route);
  if (readers.length === 0) throw refusal('conflict', 'errors.dilemma.noPanel');
  const id = randomUUID();
  const json = JSON.stringify(text);
  const receivedOn = localDate(s.now(), await timeZoneOf(s, organisationId));
  const store = async (tx: Db | Tx) => {
    await tx.insert(dilemmaProposals).values({ id, organisationId, source, receivedOn });
    await tx.insert(dilemmaProposalCopies).values(readers.map((reader) => ({ proposalId: id, userId: reader.userId, sealed: sealBound(s.sodium, reader.boxPublicKey, proposalBinding(id), json) })));
  };
  if ('rollback' in s.db) await store(s.db);
  else await s.db.transaction(store);
}
