import type { AccumulatingRule, Downgrade, RuleSet, Veto } from './types.js';

/** Lookup tables derived from a rule set, built once per rule-set object. */
export interface CompiledRuleSet {
  ruleSet: RuleSet;
  rules: AccumulatingRule[];
  ruleIndexByEventType: Map<string, number>;
  vetoesByEventType: Map<string, Veto[]>;
  downgradesByEventType: Map<string, Downgrade[]>;
  gradeIndexById: Map<string, number>;
  categories: string[];
}

function groupByEventType<T extends { eventType: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.eventType, [...(groups.get(item.eventType) ?? []), item]);
  return groups;
}

function categoriesOf(ruleSet: RuleSet): string[] {
  const categories = ruleSet.mode === 'accumulating' ? ruleSet.rules.map((r) => r.category) : ruleSet.indicators.map((i) => i.category);
  return [...new Set(categories)].sort();
}

const cache = new WeakMap<RuleSet, CompiledRuleSet>();

/** The lookup tables of a (validated, unchanged) rule set; memoised per rule-set object. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const cached = cache.get(ruleSet);
  if (cached) return cached;
  const rules = ruleSet.mode === 'accumulating' ? ruleSet.rules : [];
  const compiled: CompiledRuleSet = {
    ruleSet,
    rules,
    ruleIndexByEventType: new Map(rules.map((rule, index) => [rule.eventType, index])),
    vetoesByEventType: groupByEventType(ruleSet.vetoes),
    downgradesByEventType: groupByEventType(ruleSet.downgrades),
    gradeIndexById: new Map(ruleSet.grades.map((grade, index) => [grade.id, index])),
    categories: categoriesOf(ruleSet),
  };
  cache.set(ruleSet, compiled);
  return compiled;
}
