// The review workflows of the points area as one table: indicator submissions, objections and
// credit-repair applications all go submitted → accepted | rejected, decided once by a reviewer
// holding the named permission; each transition is a compare-and-set on the state.
import type { Permission } from '../identity/permissions.js';

export type ReviewState = 'submitted' | 'accepted' | 'rejected';
export type ReviewDecision = 'accept' | 'reject';
export type ReviewedKind = 'indicator_submission' | 'objection' | 'credit_repair';

export interface ReviewTransition {
  from: ReviewState;
  to: ReviewState;
  permission: Permission;
}

export const reviewTransitions: Record<ReviewedKind, Record<ReviewDecision, ReviewTransition>> = {
  indicator_submission: {
    accept: { from: 'submitted', to: 'accepted', permission: 'indicators.review' },
    reject: { from: 'submitted', to: 'rejected', permission: 'indicators.review' },
  },
  objection: {
    accept: { from: 'submitted', to: 'accepted', permission: 'objections.review' },
    reject: { from: 'submitted', to: 'rejected', permission: 'objections.review' },
  },
  credit_repair: {
    accept: { from: 'submitted', to: 'accepted', permission: 'objections.review' },
    reject: { from: 'submitted', to: 'rejected', permission: 'objections.review' },
  },
};
