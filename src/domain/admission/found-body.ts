import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { keyFingerprint, signAdmission } from '../../crypto/signing.js';
import { bodyAdmissions, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, refusal } from '../errors.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import type { StaffActor } from '../cases/open-case.js';
import { localDate } from '../reports/deadlines.js';
import { validate } from '../validate.js';
import { lockBody } from './admission-lock.js';
import { admitterRole, rolesOfBody } from './bodies.js';
import { foundBodySchema } from './schemas.js';
import { bodiesOf, mailNotices, writeNotices } from './announce.js';
import { unsafeSessionSigner } from './signer.js';
import { verifiedBodyState } from './verify-admissions.js';

/**
 * The founding step of a body without readers: its first chair (advisor, panel member) admits
 * themselves by signing a founding statement (for instance the appointment decision). It is the
 * root every later admission is checked against, shown to everyone with its fingerprint.
 */
export async function foundBody(s: Services, actor: StaffActor | null, input: unknown): Promise<{ fingerprint: string }> {
  authorize(actor, 'admission.found');
  const form = validate(foundBodySchema, input);
  if (!actor.roles.includes(admitterRole[form.body])) throw new AppError('forbidden');
  const timeZone = await timeZoneOf(s, actor.organisationId);
  let fingerprint = '';
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await lockBody(tx, actor.organisationId, form.body);
    const state = await verifiedBodyState({ ...s, db: tx }, actor.organisationId, form.body);
    // Founding again is only for a body whose every admission was removed by the body itself:
    // members the administrator deactivated or stripped of roles still count, so the
    // administrator cannot empty a body and have a new "chair" found it afresh.
    if (state.openAdmissions > 0) throw refusal('conflict', 'errors.admission.alreadyFounded');
    const [account] = await tx.select().from(users).where(inOrg(actor.organisationId, users, eq(users.id, actor.userId)));
    if (!account || account.status !== 'active' || account.organisationId !== actor.organisationId) throw new AppError('forbidden');
    const signer = unsafeSessionSigner(s.sodium, actor, account);
    const fields = {
      id: randomUUID(),
      body: form.body,
      userId: actor.userId,
      roles: rolesOfBody(form.body, account.roles),
      boxPublicKey: account.publicKey!,
      signingPublicKey: signer.publicKey,
      admittedOn: localDate(s.now(), timeZone),
      admittedBy: null,
      statement: form.statement,
    };
    const signature = signAdmission(s.sodium, signer.privateKey, fields);
    signer.privateKey.fill(0);
    await tx.insert(bodyAdmissions).values({ ...fields, organisationId: actor.organisationId, roles: [...fields.roles], admitterSigningKey: signer.publicKey, signature, createdAt: s.now() });
    fingerprint = keyFingerprint(s.sodium, fields.boxPublicKey, fields.signingPublicKey);
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'body.founded', caseId: null, detail: { body: form.body, admission: fields.id, fingerprint } });
    // Everyone the body ever admitted hears of a new founding, however their account stands now.
    told = await writeNotices({ ...s, db: tx }, bodiesOf(actor.organisationId, [form.body]), 'body.founded', { body: form.body, name: account.displayName, fingerprint }, state.everAdmitted);
  });
  await mailNotices(s, told);
  return { fingerprint };
}
