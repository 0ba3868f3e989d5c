// Certified production feeds the enterprise points engine: whether a producer enterprise holds a
// valid product certificate today becomes the indicator certified_production (a yes/no indicator of
// the enterprise rule set from version 1.1.0). The value is recorded as an accepted indicator value
// (submitted by "certification", evidence = the certificate's first document) whenever it changes —
// on issue, on revocation and, through the certification.expiry job, the day after a certificate
// expires — and the enterprise is rescored at once. An unchanged value records nothing (idempotent).
import type { IndicatorSubmissionRepository } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { ProductCertificate, ProductCertificateRepository } from '../../db/product-certificates/product-certificate.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { Clock } from '../clock.js';
import { chinaDate } from '../points/china-date.js';
import type { RescoringService } from '../points/rescoring-service.js';
import { certificateValidity } from './certificate-state-machine.js';

export const certifiedProductionIndicator = 'certified_production';
export const certifiedProductionSubmitter = 'certification';

export interface CertifiedProductionDeps {
  certificates: ProductCertificateRepository;
  submissions: IndicatorSubmissionRepository;
  subjects: SubjectRepository;
  rescoring: RescoringService;
  clock: Clock;
}

export class CertifiedProductionFeed {
  constructor(private readonly deps: CertifiedProductionDeps) {}

  private async certificatesOf(scope: Parameters<ProductCertificateRepository['list']>[0]): Promise<ProductCertificate[]> {
    const out: ProductCertificate[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await this.deps.certificates.list(scope, { limit: 200, offset });
      out.push(...page.items);
      if (page.items.length < 200) return out;
    }
  }

  /**
   * Records the producer's certified-production value when it differs from the last accepted one and
   * rescores the enterprise. Other subject types are not scored by indicators: nothing is recorded.
   */
  async sync(subjectId: string): Promise<{ value: boolean; changed: boolean } | undefined> {
    const subject = await this.deps.subjects.findByIdUnscoped(subjectId);
    if (!subject || subject.type !== 'enterprise') return undefined;
    const now = this.deps.clock.now();
    const today = chinaDate(now);
    const certificates = await this.certificatesOf({ kind: 'producer', subjectId });
    const valid = certificates.filter((c) => certificateValidity(c, today) === 'valid');
    const value = valid.length > 0;
    const accepted = await this.deps.submissions.acceptedForSubjects([subjectId]);
    const last = accepted.filter((s) => s.indicatorId === certifiedProductionIndicator).at(-1);
    if (last ? last.value === value : !value) return { value, changed: false };
    const evidence = (valid[0] ?? certificates[0])?.documents ?? [];
    await this.deps.submissions.insert({
      subjectId, indicatorId: certifiedProductionIndicator, value, period: today.slice(0, 4),
      documentIds: evidence.map((d) => d.id), documentHashes: evidence.map((d) => d.sha256),
      state: 'accepted', submittedBy: certifiedProductionSubmitter, submittedAt: now, decidedBy: certifiedProductionSubmitter, decidedAt: now,
      note: value ? `valid certificate ${valid.map((c) => c.certificateNumber).join(', ')}` : 'no valid certificate (expired or revoked)',
    });
    await this.deps.rescoring.rescoreSubjects([subjectId]);
    return { value, changed: true };
  }

  /** Every producer with a certificate (the daily expiry job): returns how many values changed. */
  async syncAll(): Promise<number> {
    const producers = [...new Set((await this.certificatesOf({ kind: 'all' })).map((c) => c.producerSubjectId))].sort();
    let changed = 0;
    for (const subjectId of producers) if ((await this.sync(subjectId))?.changed) changed++;
    return changed;
  }
}
