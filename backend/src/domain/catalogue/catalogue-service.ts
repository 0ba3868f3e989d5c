// The ecological product catalogue (目录清单) and its monitoring series: entries per region and
// ecosystem with their physical-quantity indicator, CSV imports of observations (whole file or
// nothing, every bad row reported), unit checks, and alerts below a threshold or on a year-on-year drop.
import { ecoRegions, exact, exactCompare, exactDivide, exactSubtract, exactToDecimalString, toExact, type Exact } from '@eco/scoring';
import type { CatalogueEntry, EcoCatalogueRepository, MonitoringAlert, NewCatalogueEntry, Observation } from '../../db/eco-catalogue/eco-catalogue.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';
import { CsvSyntaxError, parseCsv } from '../prices/parse-csv.js';
import { isCalendarDate, type RowError } from '../prices/price-rows.js';

type Caller = Actor & { principal: Principal };
export type EntryInput = Omit<NewCatalogueEntry, 'institutionId' | 'createdBy' | 'providerInstitutionId' | 'gepService' | 'thresholds'> & {
  providerInstitutionId?: string; gepService?: string; thresholds?: { min?: string; maxDropShare?: string };
};
export const monitoringCsvColumns = ['date', 'value', 'unit', 'source'] as const;

const decimalOrUndefined = (text: string): Exact | undefined => {
  if (!/^\d{1,15}(\.\d{1,8})?$/.test(text)) return undefined;
  return toExact(text);
};

export class CatalogueService {
  constructor(private readonly deps: { catalogue: EcoCatalogueRepository; institutions: InstitutionRepository; audit: AuditTrail }) {}

  async create(actor: Caller, input: EntryInput): Promise<CatalogueEntry> {
    const institutionId = actor.principal.institutionId;
    if (!institutionId) throw new AppError('FORBIDDEN', 'catalogue entries are kept by an institution');
    const region = ecoRegions.regions.find((r) => r.name === input.region);
    if (!region) throw new AppError('VALIDATION_FAILED', `${input.region} is not a prefecture or county of the region list ${ecoRegions.version}`, { field: 'region' });
    if (region.level !== input.regionLevel) throw new AppError('VALIDATION_FAILED', `${input.region} is a ${region.level}, not a ${input.regionLevel}`, { field: 'regionLevel' });
    if (input.providerInstitutionId && !(await this.deps.institutions.findByIdUnscoped(input.providerInstitutionId))) {
      throw new AppError('VALIDATION_FAILED', 'no such provider institution', { field: 'providerInstitutionId' });
    }
    const entry = await this.deps.catalogue.insert({
      ...input, institutionId, createdBy: actor.principal.username, providerInstitutionId: input.providerInstitutionId ?? null, gepService: input.gepService ?? null,
      thresholds: { min: input.thresholds?.min ?? null, maxDropShare: input.thresholds?.maxDropShare ?? null },
    });
    if (!entry) throw new AppError('CATALOGUE_ENTRY_EXISTS', `${input.region} already lists ${input.product} measured as ${input.indicator}`, { field: 'indicator' });
    await this.deps.audit.append(actor, { action: 'catalogue.create', entityType: 'eco_catalogue_entry', entityId: entry.id, after: { ...input }, institutionId });
    return entry;
  }

  list(filter: { region?: string; ecosystem?: string }): Promise<CatalogueEntry[]> {
    return this.deps.catalogue.list(filter);
  }

  /** One entry with its series (date order) and alerts; the chart plots the series. */
  async get(id: string): Promise<CatalogueEntry & { series: Observation[]; alerts: MonitoringAlert[] }> {
    const entry = await this.deps.catalogue.find(id);
    if (!entry) throw notFound('catalogue entry');
    const [series, alerts] = await Promise.all([this.deps.catalogue.series(id), this.deps.catalogue.alerts({ entryId: id })]);
    return { ...entry, series, alerts };
  }

  alerts(filter: { region?: string }): Promise<MonitoringAlert[]> {
    return this.deps.catalogue.alerts(filter);
  }

  /**
   * Imports a CSV (date,value,unit,source) into an entry the caller's institution provides: any bad row
   * answers 400 with every row's error and stores nothing; then raises the alerts the series calls for.
   */
  async importCsv(actor: Caller, entryId: string, bytes: Buffer): Promise<{ imported: number; unchanged: number; alertsRaised: Omit<MonitoringAlert, 'id' | 'createdAt'>[] }> {
    const provider = actor.principal.institutionId;
    const entry = provider ? await this.deps.catalogue.findForProvider(entryId, provider) : undefined;
    if (!entry) throw notFound('catalogue entry');
    let rows: string[][];
    try {
      rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw importError([{ row: e.line, field: 'row', message: e.message }]);
      throw e;
    }
    const errors: RowError[] = [];
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    if (header.join(',') !== monitoringCsvColumns.join(',')) throw importError([{ row: 1, field: 'header', message: `the first line must be ${monitoringCsvColumns.join(',')}` }]);
    const seen = new Set<string>();
    const observations: { row: number; date: string; value: string; unit: string; source: string }[] = [];
    for (let i = 1; i < rows.length; i++) {
      const row = i + 1;
      const cells = rows[i]!.map((c) => c.trim());
      const [date, value, unit, source] = cells;
      const fail = (field: string, message: string) => errors.push({ row, field, message });
      if (cells.length !== monitoringCsvColumns.length) fail('row', `expected ${monitoringCsvColumns.length} columns, found ${cells.length}`);
      else if (!isCalendarDate(date!)) fail('date', `"${date}" is not a date (YYYY-MM-DD)`);
      else if (!decimalOrUndefined(value!)) fail('value', `"${value}" is not a quantity (a number ≥ 0 with at most 8 decimals)`);
      else if (unit !== entry.unit) fail('unit', `the unit ${unit || '(empty)'} does not match the indicator's unit ${entry.unit}`);
      else if (!source || source.length > 200) fail('source', 'name the source (at most 200 characters)');
      else if (seen.has(date!)) fail('date', `${date} appears twice in the file`);
      else {
        seen.add(date!);
        const stored = await this.deps.catalogue.observationOn(entry.id, date!);
        if (stored && exactCompare(toExact(stored.value), toExact(value!)) !== 0) fail('value', `${date} already has the value ${stored.value} ${entry.unit}`);
        else observations.push({ row, date: date!, value: value!, unit: unit!, source: source! });
      }
    }
    if (rows.length < 2) errors.push({ row: 1, field: 'row', message: 'the file has no observations' });
    if (errors.length > 0) throw importError(errors);
    let imported = 0;
    for (const { row: _row, ...o } of observations) if (await this.deps.catalogue.insertObservation({ ...o, entryId: entry.id, importedBy: actor.principal.username })) imported++;
    const raised = await this.raiseAlerts(entry);
    await this.deps.audit.append(actor, { action: 'monitoring.import', entityType: 'eco_catalogue_entry', entityId: entry.id, after: { rows: observations.length, imported, alerts: raised.length }, institutionId: provider });
    return { imported, unchanged: observations.length - imported, alertsRaised: raised };
  }

  /** Alerts for the whole series (idempotent): a value below the minimum; a drop from the same day a year earlier beyond the share. */
  private async raiseAlerts(entry: CatalogueEntry): Promise<Omit<MonitoringAlert, 'id' | 'createdAt'>[]> {
    const series = await this.deps.catalogue.series(entry.id);
    const byDate = new Map(series.map((o) => [o.date, o]));
    const raised: Omit<MonitoringAlert, 'id' | 'createdAt'>[] = [];
    const { min, maxDropShare } = entry.thresholds;
    for (const o of series) {
      const value = toExact(o.value);
      if (min !== null && exactCompare(value, toExact(min)) < 0) {
        const alert = { entryId: entry.id, region: entry.region, kind: 'below_threshold' as const, date: o.date, value: o.value, reference: min, dropShare: null };
        if (await this.deps.catalogue.insertAlert(alert)) raised.push(alert);
      }
      const before = byDate.get(`${Number(o.date.slice(0, 4)) - 1}${o.date.slice(4)}`);
      if (maxDropShare !== null && before && exactCompare(toExact(before.value), exact(0n)) > 0) {
        const drop = exactDivide(exactSubtract(toExact(before.value), value), toExact(before.value));
        if (exactCompare(drop, toExact(maxDropShare)) > 0) {
          const share = exactToDecimalString(drop, 4);
          const alert = { entryId: entry.id, region: entry.region, kind: 'yoy_drop' as const, date: o.date, value: o.value, reference: before.value, dropShare: share };
          if (await this.deps.catalogue.insertAlert(alert)) raised.push(alert);
        }
      }
    }
    return raised;
  }
}

function importError(errors: RowError[]): AppError {
  const first = errors[0]!;
  return new AppError('MONITORING_IMPORT_INVALID', `${errors.length} row(s) cannot be imported; nothing was stored (line ${first.row}: ${first.message})`, {
    field: `rows.${first.row}.${first.field}`,
    details: { errors },
  });
}
