// THE table of the GEP accounting workflow: DRAFT → REVIEWED (a reviewer who is not the preparer) →
// PUBLISHED (immutable). A correction is a new version (DRAFT) naming what changed; publishing it
// marks the version it corrects SUPERSEDED (its figures stay as they were).
import type { Permission } from '../identity/permissions.js';

export const gepRunStates = ['DRAFT', 'REVIEWED', 'PUBLISHED', 'SUPERSEDED'] as const;
export type GepRunState = (typeof gepRunStates)[number];

export type GepRunAction = 'edit' | 'review' | 'returnToDraft' | 'publish' | 'correct' | 'supersede';
export type GepRunCheck = 'reviewer_is_not_preparer' | 'publisher_is_not_preparer' | 'change_note_given' | 'corrects_the_published_version';

export interface GepRunTransition {
  from: readonly GepRunState[];
  /** The state after the step (edit and correct keep or create DRAFT versions). */
  to: GepRunState;
  permission: Permission | null;
  checks: readonly GepRunCheck[];
}

export const gepRunStateMachine: Record<GepRunAction, GepRunTransition> = {
  edit: { from: ['DRAFT'], to: 'DRAFT', permission: 'gep.prepare', checks: [] },
  review: { from: ['DRAFT'], to: 'REVIEWED', permission: 'gep.review', checks: ['reviewer_is_not_preparer'] },
  returnToDraft: { from: ['REVIEWED'], to: 'DRAFT', permission: 'gep.review', checks: ['reviewer_is_not_preparer'] },
  /** A correction: intent recorded first, the corrected version superseded, then published (recovery finishes or undoes). */
  publish: { from: ['REVIEWED'], to: 'PUBLISHED', permission: 'gep.review', checks: ['publisher_is_not_preparer', 'corrects_the_published_version'] },
  /** From a published version: a new DRAFT version (version + 1) that names what changed. */
  correct: { from: ['PUBLISHED'], to: 'DRAFT', permission: 'gep.prepare', checks: ['change_note_given'] },
  /** System step when the correction is published. */
  supersede: { from: ['PUBLISHED'], to: 'SUPERSEDED', permission: null, checks: [] },
};

export function allowedGepRunActions(state: GepRunState): GepRunAction[] {
  return (Object.keys(gepRunStateMachine) as GepRunAction[]).filter((a) => a !== 'supersede' && gepRunStateMachine[a].from.includes(state));
}
