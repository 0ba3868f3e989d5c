import { describe, expect, test } from '@jest/globals';
import { foldLedgerRows } from '../ledger-state.js';

const row = (subjectId: string, seq: number, ref: string, centipoints: number) => ({ subjectId, seq, hash: `h${subjectId}${seq}`, ref, centipoints });

describe('folding ledger rows into what rescoring needs', () => {
  test('each subject gets its chain head and the centipoints held per ref, rows in any order', () => {
    const state = foldLedgerRows([row('s1', 2, 'event:a', -40), row('s1', 1, 'event:a', 120), row('s1', 3, 'event:b', 60), row('s2', 1, 'indicator:x', 500)]);
    expect(state.heads).toEqual(new Map([['s1', { seq: 3, hash: 'hs13' }], ['s2', { seq: 1, hash: 'hs21' }]]));
    expect(state.held).toEqual(new Map([['s1', new Map([['event:a', 80], ['event:b', 60]])], ['s2', new Map([['indicator:x', 500]])]]));
    expect(state.unsettled).toEqual(new Set());
  });

  test('a chain read with an entry missing in the middle is unsettled (its head cannot be trusted)', () => {
    const state = foldLedgerRows([row('s1', 1, 'event:a', 120), row('s1', 3, 'event:b', 60), row('s2', 1, 'event:c', 10)]);
    expect(state.unsettled).toEqual(new Set(['s1']));
  });
});
