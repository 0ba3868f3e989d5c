// Market price series (water lease per basin, CEA/CCER, emission rights per pollutant and region,
// timber per species, land rent per prefecture): recorded one by one or imported from CSV.
import type { Price, PriceObservation, PriceRepository } from '../../db/prices/price.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';
import { CsvSyntaxError, parseCsv } from './parse-csv.js';
import { readPriceRows, type RowError } from './price-rows.js';

type Caller = Actor & { principal: Principal };

export interface ReferenceSummary {
  reference: string;
  latest: Price;
}

export interface ImportResult {
  imported: number;
  unchanged: number;
}

export class PriceService {
  constructor(private readonly deps: { prices: PriceRepository; audit: AuditTrail; clock: Clock }) {}

  /** Records one observation; the same price again is a no-op (created false), a different one for that day a conflict. */
  async record(actor: Caller, observation: PriceObservation): Promise<{ price: Price; created: boolean }> {
    const conflict = await this.conflictOf(observation);
    if (conflict) throw new AppError('PRICE_CONFLICT', conflict, { field: 'date' });
    const price = await this.deps.prices.insert({ ...observation, recordedBy: actor.principal.username, recordedAt: this.deps.clock.now() });
    if (!price) return { price: (await this.deps.prices.findOn(observation.reference, observation.date))!, created: false };
    await this.deps.audit.append(actor, { action: 'price.record', entityType: 'price', entityId: price.id, after: { ...observation } });
    return { price, created: true };
  }

  /** Imports a CSV file whole or not at all: any bad row answers 400 with every row's error and stores nothing. */
  async importCsv(actor: Caller, bytes: Buffer): Promise<ImportResult> {
    const { observations, errors } = readPriceRows(this.rowsOf(bytes));
    for (const o of observations) {
      const conflict = await this.conflictOf(o);
      if (conflict) errors.push({ row: o.row, field: 'price_yuan', message: conflict });
    }
    if (errors.length > 0) throw importError(errors);
    let imported = 0;
    for (const { row: _row, ...observation } of observations) {
      const stored = await this.deps.prices.insert({ ...observation, recordedBy: actor.principal.username, recordedAt: this.deps.clock.now() });
      if (stored) imported++;
    }
    await this.deps.audit.append(actor, { action: 'price.import', entityType: 'price', after: { rows: observations.length, imported } });
    return { imported, unchanged: observations.length - imported };
  }

  series(reference: string, from?: string, to?: string): Promise<Price[]> {
    return this.deps.prices.series(reference, from, to);
  }

  async references(): Promise<ReferenceSummary[]> {
    const summaries: ReferenceSummary[] = [];
    for (const reference of await this.deps.prices.references()) {
      const [latest] = await this.deps.prices.latest(reference, '9999-12-31', 1);
      if (latest) summaries.push({ reference, latest });
    }
    return summaries;
  }

  /** The latest `count` observations on or before a date, newest first; PRICE_MISSING when there is none. */
  async latest(reference: string, onOrBefore: string, count = 1): Promise<Price[]> {
    const prices = await this.deps.prices.latest(reference, onOrBefore, count);
    if (prices.length === 0) {
      throw new AppError('PRICE_MISSING', `no market price for ${reference} on or before ${onOrBefore}; an administrator records one under Prices`, { details: { reference } });
    }
    return prices;
  }

  private rowsOf(bytes: Buffer): string[][] {
    try {
      return parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw importError([{ row: e.line, field: 'row', message: e.message }]);
      throw e;
    }
  }

  private async conflictOf(observation: PriceObservation): Promise<string | undefined> {
    const existing = await this.deps.prices.findOn(observation.reference, observation.date);
    if (!existing || existing.priceFen === observation.priceFen) return undefined;
    return `${observation.reference} already has the price ${existing.priceFen} fen on ${observation.date}`;
  }
}

function importError(errors: RowError[]): AppError {
  const first = errors[0]!;
  return new AppError('PRICE_IMPORT_INVALID', `${errors.length} row(s) cannot be imported; nothing was stored (line ${first.row}: ${first.message})`, {
    field: `rows.${first.row}.${first.field}`,
    details: { errors },
  });
}
