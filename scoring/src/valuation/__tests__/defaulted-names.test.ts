import { exact } from '../../money/index.js';
import { defaultedNames } from '../defaulted-names.js';

const input = (defaulted: boolean) => ({ exact: exact(1n), record: { value: 1, unit: 'u', source: 'request' as const }, defaulted });

describe('defaultedNames', () => {
  it('lists the inputs filled from defaults, in order', () => {
    expect(defaultedNames({ a: input(true), b: input(false), c: input(true) })).toEqual(['a', 'c']);
  });
});
