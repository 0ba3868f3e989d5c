// The rule-set versions the platform scores with: the scheduled versions in the database, parsed
// once and kept (rule sets are immutable, and the engine memoises per rule-set object).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ruleSetInForce, validateRuleSet, type RuleSet, type SubjectType } from '@eco/scoring';
import type { RuleSetVersion, RuleSetVersionRepository } from '../../db/points-rule-sets/rule-set-version.repository.js';

const defaultRuleSetDir = (dirname(createRequire(import.meta.url).resolve('@eco/scoring/rule-sets/individual.json')));

/** The default rule sets shipped with the scoring library (scoring/rule-sets/*.json). */
export function defaultRuleSets(): RuleSet[] {
  return readdirSync(defaultRuleSetDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => validateRuleSet(JSON.parse(readFileSync(join(defaultRuleSetDir, f), 'utf8'))));
}

export class RuleSetLibrary {
  private readonly parsed = new Map<string, RuleSet>();

  constructor(private readonly versions: RuleSetVersionRepository, private readonly now: () => Date) {}

  /**
   * Every start: each default rule-set version shipped with the scoring library and not yet stored
   * becomes a scheduled version (in force from its date). A version already stored — even one an
   * operator withdrew — is left as it is (unique rule-set id and version).
   */
  async ensureDefaults(): Promise<void> {
    for (const ruleSet of defaultRuleSets()) {
      await this.versions.insert({
        ruleSetId: ruleSet.id, version: ruleSet.version, subjectType: ruleSet.subjectType, effectiveFrom: ruleSet.effectiveFrom,
        state: 'scheduled', definition: JSON.stringify(ruleSet), uploadedBy: 'system', uploadedAt: this.now(),
      });
    }
  }

  parse(version: RuleSetVersion): RuleSet {
    const key = `${version.id}:${version.effectiveFrom}`;
    let ruleSet = this.parsed.get(key);
    if (!ruleSet) {
      ruleSet = { ...validateRuleSet(JSON.parse(version.definition)), effectiveFrom: version.effectiveFrom };
      this.parsed.set(key, ruleSet);
    }
    return ruleSet;
  }

  /** Every scheduled version of a subject type (for replay and the version in force on a date). */
  async scheduled(subjectType: SubjectType): Promise<RuleSet[]> {
    return (await this.versions.scheduled(subjectType)).map((v) => this.parse(v));
  }

  async inForce(subjectType: SubjectType, asOf: string): Promise<RuleSet> {
    return ruleSetInForce(await this.scheduled(subjectType), subjectType, asOf);
  }

  /** The versions in force on a date for every subject type (one lookup for a whole recompute batch). */
  async inForceByType(asOf: string): Promise<Map<string, RuleSet>> {
    const all = (await this.versions.scheduled()).map((v) => this.parse(v));
    const out = new Map<string, RuleSet>();
    for (const type of new Set(all.map((r) => r.subjectType))) out.set(type, ruleSetInForce(all, type, asOf));
    return out;
  }
}
