import { describe, expect, it } from 'vitest';
import { keyFingerprint, signAdmission, signingKeyPairFrom, verifyAdmission, type AdmissionFields } from './signing.js';
import { loadSodium } from './sodium.js';

const sodium = await loadSodium();

describe('signing keys and admissions', () => {
  const admitter = signingKeyPairFrom(sodium, sodium.crypto_box_keypair().privateKey);
  const member = sodium.crypto_box_keypair();
  const fields: AdmissionFields = {
    id: '7f0c2f9e-4a43-4c55-9d3e-3b1b9b0f1d11',
    body: 'commission',
    userId: '0b7a4c0e-2b9a-4a86-9a63-5f4e1e6a3c22',
    roles: ['secretary'],
    boxPublicKey: member.publicKey,
    signingPublicKey: signingKeyPairFrom(sodium, member.privateKey).publicKey,
    admittedOn: '2026-12-01',
    admittedBy: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    statement: null,
  };

  it('derives the same signing key from the same private key, and another from another', () => {
    const key = sodium.crypto_box_keypair().privateKey;
    expect(signingKeyPairFrom(sodium, key).publicKey).toEqual(signingKeyPairFrom(sodium, key).publicKey);
    expect(signingKeyPairFrom(sodium, key).publicKey).not.toEqual(signingKeyPairFrom(sodium, sodium.crypto_box_keypair().privateKey).publicKey);
  });

  it('verifies an admission only as signed: every field is covered', () => {
    const signature = signAdmission(sodium, admitter.privateKey, fields);
    expect(verifyAdmission(sodium, admitter.publicKey, fields, signature)).toBe(true);
    const changes: Array<Partial<AdmissionFields>> = [
      { id: '7f0c2f9e-4a43-4c55-9d3e-3b1b9b0f1d12' },
      { body: 'advisors' },
      { userId: '0b7a4c0e-2b9a-4a86-9a63-5f4e1e6a3c23' },
      { roles: ['secretary', 'chair'] },
      { boxPublicKey: sodium.crypto_box_keypair().publicKey },
      { signingPublicKey: admitter.publicKey },
      { admittedOn: '2026-12-02' },
      { admittedBy: null },
      { statement: 'x' },
    ];
    for (const change of changes) expect(verifyAdmission(sodium, admitter.publicKey, { ...fields, ...change }, signature)).toBe(false);
    // Role order does not matter; another signer does.
    expect(verifyAdmission(sodium, admitter.publicKey, { ...fields, roles: ['secretary'] }, signature)).toBe(true);
    expect(verifyAdmission(sodium, fields.signingPublicKey, fields, signature)).toBe(false);
    expect(verifyAdmission(sodium, admitter.publicKey, fields, new Uint8Array(10))).toBe(false);
  });

  it('gives a short fingerprint in four groups that changes with either key', () => {
    const fingerprint = keyFingerprint(sodium, fields.boxPublicKey, fields.signingPublicKey);
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(keyFingerprint(sodium, fields.boxPublicKey, admitter.publicKey)).not.toBe(fingerprint);
  });
});
