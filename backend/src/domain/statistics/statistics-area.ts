// Wiring of the regulator's statistics, called from platform.ts after the bond area.
import type { Connection } from 'mongoose';
import type { BondRepository, ImpactReportRepository } from '../../db/bonds/bond.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import { CollateralFactRepository } from '../../db/statistics/collateral-facts.repository.js';
import { GreenLoanFactRepository } from '../../db/statistics/green-loan-facts.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { TradeRepository } from '../../db/trades/trade.repository.js';
import type { Clock } from '../clock.js';
import { StatisticsService } from './statistics-service.js';

export function statisticsArea(w: { connection: Connection; clock: Clock; institutions: InstitutionRepository; subjects: SubjectRepository; bonds: { bonds: BondRepository; reports: ImpactReportRepository }; trades: TradeRepository }) {
  const facts = new GreenLoanFactRepository(w.connection);
  return { statistics: new StatisticsService({ facts, collateral: new CollateralFactRepository(w.connection), subjects: w.subjects, institutions: w.institutions, bonds: w.bonds.bonds, reports: w.bonds.reports, trades: w.trades, clock: w.clock }) };
}
