import { exactReduce } from '../exact-reduce.js';

describe('exactReduce', () => {
  it('gives lowest terms: 6/6 = 1, 150/1000 = 3/20', () => {
    expect(exactReduce({ numerator: 6n, denominator: 6n })).toEqual({ numerator: 1n, denominator: 1n });
    expect(exactReduce({ numerator: 150n, denominator: 1000n })).toEqual({ numerator: 3n, denominator: 20n });
  });
});
