// The registration workflow as one table: draft → submitted → verified | rejected; owners revise
// drafts and rejected assets (back to draft). Each transition is one compare-and-set on the state.
import type { RegistrationState } from '../../db/assets/asset.types.js';
import type { Permission } from '../identity/permissions.js';

export type RegistrationAction = 'revise' | 'submit' | 'verify' | 'reject';

export interface RegistrationTransition {
  from: readonly RegistrationState[];
  to: RegistrationState;
  permission: Permission;
  /** Only the owner's own users may take this step (otherwise the platform verifier). */
  byOwner: boolean;
}

export const registrationWorkflow: Record<RegistrationAction, RegistrationTransition> = {
  revise: { from: ['draft', 'rejected'], to: 'draft', permission: 'assets.register', byOwner: true },
  submit: { from: ['draft'], to: 'submitted', permission: 'assets.register', byOwner: true },
  verify: { from: ['submitted'], to: 'verified', permission: 'assets.verify', byOwner: false },
  reject: { from: ['submitted'], to: 'rejected', permission: 'assets.verify', byOwner: false },
};
