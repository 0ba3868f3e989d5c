import { compileRuleSet } from '../compile-rule-set.js';
import { resolveGrade } from '../resolve-grade.js';
import type { AppliedDowngrade, AppliedVeto } from '../types.js';
import { accumulating } from './fixtures.js';

const compiled = compileRuleSet(accumulating);
const veto = (forceGrade: string): AppliedVeto => ({ vetoId: 'v', eventId: 'e', forceGrade, from: '2026-01-01', until: '2026-12-31' });
const downgrade = (steps: number): AppliedDowngrade => ({ downgradeId: 'd', eventId: 'e', steps, from: '2026-01-01', until: '2026-12-31' });

describe('resolveGrade', () => {
  it.each([
    ['a total alone', 350, [], [], [1, 1]],
    ['one downgrade', 350, [], [downgrade(1)], [1, 2]],
    ['downgrades past the worst grade', 350, [], [downgrade(2), downgrade(3)], [1, 3]],
    ['a veto forcing a worse grade', 5000, [veto('low')], [], [0, 2]],
    ['a veto forcing a better grade than points and downgrades give', -5, [veto('low')], [downgrade(1)], [3, 3]],
    ['several vetoes (the worst wins)', 5000, [veto('mid'), veto('bottom'), veto('low')], [], [0, 3]],
    ['no score and no veto', null, [], [downgrade(1)], [null, null]],
    ['no score and a veto', null, [veto('low')], [], [null, 2]],
  ])('grades %s', (_name, total, vetoes, downgrades, [base, grade]) => {
    expect(resolveGrade(compiled, total, vetoes, downgrades)).toEqual({ baseGradeIndex: base, gradeIndex: grade });
  });
});
