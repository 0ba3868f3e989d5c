// Wiring of the guarantee area, called from platform.ts: repositories, the workflow, the default
// hook on the loans (a defaulted loan's guarantee moves to DEFAULT_NOTIFIED), and document access
// for the guarantor to the claim documents the bank attached.
import type { Connection } from 'mongoose';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import { GuaranteeCapacityRepository } from '../../db/guarantees/guarantee-capacity.repository.js';
import { GuaranteeRulesRepository } from '../../db/guarantees/guarantee-rules.repository.js';
import { GuaranteeRepository, GuarantorProfileRepository } from '../../db/guarantees/guarantee.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { can } from '../identity/principal.js';
import type { LoansArea } from '../loans/loans-area.js';
import { GuaranteeCapacity } from './guarantee-capacity.js';
import { GuaranteeClaims } from './guarantee-claims.js';
import { GuaranteeCounterAssets, type CounterEncumbrance } from './guarantee-counter-assets.js';
import { GuaranteeRulesService } from './guarantee-rules-service.js';
import { GuarantorProfiles } from './guarantee-profiles.js';
import { GuaranteeService } from './guarantee-service.js';
import { GuaranteeWorkflow } from './guarantee-workflow.js';

export interface GuaranteesWiring {
  connection: Connection;
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  loans: LoansArea;
  /** The asset area's encumbrance (counter-guarantees in pledged ecological assets) and its assets. */
  encumbrance: CounterEncumbrance;
  assets: AssetRepository;
}

export function guaranteesArea(w: GuaranteesWiring) {
  const guarantees = new GuaranteeRepository(w.connection);
  const profiles = new GuarantorProfileRepository(w.connection);
  const rulesService = new GuaranteeRulesService({ rules: new GuaranteeRulesRepository(w.connection), audit: w.audit, clock: w.clock });
  const rules = () => rulesService.current();
  const rulesFor = (version: string) => rulesService.version(version);
  const workflow = new GuaranteeWorkflow({ guarantees, audit: w.audit, clock: w.clock });
  const capacity = new GuaranteeCapacity({ counters: new GuaranteeCapacityRepository(w.connection), guarantees, profiles, clock: w.clock });
  const counterAssets = new GuaranteeCounterAssets({ assets: w.assets, encumbrance: w.encumbrance });
  workflow.onMoved((_actor, before, after) => capacity.afterMove(before, after));
  workflow.onMoved((actor, _before, after) => counterAssets.afterMove(actor, after));
  const service = new GuaranteeService({
    guarantees, profiles, workflow, loans: w.loans.loanRepositories.loans, applications: w.loans.loanRepositories.applications,
    loanReview: w.loans.loanReview, institutions: w.institutions, rules, rulesFor, capacity, counterAssets, clock: w.clock,
  });
  service.useSubjectNames(async (id) => (await w.subjects.findByIdUnscoped(id))?.name ?? id);
  const claims = new GuaranteeClaims({ guarantees, workflow, service, documents: w.documents, rulesFor, clock: w.clock });

  w.loans.loanReview.onDefault(async (event) => {
    const g = await guarantees.findOpenByLoan(event.loanId);
    if (g?.state === 'IN_FORCE') await service.noticeDefault(g, event.outstanding, 'loan defaulted');
  });
  // The guarantor reads the claim documents a bank attached to a claim on its guarantee.
  w.documents.grantAccess(async (principal, meta) => {
    if (!principal.institutionId || !(can(principal, 'guarantees.review') || can(principal, 'guarantees.approve'))) return false;
    return guarantees.referencesClaimDocument(principal.institutionId, meta.id);
  });

  return {
    guaranteeRepositories: { guarantees, profiles },
    guarantees: service,
    guaranteeClaims: claims,
    guarantorProfiles: new GuarantorProfiles({ profiles, institutions: w.institutions, audit: w.audit, clock: w.clock }),
    guaranteeRules: rules,
    guaranteeRulesVersions: rulesService,
    guaranteeCapacity: capacity,
  };
}

export type GuaranteesArea = ReturnType<typeof guaranteesArea>;
