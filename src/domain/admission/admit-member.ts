import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { keyFingerprint, signAdmission } from '../../crypto/signing.js';
import { bodyAdmissions, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError, refusal } from '../errors.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import type { StaffActor } from '../cases/open-case.js';
import { localDate } from '../reports/deadlines.js';
import { validate } from '../validate.js';
import { lockBody } from './admission-lock.js';
import { bodiesOf, mailNotices, writeNotices } from './announce.js';
import { admitterRole, rolesOfBody } from './bodies.js';
import { admitMemberSchema } from './schemas.js';
import { unsafeSessionSigner } from './signer.js';
import { sameFingerprint } from './own-fingerprint.js';
import { verifiedBodyState } from './verify-admissions.js';

/**
 * An admitted member who holds the body's admitting role signs a new member's keys and roles in
 * their own session. From then on new cases of the body's routes are sealed to that member.
 * Every admitted member of the body is told.
 */
export async function admitMember(s: Services, actor: StaffActor | null, input: unknown): Promise<void> {
  authorize(actor, 'admission.manage');
  const form = validate(admitMemberSchema, input);
  const timeZone = await timeZoneOf(s, actor.organisationId);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await lockBody(tx, actor.organisationId, form.body);
    const state = await verifiedBodyState({ ...s, db: tx }, actor.organisationId, form.body);
    const me = state.members.find((m) => m.userId === actor.userId);
    if (!me || !me.roles.includes(admitterRole[form.body])) throw refusal('forbidden', 'errors.admission.notAdmitter');
    if (state.members.some((m) => m.userId === form.userId)) throw refusal('conflict', 'errors.admission.alreadyAdmitted');
    const [target] = await tx.select().from(users).where(inOrg(actor.organisationId, users, eq(users.id, form.userId)));
    if (!target || target.organisationId !== actor.organisationId || target.status !== 'active' || !target.publicKey || !target.signingPublicKey || target.roles.includes('administrator')) {
      throw fieldError('userId', 'errors.admission.notEligible');
    }
    // The key the body signs must be the one the person holds: a key swapped in the database
    // gives another fingerprint than the one they read out from their own session.
    if (!sameFingerprint(form.fingerprint, keyFingerprint(s.sodium, target.publicKey, target.signingPublicKey))) throw fieldError('fingerprint', 'errors.admission.fingerprintMismatch');
    const offered = rolesOfBody(form.body, target.roles);
    if (!form.roles.every((role: string) => (offered as string[]).includes(role))) throw fieldError('roles', 'errors.admission.roleNotHeld');
    const [mine] = await tx.select().from(users).where(inOrg(actor.organisationId, users, eq(users.id, actor.userId)));
    const signer = unsafeSessionSigner(s.sodium, actor, mine ?? { publicKey: null, signingPublicKey: null });
    if (!s.sodium.memcmp(signer.publicKey, me.signingPublicKey)) throw new AppError('tampered');
    const fields = {
      id: randomUUID(),
      body: form.body,
      userId: target.id,
      roles: [...form.roles].sort(),
      boxPublicKey: target.publicKey,
      signingPublicKey: target.signingPublicKey,
      admittedOn: localDate(s.now(), timeZone),
      admittedBy: actor.userId,
      statement: null,
    };
    const signature = signAdmission(s.sodium, signer.privateKey, fields);
    signer.privateKey.fill(0);
    await tx.insert(bodyAdmissions).values({ ...fields, organisationId: actor.organisationId, admitterSigningKey: signer.publicKey, signature, createdAt: s.now() });
    const fingerprint = keyFingerprint(s.sodium, fields.boxPublicKey, fields.signingPublicKey);
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'member.admitted', caseId: null, detail: { body: form.body, member: target.id, roles: fields.roles.join(','), fingerprint } });
    told = await writeNotices({ ...s, db: tx }, bodiesOf(actor.organisationId, [form.body]), 'member.admitted', { body: form.body, name: target.displayName, roles: fields.roles.join(','), fingerprint, by: mine?.displayName ?? '' });
  });
  await mailNotices(s, told);
}
