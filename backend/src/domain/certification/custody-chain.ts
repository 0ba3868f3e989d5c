// A batch's custody chain, built like the audit trail and the points ledger: each step holds the
// previous step's SHA-256 hash (the first holds 64 zeros) and its own hash over its canonical JSON,
// and the batch records the head (last seq and hash). Each step's hash is also signed with the
// performer's HMAC-SHA256 key, which only the platform holds.
//
// What verification proves: the steps read back are exactly the steps recorded, in order, none
// changed, inserted or removed (hash, link, seq and head checks), and each was recorded by the platform
// for a user of the named performer (the signature). Someone who can edit the step collection but not
// the key collection cannot re-sign a rewritten chain, so even a chain recomputed end to end is
// caught. It does not prove the physical facts a performer declared.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CustodyStep } from '../../db/custody-steps/custody-step.repository.js';
import { canonicalJson } from '../audit/canonical-json.js';

export const custodyGenesisHash = '0'.repeat(64);

export type UnhashedStep = Omit<CustodyStep, 'id' | 'hash' | 'signature'>;

/** SHA-256 over the canonical JSON of everything the step says (batch, seq, facts, performer, previous hash). */
export function hashCustodyStep(step: UnhashedStep): string {
  const { batchId, seq, type, performedAt, location, description, quantity, documents, performer, recordedBy, recordedAt, prevHash } = step;
  return createHash('sha256')
    .update(canonicalJson({ batchId, seq, type, performedAt, location, description, quantity, documents, performer, recordedBy, recordedAt, prevHash }))
    .digest('hex');
}

export const signCustodyHash = (secretHex: string, hash: string): string => createHmac('sha256', Buffer.from(secretHex, 'hex')).update(hash).digest('hex');

export const performerKeyOf = (performer: CustodyStep['performer']): string => `${performer.kind}:${performer.id}`;

export interface StepCheck {
  seq: number;
  hashValid: boolean;
  linkValid: boolean;
  signatureValid: boolean;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first problem found: which step and why (changed, inserted, removed, unsigned). */
  firstBroken: { seq: number; reason: string } | null;
  steps: StepCheck[];
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Walks the steps in seq order. `keyOf` returns the performer's signing key (undefined: unknown
 * performer). The head is the batch's record of its last step.
 */
export function verifyCustodyChain(steps: readonly CustodyStep[], head: { seq: number; hash: string }, keyOf: (keyId: string) => string | undefined): ChainVerification {
  let expected = 1;
  let prevHash = custodyGenesisHash;
  let firstBroken: ChainVerification['firstBroken'] = null;
  const checks: StepCheck[] = [];
  const breakAt = (seq: number, reason: string) => {
    firstBroken ??= { seq, reason };
  };
  for (const step of steps) {
    if (step.seq !== expected) {
      breakAt(step.seq, step.seq > expected ? `step ${expected} is missing (removed)` : `step ${step.seq} appears out of order (inserted)`);
    }
    const hashValid = hashCustodyStep(step) === step.hash;
    const linkValid = step.prevHash === prevHash;
    const key = keyOf(step.signature?.keyId ?? '');
    const signatureValid = !!key && step.signature.keyId === performerKeyOf(step.performer) && sameHex(signCustodyHash(key, step.hash), step.signature.value);
    if (!linkValid) breakAt(step.seq, 'its previous-step hash does not match the step before it (a step was inserted, removed or changed)');
    if (!hashValid) breakAt(step.seq, 'its contents do not match its hash (the step was changed)');
    if (!signatureValid) breakAt(step.seq, 'its signature does not verify with the performer’s key');
    checks.push({ seq: step.seq, hashValid, linkValid, signatureValid });
    prevHash = step.hash;
    expected = step.seq + 1;
  }
  const lastSeq = steps.length > 0 ? steps[steps.length - 1]!.seq : 0;
  if (lastSeq !== head.seq || prevHash !== head.hash) {
    breakAt(Math.max(lastSeq, head.seq), lastSeq < head.seq ? `the chain ends at step ${lastSeq} but the batch recorded ${head.seq} steps (a step was removed)` : `the chain does not end at the batch’s recorded last step ${head.seq}`);
  }
  return { ok: firstBroken === null, checked: steps.length, firstBroken, steps: checks };
}
